"""XLSForm fidelity fixtures (issue 17): the classes of real Kobo/ODK forms.

Each fixture: sheets, extra files written beside the workbook, a record that
must validate, and records that must be refused (each breaking one rule, with
the field the error names). Generated as .xlsx at test time like
make_fixtures.py:  python tests/xlsforms/fidelity_fixtures.py OUTDIR
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from make_fixtures import Sheets, write_xlsx


@dataclass
class Fixture:
    sheets: Sheets
    good: dict[str, Any]
    bad: list[tuple[dict[str, Any], str]]  # (record, field named in the error)
    files: dict[str, str] = field(default_factory=dict)


def _yn(langs: list[str], yes: list[str], no: list[str]) -> list[list[str]]:
    return [["yes_no", "yes", *yes], ["yes_no", "no", *no]]


FIXTURES: dict[str, Fixture] = {}

# 1. Dari only, right to left, required spelled TRUE, a constraint message in Dari.
FIXTURES["dari_intake"] = Fixture({
    "survey": [
        ["type", "name", "label::Dari (fa-AF)", "required", "constraint",
         "constraint_message::Dari (fa-AF)", "relevant"],
        ["text", "nam", "نام", "TRUE"],
        ["integer", "sen", "سن", "True", ". >= 18", "باید بزرگسال باشد"],
        ["select_one yes_no", "tahdid", "آیا تهدید شده‌اید؟", "yes"],
        ["text", "joziat", "جزئیات تهدید", "", "string-length(.) > 3", "بیشتر بنویسید",
         "${tahdid} = 'yes'"],
    ],
    "choices": [["list_name", "name", "label::Dari (fa-AF)"], *_yn([], ["بلی"], ["نخیر"])],
    "settings": [["form_title", "form_id", "version"], ["فورم ثبت", "dari_intake", "3"]],
}, {"nam": "زرمینه", "sen": "۳۴", "tahdid": "yes", "joziat": "تهدید تلفنی"},
    [({"nam": "x", "sen": 12, "tahdid": "no"}, "sen"),
     ({"nam": "x", "sen": 30, "tahdid": "yes", "joziat": "ab"}, "joziat"),
     ({"sen": 30, "tahdid": "no"}, "nam")])

# 2. Pashto with hints and a date constraint.
FIXTURES["pashto_survey"] = Fixture({
    "survey": [
        ["type", "name", "label::Pashto (ps)", "hint::Pashto (ps)", "required", "constraint",
         "constraint_message::Pashto (ps)"],
        ["text", "num", "نوم", "لکه څنګه چې لیکل کېږي", "yes"],
        ["date", "rasedal", "د رسېدو نېټه", "", "yes", ". <= today()", "نه په راتلونکي کې"],
        ["decimal", "aid", "میاشتنی عاید", "", "", ". >= 0", "منفي نه شي کېدای"],
    ],
    "settings": [["form_id", "version", "default_language"], ["pashto_survey", "1",
                                                             "Pashto (ps)"]],
}, {"num": "ګل", "rasedal": "2024-03-01", "aid": "1500.5"},
    [({"num": "ګل", "rasedal": "2999-01-01"}, "rasedal"),
     ({"num": "ګل", "rasedal": "2024-01-01", "aid": -3}, "aid")])

# 3. Urdu and Arabic, both right to left, with English; choices in all three.
FIXTURES["urdu_arabic"] = Fixture({
    "survey": [
        ["type", "name", "label::English (en)", "label::Urdu (ur)", "label::Arabic (ar)",
         "required", "constraint"],
        ["text", "name", "Name", "نام", "الاسم", "yes"],
        ["select_multiple needs", "needs", "Needs", "ضروریات", "الاحتياجات", "yes",
         "not(selected(., 'none') and count-selected(.) > 1)"],
    ],
    "choices": [["list_name", "name", "label::English (en)", "label::Urdu (ur)",
                 "label::Arabic (ar)"],
                ["needs", "legal", "Legal", "قانونی", "قانونية"],
                ["needs", "shelter", "Shelter", "پناہ", "مأوى"],
                ["needs", "none", "None", "کوئی نہیں", "لا شيء"]],
    "settings": [["form_id", "version"], ["urdu_arabic", "2"]],
}, {"name": "Ali", "needs": ["legal", "shelter"]},
    [({"name": "Ali", "needs": ["legal", "none"]}, "needs"),
     ({"name": "Ali", "needs": ["food"]}, "needs")])

# 4. Every metadata row Kobo adds; never a reason to refuse the form.
FIXTURES["metadata_rows"] = Fixture({
    "survey": [
        ["type", "name", "label", "required"],
        ["start", "start"], ["end", "end"], ["today", "today"], ["deviceid", "deviceid"],
        ["username", "username"], ["phonenumber", "phonenumber"], ["simserial", "simserial"],
        ["subscriberid", "subscriberid"], ["email", "email"], ["audit", "audit"],
        ["text", "q", "Question", "yes"],
    ],
    "settings": [["form_id", "version"], ["metadata_rows", "1"]],
}, {"q": "answer"}, [({}, "q")])

# 5. rank: the order is the value.
FIXTURES["rank_priorities"] = Fixture({
    "survey": [
        ["type", "name", "label", "required", "constraint"],
        ["rank needs", "priorities", "Put the needs in order", "yes",
         "selected-at(., 0) != 'none'"],
    ],
    "choices": [["list_name", "name", "label"], ["needs", "safety", "Safety"],
                ["needs", "money", "Money"], ["needs", "none", "Nothing"]],
    "settings": [["form_id", "version"], ["rank_priorities", "1"]],
}, {"priorities": ["money", "safety", "none"]},
    [({"priorities": ["none", "money"]}, "priorities"),
     ({"priorities": ["money", "money"]}, "priorities")])

# 6. Location questions typed by hand.
FIXTURES["geopoint_site"] = Fixture({
    "survey": [
        ["type", "name", "label", "required"],
        ["geopoint", "site", "Where did it happen?", "yes"],
        ["geotrace", "route", "Route taken"],
        ["geoshape", "area", "Area"],
    ],
    "settings": [["form_id", "version"], ["geopoint_site", "1"]],
}, {"site": "34.5281 69.1723 1800 10", "route": "34.5 69.1; 33.9 67.7",
    "area": "34.5 69.1;34.6 69.2;34.4 69.3"},
    [({"site": "95 69"}, "site"), ({"site": "34.5 69.1", "route": "34.5 69.1"}, "route"),
     ({}, "site")])

# 7. A calculated total that must equal 100 (and is required).
FIXTURES["calc_total"] = Fixture({
    "survey": [
        ["type", "name", "label", "calculation", "constraint", "constraint_message",
         "required"],
        ["integer", "food", "Food %", "", ". >= 0"],
        ["integer", "rent", "Rent %", "", ". >= 0"],
        ["integer", "other", "Other %", "", ". >= 0"],
        ["calculate", "total", "", "${food} + ${rent} + ${other}", ". = 100",
         "The shares must add up to 100", "yes"],
    ],
    "settings": [["form_id", "version"], ["calc_total", "1"]],
}, {"food": 50, "rent": 30, "other": 20},
    [({"food": 50, "rent": 30, "other": 10}, "total"),
     ({"food": -5, "rent": 85, "other": 20}, "food")])

# 8. Nested repeats whose questions reuse names from other repeats; position(..).
FIXTURES["nested_reused"] = Fixture({
    "survey": [
        ["type", "name", "label", "calculation", "constraint", "required"],
        ["begin_repeat", "household", "Household"],
        ["text", "name", "Household name", "", "", "yes"],
        ["calculate", "hh_no", "", "position(..)"],
        ["begin_repeat", "member", "Member"],
        ["text", "name", "Member name", "", "", "yes"],
        ["integer", "age", "Age", "", ". < 120"],
        ["end_repeat"],
        ["end_repeat"],
        ["begin_repeat", "threat", "Threat"],
        ["text", "name", "Who threatened", "", "", "yes"],
        ["integer", "age", "Their age", "", ". < 120"],
        ["end_repeat"],
    ],
    "settings": [["form_id", "version"], ["nested_reused", "1"]],
}, {"household": [{"name": "A", "member": [{"member_name": "A1", "age": 3}]}],
    "threat": [{"threat_name": "T", "threat_age": 40}]},
    [({"household": [{"name": "A", "member": [{"member_name": "A1",
                                               "age": 300}]}]}, "member[0].age"),
     ({"threat": [{"threat_age": 40}]}, "threat_name")])

# 9. Cascading selects with the same district name under two provinces.
FIXTURES["cascading_dups"] = Fixture({
    "survey": [
        ["type", "name", "label", "choice_filter", "required"],
        ["select_one province", "province", "Province", "", "yes"],
        ["select_one district", "district", "District", "province=${province}", "yes"],
    ],
    "choices": [["list_name", "name", "label", "province"],
                ["province", "kabul", "Kabul"], ["province", "herat", "Herat"],
                ["district", "center", "Kabul centre", "kabul"],
                ["district", "paghman", "Paghman", "kabul"],
                ["district", "center", "Herat centre", "herat"],
                ["district", "guzara", "Guzara", "herat"]],
    "settings": [["form_id", "version", "allow_choice_duplicates"],
                 ["cascading_dups", "1", "Yes "]],
}, {"province": "herat", "district": "center"},
    [({"province": "herat", "district": "paghman"}, "district"),
     ({"province": "kabul", "district": "guzara"}, "district")])

# 10. select_one_external with an external_choices sheet.
FIXTURES["external_sheet"] = Fixture({
    "survey": [
        ["type", "name", "label", "choice_filter", "required"],
        ["select_one province", "province", "Province", "", "yes"],
        ["select_one_external camp", "camp", "Camp", "province=${province}", "yes"],
    ],
    "choices": [["list_name", "name", "label"], ["province", "kp", "Khyber Pakhtunkhwa"],
                ["province", "bal", "Balochistan"]],
    "external_choices": [["list_name", "name", "label", "province"],
                         ["camp", "jalozai", "Jalozai", "kp"],
                         ["camp", "kacha_garhi", "Kacha Garhi", "kp"],
                         ["camp", "pishin", "Pishin", "bal"]],
    "settings": [["form_id", "version"], ["external_sheet", "1"]],
}, {"province": "kp", "camp": "jalozai"},
    [({"province": "bal", "camp": "jalozai"}, "camp"),
     ({"province": "kp", "camp": "nowhere"}, "camp")])

# 11. select_one_from_file / select_multiple_from_file with CSVs and a filter.
FIXTURES["from_file_csv"] = Fixture({
    "survey": [
        ["type", "name", "label", "choice_filter", "required"],
        ["select_one_from_file provinces.csv", "province", "Province", "", "yes"],
        ["select_one_from_file communities.csv", "community", "Community",
         "province=${province}", "yes"],
        ["select_multiple_from_file needs.csv", "needs", "Needs"],
    ],
    "settings": [["form_id", "version"], ["from_file_csv", "1"]],
}, {"province": "kabul", "community": "c2", "needs": ["legal", "food"]},
    [({"province": "herat", "community": "c2"}, "community"),
     ({"province": "kabul", "community": "c2", "needs": ["gold"]}, "needs")],
    files={"provinces.csv": "name,label\nkabul,Kabul\nherat,Herat\n",
           "communities.csv": "name,label::English (en),label::Dari (fa-AF),province\n"
                              "c1,Community 1,جامعه ۱,herat\nc2,Community 2,جامعه ۲,kabul\n",
           "needs.csv": "name,label\nlegal,Legal aid\nfood,Food\n"})

# 12. select_one_from_file with an XML list.
FIXTURES["from_file_xml"] = Fixture({
    "survey": [["type", "name", "label", "required"],
               ["select_one_from_file offices.xml", "office", "Office", "yes"]],
    "settings": [["form_id", "version"], ["from_file_xml", "1"]],
}, {"office": "isb"}, [({"office": "lhr"}, "office"), ({}, "office")],
    files={"offices.xml": "<root><item><name>isb</name><label>Islamabad</label></item>"
                          "<item><name>pew</name><label>Peshawar</label></item></root>"})

# 13. select_one_from_file with GeoJSON (value: feature id, label: title).
FIXTURES["from_file_geojson"] = Fixture({
    "survey": [["type", "name", "label", "required"],
               ["select_one_from_file sites.geojson", "site", "Site", "yes"]],
    "settings": [["form_id", "version"], ["from_file_geojson", "1"]],
}, {"site": "s2"}, [({"site": "s9"}, "site")],
    files={"sites.geojson": json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "s1", "properties": {"title": "Site one"},
         "geometry": {"type": "Point", "coordinates": [71.5, 34.0]}},
        {"type": "Feature", "id": "s2", "properties": {"title": "Site two"},
         "geometry": {"type": "Point", "coordinates": [67.0, 30.2]}}]})})

# 14. required/read_only in every spelling ODK accepts, and as an expression.
FIXTURES["required_spellings"] = Fixture({
    "survey": [
        ["type", "name", "label", "required", "read_only", "default"],
        ["text", "a", "A", "yes"], ["text", "b", "B", "true"], ["text", "c", "C", "TRUE"],
        ["text", "d", "D", "True"], ["text", "e", "E", "T"], ["text", "f", "F", "1"],
        ["text", "g", "G", "true()"], ["text", "h", "H", "${a} = 'x'"],
        ["text", "i", "I", "no", "yes", "fixed"], ["text", "j", "J", "false()", "TRUE"],
    ],
    "settings": [["form_id", "version"], ["required_spellings", "1"]],
}, {"a": "x", "b": "1", "c": "1", "d": "1", "e": "1", "f": "1", "g": "1", "h": "1"},
    [({"b": "1", "c": "1", "d": "1", "e": "1", "f": "1", "g": "1"}, "a"),
     ({"a": "x", "b": "1", "c": "1", "d": "1", "e": "1", "f": "1", "g": "1"}, "h"),
     ({"a": "1", "b": "1", "c": "1", "d": "1", "f": "1", "g": "1"}, "e")])

# 15. Columns the app does not act on: kept, exported back, listed once.
FIXTURES["unacted_columns"] = Fixture({
    "survey": [
        ["type", "name", "label", "guidance_hint", "media::image", "parameters",
         "appearance", "$kuid", "required"],
        ["select_one colours", "colour", "Colour", "Ask slowly", "colours.png",
         "randomize=true", "horizontal", "abc123", "yes"],
        ["text", "why", "Why?", "", "", "", "multiline", "def456"],
        ["image", "photo", "Photo", "", "", "max-pixels=1024"],
    ],
    "choices": [["list_name", "name", "label"], ["colours", "red", "Red"],
                ["colours", "blue", "Blue"]],
    "settings": [["form_id", "version", "instance_name"],
                 ["unacted_columns", "1", "concat('c-', ${colour})"]],
}, {"colour": "red", "why": "it is\nred"}, [({"colour": "green"}, "colour"), ({}, "colour")])

# 16. The same name in different groups (valid XLSForm; nothing refers to it).
FIXTURES["dup_names_groups"] = Fixture({
    "survey": [
        ["type", "name", "label", "required", "constraint"],
        ["begin_group", "victim", "Victim"], ["text", "name", "Name", "yes"],
        ["integer", "age", "Age", "", ". >= 0"], ["end_group"],
        ["begin_group", "witness", "Witness"], ["text", "name", "Name", "yes"],
        ["integer", "age", "Age", "", ". >= 0"], ["end_group"],
    ],
    "settings": [["form_id", "version"], ["dup_names_groups", "1"]],
}, {"name": "V", "age": 30, "witness_name": "W", "witness_age": 40},
    [({"name": "V", "witness_name": "W", "witness_age": -1}, "witness_age"),
     ({"name": "V"}, "witness_name")])

# 17. Expressions: strings, dates, selected-at, count-selected, once(), uuid().
FIXTURES["expressions"] = Fixture({
    "survey": [
        ["type", "name", "label", "calculation", "constraint", "relevant", "required"],
        ["text", "code", "Case code", "", "regex(., '^[A-Z]{2}-[0-9]{3}$')", "", "yes"],
        ["calculate", "prefix", "", "substr(${code}, 0, 2)"],
        ["calculate", "upper", "", "concat(${prefix}, '/', string-length(${code}))"],
        ["date", "born", "Born", "", ". < today() and . > date('1900-01-01')"],
        ["calculate", "age_days", "", "int(decimal-date-time(today()) - "
                                      "decimal-date-time(${born}))"],
        ["select_multiple risks", "risks", "Risks", "", "count-selected(.) <= 2"],
        ["calculate", "first_risk", "", "selected-at(${risks}, 0)"],
        ["text", "why_arrest", "Why arrest?", "", "", "${first_risk} = 'arrest'", "yes"],
        ["calculate", "uid", "", "once(uuid())"],
        ["calculate", "rounded", "", "round(2.567, 2)"],
        ["calculate", "fmt", "", "format-date(${born}, '%Y/%m')"],
    ],
    "choices": [["list_name", "name", "label"], ["risks", "arrest", "Arrest"],
                ["risks", "return", "Forced return"], ["risks", "other", "Other"]],
    "settings": [["form_id", "version"], ["expressions", "1"]],
}, {"code": "AB-123", "born": "1990-05-01", "risks": ["arrest"], "why_arrest": "visa"},
    [({"code": "ab-123"}, "code"), ({"code": "AB-123", "born": "1850-01-01"}, "born"),
     ({"code": "AB-123", "risks": ["arrest", "return", "other"], "why_arrest": "x"},
      "risks"),
     ({"code": "AB-123", "risks": ["arrest"]}, "why_arrest")])

# 18. range, time, datetime, barcode: kept with their meaning as far as it goes.
FIXTURES["range_time"] = Fixture({
    "survey": [
        ["type", "name", "label", "parameters", "constraint"],
        ["range", "fear", "Fear 1-5", "start=1 end=5 step=1", ". != 3"],
        ["time", "when", "Time"], ["datetime", "stamp", "Date and time"],
        ["barcode", "card", "Card number"],
    ],
    "settings": [["form_id", "version"], ["range_time", "1"]],
}, {"fear": 4, "when": "10:30", "card": "123"},
    [({"fear": 9}, "fear"), ({"fear": 3}, "fear")])

# 19. Fixed repeat count and indexed-repeat into it.
FIXTURES["indexed_repeat"] = Fixture({
    "survey": [
        ["type", "name", "label", "repeat_count", "calculation", "constraint"],
        ["begin_repeat", "child", "Child", "2"],
        ["integer", "child_age", "Age", "", "", ". < 18"],
        ["end_repeat"],
        ["calculate", "first_age", "", "", "indexed-repeat(${child_age}, ${child}, 1)"],
        ["calculate", "n_children", "", "", "count(${child})"],
    ],
    "settings": [["form_id", "version"], ["indexed_repeat", "1"]],
}, {"child": [{"child_age": 5}, {"child_age": 9}]},
    [({"child": [{"child_age": 5}]}, "child"),
     ({"child": [{"child_age": 5}, {"child_age": 19}]}, "child[1].child_age")])

# 20. Four languages (English, Dari, Pashto, Urdu), RTL labels, relevance across groups.
FIXTURES["four_languages"] = Fixture({
    "survey": [
        ["type", "name", "label::English (en)", "label::Dari (fa-AF)", "label::Pashto (ps)",
         "label::Urdu (ur)", "required", "relevant", "constraint"],
        ["begin_group", "person", "Person", "شخص", "کس", "شخص"],
        ["text", "full_name", "Full name", "نام کامل", "بشپړ نوم", "پورا نام", "yes"],
        ["select_one yes_no", "detained", "Ever detained?", "بازداشت شده؟", "نیول شوی؟",
         "گرفتار ہوئے؟", "yes"],
        ["end_group"],
        ["begin_group", "detention", "Detention", "بازداشت", "نیونه", "گرفتاری", "",
         "${detained} = 'yes'"],
        ["integer", "days", "Days", "روزها", "ورځې", "دن", "yes", "", ". > 0"],
        ["end_group"],
    ],
    "choices": [["list_name", "name", "label::English (en)", "label::Dari (fa-AF)",
                 "label::Pashto (ps)", "label::Urdu (ur)"],
                ["yes_no", "yes", "Yes", "بلی", "هو", "ہاں"],
                ["yes_no", "no", "No", "نخیر", "نه", "نہیں"]],
    "settings": [["form_id", "version", "default_language"],
                 ["four_languages", "1", "English (en)"]],
}, {"full_name": "Gul", "detained": "yes", "days": 12},
    [({"full_name": "Gul", "detained": "yes"}, "days"),
     ({"full_name": "Gul", "detained": "yes", "days": 0}, "days")])

# 21. Kobo export style: select_one_from_file beside a choices sheet, hints in Arabic.
FIXTURES["kobo_mixed"] = Fixture({
    "survey": [
        ["type", "name", "label::English (en)", "label::Arabic (ar)", "hint::Arabic (ar)",
         "required", "constraint"],
        ["start", "start"], ["end", "end"],
        ["select_one_from_file cities.csv", "city", "City", "المدينة", "اختر", "yes"],
        ["integer", "people", "People", "الأشخاص", "", "yes", ". > 0 and . < 50"],
    ],
    "settings": [["form_id", "version"], ["kobo_mixed", "2025"]],
}, {"city": "quetta", "people": 4},
    [({"city": "quetta", "people": 90}, "people"), ({"city": "kabul", "people": 2}, "city")],
    files={"cities.csv": "name,label::English (en),label::Arabic (ar)\n"
                         "quetta,Quetta,كويتا\npeshawar,Peshawar,بيشاور\n"})

# 22. pulldata() from a CSV given with the form.
FIXTURES["pulldata_people"] = Fixture({
    "survey": [
        ["type", "name", "label", "calculation", "constraint", "required"],
        ["text", "pid", "Case id", "", "", "yes"],
        ["calculate", "pname", "", "pulldata('people', 'name', 'id', ${pid})"],
        ["calculate", "pcity", "", "pulldata('people', 'city', 'id', ${pid})", "", "yes"],
        ["note", "show", "Name on file: ${pname}"],
    ],
    "settings": [["form_id", "version"], ["pulldata_people", "1"]],
}, {"pid": "p2"}, [({"pid": "p9"}, "pcity"), ({}, "pid")],
    files={"people.csv": "id,name,city\np1,Zarmina,Quetta\np2,Gul Ahmad,Peshawar\n"})


def big_form(questions: int = 700, lists: int = 60, per_list: int = 55) -> Sheets:
    """A 700-row form with 3,300 choices (60 lists of 55), in two languages."""
    survey: list[list[Any]] = [["type", "name", "label::English (en)", "label::Dari (fa-AF)",
                                "required", "relevant", "constraint"]]
    group = 0
    rows = 1
    i = 0
    next_list = 0  # every list used once before any is reused
    while rows < questions:
        if i % 25 == 0:
            if group:
                survey.append(["end_group"])
                rows += 1
            group += 1
            survey.append(["begin_group", f"section_{group}", f"Section {group}",
                           f"بخش {group}"])
            rows += 1
        kind = i % 5
        if kind == 0:
            survey.append([f"select_one list_{next_list % lists}", f"q{i}", f"Question {i}",
                           f"سوال {i}", "yes"])
            next_list += 1
        elif kind == 1:
            survey.append(["integer", f"q{i}", f"Number {i}", f"عدد {i}", "",
                           "", ". >= 0 and . < 1000"])
        elif kind == 2:
            survey.append(["text", f"q{i}", f"Text {i}", f"متن {i}", "",
                           f"${{q{i - 1}}} > 5"])
        elif kind == 3:
            survey.append([f"select_multiple list_{next_list % lists}", f"q{i}",
                           f"Pick {i}", f"انتخاب {i}"])
            next_list += 1
        else:
            survey.append(["date", f"q{i}", f"Date {i}", f"تاریخ {i}", "", "",
                           ". <= today()"])
        rows += 1
        i += 1
    survey.append(["end_group"])
    choices: list[list[Any]] = [["list_name", "name", "label::English (en)",
                                 "label::Dari (fa-AF)"]]
    for n in range(lists):
        for c in range(per_list):
            choices.append([f"list_{n}", f"c{c}", f"Choice {c}", f"گزینه {c}"])
    return {"survey": survey, "choices": choices,
            "settings": [["form_id", "version"], ["big_form", "1"]]}


def write_fixture(name: str, fx: Fixture, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for fname, text in fx.files.items():
        (directory / fname).write_text(text, encoding="utf-8")
    return write_xlsx(fx.sheets, directory / f"{name}.xlsx")


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "xlsforms-fidelity")
    for fx_name, fixture in FIXTURES.items():
        print(write_fixture(fx_name, fixture, out / fx_name))
    print(write_xlsx(big_form(), out / "big_form.xlsx"))
