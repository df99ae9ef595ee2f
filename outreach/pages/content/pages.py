"""The seeded topics and pages. Each text is a pair (Indonesian, English); each fact is backed by a source of
the page (see sources.py). Links within the portal are relative: the Indonesian texts point to the unprefixed
addresses, the English texts to the /en/ ones."""

from . import sources as s

TOPICS = [
    {
        "slug": "paspor",
        "order": 1,
        "title": ("Paspor", "Passports"),
        "description": (
            "Membuat paspor, juga untuk bekerja di luar negeri.",
            "Getting a passport, also for work abroad.",
        ),
    },
    {
        "slug": "bekerja-di-luar-negeri",
        "order": 2,
        "title": ("Bekerja di luar negeri", "Working abroad"),
        "description": (
            "Jalur resmi, cara memeriksa perusahaan, dan tanda bahaya.",
            "The official route, how to check a company, and warning signs.",
        ),
    },
    {
        "slug": "orang-asing",
        "order": 3,
        "title": ("Orang asing", "Foreigners"),
        "description": ("Izin tinggal dan overstay.", "Stay permits and overstay."),
    },
    {
        "slug": "melapor",
        "order": 4,
        "title": ("Melapor", "Reporting"),
        "description": ("Cara melapor kepada kantor imigrasi.", "How to report to the immigration office."),
    },
    {
        "slug": "program-kami",
        "order": 5,
        "title": ("Program kami", "Our programs"),
        "description": ("Desa binaan dan pojok baca.", "Fostered villages and reading corners."),
    },
]

CHECK_OFFICIAL_FEE = (
    "Biaya paspor adalah Penerimaan Negara Bukan Pajak (PNBP) yang tarifnya ditetapkan dengan Peraturan "
    "Pemerintah; menurut pemberitaan, tarif yang berlaku sejak Desember 2024 diatur dalam PP Nomor 45 Tahun "
    "2024. Kami tidak menuliskan angkanya di sini karena dapat berubah: **periksa sumber resmi** di "
    "[imigrasi.go.id](https://www.imigrasi.go.id/) atau di aplikasi M-Paspor sebelum membayar. Bayar hanya "
    "dengan kode pembayaran (billing) dari aplikasi, jangan melalui calo.",
    "The passport fee is non-tax state revenue (PNBP) whose rates are set by Government Regulation; according "
    "to news reports, the rates in force since December 2024 are in Government Regulation (PP) 45 of 2024. We "
    "do not write the amounts here because they can change: **check the official source** at "
    "[imigrasi.go.id](https://www.imigrasi.go.id/) or in the M-Paspor app before you pay. Pay only with the "
    "payment (billing) code from the app, never through a broker (calo).",
)

