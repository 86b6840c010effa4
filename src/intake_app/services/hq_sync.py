"""HQ side: fetch new bundles from a drop box, publish receipts and the keyring.

Uses only the public HQService API; HQ authenticates with its signing key.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
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
              retries: int = 4, cancel: threading.Event | None = None) -> DropboxClient:
    return DropboxClient(url, hq_credentials(svc), proxy=proxy, ca_cert=ca_cert, timeout=timeout,
                         retries=retries, cancel=cancel)


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


@dataclass(frozen=True)
class WorkerRound:
    """One pass of the import worker: what it fetched and imported, or why it could
    not (then ``error``), and how long it waits before the next pass."""

    report: FetchReport | None
    error: str | None
    wait: float


def import_worker(svc: HQService, client: DropboxClient, dest: Path, *, stop: threading.Event,
                  interval: float = 30.0, max_backoff: float = 600.0,
                  publish: bool = False,
                  on_round: Callable[[WorkerRound], None] | None = None) -> int:
    """``fetch --import`` again and again until ``stop`` is set (SIGTERM): every
    ``interval`` seconds while the drop box answers, backing off (doubling, up to
    ``max_backoff``) while it does not. Each bundle is imported all-or-nothing, and a
    stop waits for the pass in progress, so stopping never leaves half an import. With
    ``publish``, HQ's receipts go to the drop box after each pass that imported
    something (the relay forgets those bundles, the laptops collect the receipt).
    Returns the number of passes."""
    failures = rounds = 0
    while not stop.is_set():
        report: FetchReport | None = None
        error: str | None = None
        try:
            report = fetch(svc, client, dest, do_import=True)
            if publish and any(o.verdict == "imported" for o in report.imported):
                publish_receipts(svc, client)
        except IntakeError as exc:  # unreachable, busy, refused: try again later
            error = str(exc)
        if error is None and report is not None and report.failed:
            error = f"{len(report.failed)} bundle(s) could not be fetched"
        failures = failures + 1 if error else 0
        wait = min(max_backoff, interval * 2 ** min(failures, 30)) if failures else interval
        rounds += 1
        if on_round is not None:
            on_round(WorkerRound(report, error, wait))
        stop.wait(wait)
    return rounds
