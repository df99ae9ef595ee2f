"""Refresh the translation catalogs: `make messages`.

Runs makemessages for Indonesian and English over the project (each app with a ``locale/`` folder
gets its own catalog; the rest goes to ``portal/locale``), for the templates and Python code
(``django.po``) and for the JavaScript (``djangojs.po``, today only ``portal/django_strings.js``),
fills the English catalogs with their msgids (the source strings are English), and leaves untouched
any catalog whose only change would be its creation date. Indonesian translations are then written
by hand in the ``id`` catalogs.
"""

import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
IGNORE = [".venv", ".pgdata", "staticfiles", "node_modules", "tests", "scripts", "media", "private_media"]


def catalogs():
    return sorted(path for path in ROOT.glob("**/locale/*/LC_MESSAGES/django*.po") if ".venv" not in path.parts)


def without_date(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith('"POT-Creation-Date:'))


def main():
    before = {path: path.read_text() for path in catalogs()}
    for domain, ignore in (("django", IGNORE), ("djangojs", [*IGNORE, "static"])):
        command = [sys.executable, "manage.py", "makemessages", "-d", domain, "-l", "id", "-l", "en", "--no-obsolete"]
        command += ["-v", "0"]
        for pattern in ignore:
            command += ["--ignore", pattern]
        subprocess.run(command, cwd=ROOT, check=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    for path in catalogs():
        if path.parent.parent.name == "en":
            catalog = polib.pofile(str(path))
            for entry in catalog:
                entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
                entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                else:
                    entry.msgstr = entry.msgid
            catalog.save()
        old = before.get(path)
        if old is not None and without_date(old) == without_date(path.read_text()):
            path.write_text(old)
    untranslated = []
    for path in catalogs():
        if path.parent.parent.name == "id":
            catalog = polib.pofile(str(path))
            missing = len(catalog.untranslated_entries()) + len(catalog.fuzzy_entries())
            if missing:
                untranslated.append(f"{path.relative_to(ROOT)}: {missing}")
    print("Catalogs updated." + (" Still to translate: " + "; ".join(untranslated) if untranslated else ""))


if __name__ == "__main__":
    main()
