"""Small factories for test data. One section per app; keep each factory minimal and realistic."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from outreach.office import roles
from outreach.office.models import OfficeProfile

# --- office -------------------------------------------------------------------------------------


class OfficeProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficeProfile

    name = "Kantor Imigrasi Kelas II Non TPI Blitar"
    short_name = "Imigrasi Blitar"
    parent_agency = "Direktorat Jenderal Imigrasi"
    address = "Jl. Contoh No. 1, Kota Blitar"
    phone = "(0342) 000 111"
    whatsapp = "0812 0000 1111"
    email = "kanim.blitar@example.go.id"
    opening_hours = "Senin–Jumat 08.00–16.00 WIB"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="id_ID")
    last_name = factory.Faker("last_name", locale="id_ID")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.go.id")
    password = factory.django.Password("password")


class StaffFactory(UserFactory):
    """A back-office user in one of the roles (``role=roles.OFFICER`` and so on)."""

    is_staff = True

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


def officer(**kwargs):
    return StaffFactory(role=roles.OFFICER, **kwargs)


def supervisor(**kwargs):
    return StaffFactory(role=roles.SUPERVISOR, **kwargs)


def content_editor(**kwargs):
    return StaffFactory(role=roles.CONTENT_EDITOR, **kwargs)


# --- reports ------------------------------------------------------------------------------------


class ReportFactory(factory.django.DjangoModelFactory):
    """A report as submitted; ``pin`` sets its PIN (default 123456)."""

    class Meta:
        model = "reports.Report"
        skip_postgeneration_save = True

    category = "overstay"
    description = "A foreign man has been living at the guest house near the market for months."
    kecamatan = "sananwetan"

    @factory.post_generation
    def pin(self, create, extracted, **kwargs):
        self.set_pin(extracted or "123456")
        if create:
            self.save(update_fields=["pin_hash"])
