import pytest

from outreach.office.models import OfficeProfile
from tests.factories import OfficeProfileFactory, StaffFactory, jpeg_upload

pytestmark = pytest.mark.django_db


def test_without_a_logo_the_header_shows_the_neutral_mark(client):
    OfficeProfileFactory()
    html = client.get("/").text
    assert '<span class="brand-mark" aria-hidden="true">IM</span>' in html


def test_an_administrator_uploads_a_logo_shown_in_the_header(client):
    office = OfficeProfileFactory()
    client.force_login(StaffFactory(is_superuser=True))
    form = {
        field: getattr(office, field)
        for field in ["name", "short_name", "parent_agency", "about", "address", "phone", "whatsapp", "email"]
    }
    form |= {"opening_hours_ind": office.opening_hours, "latitude": "", "longitude": "", "logo": jpeg_upload(width=900)}
    response = client.post(f"/admin/office/officeprofile/{office.pk}/change/", form)
    assert response.status_code == 302
    office = OfficeProfile.objects.get()
    assert office.logo.name.endswith(".jpg") and office.logo.width <= 256
    assert f'<img class="brand-logo" src="{office.logo.url}"' in client.get("/").text


def test_a_file_that_is_not_an_image_is_refused_as_logo(client):
    office = OfficeProfileFactory()
    client.force_login(StaffFactory(is_superuser=True))
    from django.core.files.uploadedfile import SimpleUploadedFile

    form = {"name": office.name, "short_name": office.short_name, "address": office.address, "phone": office.phone}
    form |= {"whatsapp": office.whatsapp, "email": office.email, "opening_hours_ind": office.opening_hours}
    form["logo"] = SimpleUploadedFile("logo.png", b"not an image", content_type="image/png")
    response = client.post(f"/admin/office/officeprofile/{office.pk}/change/", form)
    assert response.status_code == 200
    assert not OfficeProfile.objects.get().logo


def test_demo_contacts_are_marked_as_examples_while_debug_is_on(client, settings):
    OfficeProfileFactory()
    settings.DEBUG = True
    assert "Data contoh: kontak ini hanya untuk demonstrasi." in client.get("/").text


def test_contacts_are_not_marked_as_examples_in_production(client, settings):
    OfficeProfileFactory()
    settings.DEBUG = False
    assert "Data contoh" not in client.get("/").text
