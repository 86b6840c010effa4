"""HQ-side tools without Qt: record exports, key backup as paper shares, the signed
event log and audit reports. The GUI and the CLI call these through HQService
(``intake_app.services.hq``) or directly (auditor functions need no profile)."""
