"""A cache is an accelerator, not a dependency: while Redis does not answer, the portal works without it."""

import socket

import pytest
from django.core.cache import caches
from django.test import Client

from outreach.reports.models import Report
from portal import caches as portal_caches
from portal.caches import REST_SECONDS, TolerantRedisCache, cache_config
from tests.multi.helpers import redis_server
from tests.reports.helpers import send

pytestmark = pytest.mark.django_db

QUICK = {"socket_connect_timeout": 0.3, "socket_timeout": 0.3}


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def _no_rest_carried_over(monkeypatch):
    monkeypatch.setattr(TolerantRedisCache, "_resting_until", {})


def tolerant(location: str) -> TolerantRedisCache:
    return TolerantRedisCache(location, {"OPTIONS": QUICK})


@pytest.fixture
def redis_away(settings):
    """Every cache of the portal in a Redis that is not there, configured as REDIS_URL configures them."""
    config = cache_config(f"redis://127.0.0.1:{closed_port()}/0", settings.CACHES)
    settings.CACHES = {alias: {**entry, "OPTIONS": QUICK} for alias, entry in config.items()}
    # Changing CACHES makes Django's test signals forget the cache connections made so far.


def test_a_cache_whose_redis_is_away_misses_and_drops_writes(caplog):
    cache = tolerant(f"redis://127.0.0.1:{closed_port()}/0")
    cache.set("figure", 1)
    assert cache.get("figure", "default") == "default"
    assert cache.add("figure", 1) is False
    assert cache.get_many(["figure"]) == {}
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    with pytest.raises(ValueError):
        cache.incr("figure")
    assert "Redis failed" in caplog.text


def test_the_tolerant_cache_keeps_and_counts_while_redis_answers():
    with redis_server() as url:
        cache = tolerant(url)
        cache.set("figure", 41)
        assert (cache.incr("figure"), cache.get("figure")) == (42, 42)
        assert cache.add("figure", 0) is False
        assert cache.get_many(["figure"]) == {"figure": 42}


def connections_waiting(listener: socket.socket) -> int:
    """How many connections ``listener`` has had since last asked (accepted and closed at once)."""
    listener.settimeout(0.05)
    count = 0
    while True:
        try:
            connection, _address = listener.accept()
        except TimeoutError:
            return count
        connection.close()
        count += 1


@pytest.fixture
def silent_redis():
    """A port that takes connections and never answers: a Redis that hangs."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        yield listener


def test_after_a_failure_redis_is_left_alone_for_a_while(silent_redis):
    cache = tolerant(f"redis://127.0.0.1:{silent_redis.getsockname()[1]}/0")
    assert cache.get("figure") is None
    assert connections_waiting(silent_redis) >= 1
    assert cache.get("figure") is None
    assert cache.set("figure", 1) is None
    assert connections_waiting(silent_redis) == 0
    assert REST_SECONDS >= 5


def test_once_the_rest_is_over_redis_is_asked_again(silent_redis, monkeypatch):
    monkeypatch.setattr(portal_caches, "REST_SECONDS", 0.0)
    cache = tolerant(f"redis://127.0.0.1:{silent_redis.getsockname()[1]}/0")
    cache.get("figure")
    connections_waiting(silent_redis)
    cache.get("figure")
    assert connections_waiting(silent_redis) >= 1


def test_the_report_form_shows_while_redis_is_away(redis_away):
    response = Client().get("/lapor/")
    assert response.status_code == 200
    assert 'name="description"' in response.text


def test_a_report_is_stored_while_redis_is_away(redis_away, client):
    assert client.get("/lapor/").status_code == 200
    response = send(client)
    assert response.status_code == 200
    assert Report.objects.get().reference in response.text


def test_the_statistics_show_while_redis_is_away(redis_away):
    response = Client().get("/statistik/")
    assert response.status_code == 200


def test_the_cache_in_use_is_the_one_configured(redis_away):
    assert isinstance(caches["default"], TolerantRedisCache)
