from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from outreach.outbox.models import Email
from outreach.reports.models import Category, Report, ReportEvent, ReportPhoto, Status

pytestmark = pytest.mark.django_db


def seed(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_it_seeds_reports_of_every_category_and_status(settings):
    output = seed(settings)
    assert "30 demo reports" in output
    assert set(Report.objects.values_list("category", flat=True)) == set(Category.values)
    assert set(Report.objects.values_list("status", flat=True)) == set(Status.values)
    assert Report.objects.overdue().exists()


def test_the_histories_follow_the_workflow_by_demo_staff(settings):
    seed(settings)
    closed = Report.objects.filter(status=Status.CLOSED).first()
    steps = list(closed.events.filter(kind=ReportEvent.Kind.TRANSITION).values_list("to_status", flat=True))
    assert steps[-1] == Status.CLOSED
    assert closed.events.filter(kind=ReportEvent.Kind.TRANSITION).exclude(actor=None).count() == len(steps)
    assert closed.closed_at == closed.events.get(to_status=Status.CLOSED).created_at
    for event in ReportEvent.objects.filter(kind=ReportEvent.Kind.TRANSITION):
        assert event.created_at >= event.report.created_at


def test_it_sends_no_email_and_uses_example_addresses(settings):
    seed(settings)
    assert mail.outbox == []
    assert not Email.objects.exists()
    emails = [email for email in Report.objects.values_list("reporter_email", flat=True) if email]
    assert emails and all(email.endswith(("@example.com", "@example.org")) for email in emails)


def test_running_it_twice_creates_no_duplicates(settings):
    seed(settings)
    counts = (Report.objects.count(), ReportEvent.objects.count())
    output = seed(settings)
    assert (Report.objects.count(), ReportEvent.objects.count()) == counts
    assert "30 demo reports (0 added by this run" in output


def test_some_demo_reports_have_private_photos(settings):
    seed(settings)
    photos = ReportPhoto.objects.all()
    assert photos.count() == 4
    for photo in photos:
        assert photo.image.storage.exists(photo.image.name)
        assert photo.image.storage.base_url == "/private-media-is-not-served/"
