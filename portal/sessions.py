"""The session engine (``SESSION_ENGINE``): Django's database sessions, each write one statement.

Django's database store asks whether a new random key is taken before it writes the row, and wraps every write
in a transaction of its own (BEGIN, the statement, COMMIT): four round trips to make a session and three to
change one. Here a new key is written at once (the primary key refuses the astronomically rare key already
taken, and a new one is drawn, as Django does when two requests race for a key), and outside a transaction a
single INSERT or UPDATE is atomic without one; inside a transaction Django's own savepoint is kept, so that a
refused key leaves the caller's transaction usable.
"""

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS, CreateError, UpdateError
from django.db import DatabaseError, IntegrityError, router, transaction
from django.utils.crypto import get_random_string


class SessionStore(db.SessionStore):
    def _get_new_session_key(self):
        return get_random_string(32, VALID_KEY_CHARS)

    def save(self, must_create=False):
        using = router.db_for_write(self.model)
        if self.session_key is None or transaction.get_connection(using).in_atomic_block:
            return super().save(must_create=must_create)
        obj = self.create_model_instance(self._get_session(no_load=must_create))
        try:
            obj.save(force_insert=must_create, force_update=not must_create, using=using)
        except IntegrityError:
            if must_create:
                raise CreateError from None
            raise
        except DatabaseError:
            if not must_create:
                raise UpdateError from None
            raise
