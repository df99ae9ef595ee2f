"""portal/sessions.py: Django's database sessions, each write one statement outside a transaction."""

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.db import transaction

from portal.sessions import SessionStore

# Outside the test's own transaction: what a request in production does (autocommit).
pytestmark = pytest.mark.django_db(transaction=True)


class DrawsATakenKeyFirst(SessionStore):
    """A store whose first new key is one already taken (what a clash of random keys would be)."""

    taken = "k" * 32

    def _get_new_session_key(self):
        key, self.taken = self.taken, None
        return key or super()._get_new_session_key()


def test_a_new_session_is_written_with_one_statement(django_assert_num_queries):
    session = SessionStore()
    session["draft"] = {"answers": {}}
    with django_assert_num_queries(1):
        session.save()
    assert SessionStore(session.session_key)["draft"] == {"answers": {}}


def test_a_changed_session_is_written_with_one_statement(django_assert_num_queries):
    session = SessionStore()
    session["step"] = 1
    session.save()
    session["step"] = 2
    with django_assert_num_queries(1):
        session.save()
    assert SessionStore(session.session_key)["step"] == 2


def test_a_key_already_taken_is_never_given_to_a_second_visitor():
    first = SessionStore(DrawsATakenKeyFirst.taken)
    first["owner"] = "first"
    first.save(must_create=True)
    second = DrawsATakenKeyFirst()
    second["owner"] = "second"
    second.save()
    assert second.session_key != first.session_key
    assert SessionStore(first.session_key)["owner"] == "first"
    assert Session.objects.count() == 2


def test_a_taken_key_inside_a_transaction_leaves_the_transaction_usable():
    first = SessionStore(DrawsATakenKeyFirst.taken)
    first.save(must_create=True)
    with transaction.atomic():
        second = DrawsATakenKeyFirst()
        second["owner"] = "second"
        second.save()
        assert Session.objects.count() == 2  # the transaction still answers after the refused key


def test_a_session_deleted_meanwhile_is_not_written_again():
    session = SessionStore()
    session["step"] = 1
    session.save()
    Session.objects.all().delete()  # logged out elsewhere, or purged
    session["step"] = 2
    with pytest.raises(UpdateError):
        session.save()
    assert not Session.objects.exists()
