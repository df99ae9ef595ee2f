"""/lapor/cek/: reference code + PIN → status, public timeline, adding information; lockout."""

import re

import pytest
from django.test import Client

from outreach.reports import retention
from outreach.reports.models import ReportEvent, Status
from outreach.reports.services import LOOKUP_MAX_FAILURES, public_timeline
from tests.factories import ReportFactory, officer

from .helpers import private_files, upload

pytestmark = pytest.mark.django_db


def look_up(client, reference, pin="123456", **kwargs):
    return client.post("/lapor/cek/", {"reference": reference, "pin": pin}, **kwargs)


def without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_the_lookup_form_is_a_post_form(client):
    response = client.get("/lapor/cek/")
    assert response.status_code == 200
    assert '<form method="post"' in response.text
    assert 'type="password"' in response.text


def test_the_right_code_and_pin_show_the_status_without_the_pin_in_the_url(client):
    report = ReportFactory()
    response = look_up(client, report.reference)
    assert response.status_code == 302
    assert response.url == "/lapor/cek/laporan/"
    page = client.get(response.url)
    assert page.status_code == 200
    assert report.reference in page.text
    assert "Baru" in page.text


def test_the_code_may_be_typed_loosely(client):
    report = ReportFactory()
    assert look_up(client, report.reference.lower().replace("-", " ")).status_code == 302


def test_query_parameters_never_look_a_report_up(client):
    report = ReportFactory()
    response = client.get(f"/lapor/cek/?reference={report.reference}&pin=123456")
    assert response.status_code == 200
    assert "report_status" not in client.session


def test_a_wrong_code_and_a_wrong_pin_get_the_same_answer():
    report = ReportFactory()
    wrong_pin = look_up(Client(), report.reference, "654321")
    wrong_code = look_up(Client(), "LPR-2222-3333", "123456")
    assert wrong_pin.status_code == wrong_code.status_code == 200
    assert "Kami tidak menemukan laporan dengan kode dan PIN ini" in wrong_pin.text
    assert without_csrf(wrong_pin.text) == without_csrf(wrong_code.text).replace("LPR-2222-3333", report.reference)


def test_repeated_wrong_pins_pause_lookups_of_that_code_even_with_the_right_pin(client):
    report = ReportFactory()
    for _ in range(LOOKUP_MAX_FAILURES - 1):
        assert "Kami tidak menemukan" in look_up(client, report.reference, "000000").text
    assert "dihentikan sementara selama 15 menit" in look_up(client, report.reference, "000000").text
    response = look_up(client, report.reference, "123456")
    assert response.status_code == 200
    assert "dihentikan sementara" in response.text


def test_the_pause_does_not_reveal_whether_a_code_exists(client):
    report = ReportFactory()
    for _ in range(LOOKUP_MAX_FAILURES):
        known = look_up(client, report.reference, "000000")
        unknown = look_up(client, "LPR-2222-3333", "000000")
    assert without_csrf(known.text) == without_csrf(unknown.text).replace("LPR-2222-3333", report.reference)
    assert "dihentikan sementara" in unknown.text


def test_a_pause_of_one_code_leaves_other_codes_alone(client):
    paused, other = ReportFactory(), ReportFactory()
    for _ in range(LOOKUP_MAX_FAILURES):
        look_up(client, paused.reference, "000000")
    assert look_up(client, other.reference).status_code == 302


