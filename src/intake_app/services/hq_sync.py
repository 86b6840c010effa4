"""HQ side: fetch new bundles from a drop box, publish receipts and the keyring.

Uses only the public HQService API; HQ authenticates with its signing key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from intake_app.errors import IntakeError
from intake_app.models import ImportOutcome
from intake_app.paths import ensure_private_dir
from intake_app.services.hq import HQService
from intake_app.sync.auth import Credentials
from intake_app.sync.client import DropboxClient
from intake_app.sync.storage import parse_name, statement_hash_of


def hq_credentials(svc: HQService) -> Credentials:
    return Credentials("hq", svc.hq_id, svc.signing_key(), svc.hq_id)


def hq_client(svc: HQService, url: str, *, proxy: str | None = None,
              ca_cert: Path | None = None, timeout: float = 60.0,
              retries: int = 4) -> DropboxClient:
    return DropboxClient(url, hq_credentials(svc), proxy=proxy, ca_cert=ca_cert, timeout=timeout,
                         retries=retries)


@dataclass
class FetchReport:
    fetched: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already imported at HQ
    failed: list[tuple[str, str]] = field(default_factory=list)
    imported: list[ImportOutcome] = field(default_factory=list)


def fetch(svc: HQService, client: DropboxClient, dest: Path, *, do_import: bool = False,
          since: int = 0) -> FetchReport:
    """Download every bundle HQ has not imported yet into ``dest`` (verified against
    HQ's keyring); with ``do_import`` also import them (all-or-nothing per bundle)."""
    ensure_private_dir(dest)
    ring = svc.keyring()
    received = {d.device_id: set(d.received) for d in svc.devices()}
    report = FetchReport()
    for item in client.list_bundles(since):
        device, name = str(item["device"]), str(item["name"])
        parsed = parse_name(name)
        if parsed is None or parsed[0] != device:
            report.failed.append((name, "drop box listed a malformed name"))
            continue
        if parsed[1] in received.get(device, set()):
            report.skipped.append(name)
            continue
        local = dest / name
        try:
            if local.exists() and statement_hash_of(local) == item["statement_hash"]:
                report.fetched.append(local)
                continue
            report.fetched.append(client.download(device, name, dest, ring,
                                                  statement_hash=str(item["statement_hash"])))
        except IntakeError as exc:
            report.failed.append((name, str(exc)))
    if do_import:
        for path in report.fetched:
            report.imported.append(svc.import_bundle(path))
    return report


def publish_receipts(svc: HQService, client: DropboxClient,
                     device: str | None = None) -> list[dict[str, object]]:
    """Post HQ's signed receipt for each device (or one) that has sent bundles."""
    receipts = svc.receipts(device)
    if not receipts:
        raise IntakeError("no bundles imported yet: nothing to acknowledge")
    return [client.post_receipt(data) for _dev, data in sorted(receipts.items())]


def publish_keyring(svc: HQService, client: DropboxClient) -> dict[str, object]:
    """Push HQ's current signed keyring (new or revoked devices) to the drop box."""
    return client.put_keyring(svc.keyring_bytes())
