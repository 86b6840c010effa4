"""A team HQ's attachment blobs as objects in an S3-compatible bucket (``BlobStore``).

Each object is exactly what a blob file holds (store/blobs.py): the attachment's stored
chunks (nonce || XChaCha20-Poly1305 under the attachment's own key, which stays in
PostgreSQL), chunk ``i`` at offset ``i * STRIDE``, then random bytes up to the size
class; its key is ``<prefix>/<random tagged name>``. The bucket alone therefore holds
only ciphertext, random names and padded sizes, and deleting an attachment's key row
is its crypto-erase (the object goes after the commit; if that delete fails, the
orphan is unreadable and ``sweep`` removes it later).

Writes stream: the caller's thread queues stored chunks (a few MiB at most), an upload
thread sends them with the minio client's multipart ``put_object`` (8 MiB parts, two
in flight), so memory stays bounded whatever the attachment's size. Objects are
written once, whole (``whole_only``). Reads are ranged GETs, streamed.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, BinaryIO, cast

import nacl.bindings as sodium

from intake_app import objstore as s3
from intake_app.errors import ObjectStoreError, StoreCorrupt
from intake_app.store.blobs import (
    STRIDE,
    BlobSink,
    data_len,
    is_own,
    size_class,
    stored_len,
)

if TYPE_CHECKING:
    from minio import Minio

PART_SIZE = 8 << 20  # S3's minimum part is 5 MiB
PARALLEL_PARTS = 2
_QUEUE_DEPTH = 4  # stored chunks (~1 MiB each) waiting for the upload thread
_PAD_BLOCK = 1 << 20
_EOF = b""


class _Aborted(IOError):
    pass


class _QueueStream:
    """The file-like object ``put_object`` reads: chunks from the writer's queue."""

    def __init__(self, q: queue.Queue[bytes | None]) -> None:
        self._q = q
        self._left = memoryview(b"")
        self._eof = False

    def read(self, n: int = -1) -> bytes:
        pieces: list[bytes | memoryview] = []
        want = n if n >= 0 else 1 << 62
        while want > 0:
            if not self._left:
                if self._eof:
                    break
                item = self._q.get()
                if item is None:
                    raise _Aborted("attachment upload aborted")
                if item is _EOF:
                    self._eof = True
                    break
                self._left = memoryview(item)
            take = self._left[:want]
            self._left = self._left[len(take):]
            pieces.append(take)
            want -= len(take)
        return b"".join(pieces)


class S3Writer:
    """A ``BlobSink`` that uploads one whole object (see the module docstring)."""

    def __init__(self, store: S3Blobs, name: str, total_size: int) -> None:
        self._total = total_size
        self._data = data_len(total_size)
        self._size = size_class(self._data)
        self._next = 0
        self._sent = 0
        self._q: queue.Queue[bytes | None] = queue.Queue(maxsize=_QUEUE_DEPTH)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._upload, args=(store, name), daemon=True,
                                        name="s3-upload")
        self._thread.start()

    def _upload(self, store: S3Blobs, name: str) -> None:
        try:
            store.client.put_object(store.location.bucket, store.location.key(name),
                                    cast(BinaryIO, _QueueStream(self._q)), self._size,
                                    part_size=PART_SIZE, num_parallel_uploads=PARALLEL_PARTS)
        except BaseException as exc:  # re-raised on the writer's thread
            self._error = exc

    def _put(self, item: bytes | None) -> None:
        while True:
            try:
                self._q.put(item, timeout=0.2)
                return
            except queue.Full:
                if not self._thread.is_alive():
                    self._raise()

    def _raise(self) -> None:
        exc = self._error
        if exc is None or isinstance(exc, _Aborted):
            raise ObjectStoreError("object storage: the upload stopped")
        if isinstance(exc, s3.failures()):
            raise s3.store_error("cannot write an attachment object", exc) from None
        raise exc

    def write(self, idx: int, stored: bytes | memoryview) -> None:
        if idx != self._next:
            raise ValueError(f"object blobs are written in order (chunk {idx}, "
                             f"expected {self._next})")
        self._next += 1
        self._sent += len(stored)
        # A copy only of a view (the caller may reuse its buffer); bytes are immutable.
        self._put(stored if isinstance(stored, bytes) else bytes(stored))

    def finish(self, total_size: int | None) -> None:
        if total_size != self._total or self._sent != self._data:
            self.abort()
            raise ValueError("an object blob is finished whole, with its declared size")
        left = self._size - self._data
        while left:
            k = min(_PAD_BLOCK, left)
            # Random padding to the size class, as blob files have (store/blobs.py).
            self._put(sodium.randombytes_buf_deterministic(k, sodium.randombytes(32)))
            left -= k
        self._put(_EOF)
        self._thread.join()
        if self._error is not None:
            self._raise()

    def abort(self) -> None:
        if self._thread.is_alive():
            # Empty the queue so the None gets in; put_object then aborts its upload.
            while True:
                try:
                    self._q.put_nowait(None)
                    break
                except queue.Full:
                    try:
                        self._q.get_nowait()
                    except queue.Empty:
                        pass
            self._thread.join()


