"""A URLconf for the page cache's test: a page named like a cached public page ("home") whose template uses
the CSP nonce, as an inline script would."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

TEMPLATE = engines["django"].from_string('<!doctype html><script nonce="{{ csp_nonce }}">let a = 1;</script>')


def page_with_a_nonce(request):
    return HttpResponse(TEMPLATE.render({}, request))


urlpatterns = [path("", page_with_a_nonce, name="home")]
