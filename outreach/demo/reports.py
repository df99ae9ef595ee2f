"""Demo reports around Blitar (development only): invented, no real people, no emails sent.

Each demo report has a fixed submission token (uuid5), so running ``seed_demo`` again finds it and
creates nothing twice. Histories go through ``Report.transition`` with the demo staff accounts, then
their dates are moved back to when they would have happened.
"""

import datetime
import hashlib
import io
import uuid

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from outreach.office.models import PartnerAgency
from outreach.reports.models import (
    CODE_ALPHABET,
    Category,
    Identity,
    Priority,
    Report,
    ReportEvent,
    ReportPhoto,
    Status,
)

DEMO_NAMESPACE = uuid.UUID("6f1f5d3e-4c2b-4a57-9a55-0b6c1e2f9a10")
DEMO_PIN = "246810"

# Public messages and internal notes for each step of the workflow.
STEP_TEXT = {
    Status.VERIFIED: (
        "Informasi awal sesuai; petugas cek lokasi.",
        "Terima kasih. Laporan Anda sudah kami periksa dan kami tindak lanjuti.",
    ),
    Status.IN_PROGRESS: (
        "Tim pengawasan orang asing dijadwalkan turun ke lokasi.",
        "Petugas kami sedang menindaklanjuti laporan Anda di lapangan.",
    ),
    Status.FORWARDED: (
        "Di luar kewenangan imigrasi; diteruskan dengan surat pengantar.",
        "Laporan Anda kami teruskan ke instansi yang berwenang.",
    ),
    Status.CLOSED: (
        "Tindak lanjut selesai, berita acara sudah dibuat.",
        "Tindak lanjut atas laporan Anda sudah selesai. Terima kasih atas kepedulian Anda.",
    ),
}

VERIFIED, IN_PROGRESS, FORWARDED, CLOSED, REJECTED = (
    Status.VERIFIED,
    Status.IN_PROGRESS,
    Status.FORWARDED,
    Status.CLOSED,
    Status.REJECTED,
)

