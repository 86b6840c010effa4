"""Saving one of HQ's attachments to a file, streamed (constant memory whatever its size,
from blob files, bucket objects or rows alike), and logged in the signed event log."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from intake_app.hq.files import AtomicFile
from intake_app.models import AttachmentInfo
from intake_app.store import attachments as att_store

if TYPE_CHECKING:
    from intake_app.services.hq import HQService


def save_attachment(svc: HQService, att_id: str, dest: Path) -> AttachmentInfo:
    """Write attachment ``att_id``'s plaintext to ``dest`` (0600 from the first byte,
    renamed into place once whole and fsynced: a failure leaves no partial file). The
    copy leaves the encrypted store: the event log records who saved what, not where."""
    with svc._lock:
        store = svc._store
        info = att_store.get_attachment(store, att_id)
        out = AtomicFile(Path(dest))
        try:
            for chunk in att_store.iter_attachment(store, att_id):
                out.binary.write(chunk)
            out.commit()
        except BaseException:
            out.abort()
            raise
        svc._log("attachment-saved", {"attachment": att_id, "record": info.record_id,
                                      "size": info.size})
    return info
