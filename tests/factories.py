"""Small factories for test data. One section per app; keep each factory minimal and realistic."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

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


# --- reports (triage) ---------------------------------------------------------------------------


class ReportFactory(factory.django.DjangoModelFactory):
    """An anonymous report; ``ReportFactory(with_contact=True)`` for one whose reporter can be reached."""

    class Meta:
        model = "reports.Report"

    class Params:
        with_contact = factory.Trait(
            identity="contact",
            reporter_name="Siti Rahayu",
            reporter_phone="0812 3456 0001",
            reporter_email="siti.rahayu@example.org",
            consent_given_at=factory.LazyFunction(timezone.now),
        )

    category = "overstay"
    description = "Seorang warga negara asing tinggal di rumah kos sejak lebih dari setahun dan tidak pernah lapor."
    kecamatan = "srengat"
    village = "Togogan"


class ReportPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reports.ReportPhoto"

    report = factory.SubFactory(ReportFactory)
    image = factory.django.ImageField(filename="photo.jpg", format="JPEG", width=40, height=30, color="green")