PAGES = [
    # --- passports ---------------------------------------------------------------------------------
    {
        "slug": "paspor-lewat-m-paspor",
        "topic": "paspor",
        "order": 1,
        "featured": True,
        "title": ("Membuat paspor lewat aplikasi M-Paspor", "Applying for a passport with the M-Paspor app"),
        "summary": (
            "Permohonan paspor biasa dimulai di aplikasi M-Paspor: isi data, unggah dokumen, bayar, lalu datang "
            "ke kantor imigrasi untuk foto dan wawancara.",
            "An application for an ordinary passport starts in the M-Paspor app: enter your data, upload your "
            "documents, pay, then come to the immigration office for the photo and interview.",
        ),
        "body": (
            "M-Paspor adalah aplikasi Direktorat Jenderal Imigrasi untuk mengajukan permohonan paspor. Sejak awal "
            "2022 aplikasi ini wajib dipakai saat mengajukan paspor dan menggantikan aplikasi antrean sebelumnya "
            "(APAPO). Dengan satu akun Anda dapat mengajukan permohonan untuk hingga lima orang.\n\n"
            "Pergi ke luar negeri untuk **bekerja**? Bacalah dulu "
            "[Paspor untuk calon pekerja migran](/informasi/paspor-calon-pekerja-migran/): syaratnya berbeda.",
            "M-Paspor is the app of the Directorate General of Immigration for passport applications. Since early "
            "2022 it must be used to apply for a passport; it replaced the earlier queueing app (APAPO). One "
            "account can apply for up to five people.\n\n"
            "Going abroad to **work**? First read "
            "[Passports for prospective migrant workers](/en/informasi/paspor-calon-pekerja-migran/): the "
            "requirements differ.",
        ),
        "audience": (
            "Warga negara Indonesia yang memerlukan paspor biasa untuk bepergian ke luar negeri.",
            "Indonesian citizens who need an ordinary passport to travel abroad.",
        ),
        "requirements": (
            "- KTP yang masih berlaku (atau surat keterangan pindah ke luar negeri)\n"
            "- Kartu Keluarga (KK)\n"
            "- Akta kelahiran, akta perkawinan atau buku nikah, ijazah, atau surat baptis, yang memuat nama, "
            "tempat dan tanggal lahir, serta nama orang tua\n"
            "- Surat pewarganegaraan, bagi orang asing yang memperoleh kewarganegaraan Indonesia\n"
            "- Surat penetapan ganti nama dari pejabat berwenang, bagi yang pernah berganti nama\n\n"
            "Bawa dokumen asli yang sama dengan yang Anda unggah.",
            "- A valid KTP (identity card), or a certificate of moving abroad\n"
            "- The family card (Kartu Keluarga, KK)\n"
            "- A birth certificate, marriage certificate or book, school certificate (ijazah), or baptism "
            "certificate showing your name, place and date of birth and your parents' names\n"
            "- A naturalisation certificate, for foreigners who became Indonesian citizens\n"
            "- The official decision on a change of name, for those who changed their name\n\n"
            "Bring the originals of the documents you uploaded.",
        ),
        "steps": (
            "1. Pasang aplikasi **M-Paspor** dari Play Store atau App Store, lalu buat akun.\n"
            "2. Isi data pemohon dan unggah foto dokumen persyaratan. Pastikan fotonya jelas, tidak miring dan "
            "tidak terpotong.\n"
            "3. Pilih kantor imigrasi dan jadwal kedatangan.\n"
            "4. Bayar biaya PNBP dengan kode pembayaran dari aplikasi sebelum batas waktu yang ditunjukkan.\n"
            "5. Datang pada jadwal Anda dengan dokumen asli untuk foto dan wawancara. Jadwal kedatangan dapat "
            "diubah di aplikasi.\n"
            "6. Status permohonan dapat dicek di aplikasi.",
            "1. Install the **M-Paspor** app from the Play Store or the App Store and create an account.\n"
            "2. Enter the applicant's data and upload photos of the required documents. Make sure the photos are "
            "sharp, straight and not cut off.\n"
            "3. Choose the immigration office and the date of your visit.\n"
            "4. Pay the PNBP fee with the payment code from the app before the deadline it shows.\n"
            "5. Come on your date with the original documents for the photo and interview. The date can be "
            "changed in the app.\n"
            "6. You can check the status of your application in the app.",
        ),
        "cost": CHECK_OFFICIAL_FEE,
        "duration": (
            "Lama penyelesaian tidak kami cantumkan karena kami belum dapat memastikannya dari sumber resmi: "
            "**periksa sumber resmi** di [imigrasi.go.id](https://www.imigrasi.go.id/) atau tanyakan saat "
            "wawancara.",
            "We do not state how long it takes, because we could not confirm it from an official source: **check "
            "the official source** at [imigrasi.go.id](https://www.imigrasi.go.id/) or ask at your interview.",
        ),
        "where_to_go": (
            "Kantor imigrasi yang Anda pilih di aplikasi M-Paspor, pada jadwal yang Anda pilih. Alamat kantor "
            "kami ada di bagian bawah setiap halaman portal ini.",
            "The immigration office you chose in the M-Paspor app, on the date you chose. Our office's address "
            "is at the bottom of every page of this portal.",
        ),
        "legal_basis": (
            "- Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian\n"
            "- Peraturan Pemerintah tentang jenis dan tarif PNBP yang berlaku (menurut pemberitaan: PP Nomor 45 "
            "Tahun 2024)",
            "- Law 6 of 2011 on Immigration\n"
            "- The Government Regulation on the kinds and rates of PNBP in force (according to news reports: "
            "Government Regulation 45 of 2024)",
        ),
        "official_links": [("Situs Direktorat Jenderal Imigrasi", "Directorate General of Immigration", s.IMIGRASI)],
        "sources": [
            s.M_PASPOR_TIPS,
            s.M_PASPOR_UPLOAD,
            s.M_PASPOR_FEATURES,
            s.PASSPORT_REQUIREMENTS,
            s.PASSPORT_FEES_2024,
        ],
    },
    {
        "slug": "paspor-calon-pekerja-migran",
        "topic": "paspor",
        "order": 2,
        "featured": True,
        "title": ("Paspor untuk calon pekerja migran", "Passports for prospective migrant workers"),
        "summary": (
            "Mau bekerja di luar negeri? Daftar dulu sebagai calon pekerja migran dan minta surat rekomendasi "
            "paspor dari Dinas Tenaga Kerja (Disnaker) sebelum mengajukan paspor.",
            "Going to work abroad? First register as a prospective migrant worker and get a passport "
            "recommendation letter from the manpower office (Disnaker) before you apply for the passport.",
        ),
        "body": (
            "Permohonan paspor untuk bekerja di luar negeri memerlukan **surat rekomendasi paspor dari Dinas "
            "Tenaga Kerja** provinsi atau kabupaten/kota. Kantor imigrasi menunda paspor pemohon yang akan bekerja "
            "tetapi tidak membawa rekomendasi itu: hal ini melindungi Anda dari penempatan nonprosedural.\n\n"
            "Katakan terus terang saat wawancara bahwa Anda akan bekerja. Berangkat bekerja dengan paspor "
            '"wisata" atau "umrah" adalah cara yang dipakai perekrut ilegal.',
            "An application for a passport to work abroad needs a **passport recommendation letter from the "
            "manpower office (Dinas Tenaga Kerja, Disnaker)** of the province or regency. Immigration offices hold "
            "back the passport of an applicant who will work abroad but has no such letter: this protects you from "
            "non-procedural placement.\n\n"
            'Say openly at the interview that you are going to work. Leaving to work on a "tourist" or '
            '"umrah" passport is a method illegal recruiters use.',
        ),
        "audience": (
            "Warga negara Indonesia yang akan bekerja di luar negeri (calon Pekerja Migran Indonesia).",
            "Indonesian citizens who are going to work abroad (prospective Indonesian migrant workers).",
        ),
        "requirements": (
            "- KTP\n- Kartu Keluarga\n"
            "- Akta kelahiran, akta perkawinan atau buku nikah, surat baptis, atau ijazah\n"
            "- **Surat rekomendasi paspor calon pekerja migran dari Dinas Tenaga Kerja** provinsi atau "
            "kabupaten/kota\n- Paspor lama, bila sudah pernah memiliki\n\n"
            "Untuk surat rekomendasi, Disnaker meminta dokumen sendiri. Contoh dari standar layanan sebuah Disnaker "
            "(Kabupaten Ogan Ilir): fotokopi KTP, ijazah dan KK, pas foto, surat izin orang tua/wali/suami/istri "
            "yang diketahui kepala desa, surat perjanjian penempatan, surat pengantar dari perusahaan penempatan, "
            "dan kartu pencari kerja (AK-1). Tanyakan daftar yang berlaku di Disnaker kabupaten/kota Anda.",
            "- KTP (identity card)\n- Family card (KK)\n"
            "- Birth certificate, marriage certificate or book, baptism certificate, or school certificate\n"
            "- **The passport recommendation letter for prospective migrant workers from the manpower office "
            "(Disnaker)** of the province or regency\n- Your old passport, if you had one\n\n"
            "The Disnaker asks for its own documents for the recommendation letter. An example from one Disnaker's "
            "published service standard (Ogan Ilir regency): copies of the KTP, school certificate and family "
            "card, photos, a letter of permission from parents, guardian or spouse acknowledged by the village "
            "head, the placement agreement, a covering letter from the placement company, and the job-seeker card "
            "(AK-1). Ask your own regency's Disnaker for its list.",
        ),
        "steps": (
            "1. Daftar sebagai calon pekerja migran melalui jalur resmi: Disnaker atau Layanan Terpadu Satu Atap "
            "(LTSA) di kabupaten/kota Anda. Pendaftaran dan penempatan tercatat di **SISKOP2MI**, sistem "
            "Kementerian Pelindungan Pekerja Migran Indonesia.\n"
            "2. Minta surat rekomendasi paspor di Disnaker.\n"
            "3. Ajukan paspor (lewat M-Paspor atau di kantor imigrasi) di kantor imigrasi yang berada di provinsi "
            "domisili Anda. Permohonan boleh perorangan atau kolektif melalui perusahaan penempatan.\n"
            "4. Datang untuk foto dan wawancara dengan dokumen asli dan surat rekomendasi.",
            "1. Register as a prospective migrant worker through the official route: the Disnaker or the one-stop "
            "service (Layanan Terpadu Satu Atap, LTSA) of your regency. Registration and placement are recorded in "
            "**SISKOP2MI**, the system of the Ministry for the Protection of Indonesian Migrant Workers.\n"
            "2. Ask the Disnaker for the passport recommendation letter.\n"
            "3. Apply for the passport (through M-Paspor or at the office) at an immigration office in the province "
            "where you live. You may apply on your own or collectively through the placement company.\n"
            "4. Come for the photo and interview with the original documents and the recommendation letter.",
        ),
        "cost": (
            "- Biaya paspor: lihat [Membuat paspor lewat M-Paspor](/informasi/paspor-lewat-m-paspor/) dan "
            "**periksa sumber resmi** di [imigrasi.go.id](https://www.imigrasi.go.id/).\n"
            "- Surat rekomendasi Disnaker: pada contoh standar layanan di atas tidak dipungut biaya; tanyakan "
            "kepada Disnaker Anda.\n"
            "- Undang-Undang 18/2017 menetapkan bahwa pekerja migran tidak dibebani biaya penempatan. Perekrut "
            'yang meminta "biaya proses" adalah tanda bahaya.',
            "- Passport fee: see [Applying for a passport with M-Paspor](/en/informasi/paspor-lewat-m-paspor/) and "
            "**check the official source** at [imigrasi.go.id](https://www.imigrasi.go.id/).\n"
            "- Disnaker recommendation letter: free of charge in the example service standard above; ask your "
            "Disnaker.\n"
            "- Law 18/2017 provides that migrant workers are not charged placement costs. A recruiter who asks for "
            'a "processing fee" is a warning sign.',
        ),
        "duration": (
            "Periksa sumber resmi: tanyakan kepada Disnaker (rekomendasi) dan kantor imigrasi (paspor).",
            "Check the official source: ask the Disnaker (recommendation) and the immigration office (passport).",
        ),
        "where_to_go": (
            "- Disnaker atau LTSA kabupaten/kota Anda: pendaftaran dan surat rekomendasi\n"
            "- Kantor imigrasi di provinsi domisili Anda: paspor",
            "- The Disnaker or LTSA of your regency: registration and the recommendation letter\n"
            "- An immigration office in the province where you live: the passport",
        ),
        "legal_basis": (
            "- Undang-Undang Nomor 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia\n"
            "- Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian",
            "- Law 18 of 2017 on the Protection of Indonesian Migrant Workers\n- Law 6 of 2011 on Immigration",
        ),
        "official_links": [
            ("SISKOP2MI", "SISKOP2MI", s.SISKOP2MI),
            (
                "Kementerian Pelindungan Pekerja Migran Indonesia",
                "Ministry for the Protection of Migrant Workers",
                s.KP2MI,
            ),
            ("Situs Direktorat Jenderal Imigrasi", "Directorate General of Immigration", s.IMIGRASI),
        ],
        "sources": [
            s.PASSPORT_MIGRANT_WORKERS,
            s.RECOMMENDATION_REQUIRED,
            s.RECOMMENDATION_EXAMPLE,
            s.IMMIGRATION_DIRECTION,
            s.SISKOP2MI_REGISTRATION,
            s.SISKOP2MI_2026,
            s.LAW_18_2017,
            s.LAW_18_2017_SUMMARY,
        ],
    },
    # --- working abroad ----------------------------------------------------------------------------
    {
        "slug": "bekerja-ke-luar-negeri-secara-aman",
        "topic": "bekerja-di-luar-negeri",
        "order": 1,
        "featured": True,
        "title": (
            "Bekerja ke luar negeri secara aman dan prosedural",
            "Working abroad safely, through the official route",
        ),
        "summary": (
            "Jalur resmi bekerja di luar negeri, cara memeriksa perusahaan penempatan, dan ke mana bertanya.",
            "The official route to work abroad, how to check a placement company, and where to ask.",
        ),
        "body": (
            "Pekerja migran yang berangkat lewat jalur resmi terdaftar dan dilindungi negara sebelum, selama, "
            "dan setelah bekerja (Undang-Undang 18/2017). Yang berangkat di luar jalur itu tidak tercatat, "
            "sehingga negara sulit membantu bila terjadi masalah.\n\n"
            "## Cara memeriksa perusahaan penempatan\n\n"
            "- Perusahaan Penempatan Pekerja Migran Indonesia (P3MI) yang resmi memiliki izin **SIP3MI** dari "
            "Kementerian Pelindungan Pekerja Migran Indonesia. Daftar perusahaan berizin dapat dilihat di "
            "[SISKOP2MI](https://siskop2mi.bp2mi.go.id/).\n"
            "- Tanyakan ke Disnaker atau LTSA kabupaten/kota Anda apakah perusahaan dan lowongannya resmi.\n"
            "- Datangi kantor perusahaan itu; jangan hanya berhubungan lewat media sosial atau perantara.\n"
            "- Lembaga Pelatihan Kerja (LPK) tidak berwenang menempatkan pekerja di luar negeri.\n\n"
            "## Tanya dan mengadu\n\n"
            "Call center Kementerian Pelindungan Pekerja Migran Indonesia: **0800-1000** (dari Indonesia, bebas "
            "pulsa), **+62 21 2924 4800** (dari luar negeri), WhatsApp **0811-8080-141**. Di luar negeri, hubungi "
            "juga Kedutaan Besar Republik Indonesia (KBRI).",
            "Migrant workers who leave through the official route are registered and protected by the state "
            "before, during and after their work (Law 18/2017). Those who leave outside it are not recorded, so "
            "the state can hardly help them when something goes wrong.\n\n"
            "## How to check a placement company\n\n"
            "- A legal placement company (Perusahaan Penempatan Pekerja Migran Indonesia, P3MI) holds a **SIP3MI** "
            "licence from the Ministry for the Protection of Indonesian Migrant Workers. The licensed companies are "
            "listed in [SISKOP2MI](https://siskop2mi.bp2mi.go.id/).\n"
            "- Ask the Disnaker or the one-stop service (LTSA) of your regency whether the company and the job are "
            "legal.\n"
            "- Visit the company's office; do not deal with it only through social media or a go-between.\n"
            "- Job training centres (Lembaga Pelatihan Kerja, LPK) have no authority to place workers abroad.\n\n"
            "## Ask and complain\n\n"
            "Call centre of the Ministry for the Protection of Indonesian Migrant Workers: **0800-1000** (from "
            "Indonesia, free of charge), **+62 21 2924 4800** (from abroad), WhatsApp **0811-8080-141**. Abroad, "
            "also contact the Indonesian embassy (KBRI).",
        ),
        "audience": (
            "Warga yang ingin bekerja di luar negeri, dan keluarganya.",
            "Residents who want to work abroad, and their families.",
        ),
        "steps": (
            "1. Datang ke Disnaker atau LTSA kabupaten/kota Anda dan tanyakan lowongan resmi.\n"
            "2. Periksa perusahaan penempatan dan izinnya (SIP3MI) di SISKOP2MI.\n"
            "3. Daftar dan tanda tangani perjanjian penempatan melalui LTSA.\n"
            "4. Lengkapi dokumen, ikuti orientasi pra pemberangkatan (OPP) dan perekaman sidik jari di Balai "
            "Pelayanan Pelindungan Pekerja Migran Indonesia (BP3MI).\n"
            "5. Ajukan paspor dengan surat rekomendasi Disnaker.\n"
            "6. Berangkat dalam keadaan terdaftar; simpan sendiri paspor dan salinan perjanjian kerja Anda.",
            "1. Go to the Disnaker or LTSA of your regency and ask about legal vacancies.\n"
            "2. Check the placement company and its licence (SIP3MI) in SISKOP2MI.\n"
            "3. Register and sign the placement agreement through the LTSA.\n"
            "4. Complete the documents and attend the pre-departure orientation (OPP) and fingerprinting at the "
            "migrant worker protection service centre (BP3MI).\n"
            "5. Apply for the passport with the Disnaker's recommendation letter.\n"
            "6. Leave registered; keep your passport and a copy of your work agreement yourself.",
        ),
        "cost": (
            "Undang-Undang 18/2017 menetapkan bahwa pekerja migran tidak dibebani biaya penempatan. Untuk biaya "
            "lain (paspor, pemeriksaan kesehatan) **periksa sumber resmi**: Disnaker, LTSA, atau "
            "[kp2mi.go.id](https://kp2mi.go.id/).",
            "Law 18/2017 provides that migrant workers are not charged placement costs. For other costs "
            "(passport, health check) **check the official source**: the Disnaker, the LTSA, or "
            "[kp2mi.go.id](https://kp2mi.go.id/).",
        ),
        "where_to_go": (
            "- Disnaker atau LTSA kabupaten/kota Anda\n- BP3MI di provinsi Anda\n- Kantor imigrasi untuk paspor",
            "- The Disnaker or LTSA of your regency\n- The BP3MI of your province\n"
            "- The immigration office for the passport",
        ),
        "legal_basis": (
            "Undang-Undang Nomor 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia.",
            "Law 18 of 2017 on the Protection of Indonesian Migrant Workers.",
        ),
        "official_links": [
            ("SISKOP2MI: cek perusahaan penempatan", "SISKOP2MI: check a placement company", s.SISKOP2MI),
            (
                "Kementerian Pelindungan Pekerja Migran Indonesia",
                "Ministry for the Protection of Migrant Workers",
                s.KP2MI,
            ),
        ],
        "sources": [
            s.LAW_18_2017,
            s.LAW_18_2017_SUMMARY,
            s.LAW_18_2017_PROTECTION,
            s.COMPANY_LICENCE,
            s.CHECK_AT_DISNAKER,
            s.TRAINING_CENTRES,
            s.LTSA_AND_BP3MI,
            s.SISKOP2MI_REGISTRATION,
            s.CALL_CENTRE,
        ],
    },
    {
        "slug": "tanda-bahaya-perdagangan-orang",
        "topic": "bekerja-di-luar-negeri",
        "order": 2,
        "featured": True,
        "title": (
            "Tanda bahaya perdagangan orang dan perekrutan ilegal",
            "Warning signs of human trafficking and illegal recruitment",
        ),
        "summary": (
            "Tawaran kerja yang terlalu indah bisa menjadi jebakan. Kenali tandanya sebelum Anda membayar, "
            "menyerahkan dokumen, atau berangkat.",
            "A job offer that is too good can be a trap. Know the signs before you pay, hand over documents or leave.",
        ),
        "body": (
            "Tindak pidana perdagangan orang (TPPO) menurut Undang-Undang 21/2007 adalah perekrutan, pengangkutan, "
            "penampungan, pengiriman, pemindahan, atau penerimaan seseorang dengan ancaman, kekerasan, penipuan, "
            "atau penyalahgunaan kekuasaan atau posisi rentan, untuk tujuan eksploitasi: kerja paksa, perbudakan, "
            "eksploitasi seksual, dan pengambilan organ tubuh.\n\n"
            "## Tanda bahaya\n\n"
            '- Anda diminta membayar "biaya proses" atau biaya penempatan sebelum berangkat.\n'
            "- Anda disuruh berangkat dengan visa wisata, kunjungan, atau umrah lalu bekerja di sana.\n"
            "- Tidak ada perjanjian kerja tertulis, atau ditulis dalam bahasa yang tidak Anda pahami.\n"
            "- Perusahaan tidak dapat menunjukkan izin, atau tidak tercantum di SISKOP2MI.\n"
            "- Perekrut menahan paspor, KTP, atau dokumen Anda.\n"
            "- Anda diminta berangkat lewat jalur tidak resmi, atau berbohong kepada petugas imigrasi.\n"
            "- Gaji jauh di atas wajar untuk pekerjaannya, tanpa syarat keahlian.\n"
            "- Dijanjikan berangkat sangat cepat, dalam hitungan minggu.\n"
            '- Semua "gratis", atau Anda diberi uang saku agar mau berangkat: uang itu bisa menjadi jeratan '
            "utang.\n"
            "- Tawaran datang hanya lewat media sosial, WhatsApp, atau sponsor, tidak pernah di kantor.\n"
            "- Lembaga pelatihan (LPK) menjanjikan penempatan kerja di luar negeri.\n\n"
            "Cek tawaran yang Anda terima dengan [daftar periksa kami](/cek-tawaran-kerja/).\n\n"
            "## Bila Anda melihat tanda-tanda ini\n\n"
            "Jangan membayar, jangan menyerahkan dokumen, dan jangan berangkat. [Laporkan kepada kami](/lapor/) "
            "(boleh tanpa nama), atau hubungi call center Kementerian Pelindungan Pekerja Migran Indonesia "
            "**0800-1000**. Bila ada orang dalam bahaya saat ini, telepon polisi **110**.",
            "Under Law 21/2007, human trafficking (tindak pidana perdagangan orang, TPPO) is the recruitment, "
            "transport, harbouring, sending, transfer or receipt of a person by threat, force, deception, or abuse "
            "of power or of a vulnerable position, for exploitation: forced labour, slavery, sexual exploitation "
            "and organ removal.\n\n"
            "## Warning signs\n\n"
            '- You are asked to pay a "processing fee" or placement fee before you leave.\n'
            "- You are told to leave on a tourist, visit or umrah visa and to work there.\n"
            "- There is no written work agreement, or it is in a language you do not understand.\n"
            "- The company cannot show a licence, or is not listed in SISKOP2MI.\n"
            "- The recruiter keeps your passport, KTP or other documents.\n"
            "- You are to leave by an unofficial route, or told to lie to the immigration officer.\n"
            "- The salary is far above normal for the work, with no skills asked.\n"
            "- You are promised a very quick departure, within weeks.\n"
            '- Everything is "free", or you are given pocket money to accept: that money can become a debt '
            "trap.\n"
            "- The offer comes only through social media, WhatsApp or a sponsor, never at an office.\n"
            "- A training centre (LPK) promises a job abroad.\n\n"
            "Check the offer you received with [our checklist](/en/cek-tawaran-kerja/).\n\n"
            "## If you see these signs\n\n"
            "Do not pay, do not hand over documents, and do not leave. [Report it to us](/en/lapor/) (you may stay "
            "anonymous), or call the call centre of the Ministry for the Protection of Indonesian Migrant Workers "
            "on **0800-1000**. If someone is in danger right now, call the police on **110**.",
        ),
        "legal_basis": (
            "- Undang-Undang Nomor 21 Tahun 2007 tentang Pemberantasan Tindak Pidana Perdagangan Orang\n"
            "- Undang-Undang Nomor 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia",
            "- Law 21 of 2007 on the Eradication of the Crime of Human Trafficking\n"
            "- Law 18 of 2017 on the Protection of Indonesian Migrant Workers",
        ),
        "official_links": [
            ("SISKOP2MI: cek perusahaan penempatan", "SISKOP2MI: check a placement company", s.SISKOP2MI)
        ],
        "sources": [
            s.LAW_21_2007,
            s.LAW_18_2017_SUMMARY,
            s.FOREIGN_MINISTRY_ADVICE,
            s.FOREIGN_MINISTRY_MODUS,
            s.TRAINING_CENTRES,
            s.IMMIGRATION_DIRECTION,
            s.COMPANY_LICENCE,
            s.CALL_CENTRE,
        ],
    },
    # --- foreigners --------------------------------------------------------------------------------
    {
        "slug": "izin-tinggal-dan-overstay",
        "topic": "orang-asing",
        "order": 1,
        "featured": False,
        "title": (
            "Aturan bagi orang asing: izin tinggal dan overstay",
            "Rules for foreigners: stay permits and overstay",
        ),
        "summary": (
            "Setiap orang asing di Indonesia wajib memiliki izin tinggal yang sesuai dengan visanya. Yang tinggal "
            "melewati izinnya dikenai biaya beban atau dideportasi.",
            "Every foreigner in Indonesia must hold a stay permit that matches their visa. Those who stay beyond "
            "their permit pay a charge or are deported.",
        ),
        "body": (
            "## Izin tinggal\n\n"
            "Setiap orang asing yang berada di wilayah Indonesia wajib memiliki izin tinggal, yang diberikan sesuai "
            "dengan visanya. Jenisnya: izin tinggal diplomatik, izin tinggal dinas, izin tinggal kunjungan, izin "
            "tinggal terbatas, dan izin tinggal tetap. Seorang asing tidak boleh memiliki lebih dari satu izin "
            "tinggal.\n\n"
            "## Overstay\n\n"
            "Menurut Pasal 78 Undang-Undang 6/2011 tentang Keimigrasian:\n\n"
            "- Orang asing yang izin tinggalnya habis dan masih berada di Indonesia **kurang dari 60 hari** dikenai "
            "**biaya beban** per hari. Besarnya ditetapkan dalam peraturan tarif PNBP: **periksa sumber resmi** di "
            "[imigrasi.go.id](https://www.imigrasi.go.id/).\n"
            "- Yang tidak membayar biaya beban itu dikenai **deportasi dan penangkalan** (dilarang masuk kembali).\n"
            "- Yang berada di Indonesia **lebih dari 60 hari** setelah izinnya habis dikenai deportasi dan "
            "penangkalan.\n\n"
            "Pejabat imigrasi juga dapat mengambil tindakan administratif keimigrasian (Pasal 75), antara lain "
            "pembatalan izin tinggal, larangan berada di tempat tertentu, biaya beban, dan deportasi, terhadap orang "
            "asing yang membahayakan keamanan dan ketertiban umum atau tidak menaati peraturan.\n\n"
            "## Apa yang dapat dilakukan warga\n\n"
            "Mengetahui orang asing yang tinggal melewati izinnya, bekerja tanpa izin, atau meresahkan? "
            "[Laporkan kepada kami](/lapor/); Anda boleh melapor tanpa nama.",
            "## Stay permits\n\n"
            "Every foreigner in Indonesian territory must hold a stay permit, given according to their visa. The "
            "kinds are: diplomatic, service, visit, limited (izin tinggal terbatas) and permanent (izin tinggal "
            "tetap) stay permits. A foreigner may not hold more than one stay permit.\n\n"
            "## Overstay\n\n"
            "Under Article 78 of Law 6/2011 on Immigration:\n\n"
            "- A foreigner whose permit has expired and who is still in Indonesia **less than 60 days** later pays "
            "an **overstay charge** (biaya beban) per day. The amount is set in the PNBP tariff regulation: **check "
            "the official source** at [imigrasi.go.id](https://www.imigrasi.go.id/).\n"
            "- One who does not pay the charge is **deported and barred** from returning.\n"
            "- One still in Indonesia **more than 60 days** after the permit expired is deported and barred.\n\n"
            "Immigration officers can also take administrative immigration action (Article 75), among others "
            "cancelling the stay permit, barring a person from certain places, an overstay charge and deportation, "
            "against foreigners who endanger security and public order or break the rules.\n\n"
            "## What residents can do\n\n"
            "Do you know of a foreigner staying beyond their permit, working without a permit, or causing unrest? "
            "[Report it to us](/en/lapor/); you may report anonymously.",
        ),
        "legal_basis": (
            "- Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian, Pasal 75 dan 78\n"
            "- Peraturan Pemerintah tentang jenis dan tarif PNBP yang berlaku (biaya beban)",
            "- Law 6 of 2011 on Immigration, Articles 75 and 78\n"
            "- The Government Regulation on the kinds and rates of PNBP in force (overstay charge)",
        ),
        "official_links": [("Situs Direktorat Jenderal Imigrasi", "Directorate General of Immigration", s.IMIGRASI)],
        "sources": [s.STAY_PERMITS, s.OVERSTAY, s.ADMINISTRATIVE_ACTIONS],
    },
    # --- reporting ---------------------------------------------------------------------------------
    {
        "slug": "cara-melapor",
        "topic": "melapor",
        "order": 1,
        "featured": True,
        "title": (
            "Cara melapor dan apa yang terjadi dengan laporan Anda",
            "How to report, and what happens to your report",
        ),
        "summary": (
            "Laporkan dugaan perdagangan orang, perekrutan ilegal, atau pelanggaran oleh orang asing lewat "
            "portal ini, tanpa nama bila Anda mau, lalu ikuti perkembangannya dengan kode dan PIN.",
            "Report suspected trafficking, illegal recruitment or violations by foreigners through this portal, "
            "anonymously if you wish, then follow it with your code and PIN.",
        ),
        "body": (
            "Ada orang dalam bahaya saat ini? Jangan menunggu: telepon polisi **110**.\n\n"
            "## Apa yang dapat dilaporkan\n\n"
            "Dugaan perdagangan orang (TPPO), perekrutan pekerja migran nonprosedural (calo, agen palsu), orang "
            "asing yang tinggal melewati izinnya, orang asing yang bekerja atau berkegiatan di luar izinnya, orang "
            "asing yang meresahkan, keluhan tentang layanan keimigrasian, dan hal lain.\n\n"
            "## Langkah melapor\n\n"
            "1. Buka [formulir laporan](/lapor/) dan pilih apa yang ingin Anda laporkan.\n"
            "2. Ceritakan apa yang terjadi, di mana dan kapan, dengan kata-kata Anda sendiri. Anda boleh menambah "
            "hingga 3 foto; informasi tersembunyi seperti lokasi dihapus dari setiap foto.\n"
            "3. Pilih melapor **tanpa nama** (pilihan awal) atau dengan kontak. Kontak hanya dipakai untuk laporan "
            "ini dan dihapus setelah jangka waktu yang disebutkan di formulir, sesudah laporan ditutup.\n"
            "4. Periksa jawaban Anda, lalu kirim.\n"
            "5. Catat **kode laporan** dan **PIN** yang muncul. PIN hanya ditampilkan sekali; petugas tidak akan "
            "pernah memintanya.\n\n"
            "## Setelah laporan terkirim\n\n"
            "Petugas memeriksa laporan Anda: laporan diverifikasi atau ditolak, lalu ditindaklanjuti, diteruskan "
            "kepada instansi mitra bila perlu, dan akhirnya ditutup. Dengan kode dan PIN, Anda dapat "
            "[mengecek laporan](/lapor/cek/): melihat statusnya, membaca pesan dari petugas, dan menambah "
            "informasi. Bila Anda memberi email, kami mengabari Anda saat ada perkembangan.",
            "Is someone in danger right now? Do not wait: call the police on **110**.\n\n"
            "## What you can report\n\n"
            "Suspected human trafficking (TPPO), non-procedural recruitment of migrant workers (brokers, fake "
            "agencies), foreigners staying beyond their permit, foreigners working or acting outside their permit, "
            "foreigners causing unrest, complaints about an immigration service, and other matters.\n\n"
            "## How to report\n\n"
            "1. Open the [report form](/en/lapor/) and choose what you want to report.\n"
            "2. Tell us what happened, where and when, in your own words. You may add up to 3 photos; hidden "
            "information such as the location is removed from every photo.\n"
            "3. Choose to report **anonymously** (the default) or with contact details. Contact details are used "
            "for this report only and deleted a period after the report is closed, as the form states.\n"
            "4. Check your answers, then send.\n"
            "5. Write down the **reference code** and the **PIN** shown. The PIN is shown only once; officers will "
            "never ask you for it.\n\n"
            "## After you send it\n\n"
            "Officers review your report: it is verified or rejected, then acted on, forwarded to a partner agency "
            "where needed, and finally closed. With your code and PIN you can [check your report](/en/lapor/cek/): "
            "see its status, read the officers' messages, and add information. If you gave an email address, we "
            "tell you when there is news.",
        ),
        "official_links": [],
        "sources": [],
    },
    # --- our programs ------------------------------------------------------------------------------
    {
        "slug": "program-desa-binaan",
        "topic": "program-kami",
        "order": 1,
        "featured": False,
        "title": ("Program desa binaan imigrasi", "The immigration desa binaan program"),
        "summary": (
            "Desa binaan mendapat sosialisasi keimigrasian yang terencana dan berulang dari Petugas Imigrasi "
            "Pembina Desa (PIMPASA).",
            "Fostered villages (desa binaan) get planned, repeated immigration outreach from a village officer, "
            "the Petugas Imigrasi Pembina Desa (PIMPASA).",
        ),
        "body": (
            "Desa binaan imigrasi adalah program Direktorat Jenderal Imigrasi yang mendekatkan informasi "
            "keimigrasian ke desa, terutama untuk mencegah tindak pidana perdagangan orang (TPPO) dan "
            "penyelundupan manusia (TPPM). Di setiap desa binaan seorang **Petugas Imigrasi Pembina Desa "
            "(PIMPASA)** bertugas membina warga bersama perangkat desa: sosialisasi paspor dan migrasi aman, "
            "serta deteksi dini bersama masyarakat.\n\n"
            "Kantor kami memilih desa binaan di wilayah kerjanya. Lihat [desa binaan kami](/program/desa-binaan/): "
            "PIMPASA-nya, alasan desa itu dipilih, angka tahunannya, dan kegiatan di sana.",
            "The immigration desa binaan (fostered village) program of the Directorate General of Immigration "
            "brings immigration information to villages, above all to prevent human trafficking (TPPO) and people "
            "smuggling (TPPM). In each fostered village a **village immigration officer (Petugas Imigrasi Pembina "
            "Desa, PIMPASA)** works with the residents and the village officials: outreach on passports and safe "
            "migration, and early detection together with the community.\n\n"
            "Our office chooses fostered villages in its area. See [our fostered villages](/en/program/desa-binaan/): "
            "their PIMPASA, why each was chosen, their yearly figures, and the activities there.",
        ),
        "official_links": [],
        "sources": [s.PIMPASA, s.DESA_BINAAN],
    },
    {
        "slug": "pojok-baca",
        "topic": "program-kami",
        "order": 2,
        "featured": False,
        "title": ("Pojok baca imigrasi", "Immigration reading corners"),
        "summary": (
            "Bahan bacaan gratis tentang paspor, migrasi aman, dan bahaya perdagangan orang di balai desa, "
            "sekolah, perpustakaan, dan kantor kami.",
            "Free reading material about passports, safe migration and the dangers of human trafficking at village "
            "halls, schools, libraries and our office.",
        ),
        "body": (
            "Pojok baca (reading corner) menyediakan bahan bacaan keimigrasian di tempat yang mudah dijangkau "
            "warga. Datang saja pada jam buka; tidak perlu mendaftar.\n\n"
            "Pada Seminar Perpustakaan Direktorat Jenderal Imigrasi bulan September 2024, Kantor Imigrasi Blitar "
            "dinobatkan sebagai unit dengan pojok baca terbaik.\n\n"
            "Lihat [daftar dan peta pojok baca](/pojok-baca/) dengan alamat dan jam bukanya.",
            "Reading corners (pojok baca) offer immigration reading material in places residents can easily reach. "
            "Just drop in during the opening hours; no registration is needed.\n\n"
            "At the library seminar of the Directorate General of Immigration in September 2024, the Blitar "
            "immigration office was named the unit with the best reading corner.\n\n"
            "See the [list and map of reading corners](/en/pojok-baca/) with their addresses and opening hours.",
        ),
        "official_links": [],
        "sources": [s.READING_CORNER_AWARD],
    },
]
