"""Canonical JSON: the only JSON encoding the crypto layer signs or accepts.

Canonical = ``json.dumps(v, sort_keys=True, separators=(",", ":"),
ensure_ascii=False)`` encoded as UTF-8, with integers only (no floats, NaN or
Infinity), integers within +-(2**63 - 1), no duplicate keys, no lone
surrogates. Decoding re-encodes and compares bytes, so any other spelling
(whitespace, escapes, key order, "1.0", "1e2") is refused.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

from intake_app.errors import BundleError

INT_LIMIT = 2**63 - 1


def _no_float(s: str) -> NoReturn:
    raise ValueError(f"non-integer number {s!r}")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"duplicate key {k!r}")
        out[k] = v
    return out


def _check(v: Any, depth: int = 0) -> None:
    if depth > 32:
        raise ValueError("nesting too deep")
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return
    if isinstance(v, int):
        if not -INT_LIMIT <= v <= INT_LIMIT:
            raise ValueError("integer out of range")
        return
    if isinstance(v, float):
        raise ValueError("floats are not allowed")
    if isinstance(v, list):
        for x in v:
            _check(x, depth + 1)
        return
    if isinstance(v, dict):
        for k, x in v.items():
            if not isinstance(k, str):
                raise ValueError("object keys must be strings")
            _check(x, depth + 1)
        return
    raise ValueError(f"type {type(v).__name__} is not JSON")


def canonical_json(value: Any) -> bytes:
    """Encode ``value`` canonically; raises ValueError for floats etc."""
    _check(value)
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")  # lone surrogates raise UnicodeEncodeError (a ValueError)


def parse_canonical_json(data: bytes, *, kind: str = "payload", what: str = "JSON") -> Any:
    """Decode canonical JSON bytes or raise BundleError(kind)."""
    try:
        text = data.decode("utf-8")
        value = json.loads(
            text, object_pairs_hook=_pairs, parse_float=_no_float, parse_constant=_no_float
        )
        again = canonical_json(value)
    except (ValueError, RecursionError) as e:
        raise BundleError(kind, f"{what} is not valid canonical JSON ({e})") from None
    if again != data:
        raise BundleError(kind, f"{what} is not in canonical JSON form")
    return value


def parse_canonical_object(
    data: bytes, *, kind: str = "payload", what: str = "JSON"
) -> dict[str, Any]:
    value = parse_canonical_json(data, kind=kind, what=what)
    if not isinstance(value, dict):
        raise BundleError(kind, f"{what} must be a JSON object")
    return value
