import pytest

from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_the_back_office_fills_gaps_in_djangos_indonesian(client):
    client.force_login(StaffFactory(is_superuser=True))
    html = client.get("/admin/activities/activity/add/").text
    assert "- Pilih salah satu -" in html
    assert "- Select an option -" not in html
