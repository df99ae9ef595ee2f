import pytest

from tests.factories import OfficeProfileFactory, StaffFactory, content_editor, officer

pytestmark = pytest.mark.django_db


def test_content_editor_can_edit_the_office_profile(client):
    profile = OfficeProfileFactory()
    client.force_login(content_editor())
    response = client.post(
        f"/admin/office/officeprofile/{profile.pk}/change/",
        {
            "name": profile.name,
            "short_name": profile.short_name,
            "parent_agency": profile.parent_agency,
            "about_ind": "",
            "address": profile.address,
            "phone": "(0342) 999 888",
            "whatsapp": profile.whatsapp,
            "email": profile.email,
            "opening_hours_ind": profile.opening_hours,
            "latitude": "",
            "longitude": "",
        },
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.phone == "(0342) 999 888"


def test_officer_cannot_edit_the_office_profile(client):
    profile = OfficeProfileFactory()
    client.force_login(officer())
    response = client.post(f"/admin/office/officeprofile/{profile.pk}/change/", {"phone": "1"})
    assert response.status_code == 403


def test_a_second_office_profile_cannot_be_added(client):
    OfficeProfileFactory()
    client.force_login(StaffFactory(is_superuser=True))
    assert client.get("/admin/office/officeprofile/add/").status_code == 403


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get("/admin/office/officeprofile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
