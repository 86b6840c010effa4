"""S3-compatible object storage: where an ``s3://bucket/prefix`` lives and how to log in.

Shared by the HQ store's attachment objects (``store.s3blobs``) and anything else that
keeps objects in a bucket. The URL names only the bucket and a key prefix; the endpoint
and the credentials never come from the command line (shell history, process lists),
only from the environment or a private config file:

* ``INTAKE_S3_CONFIG``: a JSON file, mode 0600 (refused if group or others may read it),
  ``{"endpoint": "https://s3.example.org", "access_key": "...", "secret_key": "...",
  "region": "optional"}``;
* else ``INTAKE_S3_ENDPOINT`` (``http://host:port`` or ``https://host``, default https)
  with ``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY`` (and optionally ``AWS_REGION``).

Every failure to reach or use the store is an ``ObjectStoreError`` (one line, exit 1).
The ``minio`` client is imported only when a client is made (the field app never loads it).
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload
from urllib.parse import urlsplit

from intake_app.errors import ObjectStoreError, UsageError

if TYPE_CHECKING:
    from minio import Minio

SCHEME = "s3://"
CONFIG_ENV = "INTAKE_S3_CONFIG"
ENDPOINT_ENV = "INTAKE_S3_ENDPOINT"
_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
_PREFIX = re.compile(r"[A-Za-z0-9._/-]*")
# A dead endpoint must fail in seconds, not after urllib3's default retries with backoff.
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 120.0
RETRIES = 2

_M = TypeVar("_M", bound="Minio")


def is_s3_url(target: str) -> bool:
    return target.startswith(SCHEME)


@dataclass(frozen=True)
class S3Location:
    """A bucket and a key prefix ("" or ending without a slash)."""

    bucket: str
    prefix: str = ""

    @property
    def url(self) -> str:
        return f"{SCHEME}{self.bucket}/{self.prefix}" if self.prefix else f"{SCHEME}{self.bucket}"

    def key(self, name: str) -> str:
        """The object key of ``name`` under the prefix."""
        return f"{self.prefix}/{name}" if self.prefix else name

    def list_prefix(self) -> str:
        return f"{self.prefix}/" if self.prefix else ""


def parse_url(url: str) -> S3Location:
    """``s3://bucket`` or ``s3://bucket/some/prefix``; credentials in it are refused."""
    if not is_s3_url(url):
        raise UsageError(f"not an s3:// URL: {url!r} (use s3://bucket/prefix)")
    parts = urlsplit(url)
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise UsageError("the s3:// URL must not hold credentials: set INTAKE_S3_CONFIG "
                         "or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY")
    if parts.query or parts.fragment:
        raise UsageError("the s3:// URL takes no query or fragment: s3://bucket/prefix")
    bucket = parts.netloc
    if not _BUCKET.fullmatch(bucket) or ".." in bucket:
        raise UsageError(f"bad bucket name {bucket!r} (3-63 lowercase letters, digits, "
                         "dots and hyphens)")
    prefix = parts.path.strip("/")
    if not _PREFIX.fullmatch(prefix) or "//" in prefix or ".." in prefix.split("/"):
        raise UsageError(f"bad key prefix {prefix!r} (letters, digits, . _ - and /)")
    return S3Location(bucket, prefix)


@dataclass(frozen=True)
class S3Settings:
    """Where the S3 endpoint is and how to log in (never printed: see ``__repr__``)."""

    host: str  # host:port
    secure: bool
    access_key: str
    secret_key: str
    region: str | None = None

    def __repr__(self) -> str:
        return f"S3Settings(host={self.host!r}, secure={self.secure})"


def _endpoint(value: str) -> tuple[str, bool]:
    value = value.strip()
    if "://" not in value:
        value = "https://" + value
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"bad S3 endpoint {value!r} (use https://host[:port])")
    if parts.username is not None or parts.password is not None:
        raise UsageError("the S3 endpoint must not hold credentials")
    if parts.path.strip("/") or parts.query:
        raise UsageError(f"the S3 endpoint is a host and port only, not {value!r}")
    return parts.netloc, parts.scheme == "https"


