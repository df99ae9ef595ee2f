import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from outreach.reading_corners.models import ReadingCorner
from tests.factories import ReadingCornerFactory, content_editor, officer, supervisor

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/reading_corners/readingcorner/add/"


def corner_form(**overrides):
    return {
        "name": "Pojok Baca Balai Desa Bakung",
        "slug": "pojok-baca-balai-desa-bakung",
        "status": "active",
        "since": "2024-03-01",
        "host_institution": "Pemerintah Desa Bakung",
        "host_kind": "village_hall",
        "kecamatan": "bakung",
        "address": "Balai Desa Bakung",
        "latitude": "-8.253200",
        "longitude": "112.146200",
        "opening_hours_ind": "Senin–Jumat 08.00–14.00 WIB",
        "opening_hours_en": "",
        "materials_ind": "Leaflet paspor",
        "materials_en": "",
    } | overrides


def jpeg_with_exif() -> SimpleUploadedFile:
    exif = Image.Exif()
    exif[0x0131] = "Kamera Rahasia 1.0"  # Software
    exif[0x010F] = "Merek Kamera"  # Make
    buffer = BytesIO()
    Image.new("RGB", (640, 480), (200, 40, 40)).save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile("lobi.jpeg", buffer.getvalue(), content_type="image/jpeg")


def test_a_photo_is_stored_as_a_clean_jpeg_without_metadata(client):
    client.force_login(supervisor())
    response = client.post(ADD_URL, corner_form(photo=jpeg_with_exif()))
    assert response.status_code == 302
    corner = ReadingCorner.objects.get()
    assert re.fullmatch(r"reading-corners/[0-9a-f]{32}\.jpg", corner.photo.name)  # not the uploader's "lobi.jpeg"
    with corner.photo.open("rb") as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
        assert dict(image.getexif()) == {}


def test_a_bad_image_is_refused_with_a_translated_error_and_nothing_is_saved(client, settings):
    client.force_login(supervisor())
    fake = SimpleUploadedFile("foto.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = client.post(ADD_URL, corner_form(photo=fake))
    assert response.status_code == 200
    assert "Berkas ini bukan foto yang dapat kami terima." in response.text
    assert not ReadingCorner.objects.exists()
    assert not (settings.MEDIA_ROOT / "reading-corners").exists()


def test_a_content_editor_edits_a_corner_but_cannot_add_or_delete_one(client):
    corner = ReadingCornerFactory(name="Pojok Baca Balai Desa Bakung")
    client.force_login(content_editor())
    response = client.post(
        f"/admin/reading_corners/readingcorner/{corner.pk}/change/",
        corner_form(slug=corner.slug, materials_ind="Leaflet paspor\nPoster cegah TPPO"),
    )
    assert response.status_code == 302
    corner.refresh_from_db()
    assert "Poster cegah TPPO" in corner.materials
    assert client.get(ADD_URL).status_code == 403
    assert client.post(f"/admin/reading_corners/readingcorner/{corner.pk}/delete/", {"post": "yes"}).status_code == 403


def test_an_officer_only_views_corners(client):
    corner = ReadingCornerFactory()
    client.force_login(officer())
    assert client.get("/admin/reading_corners/readingcorner/").status_code == 200
    assert client.post(f"/admin/reading_corners/readingcorner/{corner.pk}/change/", corner_form()).status_code == 403
    assert client.get(ADD_URL).status_code == 403


def test_a_supervisor_deletes_a_corner(client):
    corner = ReadingCornerFactory()
    client.force_login(supervisor())
    assert client.post(f"/admin/reading_corners/readingcorner/{corner.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not ReadingCorner.objects.exists()


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get(ADD_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_photo_input_accepts_images_only(client):
    client.force_login(supervisor())
    assert 'accept="image/jpeg,image/png,image/webp"' in client.get(ADD_URL).text


def test_saving_without_a_new_upload_keeps_the_stored_photo(client):
    client.force_login(supervisor())
    client.post(ADD_URL, corner_form(photo=jpeg_with_exif()))
    corner = ReadingCorner.objects.get()
    stored = corner.photo.name
    response = client.post(f"/admin/reading_corners/readingcorner/{corner.pk}/change/", corner_form(since="2024-04-01"))
    assert response.status_code == 302
    corner.refresh_from_db()
    assert corner.photo.name == stored and str(corner.since) == "2024-04-01"


def test_a_supervisor_writes_hours_and_materials_in_both_languages(client):
    client.force_login(supervisor())
    form = corner_form(opening_hours_en="Mon–Fri 8am–2pm", materials_en="Passport leaflets")
    assert client.post(ADD_URL, form).status_code == 302
    corner = ReadingCorner.objects.get(slug="pojok-baca-balai-desa-bakung")
    assert (corner.opening_hours_ind, corner.opening_hours_en) == ("Senin–Jumat 08.00–14.00 WIB", "Mon–Fri 8am–2pm")
    assert (corner.materials_ind, corner.materials_en) == ("Leaflet paspor", "Passport leaflets")


def test_a_corner_without_english_keeps_the_english_columns_empty(client):
    client.force_login(supervisor())
    assert client.post(ADD_URL, corner_form()).status_code == 302
    corner = ReadingCorner.objects.get(slug="pojok-baca-balai-desa-bakung")
    assert corner.materials_ind == "Leaflet paspor" and not corner.materials_en
