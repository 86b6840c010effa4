"""An S3-compatible bucket for the shared drop box (SeaweedFS, MinIO, Ceph, AWS). Where
it is and how to log in is ``intake_app.objstore``'s business (the same ``s3://bucket/
prefix`` URLs and settings as the HQ store's attachments: ``INTAKE_S3_CONFIG``, a 0600
JSON file, or ``INTAKE_S3_ENDPOINT`` with ``AWS_ACCESS_KEY_ID`` /
``AWS_SECRET_ACCESS_KEY``; never the command line). This is the handful of calls the
drop box makes, with the store's failures turned into 503 answers.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from intake_app import objstore
from intake_app.errors import ObjectStoreError, Problem, UsageError

STREAM_BLOCK = 1 << 20


class Bucket:
    """The few object calls the shared drop box makes; keys are relative to the prefix.
    Errors of the object store become 503 answers (the client retries later)."""

    def __init__(self, url: str, settings: objstore.S3Settings | None = None) -> None:
        self.loc = objstore.parse_url(url)
        self.settings = settings or objstore.settings_from_env()
        self.client = objstore.make_client(self.settings)

    def describe(self) -> str:
        return f"{self.loc.url} at {self.settings.host}"

    def _key(self, key: str) -> str:
        return self.loc.key(key)

    @staticmethod
    def _unavailable(exc: BaseException) -> Problem:
        return Problem(503, "busy", f"the object store is unavailable "
                       f"({objstore.describe(exc)})", retry=True)

    def check(self) -> None:
        """At start-up: a missing or unreachable bucket is a one-line error (exit 1)."""
        try:
            objstore.connect(self.loc, self.settings)
        except ObjectStoreError as exc:
            raise UsageError(str(exc)) from None

    def put(self, key: str, fh: BinaryIO, size: int) -> None:
        try:
            self.client.put_object(self.loc.bucket, self._key(key), fh, size,
                                   content_type="application/octet-stream")
        except objstore.failures() as exc:
            raise self._unavailable(exc) from None

    def put_bytes(self, key: str, data: bytes) -> None:
        self.put(key, io.BytesIO(data), len(data))

    def get(self, key: str, offset: int, length: int) -> bytes:
        try:
            resp = self.client.get_object(self.loc.bucket, self._key(key), offset=offset,
                                          length=length)
            try:
                return bytes(resp.read())
            finally:
                resp.close()
                resp.release_conn()
        except objstore.failures() as exc:
            raise self._unavailable(exc) from None

    def get_whole(self, key: str) -> bytes | None:
        from minio.error import S3Error

        try:
            resp = self.client.get_object(self.loc.bucket, self._key(key))
            try:
                return bytes(resp.read())
            finally:
                resp.close()
                resp.release_conn()
        except S3Error as exc:
            if exc.code == "NoSuchKey":
                return None
            raise self._unavailable(exc) from None
        except objstore.failures() as exc:
            raise self._unavailable(exc) from None

    def stream(self, key: str, offset: int, length: int) -> Iterator[bytes]:
        resp = self.client.get_object(self.loc.bucket, self._key(key), offset=offset,
                                      length=length)
        try:
            yield from resp.stream(STREAM_BLOCK)
        finally:
            resp.close()
            resp.release_conn()

    def list_older(self, sub: str, before: float) -> Iterator[str]:
        """Keys (relative to the prefix) under ``sub`` last written before ``before``."""
        start = len(self.loc.list_prefix())
        try:
            for obj in self.client.list_objects(self.loc.bucket, prefix=self._key(sub),
                                                recursive=True):
                when = obj.last_modified
                if when is not None and when.timestamp() < before and obj.object_name:
                    yield obj.object_name[start:]
        except objstore.failures() as exc:
            raise self._unavailable(exc) from None

    def remove(self, keys: Iterable[str]) -> None:
        from minio.deleteobjects import DeleteObject

        objs = [DeleteObject(self._key(k)) for k in keys]
        if not objs:
            return
        try:
            for err in self.client.remove_objects(self.loc.bucket, objs):  # lazy: iterate
                raise Problem(503, "busy", f"object store: cannot delete {err.name}",
                              retry=True)
        except objstore.failures() as exc:
            raise self._unavailable(exc) from None
