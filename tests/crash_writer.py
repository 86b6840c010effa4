"""Child process for the crash test: writes records and attachments forever.

After each save returns it prints ``R <id> <n>`` or ``A <record id> <att id> <sha256>``
and flushes, so the parent knows exactly which saves completed before SIGKILL.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
from pathlib import Path

from intake_app.services.base import ProfileService
from intake_app.store import attachments as att
from intake_app.store import records as rec


def main() -> None:
    data_dir, passphrase = Path(sys.argv[1]), sys.argv[2]
    svc = ProfileService(data_dir)
    svc.unlock(passphrase)
    n = 0
    out = sys.stdout
    # Tells the parent the store is open, so its kill times do not depend on
    # how long the imports took on a loaded machine.
    out.write("READY\n")
    out.flush()
    while True:
        n += 1
        rid = rec.create_record(svc._store, "f", "1", {"n": n, "text": "x" * (n % 500)})
        out.write(f"R {rid} {n}\n")
        out.flush()
        if n % 3 == 0:
            size = (n * 7919) % (3 * att.CHUNK_SIZE)
            payload = os.urandom(size)
            info = att.add_attachment(svc._store, rid, io.BytesIO(payload), f"f{n}.bin")
            assert info.sha256 == hashlib.sha256(payload).hexdigest()
            out.write(f"A {rid} {info.id} {info.sha256}\n")
            out.flush()
        if n % 5 == 0:
            rec.update_record(svc._store, rid, {"n": n, "edited": True}, (rec.RecordStatus.DRAFT,))
            out.write(f"E {rid} {n}\n")
            out.flush()


if __name__ == "__main__":
    main()
