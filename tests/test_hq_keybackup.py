"""HQ key backup: SLIP-39 M-of-N shares restore HQ on a new machine; M-1 do not."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from nacl.public import PrivateKey
from nacl.signing import SigningKey

from intake_app.hq import keybackup
from intake_app.hq.keybackup import BackupError, KeyMaterial, RecipientSecret
from tests.cli_helpers import HQ_PASS, Setup, enrolled_pair, example_values, ok, run

NEW_PASS = "a new machine's passphrase"


def _material(n: int = 2, org: str = "سازمان Test Org", hq_id: str = "hq-0123456789ab",
              labels: tuple[str, ...] = ()) -> KeyMaterial:
    recips = tuple(RecipientSecret(labels[i] if i < len(labels) else keybackup.default_label(i),
                                   PrivateKey.generate(), retired=(i == 2))
                   for i in range(n))
    return KeyMaterial(hq_id, org, SigningKey.generate(), recips)


def _same(a: KeyMaterial, b: KeyMaterial) -> bool:
    return (a.hq_id == b.hq_id and a.org_name == b.org_name
            and bytes(a.signing_key) == bytes(b.signing_key)
            and [(r.label, bytes(r.key), r.retired) for r in a.recipients]
            == [(r.label, bytes(r.key), r.retired) for r in b.recipients])


@pytest.mark.parametrize("km", [
    _material(),
    _material(1, org="O"),
    _material(3, hq_id="custom.hq-id_1", labels=("main", "offline safe", "rotated")),
    _material(16, org="x" * 255),
])
def test_master_secret_round_trip(km: KeyMaterial) -> None:
    secret = keybackup.encode(km)
    assert len(secret) % 2 == 0 and len(secret) >= 16
    assert _same(keybackup.decode(secret), km)


def test_default_backup_is_compact() -> None:
    secret = keybackup.encode(_material(org="Test Org"))
    assert len(secret) == 1 + 1 + 6 + 1 + 8 + 32 + 1 + 2 * 33 + 0  # 116 bytes, even
    shares = keybackup.split(_material(org="Test Org"), 3, 2)
    assert len(shares[0].split()) == 100


def test_garbage_is_not_a_backup() -> None:
    good = keybackup.encode(_material())
    for bad in (b"\x02" + good[1:], good[:-3] + b"\x01\x02\x03", good + b"\x00\x00",
                bytes(32)):
        with pytest.raises(BackupError):
            keybackup.decode(bad)


@pytest.mark.parametrize("n,m", [(5, 3), (3, 2), (2, 2), (16, 9)])
def test_exactly_m_shares_restore_and_m_minus_1_fail(n: int, m: int) -> None:
    km = _material()
    shares = keybackup.split(km, n, m)
    assert len(shares) == n and len(set(shares)) == n
    assert _same(keybackup.combine(shares[-m:]), km)
    assert _same(keybackup.combine(shares[:m]), km)
    assert _same(keybackup.combine(shares), km)  # more than M: any M are used
    with pytest.raises(BackupError, match=r"Wrong number of mnemonics|Insufficient"):
        keybackup.combine(shares[: m - 1])


def test_share_mistakes_are_clear() -> None:
    km = _material()
    shares = keybackup.split(km, 3, 2)
    other = keybackup.split(_material(), 3, 2)
    with pytest.raises(BackupError, match="twice"):
        keybackup.combine([shares[0], shares[0]])
    with pytest.raises(BackupError, match="different backups"):
        keybackup.combine([shares[0], other[1]])
    words = shares[1].split()
    words[5] = "academic" if words[5] != "academic" else "acid"
    with pytest.raises(BackupError, match="share 2 is not valid"):
        keybackup.combine([shares[0], " ".join(words)])  # one mistyped word: checksum
    with pytest.raises(BackupError, match="no shares"):
        keybackup.combine([])


def test_share_passphrase() -> None:
    km = _material()
    shares = keybackup.split(km, 3, 2, passphrase="correct horse")
    assert _same(keybackup.combine(shares[:2], "correct horse"), km)
    with pytest.raises(BackupError):
        keybackup.combine(shares[:2], "wrong horse")
    with pytest.raises(BackupError):
        keybackup.combine(shares[:2])


def test_sheets_read_back() -> None:
    km = _material()
    shares = keybackup.split(km, 4, 3)
    text = keybackup.format_sheets(shares, 3, km, "2025-01-01")
    assert km.fingerprint in text
    assert keybackup.read_shares(text) == shares
    # Typed back by hand: capitals, numbering, extra spaces.
    typed = "1. " + "  ".join(w.upper() for w in shares[2].split())
    assert keybackup.normalize_share(typed) == shares[2]


def _bundle(s: Setup, tag: str) -> Path:
    f = s.root / "v.json"
    f.write_text(json.dumps(example_values(interviewer_notes=tag), ensure_ascii=False),
                 encoding="utf-8")
    rid = s.f("record", "new", "--form", "hrd_intake", "--json", f).out.strip()
    assert s.f("record", "finalize", rid).rc == 0
    usb = s.root / f"usb-{tag}"
    usb.mkdir()
    r = s.f("export", "--to", usb)
    assert r.rc == 0, r.err
    return Path(r.out.split()[0])


def test_cli_backup_and_restore_on_a_new_machine(tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    old_bundle = _bundle(s, "before-the-fire")
    fp = s.h("hq", "fingerprint").out.strip()
    r = s.h("hq", "backup-keys", "--shares", "5", "--threshold", "3", "--out",
            tmp_path / "sheets.txt")
    assert r.rc == 0, r.err
    assert "private keys" in r.err
    assert stat.S_IMODE((tmp_path / "sheets.txt").stat().st_mode) == 0o600
    shares = keybackup.read_shares((tmp_path / "sheets.txt").read_text(encoding="utf-8"))
    assert len(shares) == 5
    # Each custodian brings one sheet.
    for i, share in enumerate(shares):
        (tmp_path / f"custodian{i}.txt").write_text(f"# custodian {i}\n{share}\n")

    new = tmp_path / "new-hq"
    too_few = run("--data-dir", new, "hq", "restore-keys",
                  "--shares-file", tmp_path / "custodian0.txt",
                  "--shares-file", tmp_path / "custodian3.txt",
                  "--keyring", s.keyring, passphrase=NEW_PASS)
    assert too_few.rc == 1 and "Expected 3 mnemonics" in too_few.err
    assert too_few.err.count("\n") == 1
    assert not new.exists() or not any(new.iterdir()), "nothing created from M-1 shares"

    wrong_fp = run("--data-dir", new, "hq", "restore-keys",
                   *(x for i in (0, 2, 4) for x in ("--shares-file", tmp_path /
                                                     f"custodian{i}.txt")),
                   "--expect-fingerprint", "12345 " * 9 + "12345", passphrase=NEW_PASS)
    assert wrong_fp.rc == 1 and "fingerprint mismatch" in wrong_fp.err

    r = run("--data-dir", new, "hq", "restore-keys",
            *(x for i in (4, 0, 2) for x in ("--shares-file", tmp_path / f"custodian{i}.txt")),
            "--keyring", s.keyring, "--expect-fingerprint", fp, passphrase=NEW_PASS)
    assert r.rc == 0, r.err
    assert fp in r.out and "1 device(s)" in r.out
    assert ok("--data-dir", new, "hq", "fingerprint", passphrase=NEW_PASS).out.strip() == fp
    # An old bundle sealed for the lost HQ opens at the new one.
    imp = run("--data-dir", new, "hq", "import", old_bundle, passphrase=NEW_PASS)
    assert imp.rc == 0 and "imported" in imp.out, imp.out + imp.err
    # New receipts and keyrings verify against the same fingerprint.
    ok("--data-dir", new, "hq", "receipts", "--out", tmp_path / "r.sig", "--device",
       s.device_id, passphrase=NEW_PASS)
    assert s.f("receipts", "import", tmp_path / "r.sig").rc == 0
    ok("--data-dir", new, "hq", "keyring", "--out", tmp_path / "k2.sig", passphrase=NEW_PASS)
    assert run("verify", _bundle(s, "after"), "--keyring", tmp_path / "k2.sig").rc == 0
    # The restored HQ's log starts with the restore.
    ok("--data-dir", new, "hq", "log", "--out", tmp_path / "log.jsonl", passphrase=NEW_PASS)
    first = json.loads((tmp_path / "log.jsonl").read_text().splitlines()[1])
    assert first["kind"] == "restore"
    # The old HQ logged that a backup was made.
    ok("--data-dir", s.hq, "hq", "log", "--out", tmp_path / "old.jsonl", passphrase=HQ_PASS)
    assert '"kind":"key-backup"' in (tmp_path / "old.jsonl").read_text()


def test_restore_refusals(tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    other = enrolled_pair(tmp_path / "other", distinct=True)
    r = s.h("hq", "backup-keys", "--shares", "3", "--threshold", "2")
    assert r.rc == 0
    shares = keybackup.read_shares(r.out)
    (tmp_path / "two.txt").write_text("\n".join(shares[:2]))
    # A keyring from another HQ is refused, and nothing is created.
    r = run("--data-dir", tmp_path / "n1", "hq", "restore-keys", "--shares-file",
            tmp_path / "two.txt", "--keyring", other.keyring, passphrase=NEW_PASS)
    assert r.rc == 1 and "not this HQ's" in r.err
    assert not (tmp_path / "n1").exists() or not any((tmp_path / "n1").iterdir())
    # Restoring over an existing profile is refused.
    r = run("--data-dir", s.hq, "hq", "restore-keys", "--shares-file", tmp_path / "two.txt",
            passphrase=NEW_PASS)
    assert r.rc == 1 and "already exists" in r.err
    # Without a keyring: keys restored, but no devices; a warning says so.
    r = run("--data-dir", tmp_path / "n2", "hq", "restore-keys", "--shares-file",
            tmp_path / "two.txt", passphrase=NEW_PASS)
    assert r.rc == 0 and "no devices are enrolled" in r.err
    # Usage errors.
    assert s.h("hq", "backup-keys", "--shares", "3", "--threshold", "1").rc == 2
    assert s.h("hq", "backup-keys", "--shares", "2", "--threshold", "3").rc == 2
    assert s.h("hq", "backup-keys", "--shares", "17", "--threshold", "3").rc == 2
    r = run("--data-dir", tmp_path / "n3", "hq", "restore-keys", passphrase=NEW_PASS)
    assert r.rc == 2 and "no shares" in r.err


def test_cli_share_passphrase(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path)
    env = {"INTAKE_SHARE_PASSPHRASE": "paper and memory"}
    r = run("--data-dir", s.hq, "hq", "backup-keys", "--shares", "3", "--threshold", "2",
            "--share-passphrase", passphrase=HQ_PASS, env=env)
    assert r.rc == 0, r.err
    (tmp_path / "s.txt").write_text(r.out)
    r = run("--data-dir", tmp_path / "n", "hq", "restore-keys", "--shares-file",
            tmp_path / "s.txt", "--share-passphrase", passphrase=NEW_PASS,
            env={"INTAKE_SHARE_PASSPHRASE": "wrong"})
    assert r.rc == 1
    r = run("--data-dir", tmp_path / "n", "hq", "restore-keys", "--shares-file",
            tmp_path / "s.txt", "--share-passphrase", passphrase=NEW_PASS, env=env)
    assert r.rc == 0, r.err
