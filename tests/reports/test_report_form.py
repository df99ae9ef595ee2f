"""The public form: /lapor/ → check your answers → send → confirmation."""

import re
import time

import pytest
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from outreach.abuse import counters
from outreach.abuse.clients import key_for
from outreach.abuse.forms import started_value
from outreach.reports.models import CATEGORY_GUIDANCE, Category, Report
from tests.factories import OfficeProfileFactory

from .helpers import bomb_png, form_data, jpeg_bytes, private_files, send, upload, with_contact

pytestmark = pytest.mark.django_db


def test_it_shows_the_form_with_guidance_for_every_category(client):
    response = client.get("/en/lapor/")
    assert response.status_code == 200
    html = response.text
    with translation.override("en"):
        for category in Category:
            assert f'value="{category.value}"' in html
            assert escape(str(CATEGORY_GUIDANCE[category])) in html
    assert 'href="tel:110"' in html
    assert 'name="extra_remarks"' in html and 'aria-hidden="true"' in html
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.DOTALL)
    assert [(re.search(r'src="[^"]*photo-resize[^"]*\.js"', attrs) is not None, body) for attrs, body in scripts] == [
        (True, "")
    ]  # one static file, which only resizes photos: no inline script, the form works without it


def test_the_form_shows_guidance_and_privacy_texts_in_english(client):
    response = client.get("/en/lapor/")
    html = response.text
    assert '<html lang="en">' in html
    assert "The name of the recruiter (calo) or agency" in html
    assert "Photos can reveal who took them." in html
    assert "365 days after the report is closed" in html


def test_the_form_shows_the_office_hotline_in_the_emergency_notice(client):
    OfficeProfileFactory(whatsapp="0812 0000 1111", phone="(0342) 000 111")
    html = client.get("/lapor/").text
    assert 'href="tel:110"' in html
    assert 'href="https://wa.me/6281200001111"' in html
    assert "(0342) 000 111" in html


def test_it_is_in_indonesian_by_default(client):
    html = client.get("/lapor/").text
    assert '<html lang="id">' in html
    assert "Lapor ke kantor imigrasi" in html


@pytest.mark.parametrize("category", Category.values)
def test_it_accepts_a_report_of_each_category(client, category):
    response = send(client, category=category)
    assert response.status_code == 200
    assert Report.objects.get().category == category


def test_the_review_step_shows_the_answers_with_change_links(client):
    client.post("/lapor/", form_data(village="Desa Bendogerit"))
    response = client.get("/lapor/periksa/")
    html = response.text
    assert "Desa Bendogerit" in html
    assert 'href="/lapor/#id_description"' in html
    assert 'href="/lapor/#id_category"' in html
    assert Report.objects.count() == 0


def test_the_change_link_brings_back_the_answers(client):
    client.post("/lapor/", form_data(village="Desa Bendogerit", category="recruitment"))
    html = client.get("/lapor/").text
    assert 'value="Desa Bendogerit"' in html
    assert 'value="recruitment" checked' in html


def test_the_review_step_without_answers_goes_back_to_the_form(client):
    response = client.get("/lapor/periksa/")
    assert response.status_code == 302
    assert response.url == "/lapor/"


def test_the_confirmation_shows_the_reference_and_the_pin_once(client):
    response = send(client)
    report = Report.objects.get()
    assert report.reference in response.text
    pin = response.context["pin"]
    assert pin and report.check_pin(pin)
    assert pin not in response.request["PATH_INFO"]
    assert "3 hari kerja" in response.text
    again = client.get("/lapor/terkirim/")
    assert report.reference in again.text
    assert pin not in again.text


def test_the_confirmation_is_not_cached(client):
    response = send(client)
    assert "no-store" in response["Cache-Control"]


def test_an_anonymous_report_keeps_no_contact_details_even_if_typed(client):
    send(client, **{**with_contact(), "identity": "anonymous", "started": started_value()})
    report = Report.objects.get()
    assert (report.reporter_name, report.reporter_phone, report.reporter_email) == ("", "", "")


