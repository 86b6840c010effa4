"""Languages, text direction, digit normalisation and the built-in messages.

Pure Python, no Qt. The four working languages are English (``en``), Dari
(``fa-AF``), Pashto (``ps``) and Urdu (``ur``); a form may declare others.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

Direction = Literal["ltr", "rtl"]

CORE_LANGUAGES: tuple[str, ...] = ("en", "fa-AF", "ps", "ur")
DEFAULT_LANGUAGE = "en"

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "fa-AF": "دری",
    "ps": "پښتو",
    "ur": "اردو",
}

# Primary subtags of languages written right to left (BCP 47 primary tags).
_RTL_PRIMARY = frozenset(
    {"ar", "fa", "prs", "ps", "pbt", "pbu", "ur", "he", "iw", "yi", "sd", "ug", "ckb", "dv",
     "ks", "ku-arab", "syr", "bal", "bqi", "glk", "mzn", "lrc", "skr", "pnb", "uz-arab"}
)
_RTL_SCRIPTS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"})
_LTR_SCRIPTS = frozenset({"latn", "cyrl"})


def text_direction(lang: str) -> Direction:
    """``"rtl"`` for Dari, Pashto, Urdu, Arabic, Hebrew ...; ``"ltr"`` otherwise.

    An explicit script subtag wins (``pa-Arab`` is rtl, ``ps-Latn`` is ltr).
    """
    parts = lang.replace("_", "-").lower().split("-")
    for sub in parts[1:]:
        if sub in _RTL_SCRIPTS:
            return "rtl"
        if sub in _LTR_SCRIPTS:
            return "ltr"
    return "rtl" if parts[0] in _RTL_PRIMARY else "ltr"


# ---------------------------------------------------------------- digits

_DIGIT_TABLE = {ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")}
_DIGIT_TABLE.update({ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")})
# Arabic decimal separator, Arabic thousands separator, Arabic minus-like marks.
_NUMERIC_TABLE: dict[int, str | None] = dict(_DIGIT_TABLE)
_NUMERIC_TABLE.update({0x066B: ".", 0x066C: None, 0x2212: "-", 0x200E: None, 0x200F: None,
                       0x061C: None})


def normalize_digits(text: str) -> str:
    """Replace Persian (۰–۹) and Arabic-Indic (٠–٩) digits with ASCII 0–9.

    Nothing else changes, so this is safe for any text.
    """
    if text.isascii():  # the common case, and str.translate walks every character
        return text
    return text.translate(_DIGIT_TABLE)


def normalize_numeric(text: str) -> str:
    """Normalise typed numeric/date input: digits, Arabic decimal point (٫),
    thousands separator (٬, dropped), minus sign, bidi marks; strips blanks."""
    if text.isascii():
        return text.strip()
    return text.translate(_NUMERIC_TABLE).strip()


# ---------------------------------------------------------------- messages

_MESSAGES: dict[str, dict[str, str]] = {
    "required": {
        "en": "this field is required",
        "fa-AF": "این بخش الزامی است",
        "ps": "دا برخه اړینه ده",
        "ur": "یہ خانہ لازمی ہے",
    },
    "unknown_field": {
        "en": "unknown field",
        "fa-AF": "بخش ناشناخته",
        "ps": "نامعلومه برخه",
        "ur": "نامعلوم خانہ",
    },
    "no_value": {
        "en": "this field takes no value",
        "fa-AF": "این بخش مقدار نمی‌گیرد",
        "ps": "دا برخه ارزښت نه اخلي",
        "ur": "اس خانے میں کوئی قدر درج نہیں ہوتی",
    },
    "not_integer": {
        "en": "must be a whole number",
        "fa-AF": "باید یک عدد صحیح باشد",
        "ps": "باید بشپړ عدد وي",
        "ur": "مکمل عدد ہونا چاہیے",
    },
    "not_decimal": {
        "en": "must be a number",
        "fa-AF": "باید یک عدد باشد",
        "ps": "باید عدد وي",
        "ur": "عدد ہونا چاہیے",
    },
    "not_text": {
        "en": "must be text",
        "fa-AF": "باید متن باشد",
        "ps": "باید متن وي",
        "ur": "متن ہونا چاہیے",
    },
    # A length limit, not a type: "must be text" hid the rule (translations await review).
    "too_long": {
        "en": "is longer than {n} characters",
        "fa-AF": "بیش از {n} نویسه است",
        "ps": "له {n} تورو څخه اوږد دی",
        "ur": "{n} حروف سے زیادہ لمبا ہے",
    },
    "not_date": {
        "en": "must be a date (YYYY-MM-DD)",
        "fa-AF": "باید تاریخ باشد (YYYY-MM-DD)",
        "ps": "باید نېټه وي (YYYY-MM-DD)",
        "ur": "تاریخ ہونی چاہیے (YYYY-MM-DD)",
    },
    "date_precision": {
        "en": "this date precision is not allowed here (allowed: {allowed})",
        "fa-AF": "این دقت تاریخ در اینجا مجاز نیست (مجاز: {allowed})",
        "ps": "د نېټې دا دقت دلته نه منل کېږي (منل شوي: {allowed})",
        "ur": "یہاں تاریخ کی یہ درستگی قابل قبول نہیں (قابل قبول: {allowed})",
    },
    "not_yes_no": {
        "en": "must be yes or no",
        "fa-AF": "باید بلی یا نخیر باشد",
        "ps": "باید هو یا نه وي",
        "ur": "ہاں یا نہیں ہونا چاہیے",
    },
    "not_choice": {
        "en": "'{value}' is not one of the choices",
        "fa-AF": "'{value}' از گزینه‌ها نیست",
        "ps": "'{value}' له انتخابونو څخه نه دی",
        "ur": "'{value}' دیے گئے انتخاب میں سے نہیں ہے",
    },
    "duplicate_choice": {
        "en": "'{value}' is selected more than once",
        "fa-AF": "'{value}' بیش از یک بار انتخاب شده است",
        "ps": "'{value}' له یو ځل څخه ډېر ټاکل شوی",
        "ur": "'{value}' ایک سے زیادہ بار منتخب کیا گیا ہے",
    },
    "not_attachment": {
        "en": "must be an attachment id (32 lowercase hexadecimal characters)",
        "fa-AF": "باید شناسه پیوست باشد (۳۲ نویسه هگزادسیمال کوچک)",
        "ps": "باید د ضمیمې پېژند وي (۳۲ کوچني هګزاډسیمل توري)",
        "ur": "منسلکہ کی شناخت ہونی چاہیے (۳۲ چھوٹے ہیکساڈیسیمل حروف)",
    },
    "not_geo": {
        "en": "must be latitude and longitude in degrees (e.g. 34.52 69.18), points separated by ;",
        "fa-AF": "باید عرض و طول جغرافیایی به درجه باشد (مثلاً 34.52 69.18)، نقطه‌ها با ; جدا شوند",
        "ps": "باید جغرافیايي عرض او طول په درجو وي (لکه 34.52 69.18)، ټکي په ; سره بېل شي",
        "ur": "عرض بلد اور طول بلد ڈگری میں ہونا چاہیے (مثلاً 34.52 69.18)، نقاط ; سے الگ",
    },
    "not_list": {
        "en": "must be a list of rows",
        "fa-AF": "باید فهرستی از ردیف‌ها باشد",
        "ps": "باید د قطارونو لړ وي",
        "ur": "قطاروں کی فہرست ہونی چاہیے",
    },
    "not_row": {
        "en": "each row must be an object of field names to values",
        "fa-AF": "هر ردیف باید مجموعه‌ای از نام بخش و مقدار باشد",
        "ps": "هر قطار باید د برخې نومونو او ارزښتونو ټولګه وي",
        "ur": "ہر قطار خانوں کے ناموں اور قدروں کا مجموعہ ہونی چاہیے",
    },
    "min_rows": {
        "en": "at least {n} row(s) needed",
        "fa-AF": "دست‌کم {n} ردیف لازم است",
        "ps": "لږ تر لږه {n} قطاره اړین دي",
        "ur": "کم از کم {n} قطاریں درکار ہیں",
    },
    "max_rows": {
        "en": "at most {n} row(s) allowed",
        "fa-AF": "حداکثر {n} ردیف مجاز است",
        "ps": "تر ټولو ډېر {n} قطاره منل کېږي",
        "ur": "زیادہ سے زیادہ {n} قطاریں قابل قبول ہیں",
    },
    "row_count": {
        "en": "exactly {n} row(s) needed",
        "fa-AF": "دقیقاً {n} ردیف لازم است",
        "ps": "سم {n} قطاره اړین دي",
        "ur": "ٹھیک {n} قطاریں درکار ہیں",
    },
    "constraint": {
        "en": "value is not allowed",
        "fa-AF": "این مقدار مجاز نیست",
        "ps": "دا ارزښت نه منل کېږي",
        "ur": "یہ قدر قابل قبول نہیں",
    },
    "not_scalar": {
        "en": "must be a single value",
        "fa-AF": "باید یک مقدار واحد باشد",
        "ps": "باید یو ارزښت وي",
        "ur": "ایک ہی قدر ہونی چاہیے",
    },
}


def message(key: str, lang: str, **params: object) -> str:
    """A built-in validation message in ``lang`` (English if missing)."""
    table = _MESSAGES[key]
    text = table.get(lang) or table[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def pick(texts: Mapping[str, str], lang: str, default_lang: str = DEFAULT_LANGUAGE) -> str:
    """The text in ``lang``, else the form's default language, else English, else any."""
    if not texts:
        return ""
    for code in (lang, default_lang, DEFAULT_LANGUAGE):
        value = texts.get(code)
        if value:
            return value
    base = lang.split("-")[0]
    for code, value in texts.items():
        if code.split("-")[0] == base and value:
            return value
    return next(iter(texts.values()))


