"""Reference codes that people write down and type back, such as ``LPR-7K4M-Q2XH`` (a report) or
``KNJ-7K4M-Q2XH`` (a school's visit request): a prefix and eight characters that cannot be confused
(no 0/O, no 1/I/L)."""

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_reference(prefix: str) -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{prefix}-{chars[:4]}-{chars[4:]}"


def unused_reference(model, prefix: str) -> str:
    """A new reference that no row of ``model`` (in its ``reference`` field) holds yet."""
    while True:
        reference = new_reference(prefix)
        if not model._default_manager.filter(reference=reference).exists():
            return reference


def normalise_reference(value: str, prefix: str) -> str:
    """Accept what people type: lower case, spaces, missing dashes, O for 0 and so on. "" when it is no code."""
    raw = "".join(ch for ch in value.upper() if ch.isalnum())
    raw = raw.removeprefix(prefix)
    raw = raw.replace("O", "0").replace("I", "1")
    return f"{prefix}-{raw[:4]}-{raw[4:]}" if len(raw) == 8 else ""
