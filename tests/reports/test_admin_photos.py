import pytest
from django.core.files.base import ContentFile

from tests.factories import ReportFactory, ReportPhotoFactory, content_editor, officer

pytestmark = pytest.mark.django_db


def photo_url(photo, report=None):
    return f"/admin/reports/report/{(report or photo.report).pk}/photo/{photo.pk}/"


def test_an_officer_sees_a_photo_inline_never_cached_never_sniffed(client):
    photo = ReportPhotoFactory()
    client.force_login(officer())
    response = client.get(photo_url(photo))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    filename = photo.image.name.rsplit("/", 1)[-1]
    assert response["Content-Disposition"] == f'inline; filename="{filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_the_change_page_shows_photos_through_the_staff_view_only(client):
    photo = ReportPhotoFactory()
    client.force_login(officer())
    response = client.get(f"/admin/reports/report/{photo.report.pk}/change/")
    assert photo_url(photo) in response.text
    assert "/media/" not in response.text
    assert "private-media" not in response.text


def test_anonymous_visitors_get_no_photo(client):
    photo = ReportPhotoFactory()
    response = client.get(photo_url(photo))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_without_report_permission_get_no_photo(client):
    photo = ReportPhotoFactory()
    client.force_login(content_editor())
    assert client.get(photo_url(photo)).status_code == 403


def test_a_photo_is_only_served_with_its_own_report(client):
    photo = ReportPhotoFactory()
    other = ReportFactory()
    client.force_login(officer())
    assert client.get(photo_url(photo, report=other)).status_code == 404


def test_a_photo_whose_file_is_gone_is_a_404(client):
    photo = ReportPhotoFactory()
    photo.image.storage.delete(photo.image.name)
    client.force_login(officer())
    assert client.get(photo_url(photo)).status_code == 404


def test_a_file_that_is_not_an_image_is_never_served_as_something_a_browser_renders(client):
    photo = ReportPhotoFactory()
    storage = photo.image.storage
    photo.image.name = storage.save("reports/page.html", ContentFile(b"<script>alert(1)</script>"))
    photo.save()
    client.force_login(officer())
    response = client.get(photo_url(photo))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
