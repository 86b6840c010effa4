"""Generated people for the case desk benchmarks: Afghan names in Dari script with the
Latin spellings staff really write (Maryam / Mariam, Ahmadi / Ahmady), some persons
interviewed more than once under another spelling or script, with a birth date or
only an approximate age, a phone number sometimes, a province nearly always; and
``seed_store``, which writes them into an HQ store as an import would."""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intake_app.services.hq import HQService

EXAMPLE = Path(__file__).resolve().parents[1] / "forms" / "examples" / "hrd_intake.json"
PASS = "benchmark passphrase"
NAME_FIELDS = ("name_native", "name_latin", "birth_date", "approximate_age",
               "interview_date", "contact_detail", "province_of_origin")

# (Dari, Latin spellings)
FIRST = [
    ("مریم", ["Maryam", "Mariam", "Maryum"]), ("فاطمه", ["Fatima", "Fatemeh", "Fatema"]),
    ("زهرا", ["Zahra", "Zahraa"]), ("محمد", ["Mohammad", "Muhammad", "Mohammed"]),
    ("احمد", ["Ahmad", "Ahmed"]), ("علی", ["Ali", "Aly"]), ("حسین", ["Hussain", "Hossein"]),
    ("یوسف", ["Yousuf", "Yusuf", "Yousef"]), ("خالد", ["Khalid", "Khaled"]),
    ("عبدالله", ["Abdullah", "Abdulla"]), ("قاسم", ["Qasim", "Kasim", "Qassim"]),
    ("نرگس", ["Nargis", "Narges"]), ("شکریه", ["Shukria", "Shokria"]),
    ("فریبا", ["Fariba", "Fareeba"]), ("سمیرا", ["Samira", "Sameera"]),
    ("جمیله", ["Jamila", "Jameela"]), ("رحیم", ["Rahim", "Raheem"]),
    ("کریم", ["Karim", "Kareem"]), ("نجیب", ["Najib", "Najeeb"]), ("ولی", ["Wali", "Vali"]),
    ("هما", ["Homa", "Huma"]), ("لیلا", ["Laila", "Leila", "Layla"]),
    ("پروین", ["Parwin", "Parvin"]), ("ظریفه", ["Zarifa", "Zareefa"]),
    ("بشیر", ["Bashir", "Basheer"]), ("نسرین", ["Nasrin", "Nasreen"]),
    ("صدیقه", ["Sadiqa", "Sediqa"]), ("عزیز", ["Aziz", "Azeez"]),
    ("حبیب", ["Habib", "Habeeb"]), ("شریف", ["Sharif", "Shareef"]),
    ("منیژه", ["Manizha", "Manija"]), ("سحر", ["Sahar", "Sehar"]),
    ("طاهره", ["Tahira", "Tahereh"]), ("جاوید", ["Javid", "Jawed"]),
    ("وحید", ["Wahid", "Vahid"]), ("رویا", ["Roya", "Ruya"]),
    ("نادیه", ["Nadia", "Nadiya"]), ("کبری", ["Kubra", "Kobra"]),
    ("گلالی", ["Gulalai", "Gulali"]), ("ملالی", ["Malalai", "Malali"]),
]
LAST = [
    ("احمدی", ["Ahmadi", "Ahmady"]), ("حسینی", ["Hosseini", "Husseini", "Hussaini"]),
    ("رضایی", ["Rezaei", "Rezai", "Rezayee"]), ("محمدی", ["Mohammadi", "Muhammadi"]),
    ("کریمی", ["Karimi", "Kareemi"]), ("رحیمی", ["Rahimi", "Raheemi"]),
    ("نوری", ["Noori", "Nuri"]), ("صدیقی", ["Siddiqi", "Sediqi", "Sadiqi"]),
    ("قادری", ["Qaderi", "Qadiri", "Kaderi"]), ("یوسفی", ["Yousufi", "Yusufi"]),
    ("عزیزی", ["Azizi", "Azeezi"]), ("حیدری", ["Haidari", "Heydari", "Haydari"]),
    ("جعفری", ["Jafari", "Jaafari"]), ("ستانکزی", ["Stanekzai", "Stanikzai"]),
    ("پوپل", ["Popal", "Popol"]), ("وردک", ["Wardak", "Wardag"]),
    ("کاکړ", ["Kakar", "Kakkar"]), ("نیازی", ["Niazi", "Niyazi"]),
    ("امینی", ["Amini", "Ameeni"]), ("شریفی", ["Sharifi", "Shareefi"]),
    ("باقری", ["Bagheri", "Baqiri"]), ("سلطانی", ["Sultani", "Soltani"]),
    ("هاشمی", ["Hashimi", "Hashemi"]), ("فاضلی", ["Fazili", "Fazeli"]),
    ("مرادی", ["Moradi", "Muradi"]), ("نظری", ["Nazari", "Nazary"]),
    ("اکبری", ["Akbari", "Akbary"]), ("صافی", ["Safi", "Saafi"]),
    ("زمانی", ["Zamani", "Zamany"]), ("ملکزاده", ["Malikzada", "Malekzadeh"]),
    ("توخی", ["Tokhi", "Tukhi"]), ("سادات", ["Sadat", "Saadat"]),
    ("ابراهیمی", ["Ebrahimi", "Ibrahimi"]), ("انصاری", ["Ansari", "Ansary"]),
    ("همت", ["Hemmat", "Himmat"]), ("رسولی", ["Rasuli", "Rasooli"]),
    ("خلیلی", ["Khalili", "Khaleeli"]), ("نجفی", ["Najafi", "Najafy"]),
    ("عثمانی", ["Usmani", "Osmani"]), ("بهرامی", ["Bahrami", "Bahramy"]),
]
PROVINCES = ["kabul", "herat", "balkh", "kandahar", "nangarhar", "ghazni", "bamyan",
             "kunduz", "badakhshan", "parwan", "takhar", "helmand", "khost", "paktia",
             "logar", "wardak", "daykundi", "ghor", "faryab", "jowzjan"]


