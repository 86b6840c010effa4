"""Network sync: ``intake dropbox serve``, ``intake upload``, ``intake hq fetch``,
``intake hq publish-receipts`` and ``intake hq publish-keyring``. Thin: see
intake_app.sync and docs/sync.md."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from intake_app.cli.common import (
    add_group,
    add_json,
    print_json,
)


def _proxy(args: argparse.Namespace) -> str | None:
    from intake_app.services.sending import check_proxy

    return check_proxy(args.proxy)


def _ca(args: argparse.Namespace) -> Path | None:
    return Path(args.ca_cert) if args.ca_cert else None


def _net(args: argparse.Namespace) -> dict[str, Any]:
    """An HQ client's network options (``_net_args``); the proxy is checked here, so
    before any passphrase is asked."""
    return {"proxy": _proxy(args), "ca_cert": _ca(args), "timeout": args.timeout,
            "retries": args.retries}


def cmd_dropbox_serve(args: argparse.Namespace) -> int:
    from intake_app.services.dropbox import build_config, load_config, serve

    file_values = load_config(Path(args.config)) if args.config else {}
    mib = 1024 * 1024
    overrides: dict[str, Any] = {
        "storage": (args.storage if args.storage.startswith("s3://") else Path(args.storage))
        if args.storage else None,
        "state": args.state,
        "keyring": Path(args.keyring) if args.keyring else None,
        "host": args.host, "port": args.port,
        "tls_cert": Path(args.tls_cert) if args.tls_cert else None,
        "tls_key": Path(args.tls_key) if args.tls_key else None,
        "limit_overrides": {
            "max_request_bytes": args.max_request_mb * mib if args.max_request_mb else None,
            "device_quota_bytes": args.device_quota_mb * mib if args.device_quota_mb else None,
            "device_quota_files": args.device_quota_files,
        },
    }  # fmt: skip
    cfg = build_config(file_values, overrides)
    if not cfg.keyring.is_file():
        from intake_app.errors import UsageError

        raise UsageError(f"no such keyring file: {cfg.keyring}")
    serve(cfg)
    return 0


def cmd_upload(args: argparse.Namespace) -> int:
    from intake_app.cli.field_cmds import field_service
    from intake_app.services.sending import Uploader, UploadProgress

    proxy = _proxy(args)

    def show(p: UploadProgress) -> None:
        if args.verbose and p.phase == "uploading":
            print(f"  {p.file_name}: {p.bytes_done}/{p.bytes_total} bytes", file=sys.stderr)

    with field_service(args) as svc:
        up = Uploader(svc, args.to, proxy=proxy, ca_cert=_ca(args), progress=show,
                      timeout=args.timeout, retries=args.retries)
        try:
            report = up.run()
        finally:
            up.close()
    for name in report.stored:
        print(f"sent       {name}")
    for name in report.already:
        print(f"already    {name}")
    for name, reason in report.failed:
        print(f"refused    {name}  {reason}")
    r = report.receipt
    if r is not None:
        print(f"receipt: delivered {len(r.delivered)} bundle(s), {len(r.already_delivered)} "
              f"already, {len(r.unknown)} unknown; purged {r.purged_records} record(s)")
    elif not report.receipt_error:
        print("receipt: none from HQ yet")
    if report.receipt_error:
        print(f"intake: receipt not applied: {report.receipt_error}", file=sys.stderr)
    if not (report.stored or report.already or report.failed):
        print("nothing to send", file=sys.stderr)
    return 0 if report.ok else 1


def cmd_hq_fetch(args: argparse.Namespace) -> int:
    from intake_app.cli.hq_cmds import hq_service
    from intake_app.services import hq_sync

    net = _net(args)
    with hq_service(args) as svc, hq_sync.hq_client(svc, args.from_url, **net) as client:
        report = hq_sync.fetch(svc, client, Path(args.to), do_import=args.do_import)
    if args.json_out:
        print_json({"fetched": [str(p) for p in report.fetched], "skipped": report.skipped,
                    "failed": [{"name": n, "reason": r} for n, r in report.failed],
                    "imported": [o.model_dump(mode="json") for o in report.imported]})
    else:
        for p in report.fetched:
            print(f"fetched    {p}")
        for name, reason in report.failed:
            print(f"failed     {name}  {reason}")
        for o in report.imported:
            if o.verdict == "imported":
                print(f"imported   {o.path}  {o.device_id} #{o.sequence}: {o.records} "
                      f"revision(s), {o.attachments} attachment(s)")
            elif o.verdict == "duplicate":
                print(f"duplicate  {o.path}  {o.device_id} #{o.sequence} already imported")
            else:
                print(f"rejected   {o.path}  {o.reason}")
        if not report.fetched and not report.failed:
            print("nothing new on the drop box", file=sys.stderr)
    bad = report.failed or any(o.verdict == "rejected" for o in report.imported)
    return 1 if bad else 0


def cmd_hq_import_worker(args: argparse.Namespace) -> int:
    import signal
    import threading

    from intake_app.cli.hq_cmds import hq_service
    from intake_app.services import hq_sync

    if args.interval <= 0 or args.max_backoff < args.interval:
        from intake_app.errors import UsageError

        raise UsageError("need 0 < --interval <= --max-backoff")
    net = _net(args)
    stop = threading.Event()

    def on_signal(signum: int, _frame: object) -> None:
        print(f"intake: {signal.Signals(signum).name}: stopping after this pass",
              file=sys.stderr, flush=True)
        stop.set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, on_signal)

    def show(r: hq_sync.WorkerRound) -> None:
        if r.report is not None:
            for o in r.report.imported:
                if o.verdict == "imported":
                    print(f"imported   {o.device_id} #{o.sequence}: {o.records} revision(s), "
                          f"{o.attachments} attachment(s)", flush=True)
                elif o.verdict == "rejected":
                    print(f"rejected   {o.path}  {o.reason}", flush=True)
        if r.error:
            print(f"intake: {r.error}; next try in {r.wait:.0f} s", file=sys.stderr, flush=True)

    with hq_service(args) as svc, hq_sync.hq_client(svc, args.from_url, cancel=stop,
                                                    **net) as client:
        print(f"import worker: watching {args.from_url} every {args.interval:g} s",
              file=sys.stderr, flush=True)
        rounds = hq_sync.import_worker(svc, client, Path(args.to), stop=stop,
                                       interval=args.interval, max_backoff=args.max_backoff,
                                       publish=args.publish_receipts, on_round=show)
    print(f"import worker: stopped after {rounds} pass(es)", file=sys.stderr, flush=True)
    return 0


def cmd_hq_publish_receipts(args: argparse.Namespace) -> int:
    from intake_app.cli.hq_cmds import hq_service
    from intake_app.services import hq_sync

    net = _net(args)
    with hq_service(args) as svc, hq_sync.hq_client(svc, args.to, **net) as client:
        results = hq_sync.publish_receipts(svc, client, args.device)
    for r in results:
        pruned = r.get("pruned") or []
        print(f"published receipt for {r['device']} through #{r['through']}; "
              f"drop box deleted {len(pruned) if isinstance(pruned, list) else 0} bundle(s)")
    return 0


def cmd_hq_publish_keyring(args: argparse.Namespace) -> int:
    from intake_app.cli.hq_cmds import hq_service
    from intake_app.services import hq_sync

    net = _net(args)
    with hq_service(args) as svc, hq_sync.hq_client(svc, args.to, **net) as client:
        r = hq_sync.publish_keyring(svc, client)
    print(f"published keyring serial {r['serial']} ({r['devices']} device(s))")
    return 0


def _net_args(p: Any) -> None:
    p.add_argument("--proxy", metavar="URL",
                   help="SOCKS5 proxy for every connection, e.g. socks5://127.0.0.1:9050 (Tor)")
    p.add_argument("--ca-cert", metavar="PEM", help="trust this CA for the drop box's TLS")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                   help="network timeout per operation (default 60)")
    p.add_argument("--retries", type=int, default=4, metavar="N",
                   help="retries with exponential backoff after network errors (default 4)")


def register(sub: Any, hq_sub: Any) -> None:
    """``sub``: top-level subparsers; ``hq_sub``: those of ``intake hq``."""
    dsub = add_group(sub, "dropbox", "the upload relay (holds sealed bundles only)",
                     "dropbox_command")
    p = dsub.add_parser("serve", help="run the drop box HTTP service")
    p.add_argument("--config", metavar="TOML", help="settings file (see sync/dropbox.toml)")
    p.add_argument("--storage", metavar="DIR|s3://BUCKET/PREFIX",
                   help="where bundles and receipts are kept: a folder (one instance), or an "
                        "S3 bucket several instances share (with --state; endpoint and keys "
                        "from INTAKE_S3_CONFIG or INTAKE_S3_ENDPOINT + AWS_* variables)")
    p.add_argument("--state", metavar="postgresql://...",
                   help="shared storage: the database of replay nonces, quotas and uploads "
                        "(password from ~/.pgpass or a service file, never here)")
    p.add_argument("--keyring", metavar="KEYRING", help="HQ's signed public keyring")
    p.add_argument("--host", help="listen address (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="listen port (default 8470)")
    p.add_argument("--tls-cert", metavar="PEM")
    p.add_argument("--tls-key", metavar="PEM")
    p.add_argument("--max-request-mb", type=int, metavar="N", help="largest request body")
    p.add_argument("--device-quota-mb", type=int, metavar="N", help="bytes held per device")
    p.add_argument("--device-quota-files", type=int, metavar="N", help="bundles per device")
    p.set_defaults(func=cmd_dropbox_serve)

    p = sub.add_parser("upload", help="send outbox bundles to a drop box, apply HQ's receipt")
    p.add_argument("--to", required=True, metavar="URL")
    p.add_argument("-v", "--verbose", action="store_true", help="show progress")
    _net_args(p)
    p.set_defaults(func=cmd_upload)

    p = hq_sub.add_parser("fetch", help="download new bundles from a drop box")
    p.add_argument("--from", dest="from_url", required=True, metavar="URL")
    p.add_argument("--to", default="incoming", metavar="DIR",
                   help="folder for downloaded bundles (default ./incoming)")
    p.add_argument("--import", dest="do_import", action="store_true",
                   help="also import what was downloaded")
    add_json(p)
    _net_args(p)
    p.set_defaults(func=cmd_hq_fetch)

    p = hq_sub.add_parser("import-worker", help="keep fetching and importing from a drop box "
                          "until stopped (SIGTERM): the team server's importer")
    p.add_argument("--from", dest="from_url", required=True, metavar="URL")
    p.add_argument("--to", default="incoming", metavar="DIR",
                   help="folder for downloaded bundles (default ./incoming)")
    p.add_argument("--interval", type=float, default=30.0, metavar="SECONDS",
                   help="between passes while the drop box answers (default 30)")
    p.add_argument("--max-backoff", type=float, default=600.0, metavar="SECONDS",
                   help="longest wait while it does not (doubling; default 600)")
    p.add_argument("--publish-receipts", action="store_true",
                   help="post HQ's receipts after each pass that imported something")
    _net_args(p)
    p.set_defaults(func=cmd_hq_import_worker, retries=1)

    p = hq_sub.add_parser("publish-receipts", help="post signed receipts to a drop box")
    p.add_argument("--to", required=True, metavar="URL")
    p.add_argument("--device", metavar="ID", help="only this device")
    _net_args(p)
    p.set_defaults(func=cmd_hq_publish_receipts)

    p = hq_sub.add_parser("publish-keyring", help="push the current keyring to a drop box")
    p.add_argument("--to", required=True, metavar="URL")
    _net_args(p)
    p.set_defaults(func=cmd_hq_publish_keyring)