def test_a_report_with_contact_keeps_them_with_consent(client):
    client.post("/lapor/", with_contact())
    client.post("/lapor/periksa/", {})
    report = Report.objects.get()
    assert report.identity == "contact"
    assert report.reporter_phone == "0812 3456 7890"
    assert report.consent_given_at is not None


def test_contact_details_need_consent(client):
    response = client.post("/lapor/", with_contact(consent=None))
    assert response.status_code == 200
    assert 'href="#id_consent"' in response.text
    assert "Centang kotak" in response.text
    assert "report_draft" not in client.session or not client.session["report_draft"]["answers"]


def test_contact_needs_a_phone_or_an_email(client):
    response = client.post("/lapor/", with_contact(reporter_phone="", reporter_email=""))
    assert 'href="#id_reporter_phone"' in response.text


def test_a_too_short_description_gets_a_linked_error_described_on_the_field(client):
    response = client.post("/lapor/", form_data(description="short"))
    html = response.text
    assert response.status_code == 200
    assert 'id="error-summary"' in html
    assert 'href="#id_description"' in html
    assert 'aria-describedby="id_description_helptext id_description_error"' in html
    assert 'aria-invalid="true"' in html


def test_a_missing_category_is_linked_from_the_summary(client):
    response = client.post("/lapor/", form_data(category=None))
    assert 'href="#id_category"' in response.text
    assert 'aria-describedby="id_category_error id_category_0_hint"' in response.text


def test_a_future_date_is_refused(client):
    response = client.post("/lapor/", form_data(occurred_on="2999-01-01"))
    assert 'href="#id_occurred_on"' in response.text


def test_photos_go_to_a_private_draft_folder_and_are_removed_after_sending(client, settings):
    client.post("/lapor/", {**form_data(), "photos": [upload(), upload()]})
    drafts = private_files(settings)
    assert len(drafts) == 2 and all(name.startswith("report-drafts/") for name in drafts)
    assert not (settings.MEDIA_ROOT.exists() and any(settings.MEDIA_ROOT.rglob("*")))
    client.post("/lapor/periksa/", {})
    files = private_files(settings)
    assert len(files) == 2 and all(name.startswith("reports/") for name in files)
    assert Report.objects.get().photos.count() == 2


def test_photos_added_before_can_be_removed_when_changing(client, settings):
    client.post("/lapor/", {**form_data(), "photos": [upload(), upload()]})
    response = client.post("/lapor/", {**form_data(), "remove_photos": ["0"]})
    assert response.status_code == 302
    assert len(private_files(settings)) == 1


def test_four_photos_are_refused_and_nothing_is_stored(client, settings):
    response = client.post("/lapor/", {**form_data(), "photos": [upload() for _ in range(4)]})
    assert response.status_code == 200
    assert "paling banyak 3 foto" in response.text
    assert private_files(settings) == []
    assert Report.objects.count() == 0


def test_a_fourth_photo_after_three_kept_ones_is_refused(client, settings):
    client.post("/lapor/", {**form_data(), "photos": [upload() for _ in range(3)]})
    response = client.post("/lapor/", {**form_data(), "photos": [upload()]})
    assert 'href="#id_photos"' in response.text
    assert len(private_files(settings)) == 3


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.4 not a photo", None, jpeg_bytes() + b"\0" * (10 * 1024 * 1024 + 1)],
    ids=["fake", "bomb", "oversize"],
)
def test_a_bad_photo_is_refused_with_a_clear_error_and_nothing_is_stored(client, settings, content):
    bad = upload(bomb_png() if content is None else content, name="bukti.jpg")
    response = client.post("/lapor/", {**form_data(), "photos": [upload(), bad]})
    assert response.status_code == 200
    assert "Foto 2:" in response.text
    assert private_files(settings) == []
    assert Report.objects.count() == 0


