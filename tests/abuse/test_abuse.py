"""outreach.abuse: who the client is, and counters that cannot be raced."""

import datetime
import threading

import pytest
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from outreach.abuse import clients, counters
from outreach.abuse.models import AbuseCounter

HOUR = datetime.timedelta(hours=1)


def request(remote="203.0.113.7", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_it_ignores_x_forwarded_for(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert clients.client_address(request(forwarded="198.51.100.1")) == "203.0.113.7"


def test_behind_one_trusted_proxy_it_takes_the_address_the_proxy_saw(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client forged the first entry; the proxy appended the real one.
    assert clients.client_address(request(remote="10.0.0.2", forwarded="1.2.3.4, 198.51.100.1")) == "198.51.100.1"


def test_behind_two_trusted_proxies_it_counts_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    address = clients.client_address(request(remote="10.0.0.3", forwarded="1.2.3.4, 198.51.100.1, 10.0.0.2"))
    assert address == "198.51.100.1"


def test_behind_a_proxy_without_the_header_it_falls_back_to_remote_addr(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert clients.client_address(request(remote="10.0.0.2")) == "10.0.0.2"


def test_ipv6_addresses_of_one_64_network_are_one_client():
    first = clients.client_key(request(remote="2001:db8:1:2::1"), "x")
    second = clients.client_key(request(remote="2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "x")
    other = clients.client_key(request(remote="2001:db8:1:3::1"), "x")
    assert first == second != other


def test_the_client_key_never_holds_the_address():
    key = clients.client_key(request(remote="198.51.100.23"), "x")
    assert "198.51.100.23" not in key and len(key) == 64


@pytest.mark.django_db
def test_it_counts_within_the_window_and_starts_again_after_it():
    assert counters.increment("k", HOUR) == 1
    assert counters.increment("k", HOUR) == 2
    assert counters.current("k") == 2
    AbuseCounter.objects.filter(key="k").update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert counters.current("k") == 0
    assert counters.increment("k", HOUR) == 1


@pytest.mark.django_db
def test_several_events_count_at_once_in_one_window():
    assert counters.increment("k", HOUR, events=3) == 3
    assert counters.increment("k", HOUR, events=3) == 6
    AbuseCounter.objects.filter(key="k").update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert counters.increment("k", HOUR, events=2) == 2


@pytest.mark.django_db
def test_hold_and_clear():
    counters.hold("pause", HOUR)
    assert counters.current("pause") == 1
    counters.clear("pause")
    assert counters.current("pause") == 0


@pytest.mark.django_db
def test_it_counts_unless_the_hold_is_set():
    assert counters.increment_unless_held("k", HOUR, held="pause") == 1
    assert counters.increment_unless_held("k", HOUR, held="pause") == 2


@pytest.mark.django_db
def test_while_the_hold_is_set_it_counts_nothing_and_says_so():
    counters.increment("k", HOUR)
    counters.hold("pause", HOUR)
    assert counters.increment_unless_held("k", HOUR, held="pause") is None
    assert counters.current("k") == 1
    AbuseCounter.objects.filter(key="pause").update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert counters.increment_unless_held("k", HOUR, held="pause") == 2


@pytest.mark.django_db
def test_hold_again_renews_the_hold():
    counters.hold("pause", HOUR)
    AbuseCounter.objects.filter(key="pause").update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    counters.hold("pause", HOUR)
    assert counters.current("pause") == 1 and AbuseCounter.objects.filter(key="pause").count() == 1


@pytest.mark.django_db
def test_purge_expired_deletes_only_expired_rows():
    counters.increment("old", HOUR)
    counters.increment("new", HOUR)
    AbuseCounter.objects.filter(key="old").update(expires_at=timezone.now() - HOUR)
    assert counters.purge_expired() == 1
    assert list(AbuseCounter.objects.values_list("key", flat=True)) == ["new"]


@pytest.mark.django_db(transaction=True)
def test_parallel_increments_each_get_their_own_number():
    results, errors = [], []

    def hit():
        try:
            results.append(counters.increment("parallel", HOUR))
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=hit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == list(range(1, 9))
    assert counters.current("parallel") == 8