# (category, kecamatan, village, days ago, steps, description, extra fields)
DEMO_REPORTS = [
    (
        Category.TRAFFICKING,
        "kademangan",
        "Plosorejo",
        2,
        [],
        "Tiga gadis lulusan SMP dari desa kami dijanjikan kerja di restoran di Malaysia dengan gaji 8 juta. "
        "Paspor mereka dipegang oleh seorang perempuan yang mengaku dari agensi. Katanya berangkat minggu depan "
        "lewat Surabaya.",
        {"involved_nationality": "Indonesia", "involved_description": "Perempuan sekitar 40 tahun, naik mobil hitam."},
    ),
    (
        Category.TRAFFICKING,
        "wates",
        "Tugurejo",
        11,
        [],
        "Ada rumah di ujung gang yang sering didatangi perempuan muda dari luar daerah, menginap beberapa hari "
        "lalu dijemput mobil travel malam-malam. Tetangga curiga mereka akan dikirim ke luar negeri.",
        {},
    ),
    (
        Category.TRAFFICKING,
        "sutojayan",
        "Kedungbunder",
        40,
        [VERIFIED, FORWARDED],
        "Adik saya berangkat ke Kamboja katanya kerja di perusahaan online, sekarang minta tolong lewat pesan "
        "karena tidak boleh pulang dan disuruh bayar denda. Dia berangkat diajak teman dari desa sebelah.",
        {"partner": "Polres Blitar", "priority": Priority.URGENT, "contact": ("Wahyu Hidayat", "0812 0000 3101")},
    ),
    (
        Category.TRAFFICKING,
        "kanigoro",
        "Gogodeso",
        120,
        [VERIFIED, IN_PROGRESS, CLOSED],
        "Seorang calo menawarkan pekerjaan sebagai pengasuh di Hong Kong tanpa pelatihan, meminta KTP dan KK "
        "beberapa warga, dan mengumpulkan mereka di sebuah rumah di Gogodeso.",
        {"priority": Priority.URGENT},
    ),
    (
        Category.RECRUITMENT,
        "srengat",
        "Dandong",
        3,
        [],
        "Ada orang yang keliling kampung menawarkan kerja ke Taiwan, minta uang pendaftaran 5 juta tunai tanpa "
        "kuitansi. Kantornya tidak jelas, hanya menyebut nama PT yang tidak ada di daftar resmi.",
        {"contact": ("Sri Wulandari", "", "sri.wulandari@example.com")},
    ),
    (
        Category.RECRUITMENT,
        "binangun",
        "Sumberkembar",
        25,
        [VERIFIED, FORWARDED],
        "Sebuah kantor di pinggir jalan raya memasang spanduk lowongan kerja ke Jepang dan Korea, tetapi "
        "pendaftar disuruh membuat paspor dengan tujuan wisata.",
        {"partner": "BP3MI"},
    ),
    (
        Category.RECRUITMENT,
        "wlingi",
        "Beru",
        60,
        [VERIFIED, IN_PROGRESS],
        "Tetangga saya dijanjikan kerja di kapal ikan oleh seorang sponsor. Sudah membayar 12 juta, berangkat "
        "belum, dan sponsornya sekarang sulit dihubungi.",
        {"contact": ("Joko Santoso", "0857 0000 3102", "")},
    ),
    (
        Category.RECRUITMENT,
        "nglegok",
        "Penataran",
        95,
        [VERIFIED, FORWARDED, CLOSED],
        "Ada pelatihan bahasa untuk calon pekerja ke luar negeri yang tidak berizin, pesertanya menginap "
        "berminggu-minggu dan dipungut biaya asrama.",
        {"partner": "Disnaker"},
    ),
    (
        Category.RECRUITMENT,
        "selopuro",
        "Jambewangi",
        150,
        [REJECTED],
        "Saya ingin menanyakan syarat membuat paspor untuk bekerja di Arab Saudi.",
        {"reason": "Bukan laporan: pertanyaan layanan paspor, dijawab lewat layanan informasi."},
    ),
    (
        Category.OVERSTAY,
        "sananwetan",
        "Bendogerit",
        1,
        [],
        "Seorang WNA laki-laki tinggal di rumah kos di dekat pasar sejak lebih dari setahun. Katanya datang "
        "sebagai turis, tetapi tidak pernah pulang ke negaranya.",
        {"involved_nationality": "Tiongkok"},
    ),
    (
        Category.OVERSTAY,
        "kepanjenkidul",
        "Sentul",
        9,
        [],
        "Ada WNA perempuan yang menikah siri dengan warga sini, sudah tinggal hampir dua tahun. Warga tidak "
        "tahu apakah izin tinggalnya masih berlaku.",
        {"involved_nationality": "Vietnam"},
    ),
    (
        Category.OVERSTAY,
        "garum",
        "Sidodadi",
        30,
        [VERIFIED],
        "Dua orang asing menyewa rumah di perumahan dan jarang keluar. Pemilik rumah bilang kontraknya sudah "
        "diperpanjang tiga kali.",
        {
            "involved_nationality": "India",
            "contact": ("Ahmad Fauzi", "0813 0000 3103", "ahmad.fauzi@example.org"),
            "photos": 2,
        },
    ),
    (
        Category.OVERSTAY,
        "talun",
        "Bajang",
        75,
        [VERIFIED, IN_PROGRESS, CLOSED],
        "WNA yang bekerja sebagai pelatih di sebuah sanggar tinggal di sini sejak izin tinggalnya habis bulan lalu.",
        {"involved_nationality": "Filipina"},
    ),
    (
        Category.OVERSTAY,
        "ponggok",
        "Bacem",
        200,
        [REJECTED],
        "Ada orang bule jalan-jalan di desa kami.",
        {"reason": "Tidak ada petunjuk pelanggaran; wisatawan dengan izin yang sah."},
    ),
    (
        Category.PERMIT_VIOLATION,
        "sukorejo",
        "Tanggung",
        5,
        [VERIFIED],
        "Seorang WNA bekerja sebagai mandor di pabrik pengolahan kayu. Setahu saya dia masuk dengan visa kunjungan.",
        {"involved_nationality": "Korea Selatan"},
    ),
    (
        Category.PERMIT_VIOLATION,
        "udanawu",
        "Bendosewu",
        45,
        [VERIFIED, IN_PROGRESS],
        "Beberapa WNA bekerja di tambang pasir di tepi Sungai Brantas. Mereka mengoperasikan alat berat setiap hari.",
        {"involved_nationality": "Tiongkok", "priority": Priority.HIGH, "photos": 1},
    ),
    (
        Category.PERMIT_VIOLATION,
        "wonodadi",
        "Kolomayan",
        80,
        [VERIFIED, FORWARDED],
        "Seorang WNA membuka kursus bahasa berbayar di rumahnya, padahal izinnya izin tinggal sebagai pasangan WNI.",
        {"partner": "Kanim lain"},
    ),
    (
        Category.PERMIT_VIOLATION,
        "gandusari",
        "Slumbung",
        130,
        [VERIFIED, IN_PROGRESS, CLOSED],
        "Ada WNA yang berjualan kopi di kebun milik warga dan mengajak turis asing menginap di sana.",
        {"involved_nationality": "Belanda", "photos": 1},
    ),
    (
        Category.UNREST,
        "sanankulon",
        "Sumberjo",
        4,
        [VERIFIED],
        "Seorang WNA sering mabuk dan membuat keributan di warung malam hari, kemarin sempat bertengkar dengan "
        "pemuda kampung.",
        {"priority": Priority.HIGH},
    ),
    (
        Category.UNREST,
        "kesamben",
        "Pagergunung",
        55,
        [VERIFIED, FORWARDED, CLOSED],
        "Seorang WNA merekam video warga tanpa izin dan mengunggahnya dengan kata-kata yang menghina. Warga "
        "marah dan hampir terjadi bentrok.",
        {"partner": "Polres Blitar"},
    ),
    (
        Category.UNREST,
        "doko",
        "Sumberurip",
        100,
        [REJECTED],
        "Tetangga saya sering memutar musik keras.",
        {"reason": "Tidak melibatkan orang asing; disarankan lapor ke perangkat desa."},
    ),
    (
        Category.UNREST,
        "selorejo",
        "Olak Alen",
        160,
        [VERIFIED, IN_PROGRESS, CLOSED],
        "Sekelompok WNA menggelar kegiatan keagamaan di balai desa tanpa pemberitahuan dan membagikan selebaran.",
        {"involved_nationality": "Malaysia"},
    ),
    (
        Category.SERVICE,
        "kepanjenkidul",
        "Kauman",
        2,
        [],
        "Antrean paspor hari Senin sangat lama, nomor antrean daring tidak dipanggil sesuai urutan.",
        {"contact": ("Rudi Hartono", "", "rudi.hartono@example.com")},
    ),
    (
        Category.SERVICE,
        "sananwetan",
        "Klampok",
        35,
        [VERIFIED, IN_PROGRESS, CLOSED],
        "Ada orang di depan kantor imigrasi menawarkan jasa percepatan paspor dengan bayaran 1,5 juta.",
        {"priority": Priority.HIGH},
    ),
    (
        Category.SERVICE,
        "talun",
        "Kendalrejo",
        70,
        [REJECTED],
        "Paspor saya ditolak karena data di KTP berbeda dengan akta kelahiran.",
        {"reason": "Sesuai aturan; pemohon diarahkan memperbaiki data kependudukan di Dukcapil."},
    ),
    (
        Category.SERVICE,
        "wlingi",
        "Babadan",
        110,
        [VERIFIED, IN_PROGRESS],
        "Saat layanan paspor keliling di kecamatan, petugas meminta fotokopi tambahan yang tidak ada di persyaratan.",
        {},
    ),
    (
        Category.OTHER,
        "bakung",
        "Sumberdadi",
        6,
        [],
        "Sebuah perahu nelayan asing terlihat beberapa kali berlabuh di pantai pada malam hari.",
        {"priority": Priority.HIGH},
    ),
    (
        Category.OTHER,
        "panggungrejo",
        "Serang",
        50,
        [VERIFIED, FORWARDED],
        "Ada anak WNA yang tinggal dengan neneknya di sini dan tidak bersekolah, orang tuanya bekerja di luar negeri.",
        {"partner": "Dinsos"},
    ),
    (
        Category.OTHER,
        "wonotirto",
        "Ngeni",
        140,
        [VERIFIED, IN_PROGRESS, CLOSED],
        "Ada kabar drone milik orang asing terbang di atas kawasan pantai dan permukiman.",
        {},
    ),
    (
        Category.OTHER,
        "binangun",
        "Ngadirenggo",
        180,
        [VERIFIED, FORWARDED, CLOSED],
        "Seorang WNA mencari tanah untuk dibeli atas nama warga setempat.",
        {"partner": "Lainnya"},
    ),
]