def test_the_honeypot_rejects_the_form(client):
    response = client.post("/lapor/", form_data(extra_remarks="http://spam.example"))
    assert response.status_code == 200
    assert "report_draft" not in client.session or not client.session["report_draft"]["answers"]
    assert 'id="error-summary"' in response.text


def test_a_too_fast_form_is_rejected(client, settings):
    settings.FORM_MIN_FILL_SECONDS = 3
    response = client.post("/lapor/", form_data())
    assert response.status_code == 200
    assert "cepat" in response.text
    assert "report_draft" not in client.session or not client.session["report_draft"]["answers"]


def test_a_form_filled_at_human_speed_passes(client, settings):
    settings.FORM_MIN_FILL_SECONDS = 3
    response = client.post("/lapor/", form_data(started=started_value(time.time() - 10)))
    assert response.status_code == 302


def test_the_minimum_fill_time_is_the_projects_form_min_fill_seconds(client, settings):
    settings.FORM_MIN_FILL_SECONDS = 60
    response = client.post("/lapor/", form_data(started=started_value(time.time() - 30)))
    assert response.status_code == 200
    assert response.context["form"].has_error("__all__", "too_fast")
    response = client.post("/lapor/", form_data(started=started_value(time.time() - 90)))
    assert response.status_code == 302


def test_a_forged_start_stamp_is_rejected(client):
    response = client.post("/lapor/", form_data(started="1700000000"))
    assert response.status_code == 200


def test_the_rate_limit_answers_with_a_friendly_429(client, settings):
    settings.REPORT_RATE_LIMIT_PER_HOUR = 2
    send(client)
    send(client)
    response = client.post("/lapor/", form_data())
    assert response.status_code == 429
    assert "Mohon tunggu sebentar" in response.text
    assert response["Retry-After"] == "3600"
    assert Report.objects.count() == 2


def test_the_rate_limit_is_per_client(client, settings):
    settings.REPORT_RATE_LIMIT_PER_HOUR = 1
    send(client)
    other = Client(REMOTE_ADDR="10.1.2.3")
    assert other.post("/lapor/", form_data()).status_code == 302


def test_the_429_page_is_translated(settings):
    settings.REPORT_RATE_LIMIT_PER_HOUR = 0
    response = Client().post("/en/lapor/", form_data())
    assert response.status_code == 429
    assert "Please wait a little" in response.text


@pytest.mark.parametrize(
    "url", ["/lapor/", "/lapor/periksa/", "/lapor/cek/", "/lapor/cek/laporan/", "/lapor/cek/tutup/"]
)
def test_csrf_is_enforced(url):
    client = Client(enforce_csrf_checks=True)
    assert client.post(url, form_data()).status_code == 403


def test_sending_twice_creates_one_report_and_shows_its_confirmation(client):
    client.post("/lapor/", form_data())
    token = client.session["report_draft"]["token"]
    client.post("/lapor/periksa/", {"token": token})
    client.get("/lapor/terkirim/")
    response = client.post("/lapor/periksa/", {"token": token}, follow=True)
    assert Report.objects.count() == 1
    assert Report.objects.get().reference in response.text
    assert response.context["pin"] is None


def test_a_double_click_whose_first_request_finished_first_still_shows_the_pin(client):
    client.post("/lapor/", form_data())
    token = client.session["report_draft"]["token"]
    client.post("/lapor/periksa/", {"token": token})  # the first click: stored; the browser drops its answer
    response = client.post("/lapor/periksa/", {"token": token}, follow=True)  # the answer the browser shows
    assert Report.objects.count() == 1
    pin = response.context["pin"]
    assert pin and Report.objects.get().check_pin(pin)
    assert client.get("/lapor/terkirim/").context["pin"] is None


def test_a_report_over_the_limit_at_sending_is_not_stored_and_not_counted(client, settings):
    settings.REPORT_RATE_LIMIT_PER_HOUR = 1
    client.post("/lapor/", form_data())
    send(Client())
    response = client.post("/lapor/periksa/", {"token": client.session["report_draft"]["token"]})
    assert response.status_code == 429
    assert Report.objects.count() == 1
    assert counters.current(key_for("report", "127.0.0.1")) == 1


