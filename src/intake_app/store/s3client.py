"""The minio client the attachment objects are written with (store/s3blobs.py).

Imported only by a team HQ with ``--blobs s3://...`` (it loads minio; the field app
never does). Two things differ from a stock ``Minio``:

* **Object bodies go with ``UNSIGNED-PAYLOAD``**: SigV4 still signs the request line and
  the headers (who may write where, and when), but not a SHA-256 of each body. Hashing
  every part cost the importer a full SHA-256 pass over each attachment (and the server
  another to check it) for a protection we do not rely on: an object is ciphertext whose
  chunks are authenticated at read by their own XChaCha20-Poly1305 tags, under a key kept
  in PostgreSQL and bound to the attachment's id and each chunk's index (store/blobs.py),
  so a body changed on the way (plain http on loopback, or TLS) is refused when read, as
  a changed object at rest would be. Over https, minio's Content-MD5 of each body is left
  out for the same reason. Small bodies that carry their own Content-MD5 (the part list
  of a multipart upload) are signed in full, as before.
* **Parts are buffers**: ``put_part`` sends a ``bytearray``/``memoryview`` as it is
  (urllib3 hands it to ``sendall``), so the writer fills a few reused part buffers and
  no part is copied again or joined from pieces in Python.

The multipart calls wrap minio's own request methods (minio is pinned exactly).
"""

from __future__ import annotations

from typing import Any, cast

from minio import Minio
from minio.credentials.credentials import Credentials
from minio.datatypes import Part

UNSIGNED = "UNSIGNED-PAYLOAD"
_OCTETS = {"Content-Type": "application/octet-stream"}


class ObjectClient(Minio):
    """A ``Minio`` sending object bodies unsigned, with multipart calls on buffers."""

    def _build_headers(self, host: str, headers: dict[str, Any] | None = None,
                       body: bytes | None = None, creds: Credentials | None = None,
                       ) -> tuple[dict[str, Any], Any]:
        if creds is None or not body or (headers or {}).get("Content-MD5"):
            return super()._build_headers(host, headers, body, creds)
        out, date = super()._build_headers(host, headers, None, creds)  # hashes no body
        out["Content-Length"] = str(len(body))
        out["x-amz-content-sha256"] = UNSIGNED
        return out, date

    def create_upload(self, bucket: str, key: str) -> str:
        """A new multipart upload's id."""
        return self._create_multipart_upload(bucket, key, dict(_OCTETS))

    def put_part(self, bucket: str, key: str, upload_id: str, number: int,
                 body: memoryview) -> str:
        """Part ``number`` (from 1) of ``upload_id``; its ETag."""
        resp = self._execute("PUT", bucket, key, body=cast(bytes, body),
                             query_params={"partNumber": str(number), "uploadId": upload_id},
                             no_body_trace=True)
        return str(resp.headers.get("etag", "")).replace('"', "")

    def put_whole(self, bucket: str, key: str, body: memoryview) -> None:
        """One PUT of a whole object (smaller than a part)."""
        self._execute("PUT", bucket, key, body=cast(bytes, body), headers=dict(_OCTETS),
                      no_body_trace=True)

    def complete_upload(self, bucket: str, key: str, upload_id: str,
                        etags: list[str]) -> None:
        self._complete_multipart_upload(
            bucket, key, upload_id, [Part(i + 1, etag) for i, etag in enumerate(etags)])

    def abort_upload(self, bucket: str, key: str, upload_id: str) -> None:
        self._abort_multipart_upload(bucket, key, upload_id)
