"""Two-factor authentication of the back office (django-otp): an authenticator app (TOTP) and backup codes.

After the password (checked by the admin log-in and django-axes), a user who has a second factor must give
it, and a supervisor or superuser (every staff account when ``STAFF_REQUIRE_2FA`` is on) who has none must
enrol one, before any other back-office page opens. Revealing a reporter's identity or exporting a
reporter's data asks for the second factor again when the last one is older than ``FRESH_SECONDS``.
"""

import base64
import time

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import devices_for_user, user_has_device, verify_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from outreach.office import roles

PENDING = "_two_factor_pending"  # "verify" or "setup": the password was right, the second factor is still due
VERIFIED_AT = "_two_factor_verified_at"
FRESH_SECONDS = 15 * 60
BACKUP_CODE_COUNT = 10
# Admin views that are open while the second factor is pending.
OPEN_WHILE_PENDING = {"two_factor_verify", "two_factor_setup", "logout", "login", "jsi18n"}


def required_for(user) -> bool:
    if user.is_superuser or settings.STAFF_REQUIRE_2FA:
        return True
    return user.groups.filter(name=roles.SUPERVISOR).exists()


def after_password(request, user):
    """Right after a log-in with the password: what is still due (nothing, "verify" or "setup")."""
    if user_has_device(user):
        request.session[PENDING] = "verify"
    elif required_for(user):
        request.session[PENDING] = "setup"


def pending(request) -> str | None:
    return request.session.get(PENDING) if SESSION_KEY in request.session else None


def passed(request, device):
    otp_login(request, device)
    request.session.pop(PENDING, None)
    request.session[VERIFIED_AT] = time.time()


def is_fresh(request) -> bool:
    return time.time() - request.session.get(VERIFIED_AT, 0) <= FRESH_SECONDS


def verified_device(user, token: str):
    """The user's device (app or backup codes) that accepts ``token``, or None. Throttled by django-otp."""
    token = "".join(token.split())
    for device in devices_for_user(user):
        if verify_token(user, device.persistent_id, token):
            return device
    return None


@transaction.atomic
def confirm_app(user, device: TOTPDevice) -> list[str]:
    """Confirm a newly scanned app and give fresh backup codes (the old ones stop working)."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    StaticDevice.objects.filter(user=user).delete()
    backup = StaticDevice.objects.create(user=user, name=_("Backup codes"))
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=backup, token=code) for code in codes)
    return codes


# --- views (registered by the portal's admin site) ------------------------------------------------


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("admin:index")


def _page(request, admin_site, template, **context):
    context = {**admin_site.each_context(request), "next": _next_url(request), **context}
    return TemplateResponse(request, template, context)  # never cached: admin_view sends no-store


def verify_view(request, admin_site):
    user = request.user
    if not user_has_device(user):
        return redirect(f"{reverse('admin:two_factor_setup')}?{urlencode({'next': _next_url(request)})}")
    form = TokenForm(request.POST or None)
    if form.is_valid():
        device = verified_device(user, form.cleaned_data["token"])
        if device is not None:
            passed(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(request, _("You used a backup code; %(count)d are left.") % {"count": left})
            return redirect(_next_url(request))
        form.add_error("token", _("That code is not right, or it was already used. Try the newest code."))
    return _page(request, admin_site, "admin/two_factor/verify.html", form=form, title=_("Second factor"))


def setup_view(request, admin_site):
    user = request.user
    if user_has_device(user) and not request.user.is_verified():
        return redirect(f"{reverse('admin:two_factor_verify')}?{urlencode({'next': _next_url(request)})}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if device.verify_token("".join(form.cleaned_data["token"].split())):
            codes = confirm_app(user, device)
            passed(request, device)
            return _page(
                request, admin_site, "admin/two_factor/backup_codes.html", codes=codes, title=_("Backup codes")
            )
        form.add_error("token", _("That code is not right. Check the time on your phone and try the newest code."))
    qr = segno.make(device.config_url, error="m")
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return _page(
        request,
        admin_site,
        "admin/two_factor/setup.html",
        form=form,
        title=_("Set up a second factor"),
        qr_svg=mark_safe(qr.svg_inline(scale=5, dark="#000", light="#fff", title=_("QR code for the app"))),
        secret=" ".join(key[i : i + 4] for i in range(0, len(key), 4)),
    )


# --- the middleware ----------------------------------------------------------------------------------


def _fresh_factor_needed(request, match) -> str | None:
    """For a request that reveals or exports a reporter's data: the page to come back to, else None."""
    if match.namespace != "admin" or request.method != "POST":
        return None
    if match.url_name == "reports_report_identity":
        return reverse("admin:reports_report_change", args=[match.kwargs["object_id"]])
    if match.url_name == "reports_report_changelist" and request.POST.get("action") == "export_reporter_data":
        return request.get_full_path()
    return None


class TwoFactorMiddleware:
    """Holds a staff session on the second-factor pages until the factor is given, and asks for it again
    before a reporter's identity or data is shown when the last one is older than 15 minutes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        due = pending(request)
        if due and match.namespace == "admin" and match.url_name not in OPEN_WHILE_PENDING:
            target = "admin:two_factor_verify" if due == "verify" else "admin:two_factor_setup"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        back = _fresh_factor_needed(request, match) if request.user.is_authenticated else None
        if back is not None and not is_fresh(request):
            messages.info(request, _("Please confirm it is you with your second factor, then try again."))
            return redirect(f"{reverse('admin:two_factor_verify')}?{urlencode({'next': back})}")
        return None