def _reference(token: uuid.UUID) -> str:
    digest = hashlib.sha256(token.bytes).digest()
    chars = "".join(CODE_ALPHABET[byte % len(CODE_ALPHABET)] for byte in digest[:8])
    return f"LPR-{chars[:4]}-{chars[4:]}"


def _add_photos(report, number, extra):
    """Generated photos for the demo reports that have them (again if they are missing, not if purged)."""
    if report.photos_purged_at or report.photos.exists():
        return
    for index in range(extra.get("photos", 0)):
        photo = ReportPhoto(report=report, created_at=report.created_at)
        photo.image.save(f"demo-{number}-{index + 1}.jpg", _demo_photo(number + index), save=False)
        photo.save()


def _demo_photo(seed: int) -> ContentFile:
    """A plain generated picture (no download, no metadata) standing in for a reporter's photo."""
    image = Image.new("RGB", (800, 600), (90 + seed * 7 % 120, 120, 140 + seed * 11 % 100))
    draw = ImageDraw.Draw(image)
    draw.rectangle((120, 200, 680, 520), fill=(200, 190, 170))
    draw.polygon([(100, 200), (400, 60), (700, 200)], fill=(150, 60, 50))
    draw.text((20, 20), "Foto contoh (demo)", fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return ContentFile(buffer.getvalue())


def _staff():
    users = {user.username: user for user in get_user_model().objects.filter(username__in=["petugas", "supervisor"])}
    return users.get("petugas"), users.get("supervisor")


def seed():
    officer, supervisor = _staff()
    now = timezone.now()
    created = 0
    for number, (category, kecamatan, village, days_ago, steps, description, extra) in enumerate(DEMO_REPORTS):
        token = uuid.uuid5(DEMO_NAMESPACE, f"demo-report-{number}")
        existing = Report.objects.filter(submission_token=token).first()
        if existing is not None:
            _add_photos(existing, number, extra)
            continue
        received = now - datetime.timedelta(days=days_ago, hours=number % 7)
        report = Report(
            submission_token=token,
            reference=_reference(token),
            category=category,
            description=description,
            kecamatan=kecamatan,
            village=village,
            involved_nationality=extra.get("involved_nationality", ""),
            involved_description=extra.get("involved_description", ""),
            priority=extra.get("priority", Priority.URGENT if category == Category.TRAFFICKING else Priority.NORMAL),
            assigned_to=officer if steps else None,
            created_at=received,
        )
        if "contact" in extra:
            name, phone, *email = extra["contact"]
            report.identity = Identity.WITH_CONTACT
            report.reporter_name, report.reporter_phone = name, phone
            report.reporter_email = email[0] if email else ""
            report.consent_given_at = received
        report.set_pin(DEMO_PIN)
        report.save()
        report.events.create(kind=ReportEvent.Kind.SUBMITTED, to_status=Status.NEW, created_at=received)
        _add_photos(report, number, extra)
        _play_history(report, steps, extra, received, now, officer, supervisor)
        created += 1
    total = Report.objects.filter(
        submission_token__in=[uuid.uuid5(DEMO_NAMESPACE, f"demo-report-{n}") for n in range(len(DEMO_REPORTS))]
    ).count()
    return [f"{total} demo reports ({created} added by this run, PIN {DEMO_PIN})"]


def _play_history(report, steps, extra, received, now, officer, supervisor):
    """Walk the report through ``steps`` (no emails), then date each step after the one before."""
    gap = (now - received) / (len(steps) + 1) if steps else None
    for index, status in enumerate(steps):
        by = supervisor if status in (Status.REJECTED, Status.FORWARDED) else officer
        if status == Status.REJECTED:
            note, message = extra["reason"], "Terima kasih. Laporan ini tidak dapat kami tindak lanjuti."
        else:
            note, message = STEP_TEXT[status]
        partner = PartnerAgency.objects.get(short_name=extra["partner"]) if status == Status.FORWARDED else None
        event = report.transition(status, by=by, internal_note=note, public_message=message, partner=partner)
        when = received + gap * (index + 1)
        ReportEvent.objects.filter(pk=event.pk).update(created_at=when)
        if status in (Status.CLOSED, Status.REJECTED):
            Report.objects.filter(pk=report.pk).update(closed_at=when)
