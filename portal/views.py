import json
import sys

from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import Resolver404, resolve, reverse
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from outreach.office.models import OfficeProfile
from outreach.stats.selectors import key_figures
from portal import outage


def organization_json_ld(request, office) -> str:
    """The office as a schema.org GovernmentOrganization, as JSON safe inside a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "url": request.build_absolute_uri(reverse("home")),
        "logo": request.build_absolute_uri(office.logo.url if office and office.logo else static("img/og-default.png")),
    }
    if office is not None:
        data |= {
            "name": office.name,
            "alternateName": office.short_name,
            "address": {"@type": "PostalAddress", "streetAddress": office.address, "addressCountry": "ID"},
            "telephone": office.phone,
            "email": office.email,
        }
        if office.parent_agency:
            data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": office.parent_agency}
    text = json.dumps(data, ensure_ascii=False)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def home(request):
    office = OfficeProfile.current()
    context = {
        "office": office,
        "organization_json_ld": organization_json_ld(request, office),
        "key_figures": key_figures(),
    }
    return render(request, "home.html", context)


@never_cache
@require_safe
def healthz(request):
    """Liveness and database check for load balancers and uptime monitors (GET or HEAD)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        response = JsonResponse({"status": "error", "database": "unavailable"}, status=503)
        if outage.is_database_outage(error):
            outage.outage_log.record(error)
            response._has_been_logged = True  # a probe every few seconds: counted, not logged each time
        return response
    return JsonResponse({"status": "ok", "database": "ok"})


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the (hashed) icon."""
    return redirect(static("img/favicon.svg"))


def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    """An unhandled error; a lost database connection gets the calmer 503 page (see ``portal.outage``)."""
    error = sys.exc_info()[1]
    if outage.is_database_outage(error):
        return outage.unavailable_response(error)
    # No context processors here: the error may come from the database they read.
    return HttpResponseServerError(loader.get_template("500.html").render())


@never_cache
def csrf_failure(request, reason=""):
    """A form came back without a valid security token (usually: the page was open too long). Nothing was done."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    in_report = match is not None and match.namespace == "reports"
    if in_report:
        back_url = reverse("reports:status" if match.url_name.startswith("status") else "reports:start")
    elif request.path_info.startswith("/admin/"):
        back_url = reverse("admin:index")
    else:
        back_url = request.path if match is not None else reverse("home")
    return render(request, "403_csrf.html", {"back_url": back_url, "in_report": in_report}, status=403)
