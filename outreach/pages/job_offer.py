"""\"Is this job offer safe?\": the warning signs a resident ticks, and the risk level they add up to.

The signs come from official guidance and reporting (sources listed in the README and on the seeded page
"Tanda bahaya perdagangan orang"): a serious sign alone makes the risk high, warning signs add up. Nothing
is stored: the answers live in the address of the result page only.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

HIGH = "high"
MEDIUM = "medium"
LOW = "low"
# How many warning signs together count as a high risk.
WARNINGS_FOR_HIGH = 3
REPORT_CATEGORY = "recruitment"  # reports.Category.RECRUITMENT: non-procedural recruitment


@dataclass(frozen=True)
class Sign:
    code: str
    label: str
    serious: bool


SIGNS = [
    Sign("fee", _("You are asked to pay a placement fee, or a large sum for the “process”, before you leave."), True),
    Sign("visa", _("You are told to leave on a tourist, visit or umrah visa and to start working there."), True),
    Sign("contract", _("There is no written work contract, or it is in a language you cannot read."), True),
    Sign("licence", _("The recruiter cannot show a company licence, or the company is not listed in SISKOP2MI."), True),
    Sign("documents", _("The recruiter keeps your passport, KTP or other documents."), True),
    Sign("route", _("You are to leave by an unofficial route, or told to lie to the immigration officer."), True),
    Sign("salary", _("The salary is far above normal for the work, and no skills or experience are asked."), False),
    Sign("fast", _("You are promised departure within a few weeks."), False),
    Sign("paid", _("Everything is “free”, or you were given pocket money to accept the offer."), False),
    Sign("social", _("The offer came only through social media, WhatsApp or a sponsor, never at an office."), False),
    Sign("training", _("A training centre (LPK) promises to place you in a job abroad."), False),
    Sign("no_disnaker", _("Nobody asked you to register at the Disnaker or the one-stop service (LTSA)."), False),
]
SIGNS_BY_CODE = {sign.code: sign for sign in SIGNS}

LEVEL_LABELS = {HIGH: _("High risk"), MEDIUM: _("Some risk"), LOW: _("No warning sign ticked")}


@dataclass(frozen=True)
class Assessment:
    level: str
    signs: list[Sign]

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self.level]

    @property
    def serious_signs(self) -> list[Sign]:
        return [sign for sign in self.signs if sign.serious]

    def report_summary(self) -> str:
        """The text put in the report form: the risk level and the signs ticked, for the resident to complete."""
        lines = [
            str(_("Result of the job-offer check on the portal: %(level)s.")) % {"level": self.label},
            str(_("Signs I noticed:")),
            *(f"- {sign.label}" for sign in self.signs),
            "",
            str(_("About the offer (please complete): who offered it, the company, the country, what was promised:")),
        ]
        return "\n".join(lines)

    def report_url(self) -> str:
        query = urlencode({"category": REPORT_CATEGORY, "description": self.report_summary()})
        return f"{reverse('reports:start')}?{query}"


def assess(codes) -> Assessment:
    """The risk level of the ticked signs (unknown codes ignored, each sign counted once)."""
    signs = [sign for sign in SIGNS if sign.code in set(codes)]
    warnings = [sign for sign in signs if not sign.serious]
    if any(sign.serious for sign in signs) or len(warnings) >= WARNINGS_FOR_HIGH:
        level = HIGH
    elif warnings:
        level = MEDIUM
    else:
        level = LOW
    return Assessment(level=level, signs=signs)