class Person:
    def __init__(self, rng: random.Random, pid: int) -> None:
        self.pid = pid
        self.first = rng.randrange(len(FIRST))
        self.last = rng.randrange(len(LAST))
        self.middle = rng.randrange(len(FIRST)) if rng.random() < 0.5 else None
        self.year = rng.randint(1950, 2004)
        self.phone = f"3{rng.randint(0, 99):02d}{rng.randint(0, 9_999_999):07d}"
        self.province = rng.choice(PROVINCES)


def interview(rng: random.Random, p: Person, *, variant: bool) -> dict[str, Any]:
    """The fields the desk reads; ``variant``: a second interview, spelled otherwise."""
    f_ar, f_lat = FIRST[p.first]
    l_ar, l_lat = LAST[p.last]
    parts_ar = [f_ar] + ([FIRST[p.middle][0]] if p.middle is not None else []) + [l_ar]
    parts_lat = [rng.choice(f_lat) if variant else f_lat[0]]
    if p.middle is not None and (not variant or rng.random() < 0.6):
        parts_lat.append(rng.choice(FIRST[p.middle][1]))
    parts_lat.append(rng.choice(l_lat) if variant else l_lat[0])
    v: dict[str, Any] = {}
    script = rng.random()
    if not variant or script < 0.5:
        v["name_native"] = " ".join(parts_ar)
    if not variant or script >= 0.3:
        v["name_latin"] = " ".join(parts_lat)
    r = rng.random()
    if not variant or r < 0.5:
        v["birth_date"] = f"{p.year}" if rng.random() < 0.5 else f"{p.year}-06-01"
    elif r < 0.85:
        # an approximate age at the interview (2025), off by a year sometimes
        v["approximate_age"] = 2025 - p.year + rng.choice((0, 0, 1, -1))
        v["interview_date"] = "2025-06-14"
    if rng.random() < (0.5 if variant else 0.7):
        v["contact_detail"] = ("+92 " if rng.random() < 0.5 else "0") + p.phone
    if rng.random() < 0.97:
        v["province_of_origin"] = p.province
    return v


def dataset(n_records: int, dup_share: float, seed: int = 7
            ) -> tuple[list[tuple[int, dict[str, Any]]], int]:
    """[(person id, values)], number of persons; ``dup_share`` of persons get a second
    (and some a third) interview."""
    rng = random.Random(seed)
    out: list[tuple[int, dict[str, Any]]] = []
    pid = 0
    while len(out) < n_records:
        p = Person(rng, pid)
        out.append((pid, interview(rng, p, variant=False)))
        if rng.random() < dup_share:
            for _ in range(1 if rng.random() < 0.85 else 2):
                if len(out) < n_records:
                    out.append((pid, interview(rng, p, variant=True)))
        pid += 1
    return out, pid


class Rev:
    __slots__ = ("created_at", "form_id", "form_version", "record_id", "rev", "saved_at",
                 "values")

    def __init__(self, rid: str, at: int, values: dict[str, Any]) -> None:
        self.record_id, self.form_id, self.form_version = rid, "hrd_intake", "2025.2"
        self.created_at = self.saved_at = at
        self.rev, self.values = 1, values


def seed_store(svc: HQService, data: list[tuple[int, dict[str, Any]]],
               base: dict[str, Any]) -> list[str]:
    """Write the generated interviews (over ``base``, the example record) in one
    transaction with the store's own insert (``store_revision``, what an import does per
    record), with a risk level, needs and a document expiry drawn at random."""
    from intake_app.store.ids import now_ms
    from intake_app.store.received import store_revision

    rng = random.Random(3)
    ids = []
    at = now_ms() - 400 * 86_400_000
    with svc._store.transaction() as conn:
        for i, (_pid, v) in enumerate(data):
            values = {k: x for k, x in base.items() if k not in NAME_FIELDS}
            values.update(v)
            values["risk_level"] = rng.choice(["low", "medium", "high", "extreme"])
            values["imminence_flags"] = ["none"]
            values["needs"] = rng.sample(["relocation", "legal_aid", "medical", "shelter",
                                          "psychosocial", "documents"], 2)
            day = rng.randint(-60, 400)
            values["document_expiry"] = time.strftime(
                "%Y-%m-%d", time.gmtime(time.time() + day * 86400))
            rid = f"{i:032x}"
            store_revision(conn, Rev(rid, at + i * 300_000, values), "dev-bench", 1)
            ids.append(rid)
    return ids
