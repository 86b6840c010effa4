"""Expressions as text and trees: the AST, the tokenizer, the parser, the printer.

Part of :mod:`intake_app.forms.expr` (import from there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, TypeAlias

from intake_app.errors import ExprError

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

