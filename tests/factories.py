"""Small factories for test data. One section per app; keep each factory minimal and realistic."""

import datetime
from io import BytesIO

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from outreach.activities.models import Activity, ActivityPhoto, Kind, Status
from outreach.media import clean_image
from outreach.office import roles
from outreach.office.models import OfficeProfile

# --- office -------------------------------------------------------------------------------------


class OfficeProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficeProfile

    name = "Kantor Imigrasi Kelas II Non TPI Blitar"
    short_name = "Imigrasi Blitar"
    parent_agency = "Direktorat Jenderal Imigrasi"
    address = "Jl. Contoh No. 1, Kota Blitar"
    phone = "(0342) 000 111"
    whatsapp = "0812 0000 1111"
    email = "kanim.blitar@example.go.id"
    opening_hours_ind = "Senin–Jumat 08.00–16.00 WIB"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="id_ID")
    last_name = factory.Faker("last_name", locale="id_ID")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.go.id")
    password = factory.django.Password("password")


class StaffFactory(UserFactory):
    """A back-office user in one of the roles (``role=roles.OFFICER`` and so on)."""

    is_staff = True

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


def officer(**kwargs):
    return StaffFactory(role=roles.OFFICER, **kwargs)


def supervisor(**kwargs):
    return StaffFactory(role=roles.SUPERVISOR, **kwargs)


def content_editor(**kwargs):
    return StaffFactory(role=roles.CONTENT_EDITOR, **kwargs)


def authenticator_app(user):
    """A confirmed authenticator app (TOTP device) of ``user``."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def app_code(device, steps_ahead=0) -> str:
    """The code the app shows now (or ``steps_ahead`` 30-second steps later: a code is accepted only once)."""
    from django_otp.oath import totp

    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return str(code).zfill(device.digits)


def second_factor_just_given(client):
    """Mark the client's staff session as having just passed its second factor (after ``force_login``)."""
    import time

    from portal.two_factor import VERIFIED_AT

    session = client.session
    session[VERIFIED_AT] = time.time()
    session.save()


# --- villages -----------------------------------------------------------------------------------


class VillageFactory(factory.django.DjangoModelFactory):
    """A village outside the program; ``desa_binaan=True`` (a trait) enrols it as active since 2024."""

    class Meta:
        model = "villages.Village"

    name = factory.Sequence(lambda n: f"Desa Contoh {n}")
    kecamatan = "bakung"
    latitude = "-8.253000"
    longitude = "112.146000"

    class Params:
        desa_binaan = factory.Trait(
            program_status="active",
            program_since=datetime.date(2024, 2, 5),
            selection_reason_ind="Peringkat pertama permohonan paspor di Kabupaten Blitar.",
        )


class VillageIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "villages.VillageIndicator"

    village = factory.SubFactory(VillageFactory, desa_binaan=True)
    year = factory.Sequence(lambda n: 2020 + n % 10)
    passport_applicants = 400
    refused_applicants = 20
    source = "Data SIMKIM Kantor Imigrasi Blitar"
    status = "published"


# --- outbox -------------------------------------------------------------------------------------


class EmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "outbox.Email"

    to = factory.Sequence(lambda n: f"piket{n}@example.go.id")
    subject = "Laporan baru"
    body_text = "Ada laporan baru."
    body_html = "<p>Ada laporan baru.</p>"


# --- schools ------------------------------------------------------------------------------------


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "schools.Institution"

    name = factory.Sequence(lambda n: f"SMA Negeri {n} Blitar")
    level = "sma"
    kecamatan = "sananwetan"


class VisitRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "schools.VisitRequest"

    institution_name = factory.Sequence(lambda n: f"SMP Negeri {n} Bakung")
    institution_level = "smp"
    kecamatan = "bakung"
    contact_name = "Sri Wahyuni"
    contact_phone = "0812 3333 4444"
    preferred_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    audience = "Siswa kelas IX"
    audience_size = 120
    topics = factory.LazyFunction(lambda: ["tppo"])


# --- reading_corners ----------------------------------------------------------------------------


class ReadingCornerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reading_corners.ReadingCorner"

    name = factory.Sequence(lambda n: f"Pojok Baca Balai Desa {n}")
    host_institution = "Pemerintah Desa Bakung"
    host_kind = "village_hall"
    kecamatan = "bakung"
    address = "Balai Desa Bakung"
    latitude = "-8.253200"
    longitude = "112.146200"
    opening_hours_ind = "Senin–Jumat 08.00–14.00 WIB"
    materials_ind = "Leaflet paspor"


# --- activities ---------------------------------------------------------------------------------


