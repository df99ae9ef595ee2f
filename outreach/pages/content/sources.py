"""Every source the seeded pages rely on: (label, address, publisher). Labels are the sources' own titles."""

# --- passports ------------------------------------------------------------------------------------
M_PASPOR_TIPS = (
    "Lakukan 4 Tips Ini agar Lancar Jaya saat Pakai M-Paspor",
    "https://imigrasi.go.id/berita/2023/01/10/lakukan-4-tips-ini-agar-lancar-jaya-saat-pakai-m-paspor",
    "Direktorat Jenderal Imigrasi",
)
M_PASPOR_UPLOAD = (
    "Pastikan Unggahan Foto Dokumen Persyaratan ke Aplikasi M-Paspor Jelas dan Tepat",
    "https://jogja.imigrasi.go.id/pastikan-unggahan-foto-dokumen-persyaratan-ke-aplikasi-m-paspor-jelas-dan-tepat",
    "Kantor Imigrasi Kelas I TPI Yogyakarta",
)
M_PASPOR_FEATURES = (
    "Cara Membuat Paspor melalui Aplikasi M-Paspor, Simak Sederet Kemudahannya (24 Januari 2022)",
    "https://m.tribunnews.com/amp/nasional/2022/01/24/cara-membuat-paspor-melalui-aplikasi-m-paspor-simak-sederet-kemudahannya",
    "Tribunnews, mengutip Humas Direktorat Jenderal Imigrasi",
)
PASSPORT_REQUIREMENTS = (
    "Syarat, Prosedur, dan Biaya Pembuatan Paspor untuk Masyarakat Umum (17 Mei 2023)",
    "https://www.kompas.tv/amp/lifestyle/407439/syarat-prosedur-dan-biaya-pembuatan-paspor-untuk-mayarakat-umum",
    "Kompas TV, dari laman resmi Direktorat Jenderal Imigrasi",
)
PASSPORT_FEES_2024 = (
    "Pemerintah Rilis Tarif Paspor Terbaru (PP Nomor 45 Tahun 2024)",
    "https://kompas.tv/nasional/548302/pemerintah-rilis-tarif-paspor-terbaru-ini-rinciannya",
    "Kompas TV",
)
PASSPORT_MIGRANT_WORKERS = (
    "Paspor Bagi Calon Tenaga Kerja Indonesia",
    "https://maluku.kemenkumham.go.id/layanan-publik/keimigrasian/layanan-untuk-warga-negara-indonesia/paspor-bagi-calon-tenaga-kerja-indonesia",
    "Kantor Wilayah Kementerian Hukum dan HAM Maluku",
)
RECOMMENDATION_REQUIRED = (
    "Kantor Imigrasi Semarang tolak pengajuan paspor 21 calon pekerja migran",
    "https://jateng.antaranews.com/amp/berita/487956/kantor-imigrasi-semarang-tolak-pengajuan-paspor-21-calon-pekerja-migran",
    "ANTARA Jawa Tengah",
)
RECOMMENDATION_EXAMPLE = (
    "Pelayanan Rekomendasi Paspor PMI (Disnakertrans Kabupaten Ogan Ilir)",
    "https://sippn.menpan.go.id/pelayanan-publik/8135248/pemerintah-kab-ogan-ilir/pelayanan-rekomendasi-paspor-pmi",
    "SIPPN, Kementerian PANRB",
)
IMMIGRATION_DIRECTION = (
    "Agar Tak Jadi TKI Ilegal, Perhatikan Kelengkapan Berkas Ini (21 Desember 2017)",
    "https://kabar24.bisnis.com/read/20171221/16/720665/agar-tak-jadi-tki-ilegal-perhatikan-kelengkapan-berkas-ini",
    "Bisnis.com, wawancara Direktur Lalu Lintas Keimigrasian",
)

# --- migrant workers ------------------------------------------------------------------------------
SISKOP2MI_REGISTRATION = (
    "Cegah Penempatan PMI Ilegal, BP3MI Sulawesi Tengah Sosialisasi Pemanfaatan SISKOP2MI",
    "https://kp2mi.go.id/index.php/berita-detail/cegah-penempatan-pmi-ilegal-bp3mi-sulawesi-tengah-sosialisasi-pemanfaatan-siskop2mi",
    "Kementerian Pelindungan Pekerja Migran Indonesia",
)
SISKOP2MI_2026 = (
    "Mulai 2026, Pendaftaran Pekerja Migran di Karawang Beralih ke SISKOP2MI",
    "https://arnewsonline.co.id/?p=1606",
    "ARNews, keterangan Disnakertrans Kabupaten Karawang",
)
LTSA_AND_BP3MI = (
    "BP2MI alihkan layanan Siskot KLN ke aplikasi SIAPkerja",
    "https://alinea.id/bisnis/bp2mi-alihkan-layanan-siskot-kln-ke-aplikasi-siapkerja-b2hUg9Nxs",
    "Alinea.id",
)
COMPANY_LICENCE = (
    "Penipuan CPMI ke Timur Tengah, Disnakertrans Cianjur Hanya Sebatas Koordinasi",
    "https://www.jabarnews.com/daerah/penipuan-cpmi-ke-timur-tengah-disnakertrans-cianjur-hanya-sebatas-koordinasi/3",
    "JabarNews, keterangan Disnakertrans Kabupaten Cianjur",
)
CHECK_AT_DISNAKER = (
    "Hendak ke Arab, 12 Calon Pekerja Migran Ilegal Asal NTB Digagalkan Satgas PMI",
    "https://nttpedia.id/2022/01/17/hendak-ke-arab-12-calon-pekerja-migran-ilegal-asal-ntb-digagalkan-satgas-pmi/2",
    "NTTPedia, keterangan BP2MI",
)
TRAINING_CENTRES = (
    "BP2MI Sosialisasikan Pencegahan TPPO di Universitas Negeri Jakarta",
    "https://ipol.id/2024/05/bp2mi-sosialisasikan-pencegahan-tppo-di-universitas-negeri-jakarta/2",
    "ipol.id, keterangan Kepala BP2MI",
)
CALL_CENTRE = (
    "KP2MI Pertegas Komitmen Lindungi PMI (April 2025)",
    "https://planet.merdeka.com/amp/hot-news/kp2mi-pertegas-komitmen-lindungi-pmi-sejalan-dengan-pernyataan-presiden-prabowo-373481-mvk.html",
    "Merdeka.com, keterangan Wakil Menteri P2MI",
)
LAW_18_2017 = (
    "Undang-Undang No. 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia (naskah)",
    "https://migrantcare.net/2017/12/undang-undang-no-18-tahun-2017-tentang-pelindungan-pekerja-migran-indonesia",
    "Migrant CARE",
)
LAW_18_2017_SUMMARY = (
    "Analisis UU No. 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia",
    "https://meridianhukum.com/peraturan/uu-no-18-tahun-2017",
    "Meridian Hukum",
)
LAW_18_2017_PROTECTION = (
    "Legal Protection for Indonesian Migrant Workers Based on Law Number 18 of 2017",
    "https://www.abacademies.org/abstract/legal-protection-for-indonesian-migrant-workers-based-on-law-number-18-of-2017-9600.html",
    "Journal of Legal, Ethical and Regulatory Issues",
)

