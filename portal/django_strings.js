// Strings of Django admin's JavaScript (date and time shortcuts, calendar) that Django's Indonesian
// catalog leaves untranslated. Never served: listed so that makemessages -d djangojs puts them in the
// portal's djangojs catalog, which the admin's JavaScript catalog merges over Django's (LOCALE_PATHS).
// See django_strings.py for the Python ones.
gettext("server");
ngettext(
    "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour ahead.)",
    "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours ahead.)",
    0,
);
ngettext(
    "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour behind.)",
    "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours behind.)",
    0,
);
gettext("Today (%(date)s)");
gettext("Yesterday (%(date)s)");
gettext("Tomorrow (%(date)s)");
gettext("Previous (%(month)s %(year)s)");
gettext("Next (%(month)s %(year)s)");
gettext("%(month)s %(day)s, %(year)s");
gettext("%s (today, current selection)");
gettext("%s (today)");
gettext("%s (current selection)");
