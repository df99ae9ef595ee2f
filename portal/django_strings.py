"""Strings of Django's own admin that Django's Indonesian catalog leaves untranslated or gets wrong.

Listed here so that makemessages puts them in the portal's catalog, which takes precedence over
Django's (LOCALE_PATHS); officers then see the whole back office in Indonesian. The admin's
JavaScript strings (date and time shortcuts) are listed in ``django_strings.js`` for the same reason:
the admin's JavaScript catalog merges the portal's ``djangojs`` catalog over Django's.
"""

from django.utils.translation import gettext_noop, ngettext

MISSING_FROM_DJANGO = [
    gettext_noop("- Select an option -"),
    gettext_noop("“%(value)s” is not a valid binary value."),
    gettext_noop("No %s matches the given query."),
    gettext_noop('The app "%s" could not be found.'),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("Logout"),
]

# Django's Indonesian puts "nama pengguna" before %(username)s, which is "nama pengguna" itself: the
# log-in error read "Masukkan nama pengguna nama pengguna dan sandi…".
WRONG_IN_DJANGO = [
    gettext_noop("Please enter a correct %(username)s and password. Note that both fields may be case-sensitive."),
    gettext_noop(
        "Please enter the correct %(username)s and password for a staff account. "
        "Note that both fields may be case-sensitive."
    ),
]


def _plurals():  # never called: makemessages reads the plural strings from here
    ngettext("…and %(count)d more object.", "…and %(count)d more objects.", 0)
