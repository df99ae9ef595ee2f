import pytest

from outreach.villages.models import Village, VillageIndicator
from tests.factories import VillageFactory, VillageIndicatorFactory, content_editor, officer, supervisor

pytestmark = pytest.mark.django_db

VILLAGE_FORM = {
    "name": "Desa Serang",
    "slug": "desa-serang",
    "kecamatan": "panggungrejo",
    "address": "",
    "latitude": "-8.300000",
    "longitude": "112.330000",
    "program_status": "planned",
    "program_since": "",
    "selection_reason_ind": "Banyak pemohon paspor.",
    "selection_reason_en": "",
    "pimpasa": "",
    "contact_name": "",
    "contact_phone": "",
    "indicators-TOTAL_FORMS": "1",
    "indicators-INITIAL_FORMS": "0",
    "indicators-MIN_NUM_FORMS": "0",
    "indicators-MAX_NUM_FORMS": "1000",
    "indicators-0-year": "2025",
    "indicators-0-passport_applicants": "120",
    "indicators-0-refused_applicants": "4",
    "indicators-0-source": "Data SIMKIM Kantor Imigrasi Blitar, 31 Desember 2025",
    "indicators-0-status": "published",
    "indicators-0-notes": "",
}


def indicator_form(village, **overrides):
    return {
        "village": village.pk,
        "year": "2026",
        "passport_applicants": "300",
        "refused_applicants": "7",
        "source": "Data desa",
        "status": "draft",
    } | overrides


def test_a_supervisor_adds_a_village_with_its_first_figures(client):
    client.force_login(supervisor())
    response = client.post("/admin/villages/village/add/", VILLAGE_FORM)
    assert response.status_code == 302
    village = Village.objects.get(slug="desa-serang")
    indicator = village.indicators.get()
    assert indicator.passport_applicants == 120 and indicator.is_published


def test_a_supervisor_writes_the_selection_reason_in_both_languages(client):
    client.force_login(supervisor())
    form = VILLAGE_FORM | {"selection_reason_en": "Many passport applicants."}
    assert client.post("/admin/villages/village/add/", form).status_code == 302
    village = Village.objects.get(slug="desa-serang")
    assert village.selection_reason_ind == "Banyak pemohon paspor."
    assert village.selection_reason_en == "Many passport applicants."


def test_the_village_form_shows_both_languages_of_the_selection_reason(client):
    village = VillageFactory(desa_binaan=True)
    client.force_login(supervisor())
    html = client.get(f"/admin/villages/village/{village.pk}/change/").text
    assert 'name="selection_reason_ind"' in html and 'name="selection_reason_en"' in html


def test_the_admin_refuses_more_refused_applicants_than_applicants(client):
    village = VillageFactory(desa_binaan=True)
    client.force_login(supervisor())
    response = client.post("/admin/villages/villageindicator/add/", indicator_form(village, refused_applicants="301"))
    assert response.status_code == 200
    assert "Jumlah pemohon yang ditolak tidak boleh melebihi jumlah pemohon paspor." in response.text
    assert not VillageIndicator.objects.exists()