def _read_config(path: Path) -> dict[str, Any]:
    try:
        st = path.stat()
    except OSError as exc:
        raise UsageError(f"cannot read the S3 config file {path}: {exc.strerror}") from None
    if st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise UsageError(f"the S3 config file {path} may be read by others: chmod 600 it")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"cannot read the S3 config file {path}: {exc}") from None
    if not isinstance(data, dict):
        raise UsageError(f"the S3 config file {path} is not a JSON object")
    return data


def settings_from_env(env: dict[str, str] | None = None) -> S3Settings:
    """The endpoint and credentials (module docstring), or a one-line UsageError."""
    env = dict(os.environ) if env is None else env
    config = env.get(CONFIG_ENV)
    if config:
        data = _read_config(Path(config))
        endpoint = data.get("endpoint")
        access, secret, region = (data.get("access_key"), data.get("secret_key"),
                                  data.get("region"))
        where = f"the S3 config file {config}"
    else:
        endpoint = env.get(ENDPOINT_ENV)
        access, secret = env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY")
        region = env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION")
        where = f"{ENDPOINT_ENV}, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
    if not isinstance(endpoint, str) or not endpoint:
        raise UsageError(f"no S3 endpoint: set {CONFIG_ENV} (a 0600 JSON file) or {where}")
    if not isinstance(access, str) or not isinstance(secret, str) or not access or not secret:
        raise UsageError(f"no S3 credentials in {where}")
    host, secure = _endpoint(endpoint)
    return S3Settings(host=host, secure=secure, access_key=access, secret_key=secret,
                      region=region if isinstance(region, str) and region else None)


@overload
def make_client(settings: S3Settings) -> Minio: ...
@overload
def make_client(settings: S3Settings, cls: type[_M]) -> _M: ...
def make_client(settings: S3Settings, cls: type[Minio] | None = None) -> Minio:
    """A minio client (of class ``cls``, a ``Minio`` subclass, if given) with short
    connect timeouts and few retries (fail fast, one line)."""
    import urllib3
    from minio import Minio

    # urllib3 logs each retry as a warning, which would print around the CLI's one line.
    logging.getLogger("urllib3.connectionpool").setLevel(logging.ERROR)
    http = urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=CONNECT_TIMEOUT, read=READ_TIMEOUT), maxsize=8,
        retries=urllib3.Retry(total=RETRIES, backoff_factor=0.1,
                              status_forcelist=[500, 502, 503, 504]))
    return (cls or Minio)(settings.host, access_key=settings.access_key,
                          secret_key=settings.secret_key, secure=settings.secure,
                          region=settings.region, http_client=http)


def describe(exc: BaseException) -> str:
    """One line for an error from the minio client or urllib3 (no URL query strings)."""
    code = getattr(exc, "code", None)
    if code:  # minio.error.S3Error
        return f"{code}: {getattr(exc, 'message', '') or code}".strip()
    reason = getattr(exc, "reason", None)  # urllib3.exceptions.MaxRetryError
    text = str(reason if reason is not None else exc).strip().splitlines()
    line = text[0] if text else type(exc).__name__
    return re.sub(r"\?[^ ]*", "", line)[:300]


def store_error(what: str, exc: BaseException) -> ObjectStoreError:
    return ObjectStoreError(f"object storage: {what}: {describe(exc)}")


def failures() -> tuple[type[BaseException], ...]:
    """The exceptions a minio call raises when the store is unreachable or refuses."""
    import urllib3
    from minio.error import MinioException

    return (MinioException, urllib3.exceptions.HTTPError, OSError, ValueError)


@overload
def connect(location: S3Location, settings: S3Settings | None = None) -> Minio: ...
@overload
def connect(location: S3Location, settings: S3Settings | None, cls: type[_M]) -> _M: ...
def connect(location: S3Location, settings: S3Settings | None = None,
            cls: type[Minio] | None = None) -> Minio:
    """A client (of class ``cls`` if given) for ``location``'s endpoint, after checking
    the bucket is there."""
    settings = settings or settings_from_env()
    client = make_client(settings) if cls is None else make_client(settings, cls)
    try:
        found = client.bucket_exists(location.bucket)
    except failures() as exc:
        raise store_error(f"cannot reach the S3 endpoint for {location.url}", exc) from None
    if not found:
        raise ObjectStoreError(f"object storage: no bucket {location.bucket!r} at the S3 "
                               "endpoint (create it first)")
    return client
