#!/usr/bin/env python3
"""Back up and restore a team HQ: its PostgreSQL store (pg_dump), its attachment bucket
(a full copy of the objects under the prefix) and the importer's profile folder (the
header that unlocks HQ's keys). Run it with the package's Python, on the importer's host:

    /opt/intake/venv/bin/python deploy/backup.py backup  --database URL --bucket s3://B/P \\
        --profile /var/lib/intake-hq --out /backup/2026-12-03
    /opt/intake/venv/bin/python deploy/backup.py restore --database URL --bucket s3://B/P \\
        --profile /var/lib/intake-hq --from /backup/2026-12-03

Passwords come from libpq (PGPASSFILE, ~/.pgpass, a service file), the S3 endpoint and
keys from INTAKE_S3_CONFIG or INTAKE_S3_ENDPOINT + AWS_* (intake_app.objstore): never
from the command line. The database is dumped first and the bucket copied second, so
every object the dump refers to is in the copy (an object added in between is only an
orphan). Everything in the backup stays encrypted at rest: attachments are sealed under
per-attachment keys, which are in the dump; the dump holds records in plaintext columns
and must be kept encrypted (see docs/team-server.md, "Backup and restore"). A restore
goes into an EMPTY database and an EMPTY bucket prefix and refuses anything else.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from intake_app import objstore
from intake_app.errors import ObjectStoreError, UsageError

DUMP = "hq.dump"
OBJECTS = "objects"
PROFILE = "profile"
MANIFEST = "manifest.json"


def _pg_tool(name: str) -> str:
    """pg_dump / pg_restore: from PATH, else the newest Debian server's bin folder."""
    found = shutil.which(name)
    if found:
        return found
    cands = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if not cands:
        raise SystemExit(f"backup: {name} not found (apt-get install postgresql-client)")
    return cands[-1]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def backup(database: str, bucket_url: str, profile: Path | None, out: Path) -> dict[str, object]:
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"backup: {out} is not empty")
    out.mkdir(parents=True, exist_ok=True, mode=0o700)
    subprocess.run([_pg_tool("pg_dump"), "--format=custom", "--file", str(out / DUMP),
                    "--dbname", database], check=True)
    loc = objstore.parse_url(bucket_url)
    client = objstore.connect(loc)
    n_objects = n_bytes = 0
    for obj in client.list_objects(loc.bucket, prefix=loc.list_prefix(), recursive=True):
        rel = obj.object_name[len(loc.list_prefix()):]
        target = out / OBJECTS / rel
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        client.fget_object(loc.bucket, obj.object_name, str(target))
        n_objects += 1
        n_bytes += target.stat().st_size
    if profile is not None:
        shutil.copytree(profile, out / PROFILE, symlinks=False)
    manifest = {"database_dump_sha256": _sha256(out / DUMP), "objects": n_objects,
                "object_bytes": n_bytes, "profile": profile is not None}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def restore(database: str, bucket_url: str, profile: Path | None, src: Path) -> dict[str, object]:
    manifest = json.loads((src / MANIFEST).read_text(encoding="utf-8"))
    if _sha256(src / DUMP) != manifest["database_dump_sha256"]:
        raise SystemExit(f"restore: {src / DUMP} does not match its manifest")
    loc = objstore.parse_url(bucket_url)
    client = objstore.connect(loc)
    if next(iter(client.list_objects(loc.bucket, prefix=loc.list_prefix(), recursive=True)),
            None) is not None:
        raise SystemExit(f"restore: {bucket_url} is not empty")
    if profile is not None and profile.exists() and any(profile.iterdir()):
        raise SystemExit(f"restore: {profile} is not empty")
    # --exit-on-error: a restore into a database that already holds tables fails here.
    subprocess.run([_pg_tool("pg_restore"), "--exit-on-error", "--no-owner", "--dbname",
                    database, str(src / DUMP)], check=True)
    n = 0
    base = src / OBJECTS
    for path in sorted(p for p in base.rglob("*") if p.is_file()) if base.exists() else []:
        client.fput_object(loc.bucket, loc.key(path.relative_to(base).as_posix()), str(path))
        n += 1
    if manifest["profile"] and profile is not None:
        shutil.copytree(src / PROFILE, profile, dirs_exist_ok=True)
        os.chmod(profile, 0o700)
    return {"objects": n, "profile": bool(manifest["profile"] and profile is not None)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="action", required=True)
    for name in ("backup", "restore"):
        s = sub.add_parser(name)
        s.add_argument("--database", required=True, metavar="postgresql://...")
        s.add_argument("--bucket", required=True, metavar="s3://BUCKET/PREFIX")
        s.add_argument("--profile", metavar="DIR", help="the importer's HQ profile folder")
        if name == "backup":
            s.add_argument("--out", required=True, metavar="DIR")
        else:
            s.add_argument("--from", dest="src", required=True, metavar="DIR")
    a = p.parse_args(argv)
    parts = urlsplit(a.database)
    if parts.password is not None or "password" in a.database:
        raise SystemExit(f"{a.action}: the database URL must not hold a password (PGPASSFILE)")
    profile = Path(a.profile) if a.profile else None
    try:
        if a.action == "backup":
            result = backup(a.database, a.bucket, profile, Path(a.out))
        else:
            result = restore(a.database, a.bucket, profile, Path(a.src))
    except (UsageError, ObjectStoreError) as exc:
        raise SystemExit(f"{a.action}: {exc}") from None
    except objstore.failures() as exc:  # the object store failed midway: one line
        raise SystemExit(f"{a.action}: object storage: {objstore.describe(exc)}") from None
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"{a.action}: {Path(exc.cmd[0]).name} failed (exit {exc.returncode})") \
            from None
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