def test_the_timeline_shows_public_messages_but_never_notes_officers_or_identity(client):
    staff = officer(first_name="Bambang", last_name="Petugas", username="bambang")
    report = ReportFactory(
        identity="contact",
        reporter_name="Siti Rahayu",
        reporter_phone="081234567890",
        reporter_email="siti@example.com",
        consent_given_at="2026-11-01T10:00:00+07:00",
    )
    report.events.create(kind=ReportEvent.Kind.SUBMITTED, to_status=Status.NEW)
    report.transition(
        Status.VERIFIED, by=staff, internal_note="Informant seems reliable", public_message="Terima kasih, kami cek."
    )
    report.events.create(kind=ReportEvent.Kind.ASSIGNED, actor=staff, internal_note="To Bambang")
    report.events.create(kind=ReportEvent.Kind.NOTE, actor=staff, internal_note="Call Polres", public_message="")
    report.events.create(kind=ReportEvent.Kind.NOTE, actor=staff, public_message="Kami sudah ke lokasi.")
    look_up(client, report.reference)
    html = client.get("/lapor/cek/laporan/").text
    assert "Terima kasih, kami cek." in html
    assert "Kami sudah ke lokasi." in html
    assert "Diverifikasi" in html
    for secret in [
        "Call Polres",
        "Informant seems reliable",
        "Bambang",
        "bambang",
        "Siti",
        "081234567890",
        "siti@example.com",
    ]:
        assert secret not in html


def test_the_reporter_adds_information_and_a_photo(client, settings):
    report = ReportFactory()
    look_up(client, report.reference)
    response = client.post("/lapor/cek/laporan/", {"text": "He moved to Kediri.", "photo": upload()})
    assert response.status_code == 302
    event = report.events.get(kind=ReportEvent.Kind.REPORTER_ADDED_INFO)
    assert event.reporter_text == "He moved to Kediri."
    assert report.photos.get().from_follow_up
    assert all(name.startswith("reports/") for name in private_files(settings))
    assert "Anda menambahkan informasi." in client.get("/lapor/cek/laporan/").text


def test_a_bad_follow_up_photo_is_refused_and_nothing_is_stored(client, settings):
    report = ReportFactory()
    look_up(client, report.reference)
    response = client.post("/lapor/cek/laporan/", {"text": "More", "photo": upload(b"not an image", name="a.jpg")})
    assert response.status_code == 400
    assert 'href="#id_photo"' in response.text
    assert not report.events.exists()
    assert private_files(settings) == []


def test_a_closed_report_offers_no_form_to_add_information(client):
    report = ReportFactory()
    report.transition(Status.REJECTED, by=officer(), internal_note="Duplicate")
    look_up(client, report.reference)
    html = client.get("/lapor/cek/laporan/").text
    assert 'name="text"' not in html
    response = client.post("/lapor/cek/laporan/", {"text": "More"})
    assert response.status_code == 400
    assert not report.events.filter(kind=ReportEvent.Kind.REPORTER_ADDED_INFO).exists()


def test_the_status_page_needs_a_lookup_first(client):
    response = client.get("/lapor/cek/laporan/")
    assert response.status_code == 302
    assert response.url == "/lapor/cek/"


def test_the_authorisation_expires(client, settings):
    report = ReportFactory()
    look_up(client, report.reference)
    session = client.session
    session["report_status"] = {**session["report_status"], "until": 0}
    session.save()
    assert client.get("/lapor/cek/laporan/").status_code == 302


def test_closing_on_this_device_forgets_the_report(client):
    report = ReportFactory()
    look_up(client, report.reference)
    client.post("/lapor/cek/tutup/")
    assert client.get("/lapor/cek/laporan/").status_code == 302


def test_the_lookup_enforces_csrf():
    report = ReportFactory()
    assert look_up(Client(enforce_csrf_checks=True), report.reference).status_code == 403


def test_the_status_page_is_in_english_under_en(client):
    report = ReportFactory()
    report.events.create(kind=ReportEvent.Kind.SUBMITTED, to_status=Status.NEW)
    client.post("/en/lapor/cek/", {"reference": report.reference, "pin": "123456"})
    html = client.get("/en/lapor/cek/laporan/").text
    assert '<html lang="en">' in html
    assert "We received your report." in html


