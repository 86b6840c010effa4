"""An S3-compatible bucket for the shared drop box (MinIO's client; SeaweedFS, MinIO,
Ceph, AWS all speak it). ``s3://bucket/prefix`` names where; the endpoint and keys
come from the environment or a 0600 TOML file, never from the command line:

    INTAKE_S3_ENDPOINT=https://s3.example.org:9000   (http:// for a local test server)
    INTAKE_S3_ACCESS_KEY=...  INTAKE_S3_SECRET_KEY=...  INTAKE_S3_REGION=... (optional)

or ``--s3-config FILE`` with ``endpoint``, ``access_key``, ``secret_key`` (and
``region``) keys; the file must not be readable by group or others.
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from intake_app.errors import Problem, UsageError

ENV = {"endpoint": "INTAKE_S3_ENDPOINT", "access_key": "INTAKE_S3_ACCESS_KEY",
       "secret_key": "INTAKE_S3_SECRET_KEY", "region": "INTAKE_S3_REGION"}
STREAM_BLOCK = 1 << 20


def is_s3_url(target: str) -> bool:
    return target.startswith("s3://")


@dataclass(frozen=True)
class S3Settings:
    bucket: str
    prefix: str  # '' or 'a/b/' (always ends with '/')
    endpoint: str  # host:port
    secure: bool
    access_key: str
    secret_key: str
    region: str | None = None

    def __repr__(self) -> str:  # never print the secret
        return f"S3Settings(s3://{self.bucket}/{self.prefix} at {self.endpoint})"


def parse_s3_url(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc or parts.query or parts.fragment:
        raise UsageError(f"not an s3://bucket/prefix URL: {url}")
    if "@" in parts.netloc or ":" in parts.netloc:
        raise UsageError("the s3:// URL names the bucket only: give the endpoint and keys "
                         f"in the environment ({ENV['endpoint']}, ...) or --s3-config")
    prefix = parts.path.strip("/")
    return parts.netloc, prefix + "/" if prefix else ""


def _read_file(path: Path) -> dict[str, Any]:
    try:
        st = path.stat()
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read S3 settings {path}: {exc.strerror}") from None
    if st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise UsageError(f"{path} holds S3 keys: make it private (chmod 600 {path})")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"cannot read S3 settings {path}: {exc}") from None
    unknown = set(data) - set(ENV)
    if unknown:
        raise UsageError(f"{path}: unknown S3 settings {sorted(unknown)}")
    return data


def s3_settings(url: str, config: Path | None = None,
                environ: Mapping[str, str] | None = None) -> S3Settings:
    """Where and how to reach the bucket: the file's values, else the environment's."""
    bucket, prefix = parse_s3_url(url)
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {k: env[v] for k, v in ENV.items() if env.get(v)}
    if config is not None:
        values.update(_read_file(config))
    missing = [ENV[k] for k in ("endpoint", "access_key", "secret_key") if not values.get(k)]
    if missing:
        raise UsageError(f"S3 storage needs {', '.join(missing)} (environment or --s3-config)")
    ep = str(values["endpoint"])
    split = urlsplit(ep if "://" in ep else "https://" + ep)
    if split.scheme not in ("http", "https") or not split.netloc or split.path.strip("/"):
        raise UsageError(f"bad S3 endpoint {ep!r}: use https://host[:port]")
    return S3Settings(bucket, prefix, split.netloc, split.scheme == "https",
                      str(values["access_key"]), str(values["secret_key"]),
                      str(values["region"]) if values.get("region") else None)


class Bucket:
    """The few object calls the shared drop box makes; keys are relative to the prefix.
    Errors of the object store become 503 answers (the client retries later)."""

    def __init__(self, settings: S3Settings) -> None:
        from minio import Minio

        self.s = settings
        self.client = Minio(settings.endpoint, access_key=settings.access_key,
                            secret_key=settings.secret_key, secure=settings.secure,
                            region=settings.region)

    def describe(self) -> str:
        return f"s3://{self.s.bucket}/{self.s.prefix} at {self.s.endpoint}"

    def _key(self, key: str) -> str:
        return self.s.prefix + key

    @staticmethod
    def _unavailable(exc: Exception) -> Problem:
        return Problem(503, "busy", f"the object store is unavailable ({type(exc).__name__})",
                       retry=True)

    def check(self) -> None:
        from minio.error import MinioException

        try:
            exists = self.client.bucket_exists(self.s.bucket)
        except (MinioException, OSError) as exc:
            raise UsageError(f"cannot reach {self.describe()}: {exc}") from None
        if not exists:
            raise UsageError(f"no bucket {self.s.bucket} at {self.s.endpoint} (create it first)")

    def put(self, key: str, fh: BinaryIO, size: int) -> None:
        from minio.error import MinioException

        try:
            self.client.put_object(self.s.bucket, self._key(key), fh, size,
                                   content_type="application/octet-stream")
        except (MinioException, OSError) as exc:
            raise self._unavailable(exc) from None

    def put_bytes(self, key: str, data: bytes) -> None:
        import io

        self.put(key, io.BytesIO(data), len(data))

    def get(self, key: str, offset: int, length: int) -> bytes:
        from minio.error import MinioException

        try:
            resp = self.client.get_object(self.s.bucket, self._key(key), offset=offset,
                                          length=length)
            try:
                return bytes(resp.read())
            finally:
                resp.close()
                resp.release_conn()
        except (MinioException, OSError) as exc:
            raise self._unavailable(exc) from None

    def get_whole(self, key: str) -> bytes | None:
        from minio.error import MinioException, S3Error

        try:
            resp = self.client.get_object(self.s.bucket, self._key(key))
            try:
                return bytes(resp.read())
            finally:
                resp.close()
                resp.release_conn()
        except S3Error as exc:
            if exc.code == "NoSuchKey":
                return None
            raise self._unavailable(exc) from None
        except (MinioException, OSError) as exc:
            raise self._unavailable(exc) from None

    def stream(self, key: str, offset: int, length: int) -> Iterator[bytes]:
        resp = self.client.get_object(self.s.bucket, self._key(key), offset=offset,
                                      length=length)
        try:
            yield from resp.stream(STREAM_BLOCK)
        finally:
            resp.close()
            resp.release_conn()

    def remove(self, keys: Iterable[str]) -> None:
        from minio.deleteobjects import DeleteObject
        from minio.error import MinioException

        objs = [DeleteObject(self._key(k)) for k in keys]
        if not objs:
            return
        try:
            for err in self.client.remove_objects(self.s.bucket, objs):  # lazy: iterate
                raise Problem(503, "busy", f"object store: cannot delete {err.name}",
                              retry=True)
        except (MinioException, OSError) as exc:
            raise self._unavailable(exc) from None
