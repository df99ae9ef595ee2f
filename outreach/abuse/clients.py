"""Who the client is: its address, taken from X-Forwarded-For only through ``TRUSTED_PROXY_COUNT`` proxies,
an IPv6 address grouped by its /64 network, and kept only as a keyed hash."""

import ipaddress

from django.conf import settings
from django.utils.crypto import salted_hmac


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or the entry TRUSTED_PROXY_COUNT proxies put in X-Forwarded-For."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            # Each trusted proxy appended the address it saw; entries further left may be forged by the client.
            address = forwarded[-proxies] if len(forwarded) >= proxies else forwarded[0]
    return address


def client_group(request) -> str:
    """The client as one address, or for IPv6 its /64 network (a device changes its address within it freely)."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def key_for(scope: str, value: str) -> str:
    """A counter key for ``value`` in ``scope``: a keyed hash, so the table holds no address or code in clear."""
    return salted_hmac("outreach.abuse." + scope, value, algorithm="sha256").hexdigest()


def client_key(request, scope: str) -> str:
    return key_for(scope, client_group(request))