# --- trafficking ----------------------------------------------------------------------------------
FOREIGN_MINISTRY_ADVICE = (
    "Cegah Warga Jadi Korban TPPO, Begini Saran Kemlu",
    "https://www.rmolsumsel.id/cegah-warga-jadi-korban-tppo-begini-saran-kemlu",
    "RMOL Sumsel, keterangan Direktur Pelindungan WNI Kementerian Luar Negeri",
)
FOREIGN_MINISTRY_MODUS = (
    "Jangan Mudah Percaya Tawaran Kerja di Luar Negeri, Ini Modus-Modus Pelaku TPPO",
    "http://merdeka.com/peristiwa/jangan-mudah-percaya-tawaran-kerja-di-luar-negeri-ini-modus-modus-pelaku-tppo.html",
    "Merdeka.com, keterangan Kementerian Luar Negeri",
)
LAW_21_2007 = (
    "Undang-undang Nomor 21 Tahun 2007 tentang Pemberantasan Tindak Pidana Perdagangan Orang",
    "https://meridianhukum.com/peraturan/uu-no-21-tahun-2007",
    "Meridian Hukum",
)

# --- foreigners -----------------------------------------------------------------------------------
STAY_PERMITS = (
    "Izin Tinggal",
    "http://jakartatimur.imigrasi.go.id/index.php?option=com_content&view=article&id=78&Itemid=569",
    "Kantor Imigrasi Jakarta Timur",
)
OVERSTAY = (
    "Imigrasi di Bali terapkan denda Rp1 juta per hari WNA overstay (4 Januari 2024)",
    "https://www.antaranews.com/berita/3899610/imigrasi-di-bali-terapkan-denda-rp1-juta-per-hari-wna-overstay",
    "ANTARA",
)
ADMINISTRATIVE_ACTIONS = (
    "Ditjen Imigrasi: WNA yang Langgar Ketertiban Terancam Deportasi (25 Maret 2023)",
    "https://suarasurabaya.net/kelanakota/2023/ditjen-imigrasi-wna-yang-langgar-ketertiban-terancam-deportasi",
    "Suara Surabaya, keterangan Humas Direktorat Jenderal Imigrasi",
)

# --- programs -------------------------------------------------------------------------------------
PIMPASA = (
    "Mengenal Petugas Imigrasi Pembina Desa (PIMPASA)",
    "https://goodnewsfromindonesia.pages.dev/2025/01/13/mengenal-petugas-imigrasi-pembina-desa-pimpasa-emris-kaja-jade",
    "Good News From Indonesia",
)
DESA_BINAAN = (
    "Kanwil Imigrasi Banten Kukuhkan 27 PIMPASA untuk Membina Desa (29 Oktober 2025)",
    "https://www.jpnn.com/news/kanwil-imigrasi-banten-kukuhkan-27-pimpasa-untuk-membina-desa",
    "JPNN.com",
)
READING_CORNER_AWARD = (
    "Kantor Imigrasi Kelas I TPI Bengkulu Ikuti Seminar Perpustakaan Direktorat Jenderal Imigrasi",
    "https://kanimbengkulu.kemenkumham.go.id/berita-utama/kantor-imigrasi-kelas-i-tpi-bengkulu-ikuti-seminar-perpustakaan-direktorat-jenderal-imigrasi",
    "Kantor Imigrasi Kelas I TPI Bengkulu",
)

# --- official sites readers can use ---------------------------------------------------------------
IMIGRASI = ("Direktorat Jenderal Imigrasi", "https://www.imigrasi.go.id/", "")
KP2MI = ("Kementerian Pelindungan Pekerja Migran Indonesia", "https://kp2mi.go.id/", "")
SISKOP2MI = ("SISKOP2MI: daftar dan cek perusahaan penempatan", "https://siskop2mi.bp2mi.go.id/", "")
