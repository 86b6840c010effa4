"""The XLSForm / ODK expression language: tokenizer, parser, printer, evaluator.

A hand-written recursive-descent parser turns an expression such as
``${age} >= 18 and selected(${needs}, 'legal_aid')`` into a small AST, which
is compiled once into Python closures. Nothing here uses ``eval``/``exec``.

Semantics follow XPath 1.0 as used by ODK (JavaRosa): values are strings,
numbers (floats), booleans, dates/date-times and node-sets (lists, produced
only by references from outside a repeat to fields inside it). Conversion
rules are XPath's; an empty answer is the empty string. Evaluation never
raises: arithmetic problems give ``NaN`` like XPath does.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
import re
import secrets
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any, Final, TypeAlias

from intake_app.errors import ExprError as ExprError  # re-exported

Value: TypeAlias = str | float | bool | dt.date | dt.datetime | list["Value"]

MAX_DEPTH: Final = 64
MAX_LENGTH: Final = 4000


# ------------------------------------------------------------------ AST


@dataclass(frozen=True, slots=True)
class Num:
    value: float


@dataclass(frozen=True, slots=True)
class Str:
    value: str


@dataclass(frozen=True, slots=True)
class Ref:
    """``${name}``."""

    name: str


@dataclass(frozen=True, slots=True)
class Current:
    """``.``: the value of the field the expression belongs to."""


@dataclass(frozen=True, slots=True)
class Parent:
    """``..``: only allowed as the argument of ``position()``."""


@dataclass(frozen=True, slots=True)
class Name:
    """A bare name: a column of the choices sheet inside a ``choice_filter``."""

    name: str


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Node


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    args: tuple[Node, ...]


Node: TypeAlias = Num | Str | Ref | Current | Parent | Name | Neg | BinOp | Call

BINARY_OPS: Final = ("or", "and", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "div", "mod")

# ------------------------------------------------------------------ tokenizer

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<ref>\$\{\s*(?P<refname>[^}\s]*)\s*\})
  | (?P<num>\d+(?:\.\d*)?|\.\d+)
  | (?P<str>'[^']*'|"[^"]*")
  | (?P<name>[^\W\d][\w.\-]*(?::[^\W\d][\w.\-]*)?)
  | (?P<op>!=|<=|>=|\.\.|//|[=<>+\-*(),|/\[\]@.])
    """,
    re.VERBOSE,
)
_REF_NAME_RE = re.compile(r"^[^\W\d][\w.\-]*$")


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # num, str, name, ref, op, end
    text: str
    pos: int


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _TOKEN_RE.match(text, pos)
        if m is None:
            ch = text[pos]
            if ch in "'\"":
                raise ExprError(f"unterminated string starting at position {pos + 1}")
            if ch == "$":
                raise ExprError(f"bad reference at position {pos + 1}: write ${{name}}")
            raise ExprError(f"unexpected character {ch!r} at position {pos + 1}")
        kind = m.lastgroup or ""
        if kind == "refname":  # pragma: no cover - inner group never last
            kind = "ref"
        if kind == "ref":
            name = m.group("refname")
            if not _REF_NAME_RE.match(name):
                raise ExprError(f"bad reference ${{{name}}} at position {pos + 1}")
            tokens.append(Token("ref", name, pos))
        elif kind == "str":
            tokens.append(Token("str", m.group()[1:-1], pos))
        elif kind != "ws":
            tokens.append(Token(kind, m.group(), pos))
        pos = m.end()
    tokens.append(Token("end", "", n))
    return tokens


# ------------------------------------------------------------------ parser