class S3Blobs:
    """``BlobStore`` on ``location`` through ``client`` (``connect`` makes both)."""

    whole_only = True

    def __init__(self, location: s3.S3Location, client: Minio) -> None:
        self.location = location
        self.client = client

    @classmethod
    def connect(cls, url: str, settings: s3.S3Settings | None = None) -> S3Blobs:
        """From an ``s3://bucket/prefix`` URL, endpoint and credentials from the
        environment (intake_app.objstore); the bucket must exist."""
        location = s3.parse_url(url)
        return cls(location, s3.connect(location, settings))

    def writer(self, name: str, total_size: int) -> BlobSink:
        return S3Writer(self, name, total_size)

    def _get(self, name: str, offset: int, length: int) -> Any | None:
        """The streamed response for a byte range, or None if the object is gone."""
        from minio.error import S3Error

        try:
            return self.client.get_object(self.location.bucket, self.location.key(name),
                                          offset=offset, length=length)
        except S3Error as exc:
            if exc.code in ("NoSuchKey", "InvalidRange"):
                return None
            raise s3.store_error("cannot read an attachment object", exc) from None
        except s3.failures() as exc:
            raise s3.store_error("cannot read an attachment object", exc) from None

    def read_stored(self, name: str, idx: int, length: int) -> bytes | None:
        resp = self._get(name, idx * STRIDE, length)
        if resp is None:
            return None
        try:
            data = bytes(resp.read())
        except s3.failures() as exc:
            raise s3.store_error("cannot read an attachment object", exc) from None
        finally:
            resp.close()
            resp.release_conn()
        return data if len(data) == length else None

    def read_run(self, name: str, total_size: int, first: int, count: int,
                 what: str) -> Iterator[bytes]:
        if count <= 0:
            return
        length = (count - 1) * STRIDE + stored_len(total_size, first + count - 1)
        resp = self._get(name, first * STRIDE, length)
        if resp is None:
            raise StoreCorrupt(f"attachment {what} is missing its object")
        try:
            for idx in range(first, first + count):
                n = stored_len(total_size, idx)
                data = resp.read(n)
                if len(data) != n:
                    raise StoreCorrupt(f"attachment {what} object is short at chunk {idx}")
                yield bytes(data)
        except s3.failures() as exc:
            raise s3.store_error("cannot read an attachment object", exc) from None
        finally:
            resp.close()
            resp.release_conn()

    def remove(self, names: Iterable[str]) -> None:
        """Best effort: the objects are ciphertext under keys already destroyed; one
        left behind by a failure is an orphan ``sweep`` removes."""
        for name in names:
            try:
                self.client.remove_object(self.location.bucket, self.location.key(name))
            except s3.failures():
                continue

    def names(self, older_than: timedelta | None = None) -> Iterator[str]:
        """Every object name under the prefix (optionally only those older than)."""
        cut = None if older_than is None else datetime.now(UTC) - older_than
        start = len(self.location.list_prefix())
        try:
            for obj in self.client.list_objects(self.location.bucket,
                                                prefix=self.location.list_prefix(),
                                                recursive=True):
                key = str(obj.object_name)
                if cut is not None and obj.last_modified is not None \
                        and obj.last_modified > cut:
                    continue
                yield key[start:]
        except s3.failures() as exc:
            raise s3.store_error(f"cannot list {self.location.url}", exc) from None

    def sweep(self, conn: Any, min_age: timedelta | None = None) -> int:
        """Delete this store's objects that no attachment row names (a crash or a failed
        import between the upload and the commit, a purge whose delete failed). Only
        names this store made (keyed tags) are touched; ``min_age`` spares young ones."""
        row = conn.execute("SELECT value FROM meta WHERE key = 'blob_name_key'").fetchone()
        if row is None:
            return 0
        key = bytes.fromhex(str(row[0]))
        known = {str(r[0]) for r in conn.execute(
            "SELECT blob FROM attachments WHERE blob IS NOT NULL").fetchall()}
        gone = [n for n in self.names(min_age) if n not in known and is_own(key, n)]
        self.remove(gone)
        return len(gone)
