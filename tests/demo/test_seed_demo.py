from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from outreach.activities.models import Activity
from outreach.office.models import OfficeProfile

pytestmark = pytest.mark.django_db


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_it_creates_the_blitar_office_and_a_login_per_role(settings):
    settings.DEBUG = True
    output = seed()
    assert OfficeProfile.objects.get().name == "Kantor Imigrasi Kelas II Non TPI Blitar"
    User = get_user_model()
    assert User.objects.get(username="supervisor").groups.filter(name="Supervisor").exists()
    assert User.objects.get(username="petugas").groups.filter(name="Petugas").exists()
    assert User.objects.get(username="editor").groups.filter(name="Editor konten").exists()
    assert User.objects.get(username="admin").is_superuser
    assert "Demo data ready:" in output
    assert "supervisor" in output and "imigrasi-demo" in output


def test_running_it_twice_creates_no_duplicates(settings):
    settings.DEBUG = True
    seed()
    counts = {"users": get_user_model().objects.count(), "profiles": OfficeProfile.objects.count()}
    seed()
    assert {"users": get_user_model().objects.count(), "profiles": OfficeProfile.objects.count()} == counts


def test_it_refuses_to_run_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        seed()
    assert not get_user_model().objects.exists()


def test_the_demo_app_is_installed_in_development_and_tests():
    assert apps.is_installed("outreach.demo")


def test_it_says_which_accounts_must_enrol_a_second_factor(settings):
    settings.DEBUG = True
    output = seed()
    assert "second factor" in output


def test_no_demo_school_visit_names_a_class_the_school_does_not_have(settings):
    settings.DEBUG = True
    seed()
    junior_high = Activity.objects.filter(institution__name__startswith="SMP")
    assert junior_high.exists()
    assert not [a.title for a in junior_high if "XII" in f"{a.title} {a.summary}"]
