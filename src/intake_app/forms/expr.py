"""The XLSForm / ODK expression language: tokenizer, parser, printer, evaluator.

A hand-written recursive-descent parser turns an expression such as
``${age} >= 18 and selected(${needs}, 'legal_aid')`` into a small AST, which
is compiled once into Python closures. Nothing here uses ``eval``/``exec``.

Semantics follow XPath 1.0 as used by ODK (JavaRosa): values are strings,
numbers (floats), booleans, dates/date-times and node-sets (lists, produced
only by references from outside a repeat to fields inside it). Conversion
rules are XPath's; an empty answer is the empty string. Evaluation never
raises: arithmetic problems give ``NaN`` like XPath does.

This module is the public face; the work is split by concern:
``expr_syntax`` (AST, tokenizer, parser, printer), ``expr_values`` (XPath
conversions, comparisons, the evaluation environment), ``expr_functions``
(the function library) and ``expr_compile`` (the plain and the fast compiler).
"""

from __future__ import annotations

from intake_app.errors import ExprError
from intake_app.forms.expr_compile import (
    Expression,
    RefCompiler,
    compile_expression,
    compile_fast,
    uses_current,
)
from intake_app.forms.expr_functions import (
    FUNCTIONS,
    UNSUPPORTED_FUNCTIONS,
)
from intake_app.forms.expr_syntax import (
    BINARY_OPS,
    MAX_DEPTH,
    MAX_LENGTH,
    BinOp,
    Call,
    Current,
    Name,
    Neg,
    Node,
    Num,
    Parent,
    Ref,
    Str,
    Token,
    parse,
    to_source,
    tokenize,
    walk,
)
from intake_app.forms.expr_values import (
    NAN,
    Compiled,
    Env,
    Value,
    num_to_str,
    parse_date_text,
    to_bool,
    to_date,
    to_num,
    to_str,
)

__all__ = [
    "BINARY_OPS",
    "FUNCTIONS",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "NAN",
    "UNSUPPORTED_FUNCTIONS",
    "BinOp",
    "Call",
    "Compiled",
    "Current",
    "Env",
    "ExprError",
    "Expression",
    "Name",
    "Neg",
    "Node",
    "Num",
    "Parent",
    "Ref",
    "RefCompiler",
    "Str",
    "Token",
    "Value",
    "compile_expression",
    "compile_fast",
    "num_to_str",
    "parse",
    "parse_date_text",
    "to_bool",
    "to_date",
    "to_num",
    "to_source",
    "to_str",
    "tokenize",
    "uses_current",
    "walk",
]