_LANG_NAME_CODES: dict[str, str] = {
    "english": "en", "dari": "fa-AF", "farsi": "fa", "persian": "fa", "pashto": "ps",
    "pashtu": "ps", "urdu": "ur", "arabic": "ar", "french": "fr", "spanish": "es",
    "portuguese": "pt", "russian": "ru", "swahili": "sw", "hindi": "hi", "bengali": "bn",
    "turkish": "tr", "ukrainian": "uk", "german": "de", "uzbek": "uz", "tajik": "tg",
    "hazaragi": "haz", "kurdish": "ku", "somali": "so", "amharic": "am", "tigrinya": "ti",
    "burmese": "my", "chinese": "zh", "hausa": "ha", "indonesian": "id", "italian": "it",
}
_LANG_RE = re.compile(
    r"^\s*(?P<name>.*?)\s*\(\s*(?P<code>[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*)\s*\)\s*$"
)


def parse_language_label(label: str) -> tuple[str, str | None]:
    """Split an XLSForm language label ``"Dari (fa-AF)"`` into (name, code).

    Without a code, a well-known language name gives its code (``"English"``
    → ``en``); otherwise the code is None.
    """
    m = _LANG_RE.match(label)
    if m:
        code = m.group("code").replace("_", "-")
        if code.lower() == "fa-af":
            code = "fa-AF"
        return m.group("name") or code, code
    name = label.strip()
    return name, _LANG_NAME_CODES.get(name.lower())
