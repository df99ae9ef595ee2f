"""submit_report, add_reporter_information and their all-or-nothing promise."""

import io
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection
from PIL import Image

from outreach.outbox.models import Email
from outreach.reports.models import Category, Priority, Report, ReportEvent, ReportPhoto, Status
from outreach.reports.services import MAX_FOLLOW_UP_PHOTOS, add_reporter_information, submit_report
from tests.factories import ReportFactory, officer

from .helpers import (
    answers,
    bomb_png,
    contact_answers,
    follow_private_storage,
    gps_exif,
    jpeg_bytes,
    new_token,
    private_files,
    upload,
)

pytestmark = pytest.mark.django_db


def submit(data=None, photos=(), token=None, language="id"):
    return submit_report(data or answers(), list(photos), submission_token=token or new_token(), language=language)


@pytest.mark.parametrize("category", Category.values)
def test_it_stores_a_report_of_each_category(category):
    report, pin = submit(answers(category=category))
    report.refresh_from_db()
    assert report.category == category
    assert report.status == Status.NEW
    assert report.check_pin(pin)
    assert len(pin) == 6
    assert report.events.get().kind == ReportEvent.Kind.SUBMITTED


def test_suspected_trafficking_is_urgent():
    report, _pin = submit(answers(category=Category.TRAFFICKING))
    assert report.priority == Priority.URGENT


def test_other_categories_are_normal_priority():
    report, _pin = submit(answers(category=Category.OVERSTAY))
    assert report.priority == Priority.NORMAL


def test_it_stores_no_contact_for_an_anonymous_report_even_if_typed():
    report, _pin = submit(contact_answers(identity="anonymous"))
    report.refresh_from_db()
    assert (report.reporter_name, report.reporter_phone, report.reporter_email) == ("", "", "")
    assert report.consent_given_at is None


def test_it_stores_contact_and_consent_time_with_contact():
    report, _pin = submit(contact_answers())
    report.refresh_from_db()
    assert report.reporter_email == "siti.rahayu@example.com"
    assert report.consent_given_at is not None


def test_it_keeps_photos_privately_without_metadata(settings):
    report, _pin = submit(photos=[upload(jpeg_bytes(exif=gps_exif()))])
    photo = report.photos.get()
    assert not photo.from_follow_up
    path = settings.PRIVATE_MEDIA_ROOT / photo.image.name
    assert path.exists()
    assert not list(settings.MEDIA_ROOT.rglob("*.jpg")) if settings.MEDIA_ROOT.exists() else True
    data = path.read_bytes()
    assert b"SecretCam" not in data and b"PhoneMaker" not in data
    assert not Image.open(io.BytesIO(data)).getexif()


def large_phone_photo(orientation=None) -> bytes:
    """A 12-megapixel landscape JPEG with GPS metadata (and, when given, an EXIF orientation)."""
    exif = Image.Exif()
    exif.load(gps_exif())
    if orientation:
        exif[0x0112] = orientation
    return jpeg_bytes(size=(4000, 3000), exif=exif.tobytes())


def stored_image(settings, report) -> tuple[bytes, Image.Image]:
    data = (settings.PRIVATE_MEDIA_ROOT / report.photos.get().image.name).read_bytes()
    return data, Image.open(io.BytesIO(data))


def test_a_large_photo_is_stored_within_the_size_cap_without_metadata(settings):
    report, _pin = submit(photos=[upload(large_phone_photo())])
    data, image = stored_image(settings, report)
    assert image.size == (2000, 1500)
    assert b"SecretCam" not in data and not image.getexif()


def test_a_large_photo_is_turned_upright_from_its_orientation(settings):
    report, _pin = submit(photos=[upload(large_phone_photo(orientation=6))])  # "rotate 90° clockwise"
    _data, image = stored_image(settings, report)
    assert image.size == (1500, 2000)


def test_a_report_photo_is_encoded_plainly_not_progressive(settings):
    report, _pin = submit(photos=[upload(large_phone_photo())])
    _data, image = stored_image(settings, report)
    assert not image.info.get("progressive")


