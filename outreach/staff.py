"""Staff users as people see them: by full name, the username only when there is no name.

``full_name`` is the one rule; the form fields and the list filter below apply it to every picker,
list and history of the back office (Django shows a user by username otherwise).
"""

from django import forms
from django.contrib import admin


def full_name(user) -> str:
    """The user's full name, or their username when they have none ("" for no user)."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


STAFF_ORDER = ("first_name", "last_name", "username")


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return full_name(user)


class StaffMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return full_name(user)


def full_name_column(field: str, description):
    """A ModelAdmin column (or read-only field) showing the user in ``field`` by full name.

    Use as a class attribute: ``assignee = full_name_column("assigned_to", _("assigned to"))``.
    """

    @admin.display(description=description, ordering=f"{field}__first_name")
    def column(model_admin, obj):
        return full_name(getattr(obj, field)) or "—"

    return column


class StaffListFilter(admin.RelatedOnlyFieldListFilter):
    """A change-list filter on a user field: only the users in the list, by full name."""

    def field_choices(self, field, request, model_admin):
        pks = model_admin.get_queryset(request).values_list(f"{field.name}__pk", flat=True)
        users = field.related_model.objects.filter(pk__in=pks).order_by(*STAFF_ORDER)
        return [(user.pk, full_name(user)) for user in users]
