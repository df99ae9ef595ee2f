import pytest

from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_the_back_office_fills_gaps_in_djangos_indonesian(client):
    client.force_login(StaffFactory(is_superuser=True))
    html = client.get("/admin/activities/activity/add/").text
    assert "- Pilih salah satu -" in html
    assert "- Select an option -" not in html


def test_the_log_in_error_names_the_username_field_once(client):
    response = client.post("/admin/login/", {"username": "siapa", "password": "salah", "next": "/admin/"})
    assert "Masukkan nama pengguna dan sandi yang benar untuk akun staf." in response.text
    assert "nama pengguna nama pengguna" not in response.text


def test_the_date_and_time_shortcuts_speak_indonesian(client):
    client.force_login(StaffFactory(is_superuser=True))
    catalog = client.get("/admin/jsi18n/").text
    assert '"Today (%(date)s)": "Hari ini (%(date)s)"' in catalog
    assert '"%s (today)": "%s (hari ini)"' in catalog
    assert "Catatan: Masukkan waktu dalam zona waktu %(timezone)s." in catalog


def test_the_general_log_in_error_names_the_username_field_once(rf):
    from django.contrib.auth.forms import AuthenticationForm
    from django.utils import translation

    with translation.override("id"):
        # django-axes checks every authentication against the request it came with.
        form = AuthenticationForm(rf.post("/"), data={"username": "siapa", "password": "salah"})
        assert not form.is_valid()
        [error] = form.non_field_errors()
    assert error.startswith("Masukkan nama pengguna dan sandi yang benar.")
    assert "nama pengguna nama pengguna" not in error