def test_a_photo_for_the_public_is_still_encoded_progressive():
    from outreach.media import clean_image

    clean = clean_image(upload(large_phone_photo()))
    assert Image.open(io.BytesIO(clean.content)).info.get("progressive")


def test_it_refuses_four_photos_and_stores_nothing(settings):
    with pytest.raises(ValidationError):
        submit(photos=[upload() for _ in range(4)])
    assert Report.objects.count() == 0
    assert private_files(settings) == []


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"GIF89a not really a photo", "not_an_image"),
        (None, "too_many_pixels"),
        (jpeg_bytes() + b"\0" * (10 * 1024 * 1024), "too_large"),
    ],
    ids=["fake", "bomb", "oversize"],
)
def test_it_rejects_a_bad_photo_and_stores_nothing(settings, content, code):
    bad = upload(bomb_png() if content is None else content, name="x.png")
    with pytest.raises(ValidationError) as raised:
        submit(photos=[upload(), bad])
    assert raised.value.code == code
    assert Report.objects.count() == 0
    assert private_files(settings) == []


def test_a_database_error_after_the_photos_leaves_no_row_and_no_file(settings):
    # A real constraint in PostgreSQL makes the history entry fail after the photos were written.
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE reports_reportevent ADD CONSTRAINT test_no_events CHECK (kind <> 'submitted')")
    with pytest.raises(IntegrityError):
        submit(photos=[upload(), upload()])
    assert Report.objects.count() == 0
    assert ReportPhoto.objects.count() == 0
    assert Email.objects.count() == 0
    assert private_files(settings) == []


def test_a_storage_failure_on_the_second_photo_removes_the_first(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "tests.reports.helpers.FailOnSecondSaveStorage",
            "OPTIONS": {"location": settings.PRIVATE_MEDIA_ROOT},
        },
    }
    follow_private_storage()
    with pytest.raises(OSError):
        submit(photos=[upload(), upload()])
    assert Report.objects.count() == 0
    assert private_files(settings) == []


def test_the_same_submission_token_twice_gives_one_report_and_no_second_pin():
    token = new_token()
    first, pin = submit(token=token)
    second, second_pin = submit(token=token)
    assert second.pk == first.pk
    assert pin and second_pin is None
    assert Report.objects.count() == 1


def test_it_announces_a_new_report_without_identity_or_description(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report, _pin = submit(contact_answers(description="The secret description of what happened here."))
    assert mail.outbox == []
    call_command("send_pending_emails", stdout=StringIO())
    email = Email.objects.get()
    assert email.to == "piket@example.go.id"
    assert email.sent_at is not None
    sent = mail.outbox[0]
    content = sent.subject + sent.body + email.body_html
    assert report.reference in content
    for secret in ["Siti", "Rahayu", "0812", "siti.rahayu@example.com", "secret description"]:
        assert secret not in content


def test_the_announcement_of_urgent_reports_is_marked():
    submit(answers(category=Category.TRAFFICKING))
    assert Email.objects.get().subject.startswith("[")


def test_the_reporter_can_add_information_with_a_photo():
    report = ReportFactory()
    event = add_reporter_information(report, "  The man left yesterday.  ", upload())
    assert event.kind == ReportEvent.Kind.REPORTER_ADDED_INFO
    assert event.reporter_text == "The man left yesterday."
    assert report.photos.get().from_follow_up


def test_no_information_can_be_added_to_a_closed_report():
    report = ReportFactory()
    report.transition(Status.REJECTED, by=officer(), internal_note="Not our competence.")
    with pytest.raises(ValidationError) as raised:
        add_reporter_information(report, "More", None)
    assert raised.value.code == "closed"


def test_follow_up_photos_are_capped(settings):
    report = ReportFactory()
    for _ in range(MAX_FOLLOW_UP_PHOTOS):
        add_reporter_information(report, "", upload())
    with pytest.raises(ValidationError) as raised:
        add_reporter_information(report, "one more", upload())
    assert raised.value.code == "too_many_photos"
    assert len(private_files(settings)) == MAX_FOLLOW_UP_PHOTOS


def test_empty_information_is_refused():
    with pytest.raises(ValidationError) as raised:
        add_reporter_information(ReportFactory(), "   ", None)
    assert raised.value.code == "empty"
