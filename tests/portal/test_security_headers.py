import pytest

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_pages_send_a_strict_content_security_policy(client):
    policy = directives(client.get("/"))
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]


def test_the_admin_sends_the_content_security_policy_too(client):
    assert directives(client.get("/admin/login/"))["default-src"] == ["'self'"]


def test_images_come_only_from_the_portal_the_phone_and_the_configured_tile_host(client):
    # blob: is a photo resized on the officer's phone (the field app's previews), never another site.
    assert directives(client.get("/"))["img-src"] == ["'self'", "data:", "blob:", "https://tile.openstreetmap.org"]


def test_a_tile_url_with_subdomains_allows_the_subdomains_of_its_host():
    from portal.settings import origin_of

    assert origin_of("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"


def test_a_page_that_uses_the_nonce_gets_it_in_its_policy(client, settings):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("kepala", "kepala@example.go.id", "password")
    client.force_login(get_user_model().objects.get(username="kepala"))
    response = client.get("/admin/activities/dashboard/")
    nonce = response.context["csp_nonce"]
    assert f'<style nonce="{nonce}">' in response.text
    assert f"'nonce-{nonce}'" in directives(response)["style-src"]


def test_the_reading_corner_map_uses_the_configured_tiles(client, settings):
    from tests.factories import ReadingCornerFactory

    settings.MAP_TILE_URL = "https://tiles.example.go.id/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© Contoh Peta"
    ReadingCornerFactory()
    html = client.get("/pojok-baca/").text
    assert 'data-tiles="https://tiles.example.go.id/{z}/{x}/{y}.png"' in html
    assert 'data-attribution="© Contoh Peta"' in html


def test_powerful_browser_features_are_switched_off(client):
    policy = client.get("/")["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in policy


def test_resources_may_not_be_embedded_by_other_sites(client):
    assert client.get("/")["Cross-Origin-Resource-Policy"] == "same-origin"


def no_store(response):
    return "no-store" in {part.strip() for part in response["Cache-Control"].split(",")}


def test_the_reporter_data_export_and_its_confirmation_are_never_stored(client):
    from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

    from tests.factories import ReportFactory, second_factor_just_given, supervisor

    report = ReportFactory(with_contact=True)
    client.force_login(supervisor())
    second_factor_just_given(client)
    data = {"action": "export_reporter_data", ACTION_CHECKBOX_NAME: [report.pk]}
    confirmation = client.post("/admin/reports/report/", {**data, "index": 0})
    export = client.post("/admin/reports/report/", {**data, "confirm": "yes", "reason": "Permintaan pelapor"})
    assert confirmation.status_code == export.status_code == 200
    assert no_store(confirmation) and no_store(export)


def test_public_information_pages_may_be_stored(client):
    assert "Cache-Control" not in client.get("/")
