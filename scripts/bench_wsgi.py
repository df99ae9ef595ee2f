"""The portal plus the benchmark's baseline in one WSGI application, for `make bench` only.

``/__baseline__`` is a bare Django view (``HttpResponse("hello")``) behind Django's request handler with NO
middleware and a one-route URLconf: the framework's ceiling on this machine, served by the same gunicorn
workers as the portal. Every other path goes to the portal (``portal.wsgi``) unchanged.
"""

from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpResponse
from django.urls import path

from portal.wsgi import application as portal

BASELINE_PATH = "/__baseline__"


def hello(request):
    return HttpResponse("hello")


urlpatterns = [path(BASELINE_PATH.lstrip("/"), hello)]


class BareHandler(WSGIHandler):
    """Django's WSGI handler without any middleware, resolving against this module's URLconf."""

    def load_middleware(self, is_async=False):
        self._view_middleware = []
        self._template_response_middleware = []
        self._exception_middleware = []
        self._middleware_chain = self._get_response

    def get_response(self, request):
        request.urlconf = __name__
        return super().get_response(request)


baseline = BareHandler()


def application(environ, start_response):
    if environ.get("PATH_INFO") == BASELINE_PATH:
        return baseline(environ, start_response)
    return portal(environ, start_response)
