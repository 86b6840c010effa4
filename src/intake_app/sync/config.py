"""Drop box settings: limits and where things live. Loaded from a TOML file or the CLI."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from intake_app.errors import UsageError

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_request_bytes: int = 16 * MIB  # one PATCH body (a chunk of an upload)
    max_bundle_bytes: int = 4_000_000_000  # declared total of one upload (= volume limit)
    max_document_bytes: int = 8 * MIB  # receipts, keyrings
    device_quota_bytes: int = 20_000 * MIB  # stored + in-progress, per device
    device_quota_files: int = 1000  # stored bundles + in-progress uploads, per device
    min_free_bytes: int = 512 * MIB  # refuse uploads that would leave less free space
    stale_part_seconds: int = 7 * 24 * 3600  # drop abandoned partial uploads after this
    body_idle_timeout: float = 60.0  # seconds without a byte of body: give up the request
    nonce_cache_entries: int = 200_000
    nonce_quota_per_signer: int = 5_000  # live nonces one device (or HQ) may hold
    failed_requests_per_address: int = 600  # failed auth per 10 min, then 429 (unless signed)
    clock_skew_seconds: int = 300


@dataclass(frozen=True)
class ServerConfig:
    storage: Path | str  # a folder, or "s3://bucket/prefix" (shared by several instances)
    keyring: Path
    host: str = "127.0.0.1"
    port: int = 8470
    tls_cert: Path | None = None
    tls_key: Path | None = None
    limit_concurrency: int = 256  # open connections before uvicorn answers 503
    forwarded_allow_ips: str = "127.0.0.1"
    limits: Limits = field(default_factory=Limits)
    # Shared storage only: the PostgreSQL database every instance keeps its state in
    # (no password in it: libpq's ~/.pgpass or a service file). The S3 endpoint and keys
    # come from the environment (intake_app.objstore), never from here or argv.
    state: str | None = None

    @property
    def shared(self) -> bool:
        return isinstance(self.storage, str)


_PATH_KEYS = {"storage", "keyring", "tls_cert", "tls_key"}


def load_config(path: Path) -> dict[str, Any]:
    """Read a TOML config: top-level server keys plus a ``[limits]`` table."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"no such config file: {path}") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"cannot read config {path}: {exc}") from None
    server_keys = {f.name for f in fields(ServerConfig)} - {"limits"}
    limit_keys = {f.name for f in fields(Limits)}
    out: dict[str, Any] = {}
    for k, v in data.items():
        if k == "limits":
            if not isinstance(v, dict) or set(v) - limit_keys:
                raise UsageError(f"{path}: unknown [limits] keys {sorted(set(v) - limit_keys)}")
            out["limits"] = v
        elif k in server_keys:
            is_url = k == "storage" and isinstance(v, str) and v.startswith("s3://")
            out[k] = Path(v) if k in _PATH_KEYS and not is_url else v
        else:
            raise UsageError(f"{path}: unknown setting {k!r}")
    return out


def build_config(file_values: dict[str, Any], overrides: dict[str, Any]) -> ServerConfig:
    """File values, then CLI overrides (None means 'not given')."""
    merged = {**file_values, **{k: v for k, v in overrides.items() if v is not None}}
    limits_in = merged.pop("limits", {})
    limit_over = merged.pop("limit_overrides", {})
    for key in ("storage", "keyring"):
        if key not in merged:
            raise UsageError(f"--{key} is required (or set it in the config file)")
    try:
        limits = replace(Limits(), **limits_in, **{k: v for k, v in limit_over.items()
                                                  if v is not None})
        cfg = ServerConfig(**merged, limits=limits)
    except TypeError as exc:
        raise UsageError(f"bad drop box settings: {exc}") from None
    if (cfg.tls_cert is None) != (cfg.tls_key is None):
        raise UsageError("--tls-cert and --tls-key go together")
    if cfg.shared and not cfg.state:
        raise UsageError("--storage s3://... needs --state postgresql://... (the replay and "
                         "quota state all instances share)")
    if not cfg.shared and cfg.state:
        raise UsageError("--state goes with --storage s3://bucket/prefix")
    return cfg
