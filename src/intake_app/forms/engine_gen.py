"""Straight-line Python for one form's per-record work: ingest, evaluate, check, output.

The plan (:mod:`engine_plan`) says what to do for each field; walking it for every
record cost a generic dispatch per field and per row (tuple unpacking, kind tests,
``None`` checks of rules the field does not have). Here, once per form, each phase
becomes one generated function with every field's steps unrolled and only the
steps the field has: a field without relevance, calculation or rules costs one
dict store. The expressions stay the closures of ``compile_fast``; the generated
code calls them. The generic code of :class:`engine_run._Run` is kept for what
is rare (a record with errors is ingested again by it, with the errors in order).

Safety: a form is user input (an XLSForm). Nothing from it is spliced into the
source as text. A field name enters only as ``str.__repr__`` of it (a Python
string literal); everything else (field plans, compiled expressions, choice sets,
defaults) is passed in the namespace under generated identifiers (``K3``).
``tests/test_forms_codegen.py`` checks this with hostile names.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import CodeType
from typing import Any

from intake_app.forms.engine_gen_expr import RUNTIME, ExprSource, count_refs, lit, pure_test
from intake_app.forms.engine_plan import (
    _CALCULATE,
    _NO_VALUE,
    _REPEAT,
    _VALUE,
    _FieldPlan,
    _Plan,
    _whole_repeat_refs,
)
from intake_app.forms.expr import Expression, Node
from intake_app.forms.i18n import message
from intake_app.forms.values import MAX_TEXT, _date_precision, is_empty

_MISSING = object()  # ``M`` in generated code: "key absent"
# The builtins generated code may use (no import, open, eval, getattr...).
_BUILTINS: dict[str, Any] = {f.__name__: f for f in (
    bool, dict, float, frozenset, int, isinstance, len, list, map, range, set, str, tuple,
    type)}


def _functions(lines: list[str]) -> Iterator[str]:
    """The source of each top-level function in ``lines``."""
    start = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or lines[i].startswith("def "):
            yield "\n".join(lines[start:i]) + "\n"
            start = i


def _put(out: dict[str, Any], name: str, result: tuple[str | None, Any]) -> bool:
    """A coercer's ``result`` for ``name`` stored in ``out``; False if it is an error."""
    err, clean = result
    if err is not None:
        return False
    if clean is not None:
        out[name] = clean
    return True


def _first(error: tuple[int, str, str]) -> int:
    return error[0]


class Program:
    """The generated functions of one form, one variant per ``want_paths`` made on
    first use (HQ import never needs the relevant paths, the GUI always does)."""

    __slots__ = ("_from_xpath", "_plan", "_variants")

    def __init__(self, plan: _Plan, from_xpath: Callable[[Any, Any], Any]) -> None:
        self._plan = plan
        self._from_xpath = from_xpath
        self._variants: dict[bool, dict[str, Any]] = {}

    def variant(self, want_paths: bool) -> dict[str, Any]:
        """``ingest_0(raw, lang)``, ``run_all(...)``, ``ordered_0(top)`` and ``source``."""
        ns = self._variants.get(want_paths)
        if ns is None:  # two threads may both build it: the same result
            ns = self._variants[want_paths] = _build(self._plan, self._from_xpath, want_paths)
        return ns


_CODE: dict[str, tuple[CodeType, ...]] = {}  # source -> compiled: a form loaded again
                                             # compiles once
_CODE_LOCK = threading.Lock()
_CODE_MAX = 8


def _build(plan: _Plan, from_xpath: Callable[[Any, Any], Any], want_paths: bool
           ) -> dict[str, Any]:
    gen = _Gen(plan, from_xpath)
    for scope in gen.scope_no:
        gen.ingest(scope)
        gen.ordered_fast(scope)
    gen.run_all(want_paths)
    source = "\n".join(gen.out) + "\n"
    codes = _CODE.get(source)
    if codes is None:
        # Function by function: CPython compiles a module of a few huge functions
        # ~3x slower than the same functions one at a time.
        codes = tuple(compile(part, "<intake form program>", "exec")
                      for part in _functions(gen.out))
        with _CODE_LOCK:
            while len(_CODE) >= _CODE_MAX:
                del _CODE[next(iter(_CODE))]
            _CODE[source] = codes
    for code in codes:
        exec(code, gen.ns)  # noqa: S102 - the source holds only literals and identifiers
    gen.ns["source"] = source
    gen.ns["extra"] = {"pulldata": plan.pulldata}  # Env.extra of every run (read only)
    return gen.ns


