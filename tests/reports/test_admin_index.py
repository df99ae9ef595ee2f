import datetime

import pytest
from django.utils import timezone

from tests.factories import ReportFactory, content_editor, officer

pytestmark = pytest.mark.django_db


def test_the_admin_index_counts_overdue_reports_for_officers(client):
    ReportFactory(created_at=timezone.now() - datetime.timedelta(days=10))
    ReportFactory(created_at=timezone.now() - datetime.timedelta(days=12))
    ReportFactory()
    client.force_login(officer())
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "report-overdue-notice" in response.text
    assert "/admin/reports/report/?overdue=yes" in response.text
    assert ">2 " in response.text


def test_there_is_no_notice_without_overdue_reports(client):
    ReportFactory()
    client.force_login(officer())
    assert "report-overdue-notice" not in client.get("/admin/").text


def test_content_editors_get_no_overdue_notice(client):
    ReportFactory(created_at=timezone.now() - datetime.timedelta(days=10))
    client.force_login(content_editor())
    assert "report-overdue-notice" not in client.get("/admin/").text