def test_a_failed_save_tells_the_reporter_plainly_and_keeps_the_answers(client, settings):
    from django.db import connection

    client.post("/lapor/", {**form_data(village="Desa Bendogerit"), "photos": [upload()]})
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE reports_reportevent ADD CONSTRAINT test_no_events CHECK (kind <> 'submitted')")
    response = client.post("/lapor/periksa/", {})
    assert response.status_code == 503
    assert "TIDAK tersimpan" in response.text
    assert "Desa Bendogerit" in response.text
    assert Report.objects.count() == 0
    assert all(name.startswith("report-drafts/") for name in private_files(settings))
    assert client.get("/lapor/periksa/").status_code == 200


def test_a_double_click_answered_by_the_second_request_still_shows_the_pin(client):
    client.post("/lapor/", form_data())
    draft = client.session["report_draft"]
    client.post("/lapor/periksa/", {"token": draft["token"]})
    # The second request of a double-click started with the same session: the draft was still there.
    session = client.session
    session["report_draft"] = draft
    session.save()
    response = client.post("/lapor/periksa/", {"token": draft["token"]}, follow=True)
    assert Report.objects.count() == 1
    pin = response.context["pin"]
    assert pin and Report.objects.get().check_pin(pin)


def test_good_photos_are_kept_when_another_answer_needs_fixing(client, settings):
    response = client.post("/lapor/", {**form_data(description="short"), "photos": [upload(), upload()]})
    assert response.status_code == 200
    assert "Anda sudah menambahkan 2 foto" in response.text
    assert len(private_files(settings)) == 2
    response = client.post("/lapor/", form_data())
    assert response.status_code == 302
    client.post("/lapor/periksa/", {})
    assert Report.objects.get().photos.count() == 2


def test_photos_of_a_rejected_bot_submission_are_not_kept(client, settings):
    client.post("/lapor/", {**form_data(extra_remarks="spam"), "photos": [upload()]})
    assert private_files(settings) == []


FIELDS_TEMPLATE = "reports/includes/form_fields.html"


def rendered(response) -> set[str]:
    return {template.name for template in response.templates}


def test_a_new_empty_form_takes_its_fields_from_the_cache_after_the_first_visitor(client, page_cache):
    first = Client().get("/lapor/")
    second = Client().get("/lapor/")
    assert FIELDS_TEMPLATE in rendered(first) and FIELDS_TEMPLATE not in rendered(second)
    token = re.compile(rb'name="(csrfmiddlewaretoken|started)" value="[^"]*"')
    assert token.sub(b"", first.content) == token.sub(b"", second.content)
    assert 'name="started"' in second.text and 'name="csrfmiddlewaretoken"' in second.text


def test_each_language_gets_its_own_cached_form_fields(client, page_cache):
    Client().get("/lapor/")
    english = Client().get("/en/lapor/")
    assert FIELDS_TEMPLATE in rendered(english)
    assert "What happened" in english.text and "Apa yang terjadi" not in english.text


def test_a_prefilled_or_corrected_form_renders_its_own_fields(client, page_cache):
    Client().get("/lapor/")
    prefilled = client.get("/lapor/", {"category": "recruitment", "description": "Tawaran kerja di kapal ikan"})
    assert FIELDS_TEMPLATE in rendered(prefilled) and "Tawaran kerja di kapal ikan" in prefilled.text
    corrected = client.post("/lapor/", {"description": "pendek", "started": started_value()})
    assert FIELDS_TEMPLATE in rendered(corrected) and 'aria-invalid="true"' in corrected.text


def test_with_the_page_cache_off_the_form_fields_are_rendered_every_time(client):
    Client().get("/lapor/")
    assert FIELDS_TEMPLATE in rendered(Client().get("/lapor/"))
