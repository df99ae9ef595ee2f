import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

# Django first (it sets itself up), then the page cache's lean path in front of it (portal/page_cache.py).
django_application = get_wsgi_application()

from portal.page_cache import PageCacheApplication  # noqa: E402

application = PageCacheApplication(django_application)

# Everything loaded so far (Django, the apps, their modules) lives as long as the process: out of the garbage
# collector's sight, a collection does not walk it on every request's allocations. With gunicorn's --preload
# this runs in the master, so the workers also keep sharing those pages of memory instead of copying them.
gc.freeze()