class _Gen:
    def __init__(self, plan: _Plan, from_xpath: Callable[[Any, Any], Any]) -> None:
        self.plan = plan
        self.ns: dict[str, Any] = {"M": _MISSING, "is_empty": is_empty, "Mapping": Mapping,
                                   "message": message, "from_xpath": from_xpath,
                                   "MAXT": MAX_TEXT, "__builtins__": _BUILTINS}
        self.ns.update(RUNTIME)
        self.ns["STR"] = frozenset({str})
        self.ns["FIRST"] = _first
        self.ns["put"] = _put
        self.ns["DATEP"] = _date_precision
        self._ids: dict[int, str] = {}
        self._temps = 0
        self._exprs: dict[tuple[str, ...], ExprSource] = {}
        self.out: list[str] = []
        self.done: set[str] = set()  # fields whose evaluation step is emitted
        self.top_rel: dict[str, str] = {}  # top-level field -> "True" or its local
        self.row_always: dict[str, bool] = {}  # field in rows -> relevant in every row
        # Top-level values read by several expressions are converted once, right after
        # their own step (nothing changes them later): name -> local ("c3"); and the
        # chosen names of those tested by several selected(${x}, 'a'): name -> "s3".
        self.cache: dict[str, str] = {}
        self.sel_cache: dict[str, str] = {}
        self.refs: Counter[str] = Counter()
        self.selected: Counter[str] = Counter()
        for fp in plan.fields.values():
            for e in (fp.info.relevant, fp.info.calculation, fp.info.constraint):
                if e is not None:
                    count_refs(self.ast(e), self.refs, self.selected)
        self.insts: dict[tuple[str, ...], str] = {}  # repeats -> local with its instances
        self.same: dict[str, str] = {}  # a top-level relevance test -> its local
        scopes: list[str | None] = [None, *(p.name for p in plan.fields.values()
                                            if p.kind == _REPEAT)]
        self.scope_no = {s: i for i, s in enumerate(scopes)}

    def temp(self) -> str:
        """A new local name for a value inside an expression."""
        self._temps += 1
        return f"t{self._temps}"

    def k(self, obj: object) -> str:
        """A generated identifier naming ``obj`` in the namespace."""
        name = self._ids.get(id(obj))
        if name is None:
            name = self._ids[id(obj)] = f"K{len(self._ids)}"
            self.ns[name] = obj
        return name

    def expr(self, p: _FieldPlan) -> ExprSource:
        """The expression compiler for ``p``'s scope."""
        src = self._exprs.get(p.repeats)
        if src is None:
            src = self._exprs[p.repeats] = ExprSource(self, self.plan, p.repeats)
        return src

    @staticmethod
    def ast(e: Expression) -> Node:
        """The tree the plan compiled (``indexed-repeat`` arguments marked)."""
        return _whole_repeat_refs(e.ast)

    def emit(self, depth: int, *lines: str) -> None:
        self.out.extend("    " * depth + line for line in lines)

    # ------------------------------------------------------------ ingest

    def ingest(self, scope: str | None) -> None:
        """``ingest_N(raw, lang)``: the cleaned container, or None when anything is
        wrong (an error, a key that is not a field of these rows): the caller then runs
        the generic ingest, which reports every error in the record's key order."""
        plan = self.plan
        names = frozenset(p.name for p in plan.fields.values() if p.scope == scope)
        self.emit(0, f"def ingest_{self.scope_no[scope]}(raw, lang):",
                  f"    if not {self.k(names)}.issuperset(raw):", "        return None",
                  "    out = {}", "    g = raw.get")
        defaults = {p.name for p in plan.defaults.get(scope, ()) if p.default is not None}
        for p in plan.fields.values():
            if p.scope != scope:
                continue
            n = lit(p.name)
            self.emit(1, f"v = g({n}, M)", "if v is not M:")
            self.ingest_value(p, n)
            if p.name in defaults:
                d = p.default
                self.emit(1, "else:", f"    out[{n}] = "
                          + (f"list({self.k(d)})" if isinstance(d, list) else self.k(d)))
            if p.calculation is not None and p.kind != _REPEAT:
                # The calculated value's place, so that the container stays in form
                # order (None reads as absent everywhere; ordered_fast drops it).
                self.emit(1, f"if {n} not in out:", f"    out[{n}] = None")
        self.emit(1, "return out")

    def ingest_value(self, p: _FieldPlan, n: str) -> None:
        kind = p.kind
        if kind == _REPEAT:
            self.emit(2, "if v is not None:",
                      "    if not isinstance(v, list):", "        return None",
                      "    rows = []", "    for row in v:",
                      "        if type(row) is not dict and not isinstance(row, Mapping):",
                      "            return None",
                      f"        r = ingest_{self.scope_no[p.name]}(row, lang)",
                      "        if r is None:", "            return None",
                      "        rows.append(r)", f"    out[{n}] = rows")
            return
        if kind == _NO_VALUE:
            self.emit(2, "if not is_empty(v):", "    return None")
            return
        c = self.k(p.coerce)
        if kind == _CALCULATE:
            if p.once:
                self.emit(2, "if not is_empty(v):", f"    e, c = {c}(v, lang)",
                          "    if e is None and c is not None:", f"        out[{n}] = c")
            else:
                self.emit(2, "pass")
            return
        assert kind == _VALUE and p.coerce is not None
        # put(): the coercer's answer stored; False (then: the generic ingest) on an error
        generic = f"not put(out, {n}, {c}(v, lang))"
        f = p.field
        # The usual input of a type first, exactly as the coercer's own short path.
        numbers = bool(f.appearance and "numbers" in f.appearance.split())
        if f.type in ("text", "long_text") and not numbers:
            fast = "type(v) is str and 0 < len(s := v.strip()) <= MAXT", "s"
        elif f.type == "yes_no":
            fast = "v is True or v is False", "v"
        elif f.type == "integer":
            fast = "type(v) is int", "v"
        elif f.type == "select_one" and f.choices is not None:
            fast = f"type(v) is str and (s := v.strip()) in {self.k(p.choices)} and s", "s"
        elif f.type in ("select_multiple", "rank") and f.choices is not None:
            # A list of distinct names of the list (choice names have no blanks, which
            # strip() would change): kept as it is.
            ch = self.k(p.choices)
            self.emit(2, "m = len(v) if type(v) is list else 0",
                      f"if m == 1 and type(a := v[0]) is str and a in {ch}:",
                      f"    out[{n}] = [a]",
                      f"elif (m == 2 and type(a := v[0]) is str and type(b := v[1]) is str "
                      f"and a != b and a in {ch} and b in {ch}):",
                      f"    out[{n}] = [a, b]",
                      f"elif (m > 2 and {ch}.issuperset(v) and len(set(v)) == m "
                      "and STR.issuperset(map(type, v))):",
                      f"    out[{n}] = list(v)", f"elif {generic}:", "    return None")
            return
        elif f.type == "date":
            # values._date for ASCII text (normalize_numeric is then strip()); the
            # precision of a text is remembered (values._date_precision).
            precs = self.k(frozenset(f.date_precisions))
            fast = (f"type(v) is str and v.isascii() and (pr := DATEP(s := v.strip())) "
                    f"is not None and pr in {precs}"), "s"
        else:
            self.emit(2, f"if {generic}:", "    return None")
            return
        self.emit(2, f"if {fast[0]}:", f"    out[{n}] = {fast[1]}", f"elif {generic}:",
                  "    return None")

    # ------------------------------------------------------------ evaluate

    def always(self, p: _FieldPlan) -> bool:
        """Whether ``p`` is relevant in every row without evaluating anything: no rule
        of its own and none in its groups (a group not evaluated yet reads as relevant,
        as ``rel.get(group, True)`` did)."""
        pg = p.parent_group
        return p.relevant is None and (pg is None or pg not in self.done
                                       or self.always(self.plan.fields[pg]))

    def relevance_test(self, p: _FieldPlan, cont: str) -> tuple[list[str], str]:
        """(lines to run first, the bool expression) of ``p``'s own rule (in rows,
        ``env.ctx`` and ``env.position`` are set at the top of the loop over the rows)."""
        assert p.relevant is not None and p.info.relevant is not None
        first = []
        if p.relevant.current:
            first.append(f"env.current = {self.k(p.conv)}({cont}.get({lit(p.name)}))")
        self._temps = 0  # temporaries live within one statement: reused by the next
        return first, self.expr(p).as_bool(self.ast(p.info.relevant))

    def instances(self, repeats: tuple[str, ...]) -> str:
        """A local holding ``run.instances(repeats)``, fetched again after a step that
        may have dropped a repeat (which clears the instances)."""
        var = self.insts.get(repeats)
        if var is None:
            var = self.insts[repeats] = f"i{len(self.out)}"
            self.emit(1, f"{var} = run.instances({self.k(repeats)})")
        return var

    def cache_value(self, p: _FieldPlan) -> None:
        if p.kind == _REPEAT or p.repeats or self.refs[p.name] < 2:
            return
        n = lit(p.name)
        var = self.cache[p.name] = f"c{len(self.out)}"
        f = p.field
        conv = self.k(p.conv)
        if f.type == "date" or f.value_type == "date":
            self.emit(1, f"{var} = {conv}(top.get({n}))")
        else:
            self.emit(1, f"{var} = top.get({n})", f"if not (type({var}) is str or type({var}) is "
                      f"bool or type({var}) is float):", f"    {var} = {conv}({var})")
        if self.selected[p.name] >= 3:
            sel = self.sel_cache[p.name] = f"s{len(self.out)}"
            self.emit(1, f"{sel} = frozenset(({var} if type({var}) is str else "
                      f"to_str({var})).split())")

    def evaluate_step(self, p: _FieldPlan, want_paths: bool) -> None:
        """One field's relevance and calculation: at the top level, or (``p.repeats``)
        inside the loop over its rows that the caller opened."""
        top = not p.repeats
        n = lit(p.name)
        always = self.always(p)
        pg = p.parent_group
        pg_always = pg is None or pg not in self.done or self.always(self.plan.fields[pg])
        self.done.add(p.name)
        depth, cont, pre = (1, "top", "") if top else (2, "container", "prefix + ")
        is_repeat = p.kind == _REPEAT
        pop = [f"if {cont}.pop({n}, None) is not None:", "    run._instances.clear()"] \
            if is_repeat else [f"{cont}.pop({n}, None)"]
        if not always:
            # The relevance: at the top a local variable per field, in rows rel[name]
            # (and r). "group and own rule" is the same bool as the rule evaluated only
            # when the group is relevant (conv() before it has no effect).
            pg_r = "" if pg_always else (self.top_rel[str(pg)] if top
                                         else f"rel.get({lit(str(pg))}, True)")
            if p.relevant is None:
                first: list[str] = []
                test = pg_r
            else:
                first, own = self.relevance_test(p, cont)
                test = f"{pg_r} and {own}" if pg_r else own
            if top and p.relevant is None:  # a group's relevance, nothing of its own
                var = self.top_rel[p.name] = pg_r
            elif top and not first and pure_test(test) and test in self.same:
                # The same test of values that no longer change (converted once, see
                # cache_value): its answer again.
                var = self.top_rel[p.name] = self.same[test]
            else:
                var = f"r{len(self.top_rel)}" if top else "r"
                if top:
                    self.top_rel[p.name] = var
                    if not first and pure_test(test):
                        self.same[test] = var
                self.emit(depth, *first, f"{var} = {test}" if top
                          else f"r = rel[{n}] = {test}")
            self.emit(depth, f"if not {var}:", *("    " + x for x in pop), "else:")
            depth += 1
        elif top:
            self.top_rel[p.name] = "True"
        body_start = len(self.out)
        if want_paths:
            self.emit(depth, f"paths.add({pre}{n})")
            if is_repeat:
                self.emit(depth, f"for i in range(len({cont}.get({n}) or ())):",
                          f"    paths.add({pre}{n} + '[' + str(i) + ']')")
        calc = p.calculation
        if calc is not None:
            d = depth
            if p.once:
                self.emit(d, f"if {cont}.get({n}) is None:")
                d += 1
            if calc.current:
                self.emit(d, f"env.current = {self.k(p.conv)}({cont}.get({n}))")
            assert p.info.calculation is not None
            self._temps = 0
            src, _ = self.expr(p).source(self.ast(p.info.calculation))
            kind = p.field.value_type or "text"
            if kind == "text":  # _from_xpath's text case
                self.emit(d, f"x = to_str({src})", "if x == '' or x == 'NaN':")
            elif kind in ("integer", "decimal", "boolean"):  # its other usual cases
                self.emit(d, f"x = as_{kind}({src})", "if x is None:")
            else:
                self.emit(d, f"x = from_xpath({self.k(p.field)}, {src})", "if x is None:")
            self.emit(d, f"    {cont}.pop({n}, None)", "else:", f"    {cont}[{n}] = x")
        if len(self.out) == body_start:
            if not always:
                self.out.pop()  # the "else:"
            else:
                self.emit(depth, "pass")
        if top:
            self.cache_value(p)
        else:
            self.row_always[p.name] = always

    def evaluate_rows(self, ps: list[_FieldPlan], want_paths: bool) -> None:
        """Consecutive steps of fields of the same rows, in one loop over the rows: the
        same as a loop per step, as no step reads another row (see :func:`_row_local`)."""
        insts = self.instances(ps[0].repeats)
        self.emit(1, f"for container, ctx, prefix, pos, rel in {insts}:",
                  "    env.ctx = ctx", "    env.position = pos")
        for p in ps:
            self.evaluate_step(p, want_paths)
        self.emit(1, "env.ctx = ctx0", "env.position = 0")
        if any(p.kind == _REPEAT and not self.row_always[p.name] for p in ps):
            self.insts.clear()  # a repeat dropped in a row: its rows' instances change

    # ------------------------------------------------------------ check

    def check_field(self, p: _FieldPlan, j: int | None = None) -> None:
        """One field's checks: at the top level, or inside the loop over its rows that
        the caller opened. ``j``: its place among the fields of that loop, whose errors
        are kept apart (None: errors go straight to the run)."""
        err = "run.error({path}, {msg})" if j is None else f"errs.append(({j}, {{path}}, {{msg}}))"
        top = not p.repeats
        n = lit(p.name)
        pk = self.k(p)
        if top:
            cont, ctx, pos, path = "top", "ctx0", "0", n
            var = self.top_rel[p.name]
            self.emit(1, f"if {'' if var == 'True' else var + ' and '}"
                      f"not (bad and {n} in bad):")
        else:
            cont, ctx, pos, path = "container", "ctx", "pos", f"prefix + {n}"
            rel = "" if self.row_always[p.name] else f"rel.get({n}, False) and "
            self.emit(2, f"if {rel}not (bad and (prefix + {n} in bad or "
                      "(prefix and prefix[:-1] in bad))):")
        depth = 2 if top else 3
        if p.kind == _REPEAT:
            self.check_rows(p, depth, cont, ctx, path, pos, err)
            return
        error_required = "    " + err.format(path=path, msg=f"run.required_message({pk})")
        if not (p.is_select or p.constraint is not None):  # a required answer at most
            if p.required_expr is None and not p.required:
                self.out.pop()  # the field's "if": nothing to check
                return
            self.out[-1] = (self.out[-1][:-1] + f" and {cont}.get({n}) is None and not "
                            f"partial:")
            if p.required_expr is not None:
                self.emit(depth, f"if run.is_required({pk}, {ctx}, {pos}):", error_required)
            else:
                self.emit(depth, error_required[4:])
            return
        self.emit(depth, f"if (value := {cont}.get({n})) is None:")
        if p.required_expr is not None:
            self.emit(depth + 1, f"if not partial and run.is_required({pk}, {ctx}, {pos}):",
                      error_required)
        elif p.required:
            self.emit(depth + 1, "if not partial:", error_required)
        else:
            self.emit(depth + 1, "pass")
        cons = p.constraint
        if p.is_select:
            # choice_errors: adds the errors of chosen names not offered; True if any
            wrong = (f"run.choice_errors({pk}, value, {ctx}, {pos}, {path}"
                     + (")" if j is None else f", errs, {j})"))
            fast = ("False" if p.choice_filter is not None else
                    f"(type(value) is str and value in {self.k(p.choices)}) or "
                    f"(type(value) is list and {self.k(p.choices)}.issuperset(value))")
            if cons is None:
                self.emit(depth, f"elif not ({fast}):", f"    {wrong}")
                return
            self.emit(depth, f"elif {fast} or not {wrong}:")
        else:
            self.emit(depth, "else:")
        d = depth + 1
        assert cons is not None and p.info.constraint is not None
        if cons.current:
            self.emit(d, f"env.current = {self.k(p.conv)}(value)")
        self._temps = 0
        test = self.expr(p).as_bool(self.ast(p.info.constraint))
        self.emit(d, f"if not {test}:",
                  "    " + err.format(path=path, msg=f"run.constraint_message({pk})"))

    def check_rows_of(self, ps: list[_FieldPlan]) -> None:
        """The checks of consecutive fields of the same rows, in one loop over the rows.
        The errors are kept apart, then added in field order (as a loop per field
        would add them): each with its field's place in ``ps``."""
        insts = self.instances(ps[0].repeats)
        one = len(ps) == 1
        if not one:
            self.emit(1, "errs = []")
        self.emit(1, f"for container, ctx, prefix, pos, rel in {insts}:",
                  "    env.ctx = ctx", "    env.position = pos")
        for j, p in enumerate(ps):
            self.check_field(p, None if one else j)
        self.emit(1, "env.ctx = ctx0", "env.position = 0")
        if not one:
            self.emit(1, "if errs:", "    errs.sort(key=FIRST)", "    for j, ep, em in errs:",
                      "        run.error(ep, em)")

    def check_rows(self, p: _FieldPlan, depth: int, cont: str, ctx: str, path: str,
                   pos: str, err: str) -> None:
        """As ``_Run.check_rows``, inlined for a repeat with fixed rules."""
        f = p.field
        if p.required_expr is not None or p.repeat_count is not None:
            assert err.startswith("run.error(")  # its errors go straight to the run
            self.emit(depth, f"run.check_rows({self.k(p)}, {cont}, {ctx}, {path}, {pos})")
            return
        lo = f.min_rows if f.min_rows is not None else (1 if f.required is True else 0)
        self.emit(depth, f"n = len({cont}.get({lit(p.name)}) or ())")
        if lo > 0:
            self.emit(depth, f"if n < {self.k(lo)} and not partial:", "    " + err.format(
                path=path, msg=f"message('min_rows', lang, n={self.k(lo)})"))
        if f.max_rows is not None:
            hi = self.k(f.max_rows)
            self.emit(depth, f"if n > {hi}:", "    " + err.format(
                path=path, msg=f"message('max_rows', lang, n={hi})"))

    def run_all(self, want_paths: bool) -> None:
        """``run_all(...)``: evaluate the record, then (``do_check``) check it."""
        self.emit(0, "def run_all(run, top, env, ctx0, paths, do_check, bad, partial, lang):",
                  "    env.ctx = ctx0", "    env.position = 0")
        for ps in _runs(self.plan.eval_order, merge=_row_local):
            if ps[0].repeats:
                self.evaluate_rows(ps, want_paths)
            else:
                self.evaluate_step(ps[0], want_paths)
        self.emit(1, "if not do_check:", "    return None", "env.ctx = ctx0", "env.position = 0")
        order = [p for p in self.plan.check_order if p.name in self.done]  # others: never
        for ps in _runs(order, merge=_plain_rows_check):                  # relevant
            if ps[0].repeats:
                self.check_rows_of(ps)
            else:
                self.check_field(ps[0])
        self.emit(1, "return None")

    # ------------------------------------------------------------ output

    def ordered_fast(self, scope: str | None) -> None:
        """``ordered_fast_N(container)`` for a container from the generated ingest: it
        is in form order already, so it is the answer once the places kept for
        calculations that gave nothing (None) are dropped."""
        self.emit(0, f"def ordered_fast_{self.scope_no[scope]}(c):")
        for p in self.plan.fields.values():
            n = lit(p.name)
            if p.scope != scope:
                continue
            if p.calculation is not None and p.kind != _REPEAT:
                self.emit(1, f"if c.get({n}, M) is None:", f"    del c[{n}]")
            elif p.kind == _REPEAT:
                self.emit(1, f"v = c.get({n})", "if v is not None:", "    for row in v:",
                          f"        ordered_fast_{self.scope_no[p.name]}(row)")
        self.emit(1, "return c")



