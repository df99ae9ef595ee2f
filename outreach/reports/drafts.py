"""A report being written: the answers in the session, the cleaned photos in the PRIVATE storage.

Between the form and the "check your answers" step the photos have already been checked and
re-encoded (no metadata); their bytes wait under ``report-drafts/<random draft id>/`` in the private
storage, which no URL reaches. The folder is removed after the report is sent or when the reporter
deletes the draft; folders older than DRAFT_MAX_AGE (abandoned drafts whose session simply expired) are
swept by ``purge_reporter_data``, never in a request. The draft holds no PIN: it is made when the report
is sent and shown once.
"""

import datetime
import logging
import secrets
import time
import uuid
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from outreach.media import CleanImage

from .models import private_storage

logger = logging.getLogger(__name__)

SESSION_KEY = "report_draft"
FOLDER = "report-drafts"
DRAFT_MAX_AGE = datetime.timedelta(days=1)


def get(request) -> dict | None:
    draft = request.session.get(SESSION_KEY)
    if not draft or time.time() - draft.get("created", 0) > DRAFT_MAX_AGE.total_seconds():
        return None
    return draft


def start(request) -> dict:
    """The current draft, or a new one with its own submission token."""
    draft = get(request)
    if draft is None:
        draft = {
            "id": secrets.token_hex(16),
            "token": str(uuid.uuid4()),
            "created": time.time(),
            "answers": {},
            "photos": [],
        }
    return draft


def save(request, draft: dict, answers: dict, *, remove: list[int], new_photos) -> dict:
    """Store the answers and the photos (keeping those not removed, adding new ones) in the draft."""
    storage = private_storage()
    kept = []
    for index, name in enumerate(draft["photos"]):
        if index in remove:
            storage.delete(name)
        else:
            kept.append(name)
    for clean in new_photos:
        kept.append(storage.save(f"{FOLDER}/{draft['id']}/{uuid.uuid4().hex}.jpg", ContentFile(clean.content)))
    draft = {**draft, "answers": answers, "photos": kept}
    request.session[SESSION_KEY] = draft
    return draft


def photo_files(draft: dict) -> list[CleanImage]:
    """The draft's photos as the clean images they were stored as: only ``save`` writes them, after the form
    checked and re-encoded them, so sending the report stores these bytes without decoding them again."""
    storage = private_storage()
    files = []
    for name in draft["photos"]:
        with storage.open(name, "rb") as handle:
            content = handle.read()
        width, height = Image.open(BytesIO(content)).size  # the header only
        files.append(CleanImage(content, width, height))
    return files


def discard(request, draft: dict | None = None):
    """Forget the draft and remove its photos."""
    draft = draft or request.session.get(SESSION_KEY)
    request.session.pop(SESSION_KEY, None)
    if draft:
        _remove_folder(f"{FOLDER}/{draft['id']}")


def _remove_folder(folder: str):
    storage = private_storage()
    try:
        _dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        storage.delete(f"{folder}/{name}")
    try:
        storage.delete(folder)  # FileSystemStorage removes an empty folder too
    except OSError:
        logger.warning("Could not remove an empty report draft folder.")


def sweep_abandoned(now: datetime.datetime | None = None) -> int:
    """Remove draft folders whose newest photo is older than DRAFT_MAX_AGE. Returns how many."""
    storage = private_storage()
    now = now or timezone.now()
    try:
        folders, _files = storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    removed = 0
    for folder in folders:
        path = f"{FOLDER}/{folder}"
        _dirs, files = storage.listdir(path)
        times = [storage.get_modified_time(f"{path}/{name}") for name in files]
        if not times or now - max(times) > DRAFT_MAX_AGE:
            _remove_folder(path)
            removed += 1
    return removed
