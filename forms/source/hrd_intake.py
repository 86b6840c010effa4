# ruff: noqa: E501 - translation tables read best one entry per line
"""Source of forms/hrd_intake.json (the default intake interview).

The JSON file is the form; this script is how it is authored, because writing
four languages side by side is easier to review here. After editing, run

    .venv/bin/python forms/source/hrd_intake.py

and commit both files (a test checks they agree). Translations into Dari,
Pashto and Urdu are the author's best effort and await native-speaker review.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

FORM_ID = "hrd_intake"
VERSION = "2025.2"
CONSENTED = "${consent_store} = true()"


def T(en: str, fa: str, ps: str, ur: str) -> dict[str, str]:
    return {"en": en, "fa-AF": fa, "ps": ps, "ur": ur}


def F(name: str, type_: str, label: dict[str, str], **kw: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name, "type": type_, "label": label}
    out.update(kw)
    return out


def C(name: str, label: dict[str, str], **filters: str) -> dict[str, Any]:
    c: dict[str, Any] = {"name": name, "label": label}
    if filters:
        c["filters"] = filters
    return c


NOT_FUTURE = T("The date cannot be in the future",
               "تاریخ نمی‌تواند در آینده باشد",
               "نېټه باید په راتلونکي کې نه وي",
               "تاریخ مستقبل کی نہیں ہو سکتی")
NONE_ALONE = T("'None' cannot be combined with other answers",
               "«هیچ‌کدام» را نمی‌توان با گزینه‌های دیگر یک‌جا انتخاب کرد",
               "«هېڅ» له نورو ځوابونو سره نه یوځای کېږي",
               "«کوئی نہیں» کو دوسرے جوابات کے ساتھ نہیں چنا جا سکتا")
OTHER = T("Other", "دیگر", "نور", "دیگر")
SPECIFY = T("Please specify", "لطفاً مشخص کنید", "مهرباني وکړئ روښانه یې کړئ", "براہ کرم وضاحت کریں")
PREFER_NOT = T("Prefers not to say", "ترجیح می‌دهد نگوید", "نه غواړي ووايي", "بتانا نہیں چاہتے")
UNKNOWN = T("Unknown", "نامعلوم", "نامعلوم", "نامعلوم")

# ---------------------------------------------------------------- choice lists

YES_PROVINCES = [
    ("badakhshan", "Badakhshan", "بدخشان", "بدخشان", "بدخشاں"),
    ("badghis", "Badghis", "بادغیس", "بادغیس", "بادغیس"),
    ("baghlan", "Baghlan", "بغلان", "بغلان", "بغلان"),
    ("balkh", "Balkh", "بلخ", "بلخ", "بلخ"),
    ("bamyan", "Bamyan", "بامیان", "بامیان", "بامیان"),
    ("daykundi", "Daykundi", "دایکندی", "دایکنډي", "دایکنڈی"),
    ("farah", "Farah", "فراه", "فراه", "فراہ"),
    ("faryab", "Faryab", "فاریاب", "فاریاب", "فاریاب"),
    ("ghazni", "Ghazni", "غزنی", "غزني", "غزنی"),
    ("ghor", "Ghor", "غور", "غور", "غور"),
    ("helmand", "Helmand", "هلمند", "هلمند", "ہلمند"),
    ("herat", "Herat", "هرات", "هرات", "ہرات"),
    ("jowzjan", "Jowzjan", "جوزجان", "جوزجان", "جوزجان"),
    ("kabul", "Kabul", "کابل", "کابل", "کابل"),
    ("kandahar", "Kandahar", "کندهار", "کندهار", "قندھار"),
    ("kapisa", "Kapisa", "کاپیسا", "کاپیسا", "کاپیسا"),
    ("khost", "Khost", "خوست", "خوست", "خوست"),
    ("kunar", "Kunar", "کنر", "کونړ", "کنڑ"),
    ("kunduz", "Kunduz", "کندز", "کندز", "قندوز"),
    ("laghman", "Laghman", "لغمان", "لغمان", "لغمان"),
    ("logar", "Logar", "لوگر", "لوګر", "لوگر"),
    ("nangarhar", "Nangarhar", "ننگرهار", "ننګرهار", "ننگرہار"),
    ("nimroz", "Nimroz", "نیمروز", "نیمروز", "نیمروز"),
    ("nuristan", "Nuristan", "نورستان", "نورستان", "نورستان"),
    ("paktia", "Paktia", "پکتیا", "پکتیا", "پکتیا"),
    ("paktika", "Paktika", "پکتیکا", "پکتیکا", "پکتیکا"),
    ("panjshir", "Panjshir", "پنجشیر", "پنجشیر", "پنجشیر"),
    ("parwan", "Parwan", "پروان", "پروان", "پروان"),
    ("samangan", "Samangan", "سمنگان", "سمنګان", "سمنگان"),
    ("sar_e_pol", "Sar-e Pol", "سرپل", "سرپل", "سرپل"),
    ("takhar", "Takhar", "تخار", "تخار", "تخار"),
    ("uruzgan", "Uruzgan", "ارزگان", "اروزګان", "ارزگان"),
    ("wardak", "Maidan Wardak", "میدان وردک", "میدان وردګ", "میدان وردک"),
    ("zabul", "Zabul", "زابل", "زابل", "زابل"),
]

CHOICES: dict[str, list[dict[str, Any]]] = {
    "af_province": [C(k, T(en, fa, ps, ur)) for k, en, fa, ps, ur in YES_PROVINCES],
    "consent_method": [
        C("verbal", T("Verbal (recorded by the interviewer)", "شفاهی (توسط مصاحبه‌گر ثبت شد)",
                      "خولې (د مرکه کوونکي لخوا ثبت شوې)", "زبانی (انٹرویو لینے والے نے درج کی)")),
        C("written", T("Written (paper form kept offline)", "کتبی (فورم کاغذی جدا نگهداری می‌شود)",
                       "لیکلې (کاغذي فورمه بېله ساتل کېږي)", "تحریری (کاغذی فارم الگ رکھا گیا)")),
    ],
    "interview_language": [
        C("dari", T("Dari", "دری", "دري", "دری")),
        C("pashto", T("Pashto", "پشتو", "پښتو", "پشتو")),
        C("urdu", T("Urdu", "اردو", "اردو", "اردو")),
        C("english", T("English", "انگلیسی", "انګلیسي", "انگریزی")),
        C("other", OTHER),
    ],
    "gender": [
        C("woman", T("Woman", "زن", "ښځه", "عورت")),
        C("man", T("Man", "مرد", "نارینه", "مرد")),
        C("non_binary", T("Non-binary / other identity", "غیر دوگانه / هویت دیگر",
                          "نه دوه‌ګونی / بل هویت", "نان بائنری / دوسری شناخت")),
        C("prefer_not_say", PREFER_NOT),
    ],
    "ethnicity": [
        C("pashtun", T("Pashtun", "پشتون", "پښتون", "پشتون")),
        C("tajik", T("Tajik", "تاجیک", "تاجک", "تاجک")),
        C("hazara", T("Hazara", "هزاره", "هزاره", "ہزارہ")),
        C("uzbek", T("Uzbek", "ازبک", "ازبک", "ازبک")),
        C("turkmen", T("Turkmen", "ترکمن", "ترکمن", "ترکمان")),
        C("baloch", T("Baloch", "بلوچ", "بلوڅ", "بلوچ")),
        C("aimaq", T("Aimaq", "ایماق", "ایماق", "ایماق")),
        C("nuristani", T("Nuristani", "نورستانی", "نورستانی", "نورستانی")),
        C("pashai", T("Pashai", "پشه‌یی", "پشه‌یي", "پشائی")),
        C("other", OTHER),
        C("prefer_not_say", PREFER_NOT),
    ],
    "religion": [
        C("sunni", T("Sunni Muslim", "مسلمان سنی", "سني مسلمان", "سنی مسلمان")),
        C("shia", T("Shia Muslim", "مسلمان شیعه", "شیعه مسلمان", "شیعہ مسلمان")),
        C("ismaili", T("Ismaili Muslim", "مسلمان اسماعیلی", "اسماعیلي مسلمان", "اسماعیلی مسلمان")),
        C("sikh", T("Sikh", "سیک", "سیک", "سکھ")),
        C("hindu", T("Hindu", "هندو", "هندو", "ہندو")),
        C("christian", T("Christian", "مسیحی", "مسیحي", "مسیحی")),
        C("bahai", T("Baháʼí", "بهایی", "بهايي", "بہائی")),
        C("none", T("No religion", "بدون دین", "بې دینه", "کوئی مذہب نہیں")),
        C("other", OTHER),
        C("prefer_not_say", PREFER_NOT),
    ],
    "spoken_language": [
        C("dari", T("Dari", "دری", "دري", "دری")),
        C("pashto", T("Pashto", "پشتو", "پښتو", "پشتو")),
        C("urdu", T("Urdu", "اردو", "اردو", "اردو")),
        C("english", T("English", "انگلیسی", "انګلیسي", "انگریزی")),
        C("uzbek", T("Uzbek", "ازبکی", "ازبکي", "ازبک")),
        C("turkmen", T("Turkmen", "ترکمنی", "ترکمني", "ترکمانی")),
        C("other", OTHER),
    ],
    "pk_city": [
        C("islamabad", T("Islamabad", "اسلام‌آباد", "اسلام اباد", "اسلام آباد")),
        C("rawalpindi", T("Rawalpindi", "راولپندی", "راولپنډۍ", "راولپنڈی")),
        C("peshawar", T("Peshawar", "پشاور", "پېښور", "پشاور")),
        C("quetta", T("Quetta", "کویته", "کوټه", "کوئٹہ")),
        C("karachi", T("Karachi", "کراچی", "کراچۍ", "کراچی")),
        C("lahore", T("Lahore", "لاهور", "لاهور", "لاہور")),
        C("attock", T("Attock", "اتک", "اټک", "اٹک")),
        C("nowshera", T("Nowshera", "نوشهره", "نوښار", "نوشہرہ")),
        C("mardan", T("Mardan", "مردان", "مردان", "مردان")),
        C("haripur", T("Haripur", "هری‌پور", "هری پور", "ہری پور")),
        C("other", OTHER),
    ],
    "safe_channel": [
        C("signal", T("Signal", "سیگنال", "سیګنال", "سگنل")),
        C("whatsapp", T("WhatsApp", "واتساپ", "واټس اپ", "واٹس ایپ")),
        C("phone_call", T("Phone call", "تماس تلفنی", "ټیلیفوني اړیکه", "فون کال")),
        C("sms", T("Text message (SMS)", "پیام کوتاه", "لنډ پیغام", "ایس ایم ایس")),
        C("email", T("Email", "ایمیل", "برېښنالیک", "ای میل")),
        C("through_intermediary", T("Only through a trusted intermediary",
                                    "فقط از طریق یک واسطه مورد اعتماد",
                                    "یوازې د باوري منځګړي له لارې",
                                    "صرف ایک قابل اعتماد ثالث کے ذریعے")),
        C("in_person_only", T("In person only", "فقط حضوری", "یوازې مخامخ", "صرف بالمشافہ")),
        C("other", OTHER),
    ],
    "hrd_work": [
        C("womens_rights", T("Women's rights", "حقوق زنان", "د ښځو حقونه", "خواتین کے حقوق")),
        C("protest_organising", T("Organising protests", "سازماندهی اعتراضات",
                                  "د لاریونونو تنظیمول", "احتجاج منظم کرنا")),
        C("journalism_media", T("Journalism and media", "خبرنگاری و رسانه",
                                "خبریالي او رسنۍ", "صحافت اور میڈیا")),
        C("legal_judiciary", T("Lawyer, judge or prosecutor", "وکیل، قاضی یا څارنوال",
                               "وکیل، قاضي یا څارنوال", "وکیل، جج یا استغاثہ")),
        C("education", T("Education and teaching", "آموزش و تدریس", "ښوونه او روزنه",
                         "تعلیم و تدریس")),
        C("minority_rights", T("Rights of ethnic or religious minorities",
                               "حقوق اقلیت‌های قومی یا مذهبی",
                               "د قومي یا مذهبي لږکیو حقونه",
                               "نسلی یا مذہبی اقلیتوں کے حقوق")),
        C("lgbtiq_rights", T("LGBTIQ+ rights", "حقوق دگرباشان", "د LGBTIQ+ خلکو حقونه",
                             "ایل جی بی ٹی آئی کیو+ حقوق")),
        C("human_rights_documentation", T("Documenting human rights violations",
                                          "مستندسازی نقض حقوق بشر",
                                          "د بشري حقونو د سرغړونو مستندول",
                                          "انسانی حقوق کی خلاف ورزیوں کی دستاویز سازی")),
        C("ngo_humanitarian", T("NGO or humanitarian work", "کار در موسسات غیردولتی یا بشردوستانه",
                                "په نادولتي یا بشري مرستو موسسو کې کار",
                                "این جی او یا انسانی امداد کا کام")),
        C("political_activism", T("Political activism", "فعالیت سیاسی", "سیاسي فعالیت",
                                  "سیاسی سرگرمی")),
        C("culture_arts", T("Culture, arts or sport", "فرهنگ، هنر یا ورزش",
                            "کلتور، هنر یا سپورت", "ثقافت، فن یا کھیل")),
        C("health", T("Health work", "کار صحی", "روغتیايي کار", "صحت کا کام")),
        C("other", OTHER),
    ],
    "public_profile": [
        C("high", T("High: widely known, in the media", "بالا: شناخته‌شده، در رسانه‌ها",
                    "لوړ: پېژندل شوی، په رسنیو کې", "زیادہ: معروف، میڈیا میں")),
        C("medium", T("Medium: known in their community or field",
                      "متوسط: در جامعه یا رشته خود شناخته‌شده",
                      "منځنی: په خپله ټولنه یا برخه کې پېژندل شوی",
                      "درمیانہ: اپنی برادری یا شعبے میں معروف")),
        C("low", T("Low: not publicly known", "پایین: به‌طور عمومی شناخته نشده",
                   "ټیټ: په عام ډول نه پېژندل کېږي", "کم: عوامی طور پر معروف نہیں")),
    ],
    "place": [
        C("afghanistan", T("Afghanistan", "افغانستان", "افغانستان", "افغانستان")),
        C("pakistan", T("Pakistan", "پاکستان", "پاکستان", "پاکستان")),
        C("other_country", T("Another country", "کشور دیگر", "بل هېواد", "کوئی اور ملک")),
        C("online", T("Online", "آنلاین", "آنلاین", "آن لائن")),
    ],
    "act_type": [
        C("threat", T("Threat", "تهدید", "ګواښ", "دھمکی")),
        C("death_threat", T("Death threat", "تهدید به مرگ", "د وژلو ګواښ", "جان سے مارنے کی دھمکی")),
        C("threat_family", T("Threat against family", "تهدید علیه خانواده", "کورنۍ ته ګواښ",
                             "خاندان کو دھمکی")),
        C("death_threat_family", T("Death threat against family", "تهدید خانواده به مرگ",
                                   "کورنۍ ته د وژلو ګواښ", "خاندان کو جان سے مارنے کی دھمکی")),
        C("harassment_intimidation", T("Harassment or intimidation", "آزار یا ارعاب",
                                       "ځورونه یا ډارول", "ہراسانی یا دھمکانا")),
        C("surveillance", T("Surveillance, being followed", "نظارت و تعقیب", "څارنه او تعقیب",
                            "نگرانی، پیچھا کیا جانا")),
        C("house_search_raid", T("House search or raid", "تلاشی یا حمله به خانه",
                                 "د کور تلاشي یا چاپه", "گھر کی تلاشی یا چھاپہ")),
        C("summons", T("Summoned by authorities", "احضار توسط مقامات", "د چارواکو لخوا راغوښتل",
                       "حکام کی طرف سے طلبی")),
        C("arbitrary_arrest", T("Arbitrary arrest or detention", "بازداشت خودسرانه",
                                "خپلسري نیول یا توقیف", "من مانی گرفتاری یا حراست")),
        C("enforced_disappearance", T("Enforced disappearance", "ناپدیدسازی اجباری",
                                      "جبري ورکول", "جبری گمشدگی")),
        C("torture_ill_treatment", T("Torture or ill-treatment", "شکنجه یا بدرفتاری",
                                     "شکنجه یا ناوړه چلند", "تشدد یا بدسلوکی")),
        C("sexual_violence", T("Sexual or gender-based violence", "خشونت جنسی یا جنسیتی",
                               "جنسي یا جنسیتي تاوتریخوالی", "جنسی یا صنفی تشدد")),
        C("physical_assault", T("Physical assault", "حمله فزیکی", "فزیکي برید", "جسمانی حملہ")),
        C("attempted_killing", T("Attempted killing", "سوءقصد", "د وژلو هڅه", "قتل کی کوشش")),
        C("killing_of_relative", T("Killing of a relative or colleague",
                                   "کشتن یکی از بستگان یا همکاران",
                                   "د خپلوان یا همکار وژل", "رشتہ دار یا ساتھی کا قتل")),
        C("abduction", T("Abduction", "آدم‌ربایی", "تښتونه", "اغوا")),
        C("property_seizure", T("Seizure or destruction of property", "مصادره یا تخریب دارایی",
                                "د شتمنۍ ضبط یا ورانول", "جائیداد کی ضبطی یا تباہی")),
        C("extortion", T("Extortion or bribe demanded", "اخاذی یا درخواست رشوه",
                         "زورګیري یا د بډو غوښتنه", "بھتہ یا رشوت کا مطالبہ")),
        C("online_attack", T("Online harassment, hacking or doxxing",
                             "آزار آنلاین، هک یا افشای اطلاعات شخصی",
                             "آنلاین ځورونه، هک یا د شخصي معلوماتو افشا",
                             "آن لائن ہراسانی، ہیکنگ یا ذاتی معلومات کا افشا")),
        C("deportation_threat", T("Threat of deportation", "تهدید به اخراج", "د اخراج ګواښ",
                                  "ملک بدری کی دھمکی")),
        C("deportation", T("Deportation or forced return", "اخراج یا بازگشت اجباری",
                           "اخراج یا جبري ستنېدنه", "ملک بدری یا جبری واپسی")),
        C("other", OTHER),
    ],
    "perpetrator": [
        C("de_facto_authorities", T("De facto authorities (Taliban)", "مقامات دوفاکتو (طالبان)",
                                    "د سرپرست واکمنۍ چارواکي (طالبان)",
                                    "ڈی فیکٹو حکام (طالبان)")),
        C("de_facto_intelligence", T("Taliban intelligence (GDI)", "استخبارات طالبان",
                                     "د طالبانو استخبارات", "طالبان انٹیلی جنس")),
        C("armed_group", T("Other armed group", "گروه مسلح دیگر", "بله وسله‌واله ډله",
                           "دوسرا مسلح گروہ")),
        C("pakistan_police", T("Pakistani police", "پولیس پاکستان", "د پاکستان پولیس",
                               "پاکستانی پولیس")),
        C("pakistan_state_other", T("Other Pakistani authorities", "سایر مقامات پاکستانی",
                                    "نور پاکستاني چارواکي", "دیگر پاکستانی حکام")),
        C("community", T("Community members", "اعضای جامعه", "د ټولنې غړي", "برادری کے افراد")),
        C("family", T("Family members", "اعضای خانواده", "د کورنۍ غړي", "خاندان کے افراد")),
        C("unknown", UNKNOWN),
        C("other", OTHER),
    ],
    "target": [
        C("defender", T("The defender", "خود مدافع", "پخپله مدافع", "خود محافظ")),
        C("family_member", T("A family member", "یکی از اعضای خانواده", "د کورنۍ یو غړی",
                             "خاندان کا کوئی فرد")),
        C("colleague", T("A colleague", "یک همکار", "یو همکار", "کوئی ساتھی")),
        C("organisation", T("Their organisation", "سازمان او", "د هغه/هغې موسسه", "ان کا ادارہ")),
    ],
    "source_connection": [
        C("direct", T("Experienced it directly", "مستقیماً تجربه کرده", "په مستقیم ډول یې تجربه کړې",
                      "براہ راست تجربہ کیا")),
        C("witness", T("Witnessed it", "شاهد بوده", "شاهد و", "عینی شاہد")),
        C("heard", T("Heard about it from others", "از دیگران شنیده", "له نورو یې اورېدلي",
                     "دوسروں سے سنا")),
    ],
    "evidence": [
        C("none", T("None", "هیچ‌کدام", "هېڅ", "کوئی نہیں")),
        C("photos", T("Photos or video", "عکس یا ویدیو", "عکسونه یا ویډیو", "تصاویر یا ویڈیو")),
        C("audio", T("Audio recordings", "فایل صوتی", "غږیز ثبتونه", "آڈیو ریکارڈنگ")),
        C("messages", T("Screenshots of messages", "تصویر صفحه پیام‌ها", "د پیغامونو انځورونه",
                        "پیغامات کے اسکرین شاٹس")),
        C("threat_letter", T("Written threat letter (night letter)", "نامه تهدید (شب‌نامه)",
                             "لیکلی ګواښ لیک (شبنامه)", "تحریری دھمکی نامہ (شب نامہ)")),
        C("medical_report", T("Medical report", "گزارش طبی", "طبي راپور", "طبی رپورٹ")),
        C("official_documents", T("Police or court documents", "اسناد پولیس یا محکمه",
                                  "د پولیسو یا محکمې اسناد", "پولیس یا عدالتی دستاویزات")),
        C("witness_statements", T("Witness statements", "اظهارات شاهدان", "د شاهدانو څرګندونې",
                                  "گواہوں کے بیانات")),
        C("media_reports", T("Media reports", "گزارش‌های رسانه‌ای", "رسنیز راپورونه",
                             "میڈیا رپورٹس")),
        C("other", OTHER),
    ],
    "relationship": [
        C("spouse", T("Spouse", "همسر", "مېړه یا مېرمن", "شریک حیات")),
        C("child", T("Child", "فرزند", "ماشوم", "بچہ")),
        C("parent", T("Parent", "پدر یا مادر", "مور یا پلار", "والدین")),
        C("sibling", T("Brother or sister", "برادر یا خواهر", "ورور یا خور", "بھائی یا بہن")),
        C("other_relative", T("Other relative", "خویشاوند دیگر", "بل خپلوان", "دوسرا رشتہ دار")),
    ],
    "family_location": [
        C("with_defender", T("With the defender in Pakistan", "همراه مدافع در پاکستان",
                             "له مدافع سره په پاکستان کې", "پاکستان میں محافظ کے ساتھ")),
        C("afghanistan", T("In Afghanistan", "در افغانستان", "په افغانستان کې", "افغانستان میں")),
        C("third_country", T("In another country", "در کشور دیگر", "په بل هېواد کې",
                             "کسی اور ملک میں")),
        C("unknown", UNKNOWN),
    ],
    "document": [
        C("por_valid", T("PoR card (valid)", "کارت PoR (معتبر)", "د PoR کارت (باعتباره)",
                         "پی او آر کارڈ (کارآمد)")),
        C("por_expired", T("PoR card (expired)", "کارت PoR (منقضی)", "د PoR کارت (پای ته رسېدلی)",
                           "پی او آر کارڈ (میعاد ختم)")),
        C("acc", T("Afghan Citizen Card (ACC)", "کارت شهروندی افغان (ACC)",
                   "د افغان تابعیت کارت (ACC)", "افغان سٹیزن کارڈ (اے سی سی)")),
        C("visa_valid", T("Visa (valid)", "ویزه (معتبر)", "ویزه (باعتباره)", "ویزا (کارآمد)")),
        C("visa_expired", T("Visa (expired)", "ویزه (منقضی)", "ویزه (پای ته رسېدلې)",
                            "ویزا (میعاد ختم)")),
        C("passport", T("Passport", "پاسپورت", "پاسپورټ", "پاسپورٹ")),
        C("tazkira_only", T("Tazkira only", "فقط تذکره", "یوازې تذکره", "صرف تذکرہ")),
        C("none", T("No document", "هیچ سندی ندارد", "هېڅ سند نه لري", "کوئی دستاویز نہیں")),
    ],
    "unhcr_status": [
        C("none", T("Not registered", "ثبت نشده", "نه دی ثبت شوی", "رجسٹرڈ نہیں")),
        C("asylum_seeker", T("Asylum-seeker certificate", "تصدیق‌نامه پناهجویی",
                             "د پناه غوښتنې تصدیق لیک", "پناہ کے متلاشی کا سرٹیفکیٹ")),
        C("refugee", T("Recognised refugee", "پناهنده شناخته‌شده", "منل شوی کډوال",
                       "تسلیم شدہ پناہ گزین")),
        C("appointment_pending", T("Appointment pending", "در انتظار نوبت", "د نوبت په تمه",
                                   "ملاقات زیر التوا")),
        C("unknown", UNKNOWN),
    ],
    "need": [
        C("relocation", T("Relocation", "انتقال به محل امن", "خوندي ځای ته لېږد", "محفوظ مقام پر منتقلی")),
        C("legal_aid", T("Legal aid", "کمک حقوقی", "حقوقي مرسته", "قانونی امداد")),
        C("medical", T("Medical care", "مراقبت صحی", "روغتیايي پاملرنه", "طبی دیکھ بھال")),
        C("psychosocial", T("Psychosocial support", "حمایت روانی-اجتماعی", "رواني ټولنیز ملاتړ",
                            "نفسیاتی و سماجی معاونت")),
        C("financial", T("Financial support", "کمک مالی", "مالي مرسته", "مالی امداد")),
        C("shelter", T("Shelter", "سرپناه", "سرپناه", "پناہ گاہ")),
        C("digital_security", T("Digital security", "امنیت دیجیتال", "ډیجیټل امنیت",
                                "ڈیجیٹل تحفظ")),
        C("physical_security", T("Physical security", "امنیت فزیکی", "فزیکي امنیت",
                                 "جسمانی تحفظ")),
        C("family_support", T("Support for family", "حمایت از خانواده", "د کورنۍ ملاتړ",
                              "خاندان کی معاونت")),
        C("documents", T("Documents (visa, PoR, passport)", "اسناد (ویزه، PoR، پاسپورت)",
                         "اسناد (ویزه، PoR، پاسپورټ)", "دستاویزات (ویزا، پی او آر، پاسپورٹ)")),
    ],
    "urgency": [
        C("urgent", T("Urgent (within days)", "فوری (در چند روز)", "بېړني (په څو ورځو کې)",
                      "فوری (چند دنوں میں)")),
        C("high", T("High (within weeks)", "بالا (در چند هفته)", "لوړ (په څو اونیو کې)",
                    "زیادہ (چند ہفتوں میں)")),
        C("priority", T("Priority (within months)", "اولویت (در چند ماه)",
                        "لومړیتوب (په څو میاشتو کې)", "ترجیحی (چند مہینوں میں)")),
        C("low", T("Low", "پایین", "ټیټ", "کم")),
    ],
    "relocation_preference": [
        C("in_country", T("Safer place in Pakistan", "جای امن‌تر در پاکستان",
                          "په پاکستان کې خوندي ځای", "پاکستان میں محفوظ جگہ")),
        C("third_country", T("Another country", "کشور دیگر", "بل هېواد", "کوئی اور ملک")),
        C("either", T("Either", "هر دو", "هر یو", "کوئی بھی")),
    ],
    "risk_level": [
        C("extreme", T("Extreme", "بسیار شدید", "ډېر سخت", "انتہائی")),
        C("high", T("High", "بالا", "لوړ", "زیادہ")),
        C("medium", T("Medium", "متوسط", "منځنی", "درمیانہ")),
        C("low", T("Low", "پایین", "ټیټ", "کم")),
    ],
    "imminence": [
        C("deportation_order", T("Deportation order or notice", "حکم یا اخطار اخراج",
                                 "د اخراج حکم یا خبرتیا", "ملک بدری کا حکم یا نوٹس")),
        C("documents_expiring", T("Documents expired or expiring within 30 days",
                                  "اسناد منقضی یا در ۳۰ روز منقضی می‌شوند",
                                  "اسناد پای ته رسېدلي یا په ۳۰ ورځو کې پای ته رسېږي",
                                  "دستاویزات کی میعاد ختم یا ۳۰ دن میں ختم")),
        C("recent_raid_or_arrest", T("Raid or arrest in the last 30 days",
                                     "حمله یا بازداشت در ۳۰ روز گذشته",
                                     "په تېرو ۳۰ ورځو کې چاپه یا نیول",
                                     "پچھلے ۳۰ دنوں میں چھاپہ یا گرفتاری")),
        C("located_by_perpetrators", T("Perpetrators know where they live",
                                       "عاملان محل زندگی او را می‌دانند",
                                       "تېري کوونکي د هغه/هغې د اوسېدو ځای پېژني",
                                       "مجرموں کو رہائش کا علم ہے")),
        C("recent_threats", T("Threats in the last 30 days", "تهدید در ۳۰ روز گذشته",
                              "په تېرو ۳۰ ورځو کې ګواښ", "پچھلے ۳۰ دنوں میں دھمکیاں")),
        C("family_targeted", T("Family recently targeted", "خانواده اخیراً هدف قرار گرفته",
                               "کورنۍ پدې وروستیو کې په نښه شوې",
                               "خاندان کو حال ہی میں نشانہ بنایا گیا")),
        C("no_safe_shelter", T("No safe place to stay", "جای امن برای ماندن ندارد",
                               "د اوسېدو خوندي ځای نه لري", "رہنے کی محفوظ جگہ نہیں")),
        C("health_emergency", T("Health emergency", "وضعیت اضطراری صحی", "روغتیايي بېړنی حالت",
                                "صحت کی ہنگامی صورتحال")),
        C("none", T("None of these", "هیچ‌کدام", "هېڅ یو", "ان میں سے کوئی نہیں")),
    ],
    "referral_to": [
        C("unhcr", T("UNHCR", "کمیساریای عالی سازمان ملل برای پناهندگان (UNHCR)",
                     "د ملګرو ملتونو د کډوالو عالي کمېشنري (UNHCR)", "یو این ایچ سی آر")),
        C("legal_aid_org", T("Legal aid organisation", "سازمان کمک حقوقی", "د حقوقي مرستې موسسه",
                             "قانونی امداد کی تنظیم")),
        C("medical_provider", T("Medical provider", "ارائه‌دهنده خدمات صحی",
                                "روغتیايي خدمتونه وړاندې کوونکی", "طبی خدمات فراہم کنندہ")),
        C("psychosocial_provider", T("Psychosocial support provider",
                                     "ارائه‌دهنده حمایت روانی-اجتماعی",
                                     "رواني ټولنیز ملاتړ وړاندې کوونکی",
                                     "نفسیاتی و سماجی معاونت فراہم کنندہ")),
        C("shelter", T("Shelter or safe house", "سرپناه یا خانه امن", "سرپناه یا خوندي کور",
                       "پناہ گاہ یا محفوظ گھر")),
        C("protection_fund", T("Protection fund for defenders", "صندوق حمایت از مدافعان",
                               "د مدافعینو د ساتنې صندوق", "محافظین کے تحفظ کا فنڈ")),
        C("relocation_programme", T("Relocation or resettlement programme",
                                    "برنامه انتقال یا اسکان مجدد", "د لېږد یا بیا مېشتېدو پروګرام",
                                    "منتقلی یا دوبارہ آبادکاری کا پروگرام")),
        C("other_ngo", T("Other organisation", "سازمان دیگر", "بله موسسه", "دوسری تنظیم")),
    ],
    "referral_status": [
        C("planned", T("Planned", "برنامه‌ریزی شده", "پلان شوی", "منصوبہ بند")),
        C("sent", T("Sent", "ارسال شده", "لېږل شوی", "بھیج دیا گیا")),
        C("accepted", T("Accepted", "پذیرفته شده", "منل شوی", "قبول کر لیا گیا")),
        C("declined", T("Declined", "رد شده", "رد شوی", "مسترد")),
        C("completed", T("Completed", "تکمیل شده", "بشپړ شوی", "مکمل")),
    ],
}

NEED_URGENCY = [c["name"] for c in CHOICES["need"]]


# How HQ's case desk reads this form (intake_app.hq.casework): which fields name the
# person, hold each consent, raise the priority and give follow-up dates. Other forms
# declare their own; nothing in the desk names these fields.
CASEWORK: dict[str, Any] = {
    "names": ["name_native", "name_latin", "aliases"],
    "display_name": ["name_latin", "name_native"],
    "birth_date": "birth_date",
    "age": "approximate_age",
    "interview_date": "interview_date",
    "phones": ["contact_detail", "intermediary_contact"],
    "province": "province_of_origin",
    "needs": "needs",
    "document_expiry": "document_expiry",
    "follow_ups": [
        {"field": "next_review", "label": "next risk review"},
        {"field": "follow_up_date", "label": "follow-up date"},
        {"field": "document_expiry", "label": "visa or PoR card expires", "days_before": 30},
    ],
    "consent": {
        "store": "consent_store", "send_hq": "consent_send_hq",
        "referral": "consent_refer_partners", "advocacy": "consent_advocacy",
        "statistics": "consent_statistics", "legal": "consent_legal",
    },
    "priority": {
        "levels": ["low", "medium", "high", "urgent"],
        "default": "low",
        "rules": [
            {"field": "risk_level", "in": ["extreme"], "priority": "urgent"},
            {"field": "risk_level", "in": ["high"], "priority": "high"},
            {"field": "risk_level", "in": ["medium"], "priority": "medium"},
            {"field": "imminence_flags", "priority": "urgent",
             "in": ["deportation_order", "recent_raid_or_arrest", "located_by_perpetrators",
                    "health_emergency"]},
            {"field": "imminence_flags", "priority": "high",
             "in": ["documents_expiring", "recent_threats", "family_targeted",
                    "no_safe_shelter"]},
            *[{"field": f"urgency_{n}", "in": ["urgent"], "priority": "high"}
              for n in NEED_URGENCY],
            {"field": "detained_in_pakistan", "in": [True], "priority": "urgent"},
            {"field": "document_expiry", "within_days": 14, "priority": "urgent"},
            {"field": "document_expiry", "within_days": 60, "priority": "high"},
        ],
    },
    # A referral package carries only these fields, and only with referral consent.
    "referral_fields": ["name_latin", "name_native", "gender", "approximate_age", "pk_city",
                        "safe_channel", "contact_detail", "needs", "relocation_preference",
                        "medical_details", "risk_level", "document_expiry", "unhcr_status"],
    # Advocacy: no names, no contact details, no place more precise than a province.
    "advocacy_fields": ["gender", "approximate_age", "province_of_origin", "hrd_work",
                        "public_profile", "threats.threat_date", "threats.threat_province",
                        "threats.act_type", "threats.perpetrator_type", "threats.target"],
    "statistics_dimensions": ["province_of_origin", "gender", "risk_level", "needs"],
}


def section(name: str, label: dict[str, str], children: list[dict[str, Any]],
            **kw: Any) -> dict[str, Any]:
    return F(name, "group", label, children=children, **kw)


def consent(name: str, label: dict[str, str]) -> dict[str, Any]:
    return F(name, "yes_no", label, required=True, relevant=CONSENTED)


SESSION = section("session", T("Session and consent", "جلسه و رضایت", "ناسته او رضایت",
                               "نشست اور رضامندی"), [
    F("interview_date", "date", T("Date of interview", "تاریخ مصاحبه", "د مرکې نېټه",
                                  "انٹرویو کی تاریخ"),
      required=True, constraint=". <= today()", constraint_message=NOT_FUTURE),
    F("interviewer_code", "text", T("Interviewer code", "کد مصاحبه‌گر", "د مرکه کوونکي کوډ",
                                    "انٹرویو لینے والے کا کوڈ"),
      hint=T("Your staff code, not your name", "کد کارمندی شما، نه نام شما",
             "ستاسو د کارکوونکي کوډ، نه ستاسو نوم", "آپ کا عملے کا کوڈ، نام نہیں"),
      required=True, constraint="regex(., '^[A-Za-z0-9-]{2,16}$')",
      constraint_message=T("2 to 16 Latin letters, digits or dashes",
                           "۲ تا ۱۶ حرف لاتین، عدد یا خط تیره",
                           "له ۲ تر ۱۶ لاتیني توري، عددونه یا لیکې",
                           "۲ سے ۱۶ لاطینی حروف، اعداد یا ڈیش")),
    F("interview_language", "select_one", T("Language of the interview", "زبان مصاحبه",
                                            "د مرکې ژبه", "انٹرویو کی زبان"),
      choices="interview_language", required=True),
    F("interpreter_used", "yes_no", T("Was an interpreter present?", "آیا ترجمان حضور داشت؟",
                                      "ایا ژباړونکی موجود و؟", "کیا مترجم موجود تھا؟")),
    F("consent_method", "select_one", T("How was consent given?", "رضایت چگونه داده شد؟",
                                        "رضایت څنګه ورکړل شو؟", "رضامندی کیسے دی گئی؟"),
      hint=T("Never photograph or store a signature.", "هرگز از امضا عکس نگیرید و آن را ذخیره نکنید.",
             "هېڅکله د لاسلیک انځور مه اخلئ او مه یې ساتئ.",
             "کبھی دستخط کی تصویر نہ لیں اور نہ محفوظ کریں۔"),
      choices="consent_method", required=True),
    F("consent_store", "yes_no", T(
        "Do you agree that we store this interview, encrypted, on this device?",
        "آیا موافقید که این مصاحبه به‌صورت رمزگذاری‌شده در این دستگاه ذخیره شود؟",
        "ایا تاسو موافق یاست چې دا مرکه په کوډ شوي ډول په دې وسیله کې وساتل شي؟",
        "کیا آپ متفق ہیں کہ یہ انٹرویو خفیہ شدہ صورت میں اس آلے پر محفوظ کیا جائے؟"),
      hint=T("If the answer is no, stop here: nothing else is recorded.",
             "اگر پاسخ نه است، همین‌جا متوقف شوید: هیچ چیز دیگری ثبت نمی‌شود.",
             "که ځواب نه وي، همدلته ودرېږئ: نور هېڅ نه ثبتېږي.",
             "اگر جواب نہیں ہے تو یہیں رک جائیں: مزید کچھ درج نہیں ہوگا۔"),
      required=True),
    F("consent_refused_note", "note", T(
        "Consent to store was refused. End the interview now and thank the person.",
        "رضایت برای ذخیره داده نشد. مصاحبه را همین حالا پایان دهید و از فرد تشکر کنید.",
        "د ساتلو رضایت ورنه کړل شو. مرکه همدا اوس پای ته ورسوئ او له کس څخه مننه وکړئ.",
        "محفوظ کرنے کی رضامندی نہیں دی گئی۔ انٹرویو ابھی ختم کریں اور شکریہ ادا کریں۔"),
      relevant="string(${consent_store}) = 'false'"),
    consent("consent_send_hq", T(
        "Do you agree that we send it, encrypted, to our headquarters?",
        "آیا موافقید که آن را به‌صورت رمزگذاری‌شده به دفتر مرکزی ما بفرستیم؟",
        "ایا موافق یاست چې دا په کوډ شوي ډول زموږ مرکزي دفتر ته ولېږو؟",
        "کیا آپ متفق ہیں کہ ہم اسے خفیہ شدہ صورت میں اپنے صدر دفتر بھیجیں؟")),
    consent("consent_refer_partners", T(
        "Do you agree that we refer you to partner organisations?",
        "آیا موافقید که شما را به سازمان‌های همکار معرفی کنیم؟",
        "ایا موافق یاست چې تاسو همکارو موسسو ته معرفي کړو؟",
        "کیا آپ متفق ہیں کہ ہم آپ کو شراکت دار تنظیموں کے پاس بھیجیں؟")),
    consent("consent_advocacy", T(
        "Do you agree that anonymised information is used for advocacy?",
        "آیا موافقید که اطلاعات بی‌نام برای دادخواهی استفاده شود؟",
        "ایا موافق یاست چې بې نومه معلومات د مدافعې لپاره وکارول شي؟",
        "کیا آپ متفق ہیں کہ گمنام معلومات وکالت کے لیے استعمال ہوں؟")),
    F("consent_statistics", "yes_no", T(
        "Do you agree that your answers are counted, without names, in statistics?",
        "آیا موافقید که پاسخ‌های شما بدون نام در آمار شمرده شود؟",
        "ایا موافق یاست چې ستاسو ځوابونه بې له نوم په احصایو کې وشمېرل شي؟",
        "کیا آپ متفق ہیں کہ آپ کے جوابات نام کے بغیر اعداد و شمار میں گنے جائیں؟"),
      relevant=CONSENTED),
    consent("consent_legal", T(
        "Do you agree that this information is used in legal proceedings?",
        "آیا موافقید که این اطلاعات در روندهای حقوقی استفاده شود؟",
        "ایا موافق یاست چې دا معلومات په حقوقي بهیرونو کې وکارول شي؟",
        "کیا آپ متفق ہیں کہ یہ معلومات قانونی کارروائی میں استعمال ہوں؟")),
    F("consent_notes", "long_text", T("Conditions or limits on consent", "شرایط یا محدودیت‌های رضایت",
                                      "د رضایت شرطونه یا حدونه", "رضامندی کی شرائط یا حدود"),
      relevant=CONSENTED),
])

IDENTITY = section("identity", T("Identity (minimised)", "هویت (حداقل)", "هویت (لږ تر لږه)",
                                 "شناخت (کم سے کم)"), [
    F("name_native", "text", T("Name in their own script", "نام به خط خودشان",
                               "نوم په خپل لیکدود", "اپنے رسم الخط میں نام"),
      required=True),
    F("name_latin", "text", T("Name in Latin letters", "نام به حروف لاتین", "نوم په لاتیني تورو",
                              "لاطینی حروف میں نام"),
      hint=T("As in a passport or visa, if any", "مطابق پاسپورت یا ویزه، در صورت وجود",
             "لکه په پاسپورټ یا ویزه کې، که وي", "جیسا کہ پاسپورٹ یا ویزا میں، اگر ہو")),
    F("aliases", "text", T("Other names used", "نام‌های دیگر", "نور کارول شوي نومونه",
                           "استعمال ہونے والے دوسرے نام"),
      hint=T("Separate with commas", "با ویرگول جدا کنید", "په کامې سره یې جلا کړئ",
             "کوموں سے الگ کریں"), sensitive=True),
    F("gender", "select_one", T("Gender", "جنسیت", "جنسیت", "صنف"), choices="gender",
      required=True),
    F("birth_date", "date", T("Date of birth", "تاریخ تولد", "د زېږون نېټه", "تاریخ پیدائش"),
      hint=T("A year or a month is enough; add ~ if approximate",
             "سال یا ماه کافی است؛ اگر تقریبی است ~ بگذارید",
             "کال یا میاشت بسنه ده؛ که اټکلي وي ~ ورزیات کړئ",
             "سال یا مہینہ کافی ہے؛ اندازاً ہو تو ~ لگائیں"),
      date_precisions=["exact", "month", "year", "approximate"],
      constraint=". <= today()", constraint_message=NOT_FUTURE),
    F("approximate_age", "integer", T("Approximate age", "سن تقریبی", "اټکلي عمر",
                                      "اندازاً عمر"),
      relevant="${birth_date} = ''", required=True,
      constraint=". >= 10 and . <= 110",
      constraint_message=T("Age must be between 10 and 110", "سن باید بین ۱۰ و ۱۱۰ باشد",
                           "عمر باید له ۱۰ او ۱۱۰ ترمنځ وي", "عمر ۱۰ اور ۱۱۰ کے درمیان ہونی چاہیے")),
    F("age_years", "calculate", T("Age in years", "سن به سال", "عمر په کلونو", "عمر سالوں میں"),
      calculation="if(${birth_date} != '', format-date(today(), '%Y') - "
                  "format-date(${birth_date}, '%Y') - if(format-date(today(), '%m%d') < "
                  "format-date(${birth_date}, '%m%d'), 1, 0), ${approximate_age})",
      value_type="integer"),
    F("province_of_origin", "select_one", T("Province of origin", "ولایت اصلی",
                                            "اصلي ولایت", "آبائی صوبہ"),
      choices="af_province", required=True),
    F("ethnicity", "select_one", T("Ethnicity (optional, sensitive)", "قومیت (اختیاری، حساس)",
                                   "قومیت (اختیاري، حساس)", "نسل (اختیاری، حساس)"),
      hint=T("Ask only if relevant to the risk. The person may decline.",
             "فقط اگر به خطر مربوط است بپرسید. فرد می‌تواند پاسخ ندهد.",
             "یوازې هغه وخت وپوښتئ چې له خطر سره تړاو ولري. کس کولی شي ځواب ورنه کړي.",
             "صرف اس صورت میں پوچھیں جب خطرے سے متعلق ہو۔ فرد انکار کر سکتا ہے۔"),
      choices="ethnicity", sensitive=True),
    F("religion", "select_one", T("Religion (optional, sensitive)", "دین (اختیاری، حساس)",
                                  "دین (اختیاري، حساس)", "مذہب (اختیاری، حساس)"),
      hint=T("Ask only if relevant to the risk. The person may decline.",
             "فقط اگر به خطر مربوط است بپرسید. فرد می‌تواند پاسخ ندهد.",
             "یوازې هغه وخت وپوښتئ چې له خطر سره تړاو ولري. کس کولی شي ځواب ورنه کړي.",
             "صرف اس صورت میں پوچھیں جب خطرے سے متعلق ہو۔ فرد انکار کر سکتا ہے۔"),
      choices="religion", sensitive=True),
    F("languages_spoken", "select_multiple", T("Languages spoken", "زبان‌های گفتاری",
                                               "ویل کېدونکې ژبې", "بولی جانے والی زبانیں"),
      choices="spoken_language"),
], relevant=CONSENTED)

SAFE_CONTACT = section("safe_contact", T("Safe contact", "تماس امن", "خوندي اړیکه",
                                         "محفوظ رابطہ"), [
    F("pk_city", "select_one", T("City in Pakistan", "شهر در پاکستان", "په پاکستان کې ښار",
                                 "پاکستان میں شہر"),
      choices="pk_city", required=True),
    F("pk_city_other", "text", SPECIFY, relevant="${pk_city} = 'other'", required=True),
    F("pk_district", "text", T("District or area", "ناحیه یا منطقه", "ولسوالۍ یا سیمه",
                               "ضلع یا علاقہ"),
      hint=T("Area only. Never a street address or house number.",
             "فقط منطقه. هرگز آدرس کوچه یا شماره خانه ننویسید.",
             "یوازې سیمه. هېڅکله د کوڅې پته یا د کور شمېره مه لیکئ.",
             "صرف علاقہ۔ کبھی گلی کا پتہ یا مکان نمبر نہ لکھیں۔"),
    ),
    F("safe_channel", "select_one", T("Safest way to contact them", "امن‌ترین راه تماس",
                                      "د اړیکې تر ټولو خوندي لار", "رابطے کا محفوظ ترین طریقہ"),
      choices="safe_channel", required=True),
    F("contact_detail", "text", T("Number or account for that channel",
                                  "شماره یا حساب برای آن راه", "د هغې لارې شمېره یا حساب",
                                  "اس ذریعے کا نمبر یا اکاؤنٹ"),
      hint=T("Only if the person agrees to it being stored",
             "فقط اگر فرد با ذخیره آن موافق باشد",
             "یوازې که کس د هغې له ساتلو سره موافق وي",
             "صرف اگر فرد اسے محفوظ کرنے پر راضی ہو"),
      relevant="not(selected('through_intermediary in_person_only', ${safe_channel}))",
      sensitive=True),
    F("safe_times", "text", T("When is it safe to contact them?", "چه زمانی تماس امن است؟",
                              "کله ورسره اړیکه خوندي ده؟", "کب رابطہ کرنا محفوظ ہے؟")),
    F("has_intermediary", "yes_no", T("Is there a trusted intermediary?",
                                      "آیا واسطه مورد اعتماد وجود دارد؟",
                                      "ایا کوم باوري منځګړی شته؟",
                                      "کیا کوئی قابل اعتماد ثالث ہے؟"),
      required="${safe_channel} = 'through_intermediary'"),
    F("intermediary_name", "text", T("Intermediary's name", "نام واسطه", "د منځګړي نوم",
                                     "ثالث کا نام"),
      relevant="${has_intermediary} = true()", required=True, sensitive=True),
    F("intermediary_relation", "text", T("Relation to the defender", "نسبت با مدافع",
                                         "له مدافع سره اړیکه", "محافظ سے تعلق"),
      relevant="${has_intermediary} = true()"),
    F("intermediary_contact", "text", T("Intermediary's contact", "تماس واسطه",
                                        "د منځګړي د اړیکې معلومات", "ثالث سے رابطہ"),
      relevant="${has_intermediary} = true()", sensitive=True),
    F("code_word", "text", T("Agreed code word", "کلمه رمز توافق‌شده", "منل شوې پټه کلمه",
                             "طے شدہ خفیہ لفظ"),
      hint=T("A word that proves a call really comes from us",
             "کلمه‌ای که ثابت می‌کند تماس واقعاً از طرف ماست",
             "یوه کلمه چې ثابتوي اړیکه رښتیا زموږ له خوا ده",
             "ایک لفظ جو ثابت کرے کہ کال واقعی ہماری طرف سے ہے"),
      sensitive=True),
], relevant=CONSENTED)

PROFILE = section("defender_profile", T("Defender profile", "مشخصات مدافع", "د مدافع پېژندنه",
                                        "محافظ کا تعارف"), [
    F("hrd_work", "select_multiple", T("Type of human rights work", "نوع کار حقوق بشری",
                                       "د بشري حقونو د کار ډول", "انسانی حقوق کے کام کی قسم"),
      choices="hrd_work", required=True),
    F("hrd_work_other", "text", SPECIFY, relevant="selected(${hrd_work}, 'other')",
      required=True),
    F("organisation", "text", T("Organisation", "سازمان", "موسسه", "تنظیم"), sensitive=True),
    F("role", "text", T("Role or position", "نقش یا سمت", "رول یا دنده", "کردار یا عہدہ")),
    F("years_active", "integer", T("Years active", "سال‌های فعالیت", "د فعالیت کلونه",
                                   "سرگرمی کے سال"),
      constraint=". >= 0 and . <= 70",
      constraint_message=T("Between 0 and 70 years", "بین ۰ تا ۷۰ سال", "له ۰ تر ۷۰ کلونو",
                           "۰ سے ۷۰ سال کے درمیان")),
    F("public_profile", "select_one", T("Public profile", "میزان شهرت عمومی", "عامه پېژندګلوي",
                                        "عوامی شناخت"),
      choices="public_profile", required=True),
    F("work_continues", "yes_no", T("Do they continue this work from Pakistan?",
                                    "آیا این کار را از پاکستان ادامه می‌دهند؟",
                                    "ایا دا کار له پاکستان څخه دوام ورکوي؟",
                                    "کیا وہ یہ کام پاکستان سے جاری رکھے ہوئے ہیں؟")),
], relevant=CONSENTED)

THREATS = F("threats", "repeat", T("Threats and incidents", "تهدیدها و رویدادها",
                                   "ګواښونه او پېښې", "دھمکیاں اور واقعات"),
            relevant=CONSENTED, max_rows=50, children=[
    F("threat_date", "date", T("When did it happen?", "چه زمانی اتفاق افتاد؟", "کله پېښ شو؟",
                               "یہ کب ہوا؟"),
      hint=T("Exact date, month, year, or approximate (~)", "تاریخ دقیق، ماه، سال یا تقریبی (~)",
             "دقیقه نېټه، میاشت، کال یا اټکلي (~)", "صحیح تاریخ، مہینہ، سال یا اندازاً (~)"),
      date_precisions=["exact", "month", "year", "approximate"], required=True,
      constraint=". <= today()", constraint_message=NOT_FUTURE),
    F("threat_place", "select_one", T("Where?", "کجا؟", "چېرته؟", "کہاں؟"), choices="place",
      required=True),
    F("threat_province", "select_one", T("Province in Afghanistan", "ولایت در افغانستان",
                                         "په افغانستان کې ولایت", "افغانستان میں صوبہ"),
      choices="af_province", relevant="${threat_place} = 'afghanistan'"),
    F("threat_place_detail", "text", T("City or district", "شهر یا ولسوالی", "ښار یا ولسوالۍ",
                                       "شہر یا ضلع"),
      hint=T("No street address", "بدون آدرس کوچه", "د کوڅې پته نه", "گلی کا پتہ نہیں")),
    F("act_type", "select_multiple", T("What was done?", "چه اتفاقی افتاد؟", "څه وشول؟",
                                       "کیا کیا گیا؟"),
      choices="act_type", required=True),
    F("act_other", "text", SPECIFY, relevant="selected(${act_type}, 'other')", required=True),
    F("perpetrator_type", "select_multiple", T("Who did it?", "چه کسی انجام داد؟",
                                               "چا وکړل؟", "یہ کس نے کیا؟"),
      choices="perpetrator", required=True,
      constraint="not(selected(., 'unknown') and count-selected(.) > 1)",
      constraint_message=T("'Unknown' cannot be combined with other answers",
                           "«نامعلوم» را نمی‌توان با گزینه‌های دیگر یک‌جا انتخاب کرد",
                           "«نامعلوم» له نورو ځوابونو سره نه یوځای کېږي",
                           "«نامعلوم» کو دوسرے جوابات کے ساتھ نہیں چنا جا سکتا")),
    F("target", "select_one", T("Who was targeted?", "چه کسی هدف قرار گرفت؟",
                                "څوک په نښه شو؟", "کسے نشانہ بنایا گیا؟"),
      choices="target", required=True),
    F("narrative", "long_text", T("What happened, in their words", "چه اتفاقی افتاد، به زبان خودشان",
                                  "څه پېښ شول، د هغوی په خپلو خبرو", "کیا ہوا، ان کے اپنے الفاظ میں"),
      hint=T("Avoid names of other people unless needed", "از ذکر نام دیگران خودداری کنید مگر لازم باشد",
             "د نورو خلکو نومونه مه لیکئ مګر دا چې اړین وي",
             "ضرورت کے بغیر دوسروں کے نام نہ لکھیں"),
      required=True),
    F("source_connection", "select_one", T("How do they know about it?",
                                           "چگونه از آن اطلاع دارند؟", "دوی ورباندې څنګه خبر دي؟",
                                           "انہیں اس کا کیسے علم ہے؟"),
      choices="source_connection", required=True),
    F("evidence_held", "select_multiple", T("Evidence they hold", "شواهدی که در اختیار دارند",
                                            "هغه شواهد چې لري یې", "ان کے پاس موجود ثبوت"),
      choices="evidence", required=True,
      constraint="not(selected(., 'none') and count-selected(.) > 1)",
      constraint_message=NONE_ALONE),
    F("evidence_file", "attachment", T("Attach evidence (optional)", "پیوست شواهد (اختیاری)",
                                       "شواهد ضمیمه کړئ (اختیاري)", "ثبوت منسلک کریں (اختیاری)"),
      attachment_kind="file", relevant="not(selected(${evidence_held}, 'none'))",
      sensitive=True),
])

FAMILY = [
    F("has_family_at_risk", "yes_no", T("Are family members at risk?",
                                        "آیا اعضای خانواده در خطر هستند؟",
                                        "ایا د کورنۍ غړي په خطر کې دي؟",
                                        "کیا خاندان کے افراد خطرے میں ہیں؟"),
      relevant=CONSENTED, required=True),
    F("family_at_risk", "repeat", T("Family members at risk", "اعضای خانواده در خطر",
                                    "په خطر کې د کورنۍ غړي", "خطرے میں خاندان کے افراد"),
      relevant="${has_family_at_risk} = true()", min_rows=1, max_rows=30, children=[
          F("relationship", "select_one", T("Relationship", "نسبت", "اړیکه", "رشتہ"),
            choices="relationship", required=True),
          F("family_gender", "select_one", T("Gender", "جنسیت", "جنسیت", "صنف"),
            choices="gender"),
          F("family_age", "integer", T("Age", "سن", "عمر", "عمر"),
            constraint=". >= 0 and . <= 120",
            constraint_message=T("Age must be between 0 and 120", "سن باید بین ۰ و ۱۲۰ باشد",
                                 "عمر باید له ۰ او ۱۲۰ ترمنځ وي",
                                 "عمر ۰ اور ۱۲۰ کے درمیان ہونی چاہیے")),
          F("family_location", "select_one", T("Where are they now?", "اکنون کجا هستند؟",
                                               "اوس چېرته دي؟", "اب وہ کہاں ہیں؟"),
            choices="family_location", required=True),
          F("family_risk", "long_text", T("What risk do they face?", "با چه خطری روبرو هستند؟",
                                          "له کوم خطر سره مخ دي؟", "انہیں کیا خطرہ ہے؟"),
            required=True),
      ]),
]

LEGAL = section("legal_status", T("Legal status in Pakistan", "وضعیت حقوقی در پاکستان",
                                  "په پاکستان کې حقوقي وضعیت", "پاکستان میں قانونی حیثیت"), [
    F("arrival_date", "date", T("Arrival in Pakistan", "تاریخ ورود به پاکستان",
                                "پاکستان ته د رسېدو نېټه", "پاکستان آمد کی تاریخ"),
      date_precisions=["exact", "month", "year", "approximate"], required=True,
      constraint=". <= today()", constraint_message=NOT_FUTURE),
    F("document_held", "select_multiple", T("Documents held", "اسناد موجود", "موجود اسناد",
                                            "موجود دستاویزات"),
      choices="document", required=True,
      constraint="not((selected(., 'none') or selected(., 'tazkira_only')) and "
                 "count-selected(.) > 1) and not(selected(., 'por_valid') and "
                 "selected(., 'por_expired')) and not(selected(., 'visa_valid') and "
                 "selected(., 'visa_expired'))",
      constraint_message=T(
          "Contradictory documents: 'none' and 'tazkira only' stand alone; a card or visa "
          "is either valid or expired",
          "اسناد متناقض: «هیچ» و «فقط تذکره» تنها انتخاب می‌شوند؛ کارت یا ویزه یا معتبر است یا منقضی",
          "متناقض اسناد: «هېڅ» او «یوازې تذکره» یوازې ټاکل کېږي؛ کارت یا ویزه یا باعتباره ده یا پای ته رسېدلې",
          "متضاد دستاویزات: «کوئی نہیں» اور «صرف تذکرہ» اکیلے چنے جاتے ہیں؛ کارڈ یا ویزا یا کارآمد ہے یا میعاد ختم")),
    F("document_expiry", "date", T("Expiry date of the visa or PoR card",
                                   "تاریخ انقضای ویزه یا کارت PoR",
                                   "د ویزې یا PoR کارت د پای نېټه",
                                   "ویزا یا پی او آر کارڈ کی میعاد ختم ہونے کی تاریخ"),
      hint=T("If several, the one that expires first", "اگر چند سند است، آنکه زودتر منقضی می‌شود",
             "که څو اسناد وي، هغه چې لومړی پای ته رسېږي",
             "اگر کئی ہوں تو وہ جو پہلے ختم ہو"),
      relevant="selected(${document_held}, 'por_valid') or selected(${document_held}, "
               "'por_expired') or selected(${document_held}, 'visa_valid') or "
               "selected(${document_held}, 'visa_expired')",
      required=True,
      constraint="not((selected(${document_held}, 'por_valid') or "
                 "selected(${document_held}, 'visa_valid')) and . < today() and "
                 "not(selected(${document_held}, 'por_expired') or "
                 "selected(${document_held}, 'visa_expired')))",
      constraint_message=T("The document is marked valid but this date has passed",
                           "سند معتبر علامت خورده اما این تاریخ گذشته است",
                           "سند باعتباره ښودل شوی خو دا نېټه تېره شوې ده",
                           "دستاویز کارآمد بتایا گیا ہے لیکن یہ تاریخ گزر چکی ہے")),
    F("days_remaining", "calculate", T("Days until expiry", "روزهای باقی‌مانده تا انقضا",
                                       "د پای ته رسېدو پورې ورځې", "میعاد ختم ہونے میں باقی دن"),
      calculation="if(${document_expiry} = '', '', int(${document_expiry} - today()))",
      value_type="integer"),
    F("expiry_alert", "note", T(
        "The document has expired or expires within 30 days: consider urgent legal aid.",
        "سند منقضی شده یا ظرف ۳۰ روز منقضی می‌شود: کمک حقوقی فوری را در نظر بگیرید.",
        "سند پای ته رسېدلی یا په ۳۰ ورځو کې پای ته رسېږي: بېړنۍ حقوقي مرسته په پام کې ونیسئ.",
        "دستاویز کی میعاد ختم ہو چکی یا ۳۰ دن میں ختم ہوگی: فوری قانونی امداد پر غور کریں۔"),
      relevant="${days_remaining} < 30"),
    F("unhcr_status", "select_one", T("UNHCR registration", "ثبت‌نام در UNHCR",
                                      "په UNHCR کې نوم لیکنه", "یو این ایچ سی آر رجسٹریشن"),
      choices="unhcr_status"),
    F("detained_in_pakistan", "yes_no", T("Ever arrested or detained in Pakistan?",
                                          "آیا تاکنون در پاکستان بازداشت شده‌اند؟",
                                          "ایا کله په پاکستان کې نیول شوي یا توقیف شوي؟",
                                          "کیا کبھی پاکستان میں گرفتار یا حراست میں لیے گئے؟")),
    F("legal_notes", "long_text", T("Notes on legal status", "یادداشت‌ها درباره وضعیت حقوقی",
                                    "د حقوقي وضعیت په اړه یادښتونه", "قانونی حیثیت پر نوٹس")),
], relevant=CONSENTED)


def urgency_field(need: str) -> dict[str, Any]:
    label = next(c["label"] for c in CHOICES["need"] if c["name"] == need)
    return F(f"urgency_{need}", "select_one", {
        "en": f"Urgency: {label['en']}", "fa-AF": f"فوریت: {label['fa-AF']}",
        "ps": f"بېړنیتوب: {label['ps']}", "ur": f"فوریت: {label['ur']}"},
        choices="urgency", required=True, relevant=f"selected(${{needs}}, '{need}')")


NEEDS = section("needs_section", T("Needs", "نیازها", "اړتیاوې", "ضروریات"), [
    F("needs", "select_multiple", T("What do they need?", "به چه چیزی نیاز دارند؟",
                                    "څه ته اړتیا لري؟", "انہیں کس چیز کی ضرورت ہے؟"),
      choices="need"),
    *[urgency_field(n) for n in NEED_URGENCY],
    F("relocation_preference", "select_one", T("Relocation preference", "ترجیح انتقال",
                                               "د لېږد غوره توب", "منتقلی کی ترجیح"),
      choices="relocation_preference", relevant="selected(${needs}, 'relocation')"),
    F("medical_details", "long_text", T("Medical needs", "نیازهای صحی", "روغتیايي اړتیاوې",
                                        "طبی ضروریات"),
      relevant="selected(${needs}, 'medical')", sensitive=True),
    F("needs_notes", "long_text", T("Other notes on needs", "یادداشت‌های دیگر درباره نیازها",
                                    "د اړتیاوو په اړه نور یادښتونه", "ضروریات پر دیگر نوٹس")),
], relevant=CONSENTED)

RISK = section("risk_assessment", T("Risk assessment", "ارزیابی خطر", "د خطر ارزونه",
                                    "خطرے کا جائزہ"), [
    F("risk_level", "select_one", T("Risk level", "سطح خطر", "د خطر کچه", "خطرے کی سطح"),
      choices="risk_level", required=True),
    F("risk_rationale", "long_text", T("Why this level?", "چرا این سطح؟", "ولې دا کچه؟",
                                       "یہ سطح کیوں؟"),
      required=True),
    F("imminence_flags", "select_multiple", T("Signs of imminent danger",
                                              "نشانه‌های خطر قریب‌الوقوع",
                                              "د نږدې خطر نښې", "فوری خطرے کی علامات"),
      choices="imminence", required=True,
      constraint="not(selected(., 'none') and count-selected(.) > 1)",
      constraint_message=NONE_ALONE),
    F("imminent_risk", "calculate", T("Imminent risk", "خطر قریب‌الوقوع", "نږدې خطر",
                                      "فوری خطرہ"),
      calculation="count-selected(${imminence_flags}) > 0 and "
                  "not(selected(${imminence_flags}, 'none'))",
      value_type="boolean"),
    F("escalation_note", "note", T(
        "Escalate to the protection lead today.",
        "امروز موضوع را به مسئول حفاظت ارجاع دهید.",
        "نن ورځ موضوع د ساتنې مسؤل ته ورسوئ.",
        "آج ہی تحفظ کے ذمہ دار کو آگاہ کریں۔"),
      relevant="${risk_level} = 'extreme' or ${imminent_risk} = true()"),
    F("next_review", "date", T("Next risk review", "بازبینی بعدی خطر", "د خطر راتلونکې بیا کتنه",
                               "خطرے کا اگلا جائزہ"),
      constraint=". >= ${interview_date}",
      constraint_message=T("Must be on or after the interview date",
                           "باید در تاریخ مصاحبه یا بعد از آن باشد",
                           "باید د مرکې په نېټه یا وروسته وي",
                           "انٹرویو کی تاریخ یا اس کے بعد ہونی چاہیے")),
], relevant=CONSENTED)

REFERRALS = [
    F("referrals_blocked", "note", T(
        "No consent to refer to partners: do not record referrals.",
        "رضایت برای معرفی به همکاران داده نشده: ارجاعی ثبت نکنید.",
        "همکارانو ته د معرفي کولو رضایت نشته: هېڅ معرفي مه ثبتوئ.",
        "شراکت داروں کو بھیجنے کی رضامندی نہیں: کوئی حوالہ درج نہ کریں۔"),
      relevant=f"{CONSENTED} and ${{consent_refer_partners}} = false()"),
    F("referrals", "repeat", T("Referrals", "ارجاعات", "معرفي ګانې", "حوالہ جات"),
      relevant=f"{CONSENTED} and ${{consent_refer_partners}} = true()", max_rows=30, children=[
          F("referral_to", "select_one", T("Referred to", "ارجاع به", "معرفي شوی", "حوالہ برائے"),
            choices="referral_to", required=True),
          F("referral_org", "text", T("Organisation name", "نام سازمان", "د موسسې نوم",
                                      "تنظیم کا نام")),
          F("referral_need", "select_one", T("For which need?", "برای کدام نیاز؟",
                                             "د کومې اړتیا لپاره؟", "کس ضرورت کے لیے؟"),
            choices="need", required=True),
          F("referral_date", "date", T("Date", "تاریخ", "نېټه", "تاریخ")),
          F("referral_status", "select_one", T("Status", "وضعیت", "حالت", "حیثیت"),
            choices="referral_status", required=True, default="planned"),
          F("referral_notes", "long_text", T("Notes", "یادداشت‌ها", "یادښتونه", "نوٹس")),
      ]),
]

CLOSING = section("closing", T("Closing", "پایان", "پای", "اختتام"), [
    F("follow_up_date", "date", T("Follow-up date", "تاریخ پیگیری", "د تعقیب نېټه",
                                  "پیروی کی تاریخ"),
      constraint=". >= ${interview_date}",
      constraint_message=T("Must be on or after the interview date",
                           "باید در تاریخ مصاحبه یا بعد از آن باشد",
                           "باید د مرکې په نېټه یا وروسته وي",
                           "انٹرویو کی تاریخ یا اس کے بعد ہونی چاہیے")),
    F("interviewer_notes", "long_text", T("Interviewer's notes", "یادداشت‌های مصاحبه‌گر",
                                          "د مرکه کوونکي یادښتونه", "انٹرویو لینے والے کے نوٹس")),
    F("consent_scope", "calculate", T("Consent given for", "رضایت داده شده برای",
                                      "رضایت ورکړل شوی د", "رضامندی دی گئی برائے"),
      calculation="normalize-space(concat(if(${consent_store} = true(), 'store ', ''), "
                  "if(${consent_send_hq} = true(), 'send_hq ', ''), "
                  "if(${consent_refer_partners} = true(), 'refer ', ''), "
                  "if(${consent_advocacy} = true(), 'advocacy ', ''), "
                  "if(${consent_statistics} = true(), 'statistics ', ''), "
                  "if(${consent_legal} = true(), 'legal', '')))"),
], relevant=CONSENTED)

META = [
    F("started_at", "hidden", T("Interview started", "آغاز مصاحبه", "د مرکې پیل", "انٹرویو کا آغاز"),
      metadata="start", value_type="text"),
    F("device_id", "hidden", T("Device", "دستگاه", "وسیله", "آلہ"), metadata="deviceid",
      value_type="text"),
]


def build() -> dict[str, Any]:
    review = "awaiting native-speaker review"
    return {
        "format": 1,
        "id": FORM_ID,
        "version": VERSION,
        "title": T("Intake interview: human rights defender at risk",
                   "مصاحبه ثبت: مدافع حقوق بشر در معرض خطر",
                   "د ثبت مرکه: په خطر کې د بشري حقونو مدافع",
                   "اندراج انٹرویو: خطرے سے دوچار انسانی حقوق کا محافظ"),
        "default_language": "en",
        "languages": [
            {"code": "en", "name": "English", "direction": "ltr"},
            {"code": "fa-AF", "name": "دری", "direction": "rtl"},
            {"code": "ps", "name": "پښتو", "direction": "rtl"},
            {"code": "ur", "name": "اردو", "direction": "rtl"},
        ],
        "fields": [SESSION, IDENTITY, SAFE_CONTACT, PROFILE, THREATS, *FAMILY, LEGAL, NEEDS,
                   RISK, *REFERRALS, CLOSING, *META],
        "choice_lists": CHOICES,
        "metadata": {
            "description": "Intake interview for Afghan human rights defenders at risk in "
                           "Pakistan. Minimised: no street address, no GPS, sensitive "
                           "fields optional and marked. Vocabulary after HURIDOCS.",
            "translation_status": {"en": "source", "fa-AF": review, "ps": review, "ur": review},
            "source": "forms/source/hrd_intake.py",
            "casework": CASEWORK,
        },
    }


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    from intake_app.forms import Form

    form = Form.from_dict(build())
    out = Path(__file__).resolve().parents[1] / "hrd_intake.json"
    out.write_text(form.pretty_json(), encoding="utf-8")
    print(f"wrote {out} ({len(list(form.walk()))} fields)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
