"""JSON from outside (bundle payloads at HQ, ``record new/edit --json`` files) with
bounds checked *before* the parser can recurse: nesting depth, total size, string size
and node count. ``json.loads`` recurses once per nesting level, so a value nested a few
thousand levels deep raised RecursionError, which escaped as an internal error.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 32  # forms nest repeats a few levels; 32 leaves room and stays far from recursion
MAX_TEXT = 768 * 1024  # one record's values, as text
MAX_STRING = 256 * 1024  # one string (key or value), in characters
MAX_NODES = 100_000  # values and keys in one record
# Python refuses int() of more than 4300 digits with a bare ValueError; no answer needs 300.
MAX_INT_DIGITS = 300

# A JSON string (unrolled loop: linear time, no backtracking) and the brackets outside.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")


class JsonBoundsError(ValueError):
    """The text is not JSON within the bounds (the message says which)."""


def parse_int(literal: str) -> int:
    """``json.loads(parse_int=...)``: a huge integer literal is named, not an internal error."""
    digits = len(literal.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise JsonBoundsError(f"a number has {digits} digits (at most {MAX_INT_DIGITS})")
    return int(literal)


def check_depth(text: str, max_depth: int = MAX_DEPTH) -> None:
    """Refuse nesting deeper than ``max_depth`` without parsing (brackets inside strings
    do not count; an unterminated string's brackets do, which only refuses bad JSON)."""
    depth = 0
    for m in _BRACKET.finditer(_STRING.sub('""', text)):
        if m.group() in "[{":
            depth += 1
            if depth > max_depth:
                raise JsonBoundsError(f"nested more than {max_depth} levels deep")
        else:
            depth -= 1


def check_values(value: Any, max_string: int = MAX_STRING, max_nodes: int = MAX_NODES) -> None:
    """Refuse over-long strings or keys and too many values (iterative: no recursion)."""
    stack = [value]
    nodes = 0
    while stack:
        v = stack.pop()
        nodes += 1
        if nodes > max_nodes:
            raise JsonBoundsError(f"more than {max_nodes} values")
        if isinstance(v, str):
            if len(v) > max_string:
                raise JsonBoundsError(f"a text value is longer than {max_string} characters")
        elif isinstance(v, dict):
            for k, x in v.items():
                if len(k) > max_string:
                    raise JsonBoundsError(f"a key is longer than {max_string} characters")
                stack.append(x)
        elif isinstance(v, list):
            stack.extend(v)


def loads(text: str | bytes, *, max_depth: int = MAX_DEPTH, max_text: int = MAX_TEXT,
          max_string: int = MAX_STRING, max_nodes: int = MAX_NODES) -> Any:
    """``json.loads`` within the bounds; JsonBoundsError (a ValueError) otherwise,
    also for text that is not JSON."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise JsonBoundsError("not UTF-8 text") from None
    if len(text) > max_text:
        raise JsonBoundsError(f"larger than {max_text} characters")
    # The checks that cannot fail are skipped (HQ parses every imported record: the two
    # passes were ~4x json.loads itself): nesting is at most the number of opening
    # brackets; every value starts at its own character, so there are at most len(text)
    # of them; no string or key is longer than the text.
    if text.count("[") + text.count("{") > max_depth:
        check_depth(text, max_depth)
    try:
        value = json.loads(text, parse_int=parse_int)
    except JsonBoundsError:
        raise
    except (ValueError, RecursionError) as exc:
        raise JsonBoundsError(f"not valid JSON ({exc})") from None
    if len(text) > min(max_string, max_nodes):
        check_values(value, max_string, max_nodes)
    return value