class ActivityFactory(factory.django.DjangoModelFactory):
    """A published Imigrasi Masuk Desa visit a week ago; pass ``kind`` with the matching place otherwise."""

    class Meta:
        model = Activity

    kind = Kind.IMIGRASI_MASUK_DESA
    title = factory.Sequence(lambda n: f"Imigrasi Masuk Desa ke-{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda activity: activity.starts_at + datetime.timedelta(hours=2))
    village = factory.LazyAttribute(lambda activity: VillageFactory() if activity.kind in VILLAGE_KINDS else None)
    summary = "Sosialisasi pencegahan TPPO dan pembuatan paspor yang prosedural."
    male_18_59 = 12
    female_18_59 = 15
    status = Status.PUBLISHED


VILLAGE_KINDS = (Kind.IMIGRASI_MASUK_DESA, Kind.DESA_BINAAN)


def jpeg_bytes(width=800, height=600, color=(30, 90, 160), **save_options) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="JPEG", **save_options)
    return buffer.getvalue()


def jpeg_upload(name="photo.jpg", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_bytes(**kwargs), content_type="image/jpeg")


def activity_photo(activity, *, consent=True, caption="Warga mendengarkan sosialisasi", width=1200, **kwargs):
    photo = ActivityPhoto(activity=activity, caption=caption, consent_to_publish=consent, **kwargs)
    photo.set_image(clean_image(jpeg_upload(width=width, height=width * 3 // 4)))
    photo.save()
    return photo


# --- reports ------------------------------------------------------------------------------------


class ReportFactory(factory.django.DjangoModelFactory):
    """An anonymous report with PIN 123456 (``pin=`` sets another); ``with_contact=True`` for a reachable reporter."""

    class Meta:
        model = "reports.Report"
        skip_postgeneration_save = True

    class Params:
        with_contact = factory.Trait(
            identity="contact",
            reporter_name="Siti Rahayu",
            reporter_phone="0812 3456 0001",
            reporter_email="siti.rahayu@example.org",
            consent_given_at=factory.LazyFunction(timezone.now),
        )

    category = "overstay"
    description = "Seorang warga negara asing tinggal di rumah kos sejak lebih dari setahun dan tidak pernah lapor."
    kecamatan = "srengat"
    village = "Togogan"

    @factory.post_generation
    def pin(self, create, extracted, **kwargs):
        self.set_pin(extracted or "123456")
        if create:
            self.save(update_fields=["pin_hash"])


class ReportPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reports.ReportPhoto"

    report = factory.SubFactory(ReportFactory)
    image = factory.django.ImageField(filename="photo.jpg", format="JPEG", width=40, height=30, color="green")


# --- stats --------------------------------------------------------------------------------------


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "stats.Series"
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"series-{n}")
    name = factory.Sequence(lambda n: f"Seri {n}")
    name_en = factory.Sequence(lambda n: f"Series {n}")
    order = 100


class FigureFactory(factory.django.DjangoModelFactory):
    """A published whole-year figure with a cited source."""

    class Meta:
        model = "stats.Figure"

    series = factory.SubFactory(SeriesFactory)
    year = 2023
    value = 100
    as_of = factory.LazyAttribute(lambda figure: datetime.date(figure.year, 12, 31))
    source = "Rilis akhir tahun Kantor Imigrasi Blitar"
    source_en = "Year-end press release of the Blitar immigration office"
    status = "published"


# --- pages --------------------------------------------------------------------------------------


class PageTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "pages.PageTopic"

    slug = factory.Sequence(lambda n: f"topik-{n}")
    title_ind = factory.Sequence(lambda n: f"Topik {n}")


class PageFactory(factory.django.DjangoModelFactory):
    """A published information page written in Indonesian only; ``title_en``/``body_en`` add English."""

    class Meta:
        model = "pages.Page"

    topic = factory.SubFactory(PageTopicFactory)
    slug = factory.Sequence(lambda n: f"halaman-{n}")
    title_ind = factory.Sequence(lambda n: f"Halaman informasi {n}")
    summary_ind = "Ringkasan halaman untuk warga."
    body_ind = "Isi halaman tentang layanan keimigrasian."
    status = "published"


class PageLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "pages.PageLink"

    page = factory.SubFactory(PageFactory)
    kind = "source"
    label_ind = "Sumber resmi"
    url = "https://www.imigrasi.go.id/"
    checked_on = datetime.date(2026, 12, 1)


def public_page_paths() -> list[str]:
    """One page of every public page type (with the rows they need), for the page-wide checks: axe, vnu."""
    village = VillageFactory(name="Bakung", desa_binaan=True)
    activity = ActivityFactory(village=village)
    corner = ReadingCornerFactory(name="Pojok Baca Balai Desa Bakung")
    InstitutionFactory()
    page = PageFactory(title_ind="Cara membuat paspor", body_ind="Paspor dibuat lewat aplikasi M-Paspor.")
    PageLinkFactory(page=page)
    FigureFactory()
    return [
        "/",
        "/program/desa-binaan/",
        village.get_absolute_url(),
        "/program/sekolah/",
        "/program/sekolah/minta-kunjungan/",
        "/pojok-baca/",
        corner.get_absolute_url(),
        "/kegiatan/",
        activity.get_absolute_url(),
        "/jadwal/",
        "/lapor/",
        "/lapor/cek/",
        "/informasi/",
        page.get_absolute_url(),
        "/cek-tawaran-kerja/",
        "/cari/?q=paspor",
        "/statistik/",
        "/statistik/peta/",
        "/tidak-ada/",
    ]
