"""A self-contained HTML audit report for ``intake verify --report FILE.html``.

No scripts, no external assets: one file an auditor can open offline, print to
PDF from a browser, or archive. Every value from a bundle, keyring or log is
HTML-escaped; text direction is left to the browser (``dir="auto"``) so Dari,
Pashto and Urdu names read correctly.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass

from intake_app.crypto import Keyring, fingerprint
from intake_app.hq.eventlog import LogCheck
from intake_app.models import VerifyOutcome

_CSS = """
body{font-family:system-ui,'Noto Sans','Noto Naskh Arabic',sans-serif;margin:2em;color:#111}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #999}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .5em;
text-align:start;vertical-align:top}th{background:#eee}.ok{color:#05691b;font-weight:bold}
.fail{color:#b00020;font-weight:bold}.warn{color:#8a5300;font-weight:bold}
code{font-family:ui-monospace,monospace;font-size:.9em;word-break:break-all}
"""


@dataclass(frozen=True)
class LogBundleCheck:
    path: str
    entry: int | None  # seq of the "import" entry, None when not recorded


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _time(seconds: int | None) -> str:
    if seconds is None:
        return ""
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _time_ms(ms: int | None) -> str:
    return "" if ms is None else _time(ms // 1000)


def sequence_gaps(seqs: Sequence[int]) -> list[int]:
    """Sequence numbers missing between 1 and the highest one seen."""
    have = set(seqs)
    return [n for n in range(1, max(have, default=0) + 1) if n not in have]


def render_report(ring: Keyring, outcomes: Sequence[VerifyOutcome], *,
                  log: LogCheck | None = None,
                  log_bundles: Sequence[LogBundleCheck] = (),
                  generated_at: dt.datetime | None = None) -> str:
    now = generated_at or dt.datetime.now(dt.UTC)
    fp = fingerprint(bytes(ring.hq_signing_key))
    all_ok = all(o.ok for o in outcomes) and (log is None or log.ok) and all(
        b.entry is not None for b in log_bundles)
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'">',
        f"<title>Intake audit report: {_e(ring.org_name)}</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Intake audit report</h1>",
        "<table>",
        f'<tr><th>Organisation</th><td dir="auto">{_e(ring.org_name)}</td></tr>',
        f"<tr><th>HQ id</th><td><code>{_e(ring.hq_id)}</code></td></tr>",
        f"<tr><th>Keyring fingerprint</th><td><code>{_e(fp)}</code></td></tr>",
        f"<tr><th>Keyring serial</th><td>{_e(ring.serial)} (issued "
        f"{_e(_time(ring.issued_at))})</td></tr>",
        f"<tr><th>Report made</th><td>{_e(now.strftime('%Y-%m-%d %H:%M:%S UTC'))}</td></tr>",
        f"<tr><th>Bundles checked</th><td>{len(outcomes)}</td></tr>",
        "<tr><th>Overall result</th><td>"
        + ('<span class="ok">PASS</span>' if all_ok else '<span class="fail">FAIL</span>')
        + "</td></tr>",
        "</table>",
    ]
    logged = {b.path: b.entry for b in log_bundles}

    # Per device ------------------------------------------------------------------
    by_device: dict[str, list[VerifyOutcome]] = {}
    unattributed: list[VerifyOutcome] = []
    for o in outcomes:
        if o.device_id:
            by_device.setdefault(o.device_id, []).append(o)
        else:
            unattributed.append(o)
    device_ids = sorted(set(by_device) | set(ring.devices))
    out.append("<h2>Devices</h2>")
    if not device_ids:
        out.append("<p>No devices in the keyring and no bundles attributed to one.</p>")
    for dev in device_ids:
        entry = ring.devices.get(dev)
        seen = by_device.get(dev, [])
        seqs = sorted({o.sequence for o in seen if o.ok})
        gaps = sequence_gaps(seqs)
        out.append(f"<h3>Device <code>{_e(dev)}</code></h3><table>")
        if entry is None:
            out.append('<tr><th>Status</th><td class="fail">not in the keyring</td></tr>')
        else:
            status = entry.status
            cls = "fail" if status == "revoked" else "ok"
            out.append(f'<tr><th>Status</th><td class="{cls}">{_e(status)}</td></tr>')
            out.append(f"<tr><th>Fingerprint</th><td><code>{_e(entry.fingerprint)}</code>"
                       "</td></tr>")
            out.append(f"<tr><th>Enrolled</th><td>{_e(_time(entry.enrolled_at))}</td></tr>")
            if entry.revoked_at is not None:
                out.append(f'<tr><th>Revoked</th><td class="fail">'
                           f"{_e(_time(entry.revoked_at))}</td></tr>")
        out.append(f"<tr><th>Bundles seen</th><td>{len(seen)} "
                   f"({len(seqs)} verified: {_e(', '.join(map(str, seqs)) or '-')})</td></tr>")
        if seqs:
            if gaps:
                cont = (f'<span class="warn">gaps: sequence {_e(", ".join(map(str, gaps)))} '
                        "not among the bundles given</span>")
            else:
                cont = f'<span class="ok">continuous 1-{seqs[-1]}</span>'
        else:
            cont = "no verified bundle"
        out.append(f"<tr><th>Sequence continuity</th><td>{cont}</td></tr></table>")
        if seen:
            out.append(_bundle_table(seen, logged, log is not None))

    if unattributed:
        out.append("<h2>Bundles not attributable to a device</h2>")
        out.append(_bundle_table(unattributed, logged, log is not None))

    # Revocations -----------------------------------------------------------------
    out.append("<h2>Revocations</h2>")
    revoked = [d for d in ring.devices.values() if d.status == "revoked"]
    if revoked:
        out.append("<table><tr><th>Device</th><th>Revoked (keyring)</th>"
                   "<th>Logged at HQ</th></tr>")
        for d in sorted(revoked, key=lambda d: d.device_id):
            logged_at = ""
            if log is not None:
                hits = [e for e in log.kinds("revoke") if e.detail.get("device_id") == d.device_id]
                logged_at = (", ".join(f"entry {e.seq}, {_time_ms(e.at)}" for e in hits)
                             or "not in the log")
            out.append(f"<tr><td><code>{_e(d.device_id)}</code></td>"
                       f"<td>{_e(_time(d.revoked_at))}</td><td>{_e(logged_at)}</td></tr>")
        out.append("</table>")
    else:
        out.append("<p>No device is revoked in this keyring.</p>")

    # Log ---------------------------------------------------------------------------
    out.append("<h2>HQ event log</h2>")
    if log is None:
        out.append("<p>No log was given (<code>intake verify --log FILE</code>).</p>")
    else:
        cls = "ok" if log.ok else "fail"
        verdict = "intact" if log.ok else "FAILED"
        out.append("<table>")
        out.append(f'<tr><th>Chain and checkpoints</th><td class="{cls}">{verdict}</td></tr>')
        out.append(f"<tr><th>Entries</th><td>{log.size}</td></tr>")
        out.append(f"<tr><th>Signed checkpoints</th><td>{len(log.checkpoints)}</td></tr>")
        out.append(f"<tr><th>Head hash</th><td><code>{_e(log.head)}</code></td></tr>")
        out.append(f"<tr><th>Exported</th><td>{_e(_time_ms(log.exported_at))}</td></tr>")
        counts: dict[str, int] = {}
        for e in log.entries:
            counts[e.kind] = counts.get(e.kind, 0) + 1
        out.append("<tr><th>Entries by kind</th><td>"
                   + _e(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "-")
                   + "</td></tr></table>")
        if log.problems:
            out.append("<ul>" + "".join(f'<li class="fail">{_e(p)}</li>' for p in log.problems)
                       + "</ul>")
        missing = [b for b in log_bundles if b.entry is None]
        if missing:
            out.append("<p class=\"fail\">Bundles not recorded as imported in the log:</p><ul>"
                       + "".join(f"<li><code>{_e(b.path)}</code></li>" for b in missing)
                       + "</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _bundle_table(rows: Sequence[VerifyOutcome], logged: dict[str, int | None],
                  with_log: bool) -> str:
    head = "<tr><th>File</th><th>Sequence</th><th>Verdict</th><th>Reason / notes</th>"
    head += "<th>Statement hash</th>" + ("<th>In HQ log</th>" if with_log else "") + "</tr>"
    body = []
    for o in sorted(rows, key=lambda o: (o.sequence, o.path)):
        verdict = '<span class="ok">OK</span>' if o.ok else '<span class="fail">FAIL</span>'
        notes = "; ".join([o.reason, *o.notes] if o.reason else list(o.notes))
        cell = ""
        if with_log:
            entry = logged.get(o.path)
            cell = ("<td>" + (f'<span class="ok">entry {entry}</span>' if entry is not None
                              else '<span class="fail">no</span>') + "</td>")
        body.append(f'<tr><td dir="auto"><code>{_e(o.path)}</code></td>'
                    f"<td>{_e(o.sequence or '')}</td><td>{verdict}</td>"
                    f'<td dir="auto">{_e(notes)}</td>'
                    f"<td><code>{_e(o.statement_hash[:16])}</code></td>{cell}</tr>")
    return "<table>" + head + "".join(body) + "</table>"


__all__ = ["LogBundleCheck", "render_report", "sequence_gaps"]
