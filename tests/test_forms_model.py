"""Form definitions: load-time checks, canonical JSON, registry, languages, digits."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_app.errors import FormError, NotFound
from intake_app.forms import (
    Form,
    FormRegistry,
    builtin_forms_dir,
    load_form_file,
    normalize_digits,
    normalize_numeric,
    text_direction,
    version_key,
)

BASE: dict[str, Any] = {
    "id": "mini",
    "version": "1",
    "languages": [{"code": "en", "name": "English", "direction": "ltr"},
                  {"code": "ur", "name": "اردو", "direction": "rtl"}],
    "choice_lists": {"yn": [{"name": "yes", "label": {"en": "Yes", "ur": "ہاں"}},
                            {"name": "no", "label": {"en": "No", "ur": "نہیں"}}]},
    "fields": [
        {"name": "a", "type": "integer", "label": {"en": "A", "ur": "اے"}},
        {"name": "b", "type": "select_one", "choices": "yn", "relevant": "${a} > 1"},
    ],
}


def with_(**changes: Any) -> dict[str, Any]:
    raw = copy.deepcopy(BASE)
    raw.update(changes)
    return raw


def field(**kw: Any) -> dict[str, Any]:
    return with_(fields=[*BASE["fields"], kw])


def test_round_trip_and_canonical_json_is_deterministic() -> None:
    form = Form.from_dict(BASE)
    data = form.canonical_json()
    assert b" " not in data.replace(b"${a} > 1", b"")
    assert json.loads(data)["id"] == "mini"
    again = Form.from_json(data)
    assert again.canonical_json() == data
    assert Form.from_json(form.pretty_json()).canonical_json() == data
    # Key order in the input does not matter.
    reordered = dict(reversed(list(BASE.items())))
    assert Form.from_dict(reordered).canonical_json() == data


def test_form_is_frozen() -> None:
    form = Form.from_dict(BASE)
    with pytest.raises(Exception):  # noqa: B017 - pydantic's frozen error
        form.id = "x"  # type: ignore[misc]


@pytest.mark.parametrize(("raw", "message"), [
    (field(name="c", type="text", relevant="nofunc(${a})"), "unknown function nofunc"),
    (field(name="c", type="text", constraint=". > ${zz}"), "unknown field ${zz}"),
    (field(name="c", type="text", relevant="pulldata('x','y','z','w')"), "pulldata"),
    (field(name="c", type="text", relevant="${a} >"), "relevant"),
    (field(name="a", type="text"), "name used twice"),
    (field(name="1bad", type="text"), "invalid name"),
    (field(name="c", type="select_one"), "needs a choice list"),
    (field(name="c", type="select_one", choices="nope"), "unknown choice list"),
    (field(name="c", type="calculate"), "needs a calculation"),
    (field(name="c", type="text", calculation="1"), "only calculate and hidden"),
    (field(name="c", type="note", required=True), "holds no value"),
    (field(name="c", type="repeat", min_rows=3, max_rows=1), "min_rows is larger"),
    (field(name="c", type="text", min_rows=1), "only repeat groups"),
    (field(name="c", type="integer", default="abc"), "default 'abc' is not valid"),
    (field(name="c", type="text", label={"de": "x"}), "undeclared language"),
    (field(name="c", type="wat"), "invalid form"),
    (field(name="c", type="text", colour="red"), "invalid form"),
    (field(name="c", type="text", children=[{"name": "d", "type": "text"}]),
     "cannot have children"),
    (field(name="c1", type="calculate", calculation="${c2}"), "unknown field"),
    (with_(fields=[{"name": "x", "type": "calculate", "calculation": "${y} + 1"},
                   {"name": "y", "type": "calculate", "calculation": "${x} + 1"}]),
     "circular"),
    (with_(default_language="ps"), "default language"),
    (with_(languages=[]), "no languages"),
    (with_(id="has space"), "invalid form id"),
    (with_(format=2), "unsupported form format"),
    (with_(choice_lists={"yn": [{"name": "a"}, {"name": "a"}]}), "appears twice"),
    (with_(choice_lists={"yn": [{"name": "a b"}]}), "without spaces"),
])
def test_bad_forms_rejected_at_load(raw: dict[str, Any], message: str) -> None:
    with pytest.raises(FormError, match=message.replace("$", r"\$").replace("{", r"\{")
                       .replace("}", r"\}").replace("(", r"\(")):
        Form.from_dict(raw)


def test_bad_json() -> None:
    with pytest.raises(FormError, match="not valid JSON"):
        Form.from_json("{nope")
    with pytest.raises(FormError, match="must be an object"):
        Form.from_json("[]")


def test_field_lookup_walk_and_texts() -> None:
    form = Form.from_dict(BASE)
    assert form.field("a").text("label", "ur") == "اے"
    assert form.field("a").text("label", "ps") == "A"  # fallback to default
    assert [f.name for f in form.walk()] == ["a", "b"]
    assert form.direction("ur") == "rtl" and form.direction("en") == "ltr"
    assert form.choice_label("yn", "yes", "ur") == "ہاں"
    assert form.title_text("en") == "mini"
    with pytest.raises(KeyError):
        form.field("zz")


def test_load_form_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text(json.dumps(field(name="c", type="text", relevant="x(")), encoding="utf-8")
    with pytest.raises(FormError, match=r"^broken\.json: .*'c'"):
        load_form_file(bad)
    with pytest.raises(FormError, match=r"missing\.json"):
        load_form_file(tmp_path / "missing.json")


def test_registry_versions_and_lookup(tmp_path: Path) -> None:
    for version in ("1", "2", "10"):
        (tmp_path / f"mini-{version}.json").write_bytes(
            Form.from_dict(with_(version=version)).canonical_json())
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "mini.json").write_text("{}", encoding="utf-8")  # not a form
    reg = FormRegistry([tmp_path])
    assert reg.get("mini").version == "10"
    assert reg.get("mini", "2").version == "2"
    assert [f.version for f in reg.list()] == ["1", "2", "10"]
    assert "mini" in reg
    with pytest.raises(NotFound, match="unknown form nope"):
        reg.get("nope")
    with pytest.raises(NotFound, match="unknown version 3"):
        reg.get("mini", "3")


def test_registry_from_objects_only() -> None:
    reg = FormRegistry()
    reg.add(Form.from_dict(BASE))
    reg.add(Form.from_dict(BASE))  # same content: fine
    with pytest.raises(FormError, match="different content"):
        reg.add(Form.from_dict(with_(title={"en": "changed"})))
    assert reg.get("mini").id == "mini"


def test_builtin_dir_and_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("INTAKE_FORMS_DIR", raising=False)
    assert (builtin_forms_dir() / "hrd_intake.json").is_file()
    assert "hrd_intake" in FormRegistry.default_registry()
    monkeypatch.setenv("INTAKE_FORMS_DIR", str(tmp_path))
    assert builtin_forms_dir() == tmp_path
    assert FormRegistry.default_registry().list() == []


def test_version_key() -> None:
    assert sorted(["2024.10", "2024.2", "2023.12", "2024.2a"], key=version_key) == [
        "2023.12", "2024.2", "2024.2a", "2024.10"]


@pytest.mark.parametrize(("lang", "direction"), [
    ("en", "ltr"), ("fa-AF", "rtl"), ("ps", "rtl"), ("ur", "rtl"), ("ar", "rtl"),
    ("prs", "rtl"), ("fr", "ltr"), ("pa-Arab", "rtl"), ("ps-Latn", "ltr"), ("fa_AF", "rtl"),
])
def test_text_direction(lang: str, direction: str) -> None:
    assert text_direction(lang) == direction


def test_digits_examples() -> None:
    assert normalize_digits("۰۱۲۳۴۵۶۷۸۹") == "0123456789"
    assert normalize_digits("٠١٢٣٤٥٦٧٨٩") == "0123456789"
    assert normalize_numeric(" ۱۲٬۵۰۰٫۷۵ ") == "12500.75"
    assert normalize_digits("نام ABC") == "نام ABC"


@given(st.integers(min_value=-(10**12), max_value=10**12), st.sampled_from(
    ["۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩", "0123456789"]))
def test_digits_property(n: int, digits: str) -> None:
    written = str(n).translate({ord(str(i)): digits[i] for i in range(10)})
    assert int(normalize_numeric(written)) == n
    assert normalize_digits(written) == str(n)


@given(st.text())
def test_normalize_digits_only_touches_digits(text: str) -> None:
    out = normalize_digits(text)
    assert len(out) == len(text)
    for a, b in zip(text, out, strict=True):
        assert a == b or (a in "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩" and b.isascii() and b.isdigit())


def test_pickle_and_copy_keep_a_working_form() -> None:
    import pickle

    form = Form.from_dict(BASE)
    for clone in (pickle.loads(pickle.dumps(form)), copy.deepcopy(form), form.model_copy()):
        assert clone.canonical_json() == form.canonical_json()
        assert clone.field("b").choices == "yn"
        assert clone.index.fields["b"].relevant is not None
