"""Strings of Django's own admin that Django's Indonesian catalog leaves untranslated.

Listed here so that makemessages puts them in the portal's catalog, which takes precedence over
Django's (LOCALE_PATHS); officers then see the whole back office in Indonesian.
"""

from django.utils.translation import gettext_noop

MISSING_FROM_DJANGO = [
    gettext_noop("- Select an option -"),
]