def test_a_supervisor_enters_the_yearly_figures(client):
    village = VillageFactory(desa_binaan=True)
    client.force_login(supervisor())
    assert client.post("/admin/villages/villageindicator/add/", indicator_form(village)).status_code == 302
    indicator = VillageIndicator.objects.get()
    response = client.post(
        f"/admin/villages/villageindicator/{indicator.pk}/change/", indicator_form(village, refused_applicants="5")
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.refused_applicants == 5


def test_an_officer_cannot_change_the_figures_inside_the_village_form(client):
    village = VillageFactory(desa_binaan=True)
    client.force_login(officer())
    page = client.get(f"/admin/villages/village/{village.pk}/change/")
    assert page.status_code == 200
    assert 'name="indicators-0-passport_applicants"' not in page.text


def test_an_officer_may_view_villages_but_not_change_or_delete_them(client):
    village = VillageFactory(desa_binaan=True)
    client.force_login(officer())
    assert client.get("/admin/villages/village/").status_code == 200
    assert client.get("/admin/villages/village/add/").status_code == 403
    assert client.post(f"/admin/villages/village/{village.pk}/change/", VILLAGE_FORM).status_code == 403
    assert client.post(f"/admin/villages/village/{village.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Village.objects.filter(pk=village.pk, name=village.name).exists()


def test_an_officer_cannot_delete_figures(client):
    indicator = VillageIndicatorFactory()
    client.force_login(officer())
    assert client.post(f"/admin/villages/villageindicator/{indicator.pk}/delete/", {"post": "yes"}).status_code == 403


def test_a_content_editor_only_views_villages_and_figures(client):
    village = VillageFactory(desa_binaan=True)
    client.force_login(content_editor())
    assert client.get("/admin/villages/village/").status_code == 200
    assert client.get("/admin/villages/villageindicator/").status_code == 200
    assert client.post("/admin/villages/villageindicator/add/", indicator_form(village)).status_code == 403
    assert client.get("/admin/villages/village/add/").status_code == 403


def test_a_supervisor_deletes_a_village(client):
    village = VillageFactory()
    client.force_login(supervisor())
    assert client.post(f"/admin/villages/village/{village.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not Village.objects.exists()


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    for url in ["/admin/villages/village/", "/admin/villages/villageindicator/add/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_the_village_list_filters_by_program_and_searches(client):
    VillageFactory(name="Desa Bakung", desa_binaan=True)
    VillageFactory(name="Desa Togogan")
    client.force_login(supervisor())
    enrolled = client.get("/admin/villages/village/", {"desa_binaan": "yes"}).text
    assert "Desa Bakung" in enrolled and "Desa Togogan" not in enrolled
    outside = client.get("/admin/villages/village/", {"desa_binaan": "no"}).text
    assert "Desa Togogan" in outside and "Desa Bakung" not in outside
    found = client.get("/admin/villages/village/", {"q": "togogan"}).text
    assert "Desa Togogan" in found and "Desa Bakung" not in found


def test_a_supervisor_finds_the_village_by_autocomplete_when_entering_figures(client):
    VillageFactory(name="Desa Bakung", desa_binaan=True)
    client.force_login(supervisor())
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "villages", "model_name": "villageindicator", "field_name": "village", "term": "bak"},
    )
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Desa Bakung"]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/villages/village/",
        "/admin/villages/village/add/",
        "/admin/villages/villageindicator/",
        "/admin/schools/institution/add/",
        "/admin/schools/visitrequest/?preferred_date__gte=2026-01-01",
        "/admin/reading_corners/readingcorner/add/",
    ],
)
def test_the_place_admin_pages_open_for_a_supervisor(client, url):
    VillageIndicatorFactory()
    client.force_login(supervisor())
    assert client.get(url).status_code == 200


def test_only_villages_in_the_program_link_to_their_public_page(client):
    enrolled = VillageFactory(desa_binaan=True)
    outside = VillageFactory()
    client.force_login(supervisor())
    html = client.get(f"/admin/villages/village/{enrolled.pk}/change/").text
    assert f'href="/program/desa-binaan/{enrolled.slug}/" class="viewsitelink"' in html
    assert "viewsitelink" not in client.get(f"/admin/villages/village/{outside.pk}/change/").text


def test_an_officer_proposes_figures_as_a_draft_even_when_posting_a_status(client):
    village = VillageFactory(desa_binaan=True)
    client.force_login(officer())
    form = indicator_form(village, source="Data desa", status="published")
    assert client.post("/admin/villages/villageindicator/add/", form).status_code == 302
    assert VillageIndicator.objects.get().status == "draft"


def test_an_officer_cannot_change_published_figures(client):
    indicator = VillageIndicatorFactory(status="published")
    client.force_login(officer())
    url = f"/admin/villages/villageindicator/{indicator.pk}/change/"
    client.post(url, indicator_form(indicator.village, passport_applicants="999"))
    indicator.refresh_from_db()
    assert indicator.passport_applicants == 400


def test_a_supervisor_cannot_publish_figures_without_a_source(client):
    village = VillageFactory(desa_binaan=True)
    client.force_login(supervisor())
    form = indicator_form(village, source="", status="published")
    response = client.post("/admin/villages/villageindicator/add/", form)
    assert response.status_code == 200
    assert "Angka tanpa sumber tidak dapat diterbitkan" in response.text
    assert not VillageIndicator.objects.exists()


def test_a_supervisor_publishes_proposed_figures_that_have_a_source(client):
    sourced = VillageIndicatorFactory(status="draft", year=2024)
    unsourced = VillageIndicatorFactory(status="draft", source="", village=sourced.village, year=2025)
    client.force_login(supervisor())
    data = {"action": "publish", "_selected_action": [sourced.pk, unsourced.pk]}
    response = client.post("/admin/villages/villageindicator/", data, follow=True)
    sourced.refresh_from_db()
    unsourced.refresh_from_db()
    assert sourced.is_published and not unsourced.is_published
    assert "tetap menjadi draf" in response.text


def test_an_officer_has_no_publish_action(client):
    VillageIndicatorFactory(status="draft")
    client.force_login(officer())
    assert 'value="publish"' not in client.get("/admin/villages/villageindicator/").text
