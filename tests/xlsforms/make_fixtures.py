"""XLSForm test fixtures, generated as .xlsx at test time (no binaries committed).

Each fixture is a dict of sheet name -> rows (first row = header) plus a record
that must validate once the form is imported. Run this file to write them all
to a directory for manual testing:  python tests/xlsforms/make_fixtures.py OUTDIR
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import openpyxl

Sheets = dict[str, list[list[Any]]]

# 1. Four languages, three of them right to left; settings with default_language.
MULTILANG_RTL: Sheets = {
    "survey": [
        ["type", "name", "label::English (en)", "label::Dari (fa-AF)", "label::Pashto (ps)",
         "label::Urdu (ur)", "hint::English (en)", "hint::Dari (fa-AF)", "required",
         "constraint", "constraint_message::English (en)", "constraint_message::Dari (fa-AF)",
         "constraint_message::Pashto (ps)", "constraint_message::Urdu (ur)", "relevant",
         "calculation", "appearance", "default"],
        ["today", "today"],
        ["text", "full_name", "Full name", "نام کامل", "بشپړ نوم", "پورا نام", "As written",
         "همان‌طور که نوشته می‌شود", "yes"],
        ["integer", "age", "Age", "سن", "عمر", "عمر", "", "", "yes", ". >= 18 and . < 120",
         "Must be an adult", "باید بزرگسال باشد", "باید لوی سړی وي", "بالغ ہونا چاہیے"],
        ["decimal", "income", "Monthly income (PKR)", "درآمد ماهانه", "میاشتنی عاید",
         "ماہانہ آمدنی", "", "", "no", ". >= 0", "Cannot be negative", "نمی‌تواند منفی باشد",
         "منفي نه شي کېدای", "منفی نہیں ہو سکتی"],
        ["date", "arrived", "Arrival date", "تاریخ ورود", "د رسېدو نېټه", "آمد کی تاریخ", "",
         "", "yes", ". <= today()", "Not in the future", "نه در آینده", "نه په راتلونکي کې",
         "مستقبل میں نہیں"],
        ["select_one yes_no", "has_phone", "Has a phone?", "تلفن دارد؟", "ټیلیفون لري؟",
         "فون ہے؟", "", "", "yes"],
        ["text", "phone", "Phone", "تلفن", "ټیلیفون", "فون", "", "", "yes",
         "regex(., '^[0-9]{10,12}$')", "10 to 12 digits", "۱۰ تا ۱۲ رقم", "له ۱۰ تر ۱۲ عددونه",
         "۱۰ سے ۱۲ ہندسے", "${has_phone} = 'yes'", "", "numbers"],
        ["select_multiple needs", "needs", "Needs", "نیازها", "اړتیاوې", "ضروریات", "", "",
         "yes", "not(selected(., 'none') and count-selected(.) > 1)", "None stands alone",
         "هیچ تنها", "هېڅ یوازې", "کوئی نہیں اکیلا"],
        ["calculate", "need_count", "", "", "", "", "", "", "", "", "", "", "", "", "",
         "count-selected(${needs})"],
        ["note", "summary", "Needs recorded: ${need_count}", "نیازهای ثبت‌شده: ${need_count}",
         "ثبت شوې اړتیاوې: ${need_count}", "درج ضروریات: ${need_count}"],
        ["text", "remarks", "Remarks", "ملاحظات", "ملاحظې", "تبصرے", "", "", "", "", "", "",
         "", "", "", "", "multiline"],
        ["select_one urgency", "urgency", "Urgency", "فوریت", "بېړنیتوب", "فوریت", "", "",
         "", "", "", "", "", "", "", "", "", "low"],
    ],
    "choices": [
        ["list_name", "name", "label::English (en)", "label::Dari (fa-AF)", "label::Pashto (ps)",
         "label::Urdu (ur)"],
        ["yes_no", "yes", "Yes", "بلی", "هو", "ہاں"],
        ["yes_no", "no", "No", "نخیر", "نه", "نہیں"],
        ["needs", "legal", "Legal aid", "کمک حقوقی", "حقوقي مرسته", "قانونی امداد"],
        ["needs", "medical", "Medical", "صحی", "روغتیايي", "طبی"],
        ["needs", "none", "None", "هیچ", "هېڅ", "کوئی نہیں"],
        ["urgency", "high", "High", "بالا", "لوړ", "زیادہ"],
        ["urgency", "low", "Low", "پایین", "ټیټ", "کم"],
    ],
    "settings": [
        ["form_title", "form_id", "version", "default_language"],
        ["Multilingual intake", "ml_intake", "2024061201", "English (en)"],
    ],
}
MULTILANG_RECORD = {
    "full_name": "زرمینه", "age": "۳۴", "income": "۱۲۰۰۰٫۵", "arrived": "۲۰۲۳-۰۱-۱۵",
    "has_phone": "yes", "phone": "۰۳۰۰۱۲۳۴۵۶۷", "needs": ["legal", "medical"],
}

# 2. Nested repeats with references across levels, repeat_count, position(..).
NESTED_REPEATS: Sheets = {
    "survey": [
        ["type", "name", "label", "relevant", "constraint", "calculation", "repeat_count",
         "required"],
        ["integer", "n_households", "How many households?", "", ". > 0 and . <= 5", "", "",
         "yes"],
        ["begin repeat", "household", "Household", "", "", "", "${n_households}"],
        ["text", "hh_name", "Household name", "", "", "", "", "yes"],
        ["calculate", "hh_index", "", "", "", "position(..)"],
        ["begin repeat", "member", "Member"],
        ["text", "member_name", "Member name", "", "", "", "", "yes"],
        ["integer", "member_age", "Age", "", ". >= 0 and . < 120", "", "", "yes"],
        ["select_one yn", "threatened", "Threatened?", "", "", "", "", "yes"],
        ["begin repeat", "incident", "Incident", "${threatened} = 'yes'"],
        ["date", "incident_date", "Date", "", ". <= today()", "", "", "yes"],
        ["text", "incident_what", "What happened to ${member_name}?", "", "", "", "", "yes"],
        ["end repeat"],
        ["calculate", "incident_count", "", "", "", "count(${incident})"],
        ["end repeat"],
        ["calculate", "member_count", "", "", "", "count(${member})"],
        ["end repeat"],
        ["calculate", "total_age", "", "", "", "sum(${member_age})"],
        ["calculate", "first_hh", "", "", "", "indexed-repeat(${hh_name}, ${household}, 1)"],
        ["note", "done", "Total age ${total_age}"],
    ],
    "choices": [
        ["list_name", "name", "label"],
        ["yn", "yes", "Yes"],
        ["yn", "no", "No"],
    ],
    "settings": [["form_id", "version"], ["nested", "3"]],
}
NESTED_RECORD = {
    "n_households": 2,
    "household": [
        {"hh_name": "A", "member": [
            {"member_name": "Gul", "member_age": 40, "threatened": "yes",
             "incident": [{"incident_date": "2024-02-01", "incident_what": "Night letter"}]},
            {"member_name": "Zia", "member_age": 12, "threatened": "no"},
        ]},
        {"hh_name": "B", "member": [
            {"member_name": "Lina", "member_age": 30, "threatened": "no"},
        ]},
    ],
}

# 3. Cascading selects (choice_filter), or_other, settings without version.
CASCADING: Sheets = {
    "survey": [
        ["type", "name", "label::English (en)", "label::Pashto (ps)", "choice_filter",
         "required"],
        ["select_one country", "country", "Country", "هېواد", "", "yes"],
        ["select_one province", "province", "Province", "ولایت", "country=${country}", "yes"],
        ["select_one district", "district", "District", "ولسوالۍ",
         "province=${province} and country=${country}", "yes"],
        ["select_multiple work or_other", "work", "Work", "کار", "", "yes"],
        ["select_one channel or_other", "channel", "Channel", "لار", "", ""],
    ],
    "choices": [
        ["list_name", "name", "label::English (en)", "label::Pashto (ps)", "country",
         "province"],
        ["country", "af", "Afghanistan", "افغانستان"],
        ["country", "pk", "Pakistan", "پاکستان"],
        ["province", "kabul", "Kabul", "کابل", "af"],
        ["province", "herat", "Herat", "هرات", "af"],
        ["province", "kp", "Khyber Pakhtunkhwa", "خیبر پښتونخوا", "pk"],
        ["district", "paghman", "Paghman", "پغمان", "af", "kabul"],
        ["district", "guzara", "Guzara", "ګذره", "af", "herat"],
        ["district", "peshawar", "Peshawar", "پېښور", "pk", "kp"],
        ["work", "journalism", "Journalism", "خبریالي"],
        ["work", "law", "Law", "حقوق"],
        ["channel", "signal", "Signal", "سیګنال"],
    ],
    "settings": [["form_title", "form_id"], ["Cascading", "cascade"]],
}
CASCADING_RECORD = {
    "country": "af", "province": "herat", "district": "guzara",
    "work": ["journalism", "other"], "work_other": "Poetry",
}

# 4. Legacy aliases: select1, add select one prompt using, select all that apply,
#    begin_group/end_group, begin_repeat, int, string, relevance/caption/constraining_message.
LEGACY: Sheets = {
    "survey": [
        ["type", "name", "caption", "relevance", "constraint", "constraining_message",
         "required", "read_only"],
        ["begin_group", "personal", "Personal"],
        ["string", "nick", "Nickname"],
        ["int", "kids", "Children", "", ". >= 0", "Not negative", "true()"],
        ["select1 yn", "married", "Married?", "", "", "", "TRUE"],
        ["add select one prompt using yn", "employed", "Employed?"],
        ["select all that apply langs", "langs", "Languages", "", "", "", "yes"],
        ["end_group"],
        ["begin_repeat", "child", "Child", "${kids} > 0"],
        ["text", "child_name", "Name", "", "", "", "yes"],
        ["end_repeat"],
        ["begin group", "work", "Work", "${employed} = 'yes'"],
        ["decimal", "salary", "Salary", "", ". > 0"],
        ["string", "ro", "Read only", "", "", "", "", "yes"],
        ["end group"],
        ["photo", "portrait", "Photo (optional)"],
        ["audio", "voice", "Voice note"],
        ["file", "doc", "Document"],
    ],
    "choices": [
        ["list name", "name", "label"],
        ["yn", "yes", "Yes"],
        ["yn", "no", "No"],
        ["langs", "dari", "Dari"],
        ["langs", "pashto", "Pashto"],
    ],
    "settings": [["set_form_id", "set_form_title", "version"], ["legacy", "Legacy", "1.2"]],
}
LEGACY_RECORD = {
    "nick": "Z", "kids": 1, "married": "no", "employed": "yes", "langs": "dari pashto",
    "child": [{"child_name": "Ali"}], "salary": "۵۰۰۰", "portrait":
    "0123456789abcdef0123456789abcdef",
}

# 5. A messy sheet: padded headers, blank rows between and after, extra columns and
#    sheets, a label column without language code, a language without a code.
MESSY: Sheets = {
    "Instructions": [["Read me"], ["Fill the survey sheet"]],
    "survey": [
        ["type ", " name", "label::English", "label::Urdu (ur)", "Translator notes",
         "required", "constraint", "relevant", "hint::English"],
        ["text", "q1", "First question", "پہلا سوال", "check wording", "yes"],
        [None, None, None, None],
        ["integer", "q2", "A number", "ایک عدد", "", "", ". < 1000", "", "below 1000"],
        ["", "", "", "", "   "],
        ["select_one  colours", "q3", "Colour", "رنگ", "", "yes", "", "${q2} > 5"],
        ["note", "q4", "Thanks", "شکریہ"],
        [None] * 9,
        [None] * 9,
        [None] * 9,
    ],
    "choices": [
        ["list_name", "name", "label::English", "label::Urdu (ur)", "colour_hex"],
        ["colours", "red", "Red", "سرخ", "#f00"],
        ["colours", "blue", "Blue", "نیلا", "#00f"],
        [None, None, None, None, None],
        ["unused_list", "x", "X", "ایکس"],
    ],
    "settings": [
        ["form_title", "form_id", "version", "instance_name", "public_key", "style"],
        ["Messy form", "messy-form", "2023.11.02", "concat(${q1}, '-', ${q2})", "", "pages"],
    ],
    "old_version": [["type", "name"], ["text", "obsolete"]],
}
MESSY_RECORD = {"q1": "hello", "q2": 7, "q3": "blue"}

# 6. Kobo style: metadata rows, field-list groups, $kuid column, image, acknowledge,
#    range, geopoint (dropped: no GPS), dynamic default and required expression.
KOBO: Sheets = {
    "survey": [
        ["type", "name", "label::English (en)", "label::Dari (prs)", "required", "appearance",
         "parameters", "$kuid", "relevant", "default", "calculation"],
        ["start", "start", "", "", "", "", "", "k1"],
        ["end", "end", "", "", "", "", "", "k2"],
        ["deviceid", "deviceid", "", "", "", "", "", "k3"],
        ["begin_group", "grp", "Basics", "اساسات", "", "field-list", "", "k4"],
        ["acknowledge", "ack", "I understand", "می‌فهمم", "true", "", "", "k5"],
        ["range", "score", "Score", "امتیاز", "", "", "start=1 end=5 step=1", "k6"],
        ["geopoint", "location", "Location", "موقعیت", "", "", "", "k7"],
        ["text", "town", "Town", "شهر", "${score} > 3", "", "", "k8"],
        ["end_group", "", "", "", "", "", "", "k9"],
        ["image", "pic", "Picture", "عکس", "", "", "", "k10"],
        ["text", "greeting", "Greeting", "سلام", "", "", "", "k11", "", "hello"],
        ["decimal", "double", "Double", "دوبرابر", "", "", "", "k12", "", "",
         "${score} * 2"],
    ],
    "settings": [["id_string", "version", "default_language"],
                 ["kobo_form", "vAbc123", "English (en)"]],
}
KOBO_RECORD = {"ack": "yes", "score": 4, "town": "Quetta",
               "pic": "ffffffffffffffffffffffffffffffff", "start": "2025-01-01T10:00:00"}

POSITIVE: dict[str, tuple[Sheets, dict[str, Any]]] = {
    "multilang_rtl": (MULTILANG_RTL, MULTILANG_RECORD),
    "nested_repeats": (NESTED_REPEATS, NESTED_RECORD),
    "cascading": (CASCADING, CASCADING_RECORD),
    "legacy_aliases": (LEGACY, LEGACY_RECORD),
    "messy": (MESSY, MESSY_RECORD),
    "kobo_style": (KOBO, KOBO_RECORD),
}

# Negative fixtures: sheets and a fragment the error must contain.
NEGATIVE: dict[str, tuple[Sheets, str]] = {
    "pulldata": ({
        "survey": [["type", "name", "label", "calculation"],
                   ["text", "pid", "Person id"],
                   ["calculate", "pname", "", "pulldata('people', 'name', 'id', ${pid})"]],
    }, "row 3"),
    "from_file_missing": ({
        "survey": [["type", "name", "label"],
                   ["text", "a", "A"],
                   ["select_one_from_file districts.csv", "district", "District"]],
    }, "row 3"),
    "unknown_function": ({
        "survey": [["type", "name", "label", "relevant"],
                   ["integer", "a", "A"],
                   ["text", "b", "B", "frobnicate(${a}) > 1"]],
    }, "row 3"),
    "unknown_ref": ({
        "survey": [["type", "name", "label", "relevant"],
                   ["integer", "a", "A"],
                   ["text", "b", "B", "${nothere} > 1"]],
    }, "row 3"),
    # The same name in two groups is valid XLSForm; a reference to it is ambiguous.
    "ambiguous_reference": ({
        "survey": [["type", "name", "label", "relevant"],
                   ["begin group", "g1", "G1"], ["text", "x", "X"], ["end group"],
                   ["begin group", "g2", "G2"], ["text", "x", "X again"], ["end group"],
                   ["text", "y", "Y", "${x} = 'a'"]],
    }, "row 8"),
    "circular": ({
        "survey": [["type", "name", "label", "calculation"],
                   ["calculate", "c1", "", "${c2} + 1"],
                   ["calculate", "c2", "", "${c1} + 1"]],
    }, "circular"),
    "path_expression": ({
        "survey": [["type", "name", "label", "relevant"],
                   ["integer", "a", "A"],
                   ["text", "b", "B", "/data/a > 1"]],
    }, "row 3"),
}


def write_xlsx(sheets: Sheets, path: Path) -> Path:
    wb = openpyxl.Workbook()
    first = True
    for title, rows in sheets.items():
        ws = wb.active if first else wb.create_sheet()
        assert ws is not None
        ws.title = title
        first = False
        for row in rows:
            ws.append(list(row))
    wb.save(path)
    return path


def write_all(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    out = [write_xlsx(s, directory / f"{name}.xlsx") for name, (s, _) in POSITIVE.items()]
    out += [write_xlsx(s, directory / f"bad_{name}.xlsx") for name, (s, _) in NEGATIVE.items()]
    return out


if __name__ == "__main__":
    for p in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "xlsforms-out")):
        print(p)