_LEVELS: Final[tuple[tuple[str, ...], ...]] = (
    ("or",),
    ("and",),
    ("=", "!="),
    ("<", "<=", ">", ">="),
    ("+", "-"),
    ("*", "div", "mod"),
)
_WORD_OPS: Final = frozenset({"or", "and", "div", "mod"})


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0

    def peek(self) -> Token:
        return self.tokens[self.i]

    def advance(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def is_op(self, tok: Token, ops: tuple[str, ...]) -> bool:
        if tok.kind == "op":
            return tok.text in ops
        return tok.kind == "name" and tok.text in _WORD_OPS and tok.text in ops

    def expect(self, text: str) -> None:
        tok = self.advance()
        if tok.kind != "op" or tok.text != text:
            raise ExprError(f"expected {text!r} at position {tok.pos + 1}, found {_desc(tok)}")

    def parse(self) -> Node:
        node = self.binary(0)
        tok = self.peek()
        if tok.kind != "end":
            raise ExprError(f"unexpected {_desc(tok)} at position {tok.pos + 1}")
        return node

    def binary(self, level: int) -> Node:
        if level == len(_LEVELS):
            return self.unary()
        ops = _LEVELS[level]
        left = self.binary(level + 1)
        while self.is_op(self.peek(), ops):
            op = self.advance().text
            right = self.binary(level + 1)
            left = BinOp(op, left, right)
        return left

    def unary(self) -> Node:
        tok = self.peek()
        if tok.kind == "op" and tok.text == "-":
            self.advance()
            self._enter(tok)
            try:
                return Neg(self.unary())
            finally:
                self.depth -= 1
        return self.primary()

    def _enter(self, tok: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"expression nested too deeply at position {tok.pos + 1}")

    def primary(self) -> Node:
        tok = self.advance()
        node: Node
        if tok.kind == "num":
            node = Num(float(tok.text))
        elif tok.kind == "str":
            node = Str(tok.text)
        elif tok.kind == "ref":
            node = Ref(tok.text)
        elif tok.kind == "op" and tok.text == "(":
            self._enter(tok)
            node = self.binary(0)
            self.expect(")")
            self.depth -= 1
        elif tok.kind == "op" and tok.text == ".":
            node = Current()
        elif tok.kind == "op" and tok.text == "..":
            node = Parent()
        elif tok.kind == "name":
            nxt = self.peek()
            if nxt.kind == "op" and nxt.text == "(":
                self.advance()
                self._enter(tok)
                args: list[Node] = []
                if not (self.peek().kind == "op" and self.peek().text == ")"):
                    args.append(self.binary(0))
                    while self.peek().kind == "op" and self.peek().text == ",":
                        self.advance()
                        args.append(self.binary(0))
                self.expect(")")
                self.depth -= 1
                node = Call(tok.text, tuple(args))
            elif ":" in tok.text:
                raise ExprError(f"unexpected name {tok.text!r} at position {tok.pos + 1}")
            else:
                node = Name(tok.text)
        elif tok.kind == "op" and tok.text in ("/", "//"):
            raise ExprError(
                f"path expressions such as {self.text[tok.pos:tok.pos + 20]!r} are not "
                "supported; refer to fields as ${name}"
            )
        elif tok.kind == "end":
            raise ExprError("unexpected end of expression")
        else:
            raise ExprError(f"unexpected {_desc(tok)} at position {tok.pos + 1}")
        nxt = self.peek()
        if nxt.kind == "op" and nxt.text in ("/", "//", "[", "@"):
            raise ExprError(
                f"paths and predicates ({nxt.text!r} at position {nxt.pos + 1}) are not "
                "supported; refer to fields as ${name}"
            )
        return node


def _desc(tok: Token) -> str:
    if tok.kind == "end":
        return "end of expression"
    if tok.kind == "str":
        return f"string {tok.text!r}"
    return repr(tok.text)


def parse(text: str) -> Node:
    """Parse an expression into an AST; raise :class:`ExprError` if it is not valid."""
    if len(text) > MAX_LENGTH:
        raise ExprError(f"expression longer than {MAX_LENGTH} characters")
    if not text.strip():
        raise ExprError("empty expression")
    try:
        return _Parser(text).parse()
    except RecursionError as exc:  # pragma: no cover - guarded by MAX_DEPTH
        raise ExprError("expression nested too deeply") from exc


# ------------------------------------------------------------------ printer


def _num_literal(v: float) -> str:
    if v == int(v) and abs(v) < 1e16:
        return str(int(v))
    return format(Decimal(repr(v)), "f")


def to_source(node: Node) -> str:
    """Print an AST back as expression text (fully parenthesised)."""
    if isinstance(node, Num):
        return _num_literal(node.value)
    if isinstance(node, Str):
        if "'" in node.value:
            if '"' in node.value:
                raise ValueError("string with both quote kinds has no XPath literal")
            return f'"{node.value}"'
        return f"'{node.value}'"
    if isinstance(node, Ref):
        return "${" + node.name + "}"
    if isinstance(node, Current):
        return "."
    if isinstance(node, Parent):
        return ".."
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Neg):
        return f"-({to_source(node.operand)})"
    if isinstance(node, BinOp):
        return f"({to_source(node.left)} {node.op} {to_source(node.right)})"
    return f"{node.name}({', '.join(to_source(a) for a in node.args)})"


def walk(node: Node) -> list[Node]:
    """Every node of the tree, parents first."""
    out: list[Node] = []
    stack: list[Node] = [node]
    while stack:
        n = stack.pop()
        out.append(n)
        if isinstance(n, Neg):
            stack.append(n.operand)
        elif isinstance(n, BinOp):
            stack.extend((n.right, n.left))
        elif isinstance(n, Call):
            stack.extend(reversed(n.args))
    return out


# ------------------------------------------------------------------ values