def _runs(ps: Iterable[_FieldPlan], merge: Callable[[_FieldPlan], bool]
          ) -> Iterator[list[_FieldPlan]]:
    """``ps`` cut into runs: one top-level field each, or consecutive fields of the same
    rows that may share one loop over them (``merge``; otherwise alone)."""
    run: list[_FieldPlan] = []
    for p in ps:
        if run and (not p.repeats or p.repeats != run[0].repeats or not merge(p)
                    or not merge(run[0])):
            yield run
            run = []
        run.append(p)
        if not p.repeats:
            yield run
            run = []
    if run:
        yield run


def _row_local(p: _FieldPlan) -> bool:
    """Whether ``p``'s relevance and calculation read no other row than their own: no
    ``indexed-repeat`` (which reads given rows of a repeat). A field of the same rows
    is read in the row being evaluated, in both orders of the steps the same: when a
    step runs for a row, the steps before it have run for that row and the later ones
    have not, whether the steps go row by row or field by field."""
    for e in (p.info.relevant, p.info.calculation):
        if e is not None and "indexed-repeat" in e.functions:
            return False
    return True


def _plain_rows_check(p: _FieldPlan) -> bool:
    """Whether ``p``'s checks add their errors themselves (not through _Run.check_rows)."""
    return not (p.kind == _REPEAT and (p.required_expr is not None
                                       or p.repeat_count is not None))
