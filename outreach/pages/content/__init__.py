"""The information pages the portal starts with: real content in Indonesian and English, every fact
with its source (the ``SOURCES`` below, with the date they were checked). Seeded by ``seed_information``,
which creates what is missing and never overwrites what editors changed.

Fees and processing times are not written down as numbers where no official page could be read: the
pages say to check the official source and link to it.
"""

import datetime

from .pages import PAGES, TOPICS

CHECKED_ON = datetime.date(2026, 12, 1)

__all__ = ["CHECKED_ON", "PAGES", "TOPICS"]
