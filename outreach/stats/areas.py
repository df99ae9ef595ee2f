"""Where outreach is needed: reports received and visits held per kecamatan over the last 12 months.

Reports carry a kecamatan only (never a point); visits take the kecamatan of their place. A kecamatan is
drawn on the map at the average position of the outreach places recorded in it (villages, schools and
reading corners); a kecamatan without any recorded place is listed in the table only.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Count, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from outreach.activities.models import Activity
from outreach.places import Kecamatan, kabupaten_of
from outreach.reading_corners.models import ReadingCorner
from outreach.reports.models import Report
from outreach.schools.models import Institution
from outreach.villages.models import Village

from .selectors import SUPPRESSED, suppressed

WINDOW = datetime.timedelta(days=365)


@dataclass
class KecamatanRow:
    code: str
    name: str
    kabupaten: str
    reports: int
    visits: int
    people: int
    latitude: float | None = None
    longitude: float | None = None
    public_reports: int | None = None  # None: under 5, hidden on public pages


def kecamatan_overview(now: datetime.datetime | None = None) -> tuple[list[KecamatanRow], datetime.date]:
    """Every kecamatan with its reports and held visits since 12 months ago (and that date); five queries."""
    now = now or timezone.now()
    since = now - WINDOW
    reports = dict(
        Report.objects.filter(created_at__gte=since)
        .exclude(kecamatan="")
        .values("kecamatan")
        .annotate(count=Count("pk"))
        .values_list("kecamatan", "count")
    )
    visits = {
        row["area"]: row
        for row in Activity.objects.published()
        .started(now)
        .filter(starts_at__gte=since)
        .annotate(area=Coalesce("village__kecamatan", "institution__kecamatan", "reading_corner__kecamatan"))
        .exclude(area=None)
        .values("area")
        .annotate(count=Count("pk"), people=Sum("attendance_total"))
        .order_by()
    }
    positions: dict[str, list[tuple[float, float, int]]] = {}
    for model in (Village, Institution, ReadingCorner):
        located = model.objects.filter(latitude__isnull=False, longitude__isnull=False).values("kecamatan")
        for row in located.annotate(lat=Avg("latitude"), lng=Avg("longitude"), n=Count("pk")).order_by():
            positions.setdefault(row["kecamatan"], []).append((float(row["lat"]), float(row["lng"]), row["n"]))
    rows = []
    for code, name in Kecamatan.choices:
        visit = visits.get(code, {})
        row = KecamatanRow(
            code=code,
            name=name,
            kabupaten=kabupaten_of(code),
            reports=reports.get(code, 0),
            visits=visit.get("count", 0),
            people=visit.get("people") or 0,
        )
        if code in positions:
            weight = sum(n for _lat, _lng, n in positions[code])
            row.latitude = round(sum(lat * n for lat, _lng, n in positions[code]) / weight, 4)
            row.longitude = round(sum(lng * n for _lat, lng, n in positions[code]) / weight, 4)
        rows.append(row)
    hidden = suppressed({row.code: row.reports for row in rows})
    for row in rows:
        row.public_reports = hidden[row.code]
    return rows, timezone.localdate(since)


def map_markers(rows: list[KecamatanRow], *, exact: bool) -> list[dict]:
    """The map's circles: one per kecamatan with a position; public maps show hidden report counts as "< 5"."""
    markers = []
    for row in rows:
        if row.latitude is None:
            continue
        reports = row.reports if exact else row.public_reports
        shown = SUPPRESSED if reports is None else str(reports)
        markers.append(
            {
                "lat": row.latitude,
                "lng": row.longitude,
                "visits": row.visits,
                "reports_level": round(0.15 + 0.75 * min(reports or 0, 20) / 20, 2),
                "lines": [
                    _("Kecamatan %(name)s") % {"name": row.name},
                    _("Reports received: %(count)s") % {"count": shown},
                    _("Outreach visits held: %(count)s") % {"count": row.visits},
                    _("People reached: %(count)s") % {"count": row.people},
                ],
            }
        )
    return markers
