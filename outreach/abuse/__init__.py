"""Defences of the public forms that need no JavaScript and no third party.

- ``clients``: who the client is (its address through ``TRUSTED_PROXY_COUNT`` proxies, an IPv6 address
  grouped by its /64 network), kept only as a keyed hash;
- ``counters``: per-client and per-key counters (rate limits, wrong codes, pauses) in a real database
  table (``AbuseCounter``), shared by every server process, updated atomically, never evicted;
- ``forms``: a honeypot field and a minimum fill time for a public form (``AbuseDefenceMixin``);
- ``responses``: the one "429 Too Many Requests" answer.
"""
