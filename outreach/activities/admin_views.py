"""The activities' custom back-office views: view classes wired by a ``get_urls`` (as contrib/admin does).

``DashboardView`` is a view of the admin site (``portal.admin.PortalAdminSite.get_urls``);
``FromVisitRequestView`` is wired by ``ActivityAdmin.get_urls``. Both are wrapped by ``admin_view``
(staff log-in) and check their own permission.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from outreach.schools.models import VisitRequest

from . import dashboard, services
from .models import Activity


class YearForm(forms.Form):
    """The dashboard's year switch (GET); an invalid year shows its error and the current year."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, data=None, *, years, current):
        super().__init__(data, initial={"year": current})
        self.fields["year"].choices = [(year, year) for year in years]

    def chosen_year(self, default: int) -> int:
        return self.cleaned_data["year"] if self.is_bound and self.is_valid() else default


class AdminSiteView(TemplateView):
    """A page of the back office: the admin site's frame (``each_context``) and one permission."""

    admin_site = None
    permission = ""

    @classmethod
    def has_permission(cls, request) -> bool:
        return request.user.has_perm(cls.permission)

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**self.admin_site.each_context(self.request), **super().get_context_data(**kwargs)}


class DashboardView(AdminSiteView):
    """The officer dashboard: activities held and people reached in a year, the schedule, overdue follow-ups."""

    template_name = "admin/activities/dashboard.html"
    permission = "activities.view_activity"

    def get_context_data(self, **kwargs):
        current = timezone.localdate().year
        form = YearForm(self.request.GET or None, years=dashboard.years(current), current=current)
        year = form.chosen_year(default=current)
        return super().get_context_data(
            title=gettext("Officer dashboard %(year)s") % {"year": year},
            app_label=Activity._meta.app_label,
            app_name=Activity._meta.app_config.verbose_name,
            year_form=form,
            **dashboard.summary(year, self.request.user),
            **kwargs,
        )


class FromVisitRequestView(AdminSiteView):
    """Confirm (GET) and create (POST) a draft activity from a scheduled visit request."""

    model_admin = None
    template_name = "admin/activities/activity/from_visit_request.html"

    @classmethod
    def has_permission(cls, request) -> bool:
        return request.user.has_perm("activities.add_activity") and request.user.has_perm("schools.change_visitrequest")

    @cached_property
    def visit_request(self):
        return get_object_or_404(VisitRequest.objects.select_related("institution"), pk=self.kwargs["visit_request_id"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            opts=self.model_admin.opts,
            title=gettext("Create an activity from a visit request"),
            visit_request=self.visit_request,
            existing=Activity.objects.filter(visit_request=self.visit_request).first(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            activity = services.create_activity_from_visit_request(self.visit_request, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                self.model_admin.message_user(request, message, messages.ERROR)
            return HttpResponseRedirect(reverse("admin:schools_visitrequest_change", args=[self.visit_request.pk]))
        self.model_admin.message_user(
            request, gettext("Draft activity “%(title)s” is ready to complete.") % {"title": activity}
        )
        return HttpResponseRedirect(reverse("admin:activities_activity_change", args=[activity.pk]))