@pytest.mark.parametrize("updates", [1, 6])
def test_the_status_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, updates):
    report = ReportFactory()
    staff = officer()
    report.events.create(kind=ReportEvent.Kind.SUBMITTED, to_status=Status.NEW)
    for number in range(updates):
        report.events.create(kind=ReportEvent.Kind.NOTE, actor=staff, public_message=f"Update {number}")
    look_up(client, report.reference)
    # session, report, timeline, office profile, site notices
    with django_assert_num_queries(5):
        client.get("/lapor/cek/laporan/")


def test_the_export_of_the_reporters_data_holds_the_history_the_status_page_shows():
    staff = officer()
    report = ReportFactory()
    report.events.create(kind=ReportEvent.Kind.SUBMITTED, to_status=Status.NEW)
    report.transition(Status.VERIFIED, by=staff, internal_note="Informant seems reliable", public_message="Kami cek.")
    report.events.create(kind=ReportEvent.Kind.ASSIGNED, actor=staff, internal_note="To Bambang")
    report.events.create(kind=ReportEvent.Kind.NOTE, actor=staff, internal_note="Call Polres")
    report.events.create(kind=ReportEvent.Kind.NOTE, actor=staff, public_message="Kami sudah ke lokasi.")
    report.events.create(kind=ReportEvent.Kind.REPORTER_ADDED_INFO, reporter_text="He moved.")
    exported = retention.report_as_data(report)["history"]
    shown = public_timeline(report)
    assert [entry["kind"] for entry in exported] == ["submitted", "transition", "note", "reporter_info"]
    assert len(shown) == len(exported)
    assert [entry["message_to_reporter"] for entry in exported] == [entry.message for entry in shown]


LOOKUP_FIELDS = "reports/includes/lookup_fields.html"
ADD_INFORMATION_FIELDS = "reports/includes/add_information_fields.html"


def rendered(response) -> set[str]:
    return {template.name for template in response.templates}


def test_an_empty_lookup_form_takes_its_fields_from_the_cache_after_the_first_visitor(page_cache):
    first = Client().get("/lapor/cek/")
    second = Client().get("/lapor/cek/")
    assert LOOKUP_FIELDS in rendered(first) and LOOKUP_FIELDS not in rendered(second)
    assert without_csrf(first.text) == without_csrf(second.text)
    assert 'name="reference"' in second.text and 'name="csrfmiddlewaretoken"' in second.text


def test_each_language_gets_its_own_cached_lookup_fields(page_cache):
    Client().get("/lapor/cek/")
    english = Client().get("/en/lapor/cek/")
    assert LOOKUP_FIELDS in rendered(english) and "Reference code" in english.text


def test_a_lookup_form_with_an_error_renders_its_own_fields_with_what_was_typed(page_cache):
    Client().get("/lapor/cek/")
    response = look_up(Client(), "LPR-2222-3333", "000000")
    assert LOOKUP_FIELDS in rendered(response) and 'value="LPR-2222-3333"' in response.text


def test_the_empty_add_information_fields_come_from_the_cache_but_not_the_report(page_cache):
    first, second = ReportFactory(), ReportFactory()
    one, other = Client(), Client()
    look_up(one, first.reference)
    look_up(other, second.reference)
    assert ADD_INFORMATION_FIELDS in rendered(one.get("/lapor/cek/laporan/"))
    page = other.get("/lapor/cek/laporan/")
    assert ADD_INFORMATION_FIELDS not in rendered(page) and 'name="text"' in page.text
    assert second.reference in page.text and first.reference not in page.text


def test_information_with_an_error_renders_its_own_fields(client, page_cache):
    report = ReportFactory()
    look_up(Client(), report.reference)
    Client().get("/lapor/cek/laporan/")
    look_up(client, report.reference)
    client.get("/lapor/cek/laporan/")
    response = client.post("/lapor/cek/laporan/", {"text": ""})
    assert response.status_code == 400 and ADD_INFORMATION_FIELDS in rendered(response)