_NUM_RE = re.compile(r"^\s*-?(?:\d+(?:\.\d*)?|\.\d+)\s*$")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?~?$")
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_EPOCH = dt.date(1970, 1, 1)
_EPOCH_DT = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
NAN: Final = float("nan")


def parse_date_text(text: str) -> dt.date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (optionally ``~``) → first day it names."""
    m = _DATE_RE.match(text.strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _parse_datetime_text(text: str) -> dt.datetime | None:
    if not _DATETIME_RE.match(text):
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def num_to_str(v: float) -> str:
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    if v == int(v):
        return str(int(v))
    return format(Decimal(repr(v)), "f")


def to_str(v: Value) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return num_to_str(v)
    if isinstance(v, dt.datetime):
        return v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    return to_str(v[0]) if v else ""


def to_num(v: Value) -> float:
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, float):
        return v
    if isinstance(v, str):
        if _NUM_RE.match(v):
            return float(v)
        d = parse_date_text(v) if len(v) >= 4 and v[:4].isdigit() else None
        if d is not None and "-" in v:
            return float((d - _EPOCH).days)
        t = _parse_datetime_text(v)
        if t is not None:
            return (t - _EPOCH_DT).total_seconds() / 86400.0
        return NAN
    if isinstance(v, dt.datetime):
        aware = v if v.tzinfo else v.replace(tzinfo=dt.UTC)
        return (aware - _EPOCH_DT).total_seconds() / 86400.0
    if isinstance(v, dt.date):
        return float((v - _EPOCH).days)
    return to_num(v[0]) if v else NAN


_TRUE_WORDS: Final = frozenset({"yes", "true", "1"})
_FALSE_WORDS: Final = frozenset({"no", "false", "0", ""})


def to_bool(v: Value) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, float):
        return not (v == 0 or math.isnan(v))
    if isinstance(v, str):
        return len(v) > 0
    if isinstance(v, list):
        return len(v) > 0
    return True


def to_date(v: Value) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, bool):
        return None
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v) or abs(v) > 2_000_000:
            return None
        return _EPOCH + dt.timedelta(days=math.floor(v))
    if isinstance(v, str):
        t = _parse_datetime_text(v)
        if t is not None:
            return t.date()
        return parse_date_text(v)
    return to_date(v[0]) if v else None


def _bool_vs(b: bool, other: Value) -> bool:
    if isinstance(other, str):
        low = other.strip().lower()
        if low in _TRUE_WORDS:
            return b is True
        if low in _FALSE_WORDS:
            return b is False
    return b == to_bool(other)


def _eq(a: Value, b: Value) -> bool:
    if isinstance(a, list):
        return any(_eq(x, b) for x in a)
    if isinstance(b, list):
        return any(_eq(a, y) for y in b)
    if isinstance(a, bool):
        return _bool_vs(a, b)
    if isinstance(b, bool):
        return _bool_vs(b, a)
    if isinstance(a, float) or isinstance(b, float):
        return to_num(a) == to_num(b)
    if isinstance(a, dt.date) or isinstance(b, dt.date):
        return to_num(a) == to_num(b)
    return a == b


def _cmp(op: str, a: Value, b: Value) -> bool:
    if isinstance(a, list):
        return any(_cmp(op, x, b) for x in a)
    if isinstance(b, list):
        return any(_cmp(op, a, y) for y in b)
    x, y = to_num(a), to_num(b)
    if op == "<":
        return x < y
    if op == "<=":
        return x <= y
    if op == ">":
        return x > y
    return x >= y


def _arith(op: str, a: Value, b: Value) -> float:
    x, y = to_num(a), to_num(b)
    try:
        if op == "+":
            return x + y
        if op == "-":
            return x - y
        if op == "*":
            return x * y
        if op == "div":
            if y == 0:
                if x == 0 or math.isnan(x):
                    return NAN
                return math.copysign(math.inf, x) * math.copysign(1.0, y)
            return x / y
        if y == 0 or math.isinf(x):
            return NAN
        return math.fmod(x, y)
    except (ArithmeticError, ValueError):
        return NAN


# ------------------------------------------------------------------ environment


@dataclass(slots=True)
class Env:
    """What an expression can see while it is evaluated."""

    resolve: Callable[[str], Value]
    today: dt.date
    now: dt.datetime
    current: Value = ""
    position: int = 0
    choice_row: Mapping[str, str] | None = None
    choice_label: Callable[[str, str], str] | None = None
    extra: dict[str, object] = field(default_factory=dict)


Compiled: TypeAlias = Callable[[Env], Value]
_Impl: TypeAlias = Callable[[Env, list[Value]], Value]


def _flatten(args: Sequence[Value]) -> list[Value]:
    out: list[Value] = []
    for a in args:
        if isinstance(a, list):
            out.extend(a)
        else:
            out.append(a)
    return out


def _nums(args: Sequence[Value]) -> list[float]:
    return [to_num(v) for v in _flatten(args) if not (isinstance(v, str) and v == "")]


@lru_cache(maxsize=256)
def _regex(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except (re.error, OverflowError, RecursionError):
        return None


def _f_regex(env: Env, a: list[Value]) -> Value:
    pat = _regex(to_str(a[1]))
    return bool(pat is not None and pat.search(to_str(a[0])))


def _round(env: Env, a: list[Value]) -> Value:
    x = to_num(a[0])
    digits = int(to_num(a[1])) if len(a) > 1 else 0
    if math.isnan(x) or math.isinf(x):
        return x
    scale = 10.0 ** max(-300, min(300, digits))
    return math.floor(x * scale + 0.5) / scale


def _int(env: Env, a: list[Value]) -> Value:
    x = to_num(a[0])
    if math.isnan(x) or math.isinf(x):
        return x
    return float(math.trunc(x))


def _substr(env: Env, a: list[Value]) -> Value:
    s = to_str(a[0])
    start = int(to_num(a[1]))
    end = int(to_num(a[2])) if len(a) > 2 else len(s)
    return s[max(0, start):max(0, end)]


def _selected_at(env: Env, a: list[Value]) -> Value:
    parts = to_str(a[0]).split()
    i = int(to_num(a[1]))
    return parts[i] if 0 <= i < len(parts) else ""


def _coalesce(env: Env, a: list[Value]) -> Value:
    for v in a:
        if to_str(v) != "":
            return v
    return ""


def _date(env: Env, a: list[Value]) -> Value:
    d = to_date(a[0])
    return d if d is not None else ""


def _date_time(env: Env, a: list[Value]) -> Value:
    v = a[0]
    if isinstance(v, dt.datetime):
        return v
    if isinstance(v, str):
        t = _parse_datetime_text(v)
        if t is not None:
            return t
    x = to_num(v)
    if math.isnan(x) or math.isinf(x) or abs(x) > 2_000_000:
        return ""
    return _EPOCH_DT + dt.timedelta(days=x)


_FORMAT_CODES: Final[dict[str, Callable[[dt.datetime], str]]] = {
    "Y": lambda t: f"{t.year:04d}",
    "y": lambda t: f"{t.year % 100:02d}",
    "m": lambda t: f"{t.month:02d}",
    "n": lambda t: str(t.month),
    "b": lambda t: t.strftime("%b"),
    "d": lambda t: f"{t.day:02d}",
    "e": lambda t: str(t.day),
    "a": lambda t: t.strftime("%a"),
    "H": lambda t: f"{t.hour:02d}",
    "h": lambda t: str(t.hour),
    "M": lambda t: f"{t.minute:02d}",
    "S": lambda t: f"{t.second:02d}",
    "3": lambda t: f"{t.microsecond // 1000:03d}",
}


def _format_date(env: Env, a: list[Value]) -> Value:
    return _format_date_text(a[0], to_str(a[1]))


def _format_date_text(v: Value, fmt: str) -> Value:
    t: dt.datetime | None
    if isinstance(v, str) and "T" in v:
        v = _parse_datetime_text(v) or v  # a stored dateTime keeps its time of day
    if isinstance(v, dt.datetime):
        t = v
    else:
        d = to_date(v)
        t = dt.datetime(d.year, d.month, d.day) if d else None
    if t is None:
        return ""
    out: list[str] = []
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == "%" and i + 1 < len(fmt) and fmt[i + 1] in _FORMAT_CODES:
            out.append(_FORMAT_CODES[fmt[i + 1]](t))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _pulldata(env: Env, a: list[Value]) -> Value:
    """``pulldata('table', 'column', 'key column', value)``: from a CSV stored in the form
    (the engine puts an index of each table in ``env.extra['pulldata']``)."""
    tables = env.extra.get("pulldata")
    if not isinstance(tables, Mapping):
        return ""
    index = tables.get((to_str(a[0]), to_str(a[2])))
    if not isinstance(index, Mapping):
        return ""
    row = index.get(to_str(a[3]).strip())
    if not isinstance(row, Mapping):
        return ""
    return str(row.get(to_str(a[1]), ""))


def _uuid(env: Env, a: list[Value]) -> Value:
    """``uuid()``: a random RFC 4122 UUID; ``uuid(n)``: n random alphanumerics (ODK)."""
    if not a:
        return str(uuid.uuid4())
    n = to_num(a[0])
    if math.isnan(n) or n < 1:
        return ""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    return "".join(secrets.choice(alphabet) for _ in range(min(int(n), 1000)))


def _choice_name(env: Env, a: list[Value]) -> Value:
    if env.choice_label is None:
        return ""
    target = to_str(a[1]).strip()
    if target.startswith("${") and target.endswith("}"):
        target = target[2:-1].strip()
    return env.choice_label(to_str(a[0]), target)


def _math1(fn: Callable[[float], float]) -> _Impl:
    def impl(env: Env, a: list[Value]) -> Value:
        return fn(to_num(a[0]))

    return impl


def _minmax(pick: Callable[[list[float]], float]) -> _Impl:
    def impl(env: Env, a: list[Value]) -> Value:
        vals = _nums(a)
        if not vals or any(math.isnan(v) for v in vals):
            return NAN
        return pick(vals)

    return impl


def _indexed_repeat(env: Env, a: list[Value]) -> Value:
    nodes = a[0] if isinstance(a[0], list) else [a[0]]
    i = to_num(a[-1])
    if math.isnan(i) or not 1 <= i <= len(nodes):
        return ""
    return nodes[int(i) - 1]


FUNCTIONS: Final[dict[str, tuple[int, int | None, _Impl]]] = {
    # name: (min args, max args or None, implementation)
    "selected": (2, 2, lambda e, a: to_str(a[1]).strip() in to_str(a[0]).split()),
    "count-selected": (1, 1, lambda e, a: float(len(to_str(a[0]).split()))),
    "selected-at": (2, 2, _selected_at),
    "jr:choice-name": (2, 2, _choice_name),
    "string-length": (0, 1, lambda e, a: float(len(to_str(a[0] if a else e.current)))),
    "substr": (2, 3, _substr),
    "substring-before": (2, 2, lambda e, a: to_str(a[0]).partition(to_str(a[1]))[0]
                         if to_str(a[1]) in to_str(a[0]) else ""),
    "substring-after": (2, 2, lambda e, a: to_str(a[0]).partition(to_str(a[1]))[2]),
    "concat": (0, None, lambda e, a: "".join(to_str(v) for v in _flatten(a))),
    "join": (2, 2, lambda e, a: to_str(a[0]).join(to_str(v) for v in _flatten(a[1:]))),
    "contains": (2, 2, lambda e, a: to_str(a[1]) in to_str(a[0])),
    "starts-with": (2, 2, lambda e, a: to_str(a[0]).startswith(to_str(a[1]))),
    "ends-with": (2, 2, lambda e, a: to_str(a[0]).endswith(to_str(a[1]))),
    "regex": (2, 2, _f_regex),
    "translate": (3, 3, lambda e, a: to_str(a[0]).translate(
        {ord(c): (to_str(a[2])[i] if i < len(to_str(a[2])) else None)
         for i, c in reversed(list(enumerate(to_str(a[1]))))})),
    "normalize-space": (0, 1, lambda e, a: " ".join(to_str(a[0] if a else e.current).split())),
    "string": (0, 1, lambda e, a: to_str(a[0] if a else e.current)),
    "number": (0, 1, lambda e, a: to_num(a[0] if a else e.current)),
    "boolean": (1, 1, lambda e, a: to_bool(a[0])),
    "boolean-from-string": (1, 1, lambda e, a: to_str(a[0]).strip().lower() in ("true", "1")),
    "int": (1, 1, _int),
    "round": (1, 2, _round),
    "floor": (1, 1, _math1(lambda x: x if not math.isfinite(x) else float(math.floor(x)))),
    "ceiling": (1, 1, _math1(lambda x: x if not math.isfinite(x) else float(math.ceil(x)))),
    "abs": (1, 1, _math1(abs)),
    "pow": (2, 2, lambda e, a: math.pow(to_num(a[0]), to_num(a[1]))),
    "sqrt": (1, 1, _math1(math.sqrt)),
    "exp": (1, 1, _math1(math.exp)),
    "exp10": (1, 1, _math1(lambda x: math.pow(10.0, x))),
    "log": (1, 1, _math1(math.log)),
    "log10": (1, 1, _math1(math.log10)),
    "sin": (1, 1, _math1(math.sin)),
    "cos": (1, 1, _math1(math.cos)),
    "tan": (1, 1, _math1(math.tan)),
    "asin": (1, 1, _math1(math.asin)),
    "acos": (1, 1, _math1(math.acos)),
    "atan": (1, 1, _math1(math.atan)),
    "atan2": (2, 2, lambda e, a: math.atan2(to_num(a[0]), to_num(a[1]))),
    "pi": (0, 0, lambda e, a: math.pi),
    "min": (1, None, _minmax(min)),
    "max": (1, None, _minmax(max)),
    "sum": (1, 1, lambda e, a: math.fsum(_nums(a))),
    "count": (1, 1, lambda e, a: float(len(a[0])) if isinstance(a[0], list) else 1.0),
    "count-non-empty": (1, 1, lambda e, a: float(sum(1 for v in _flatten(a) if to_str(v)))),
    "indexed-repeat": (3, 7, _indexed_repeat),
    "position": (0, 1, lambda e, a: float(e.position)),
    "true": (0, 0, lambda e, a: True),
    "false": (0, 0, lambda e, a: False),
    "not": (1, 1, lambda e, a: not to_bool(a[0])),
    "if": (3, 3, lambda e, a: a[1] if to_bool(a[0]) else a[2]),
    "coalesce": (2, None, _coalesce),
    "once": (1, 1, lambda e, a: a[0]),
    "today": (0, 0, lambda e, a: e.today),
    "now": (0, 0, lambda e, a: e.now),
    "date": (1, 1, _date),
    "date-time": (1, 1, _date_time),
    "decimal-date-time": (1, 1, lambda e, a: to_num(a[0])),
    "decimal-date": (1, 1, lambda e, a: to_num(a[0])),
    "format-date": (2, 2, _format_date),
    "format-date-time": (2, 2, _format_date),
    "uuid": (0, 1, _uuid),
    "pulldata": (4, 4, _pulldata),
}

# Functions that exist in ODK but cannot work here, with the reason shown to the author.
UNSUPPORTED_FUNCTIONS: Final[dict[str, str]] = {
    "instance": "instance() lookups into secondary instances are not supported",
    "random": "random() is not reproducible, so records could not be re-validated",
    "randomize": "randomize() is not supported",
    "area": "geographic functions are not supported (no GPS is recorded)",
    "distance": "geographic functions are not supported (no GPS is recorded)",
    "geofence": "geographic functions are not supported (no GPS is recorded)",
    "digest": "digest() is not supported",
    "base64-decode": "base64-decode() is not supported",
    "checklist": "checklist() is not supported",
    "weighted-checklist": "weighted-checklist() is not supported",
    "jr:itext": "jr:itext() is not supported",
    "version": "version() is not supported",
    "property": "property() is not supported",
}


@dataclass(frozen=True, slots=True)
class Expression:
    """A parsed expression with what it uses; ``evaluate`` runs the compiled form."""

    source: str
    ast: Node
    refs: frozenset[str]
    functions: frozenset[str]
    uses_names: frozenset[str]
    evaluate: Compiled = field(compare=False, repr=False)


def compile_expression(text: str, *, allow_names: bool = False) -> Expression:
    """Parse, check functions/arity and compile ``text``; raise ExprError otherwise."""
    ast = parse(text)
    refs: set[str] = set()
    funcs: set[str] = set()
    names: set[str] = set()
    for n in walk(ast):
        if isinstance(n, Ref):
            refs.add(n.name)
        elif isinstance(n, Name):
            names.add(n.name)
        elif isinstance(n, Call):
            funcs.add(n.name)
            _check_call(n)
    if names and not allow_names:
        bad = sorted(names)[0]
        raise ExprError(
            f"bare name {bad!r} is not supported here; refer to fields as ${{{bad}}}"
        )
    if any(isinstance(n, Parent) for n in walk(ast)):
        for n in walk(ast):
            if isinstance(n, Call) and n.name == "position":
                continue
            if any(isinstance(a, Parent) for a in _children(n)):
                raise ExprError("'..' is only supported as position(..); use ${name}")
        if isinstance(ast, Parent):
            raise ExprError("'..' is only supported as position(..); use ${name}")
    return Expression(text, ast, frozenset(refs), frozenset(funcs), frozenset(names),
                      _compile(ast))


def _children(n: Node) -> tuple[Node, ...]:
    if isinstance(n, Neg):
        return (n.operand,)
    if isinstance(n, BinOp):
        return (n.left, n.right)
    if isinstance(n, Call):
        return n.args
    return ()


def _check_call(n: Call) -> None:
    if n.name in UNSUPPORTED_FUNCTIONS:
        raise ExprError(UNSUPPORTED_FUNCTIONS[n.name])
    spec = FUNCTIONS.get(n.name)
    if spec is None:
        raise ExprError(f"unknown function {n.name}()")
    lo, hi, _ = spec
    k = len(n.args)
    if k < lo or (hi is not None and k > hi):
        want = str(lo) if hi == lo else (f"{lo} or more" if hi is None else f"{lo} to {hi}")
        raise ExprError(f"{n.name}() takes {want} argument(s), got {k}")
    if n.name == "pulldata" and not all(isinstance(x, Str) for x in n.args[:3]):
        raise ExprError("pulldata() needs the table, column and key column as quoted text, "
                        "e.g. pulldata('people', 'name', 'id', ${pid})")
    if n.name == "regex" and isinstance(n.args[1], Str) and _regex(n.args[1].value) is None:
        raise ExprError(f"regex(): invalid regular expression {n.args[1].value!r}")


def _compile(node: Node) -> Compiled:
    if isinstance(node, Num):
        num = node.value
        return lambda env: num
    if isinstance(node, Str):
        s = node.value
        return lambda env: s
    if isinstance(node, Ref):
        name = node.name
        return lambda env: env.resolve(name)
    if isinstance(node, Current):
        return lambda env: env.current
    if isinstance(node, Parent):
        return lambda env: ""
    if isinstance(node, Name):
        col = node.name

        def name_value(env: Env) -> Value:
            row = env.choice_row
            return row.get(col, "") if row is not None else ""

        return name_value
    if isinstance(node, Neg):
        inner = _compile(node.operand)
        return lambda env: -to_num(inner(env))
    if isinstance(node, BinOp):
        return _compile_binop(node)
    name = node.name
    _, _, impl = FUNCTIONS[name]
    args = [_compile(a) for a in node.args]
    if name == "if":
        cond, yes, no = args
        return lambda env: yes(env) if to_bool(cond(env)) else no(env)

    def call(env: Env) -> Value:
        values = [a(env) for a in args]
        try:
            return impl(env, values)
        except (ArithmeticError, ValueError, IndexError):
            return NAN

    return call


def _compile_binop(node: BinOp) -> Compiled:
    left = _compile(node.left)
    right = _compile(node.right)
    op = node.op
    if op == "or":
        return lambda env: to_bool(left(env)) or to_bool(right(env))
    if op == "and":
        return lambda env: to_bool(left(env)) and to_bool(right(env))
    if op == "=":
        return lambda env: _eq(left(env), right(env))
    if op == "!=":
        return lambda env: not _eq(left(env), right(env))
    if op in ("<", "<=", ">", ">="):
        return lambda env: _cmp(op, left(env), right(env))
    return lambda env: _arith(op, left(env), right(env))


# ------------------------------------------------------------------ fast compiler
#
# The record engine compiles every expression of a form a second time, once per
# form, with references resolved by the engine (it knows where each field sits)
# instead of through ``Env.resolve``, and with short paths for the shapes forms
# use most (``${x} = 'a'``, ``${flag} = true()``, ``selected(${x}, 'a')``,
# ``. <= today()``). Every short path returns exactly what ``_compile`` would.

RefCompiler: TypeAlias = Callable[[str], Compiled]
"""Given a field name, the compiled reference ``${name}``."""

_CURRENT_FUNCS: Final = frozenset({"string-length", "normalize-space", "string", "number"})
_ORDER_OPS: Final[dict[str, Callable[[Any, Any], bool]]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}


def uses_current(node: Node) -> bool:
    """Whether evaluating ``node`` can read ``Env.current`` (``.`` or e.g. ``string()``)."""
    for n in walk(node):
        if isinstance(n, Current):
            return True
        if isinstance(n, Call) and not n.args and n.name in _CURRENT_FUNCS:
            return True
    return False


def _bool_const(node: Node) -> bool | None:
    if isinstance(node, Call) and not node.args and node.name in ("true", "false"):
        return node.name == "true"
    return None


def compile_fast(node: Node, ref: RefCompiler) -> tuple[Compiled, bool]:
    """Compile ``node`` like ``Expression.evaluate`` does, references via ``ref``.

    Returns the closure and whether it always returns a ``bool`` (so callers
    can skip ``to_bool``).
    """
    if isinstance(node, Num):
        num = node.value
        return (lambda env: num), False
    if isinstance(node, Str):
        s = node.value
        return (lambda env: s), False
    if isinstance(node, Ref):
        return ref(node.name), False
    if isinstance(node, Current):
        return (lambda env: env.current), False
    if isinstance(node, Parent | Name):
        return _compile(node), False
    if isinstance(node, Neg):
        inner, _ = compile_fast(node.operand, ref)
        return (lambda env: -to_num(inner(env))), False
    if isinstance(node, BinOp):
        return _fast_binop(node, ref)
    return _fast_call(node, ref)


def _as_bool(fn: Compiled, is_bool: bool) -> Callable[[Env], bool]:
    if is_bool:
        return fn  # type: ignore[return-value]
    return lambda env: to_bool(fn(env))


def _fast_binop(node: BinOp, ref: RefCompiler) -> tuple[Compiled, bool]:
    op = node.op
    left, lb = compile_fast(node.left, ref)
    right, rb = compile_fast(node.right, ref)
    if op in ("or", "and"):
        lt, rt = _as_bool(left, lb), _as_bool(right, rb)
        if op == "or":
            return (lambda env: lt(env) or rt(env)), True
        return (lambda env: lt(env) and rt(env)), True
    if op in ("=", "!="):
        eq = _fast_eq(node, left, right)
        if op == "=":
            return eq, True
        return (lambda env: not eq(env)), True
    if op in _ORDER_OPS:
        order = _ORDER_OPS[op]

        def compare(env: Env) -> bool:
            a = left(env)
            b = right(env)
            ta = type(a)
            if ta is type(b) and (ta is float or ta is dt.date):
                # to_num is the identity on floats and order-preserving on dates
                return order(a, b)
            return _cmp(op, a, b)

        return compare, True
    return (lambda env: _arith(op, left(env), right(env))), False


def _fast_eq(node: BinOp, left: Compiled, right: Compiled) -> Callable[[Env], bool]:
    rc = _bool_const(node.right)
    if rc is not None:
        def eq_bool(env: Env) -> bool:
            a = left(env)
            if a is True or a is False:
                return a is rc
            return _eq(a, rc)

        return eq_bool
    # Against a string literal: str == str, or (a number or date) compared as numbers
    # with the literal's number worked out once.
    if isinstance(node.right, Str):
        s = node.right.value
        ns = to_num(s)

        def eq_str(env: Env) -> bool:
            a = left(env)
            ta = type(a)
            if ta is str:
                return a == s
            if ta is float or ta is dt.date:
                return to_num(a) == ns
            return _eq(a, s)

        return eq_str
    if isinstance(node.left, Str):
        t = node.left.value
        nt = to_num(t)

        def str_eq(env: Env) -> bool:
            b = right(env)
            tb = type(b)
            if tb is str:
                return t == b
            if tb is float or tb is dt.date:
                return nt == to_num(b)
            return _eq(t, b)

        return str_eq
    return lambda env: _eq(left(env), right(env))


def _fast_call(node: Call, ref: RefCompiler) -> tuple[Compiled, bool]:
    name = node.name
    const = _bool_const(node)
    if const is not None:
        return (lambda env: const), True
    compiled = [compile_fast(a, ref) for a in node.args]
    args = [c for c, _ in compiled]
    if name == "if":
        (cond, cb), (yes, yb), (no, nb) = compiled
        test = _as_bool(cond, cb)
        return (lambda env: yes(env) if test(env) else no(env)), yb and nb
    # The short paths below are for functions whose implementation cannot raise,
    # so the generic ``except ... return NAN`` wrapper would never fire.
    if name == "not":
        arg = _as_bool(*compiled[0])
        return (lambda env: not arg(env)), True
    if name == "selected":
        x, y = args
        if isinstance(node.args[1], Str):
            want = node.args[1].value.strip()

            def selected_const(env: Env) -> bool:
                v = x(env)
                return want in (v if type(v) is str else to_str(v)).split()

            return selected_const, True
        return (lambda env: _selected2(x(env), y(env))), True
    if name == "count-selected":
        x = args[0]
        return (lambda env: float(len(to_str(x(env)).split()))), False
    if name == "regex" and isinstance(node.args[1], Str):
        x = args[0]
        pat = _regex(node.args[1].value)
        if pat is None:
            return (lambda env: (x(env), False)[1]), True
        search = pat.search
        return (lambda env: search(to_str(x(env))) is not None), True
    if name == "today":
        return (lambda env: env.today), False
    _, _, impl = FUNCTIONS[name]
    if (name in ("format-date", "format-date-time") and isinstance(node.args[1], Str)
            and "%a" not in node.args[1].value and "%b" not in node.args[1].value):
        # Not locale dependent, so the text for a given date can be remembered.
        fmt = node.args[1].value
        x = args[0]

        def format_date(env: Env) -> Value:
            v = x(env)
            if type(v) is dt.date:
                return _format_date_cached(v, fmt)
            values = [v, fmt]
            try:
                return impl(env, values)
            except (ArithmeticError, ValueError, IndexError):
                return NAN

        return format_date, False
    if len(args) == 1:
        a0 = args[0]

        def call1(env: Env) -> Value:
            values = [a0(env)]
            try:
                return impl(env, values)
            except (ArithmeticError, ValueError, IndexError):
                return NAN

        return call1, False
    if len(args) == 2:
        a0, a1 = args

        def call2(env: Env) -> Value:
            values = [a0(env), a1(env)]
            try:
                return impl(env, values)
            except (ArithmeticError, ValueError, IndexError):
                return NAN

        return call2, False

    def call(env: Env) -> Value:
        values = [a(env) for a in args]
        try:
            return impl(env, values)
        except (ArithmeticError, ValueError, IndexError):
            return NAN

    return call, False


_format_date_cached = lru_cache(maxsize=1024)(_format_date_text)


def _selected2(a: Value, b: Value) -> bool:
    return to_str(b).strip() in to_str(a).split()
