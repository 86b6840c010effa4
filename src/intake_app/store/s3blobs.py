"""A team HQ's attachment blobs as objects in an S3-compatible bucket (``BlobStore``).

Each object is exactly what a blob file holds (store/blobs.py): the attachment's stored
chunks (nonce || XChaCha20-Poly1305 under the attachment's own key, which stays in
PostgreSQL), chunk ``i`` at offset ``i * STRIDE``, then random bytes up to the size
class; its key is ``<prefix>/<random tagged name>``. The bucket alone therefore holds
only ciphertext, random names and padded sizes, and deleting an attachment's key row
is its crypto-erase (the object goes after the commit; if that delete fails, the
orphan is unreadable and ``sweep`` removes it later).

Writes stream: the caller's thread copies each stored chunk into a part buffer (once:
the chunk is a view of the opener's reused buffer), and a few upload threads send the full
parts of a multipart upload as they are (``PART_SIZE``, ``PARALLEL_PARTS`` in flight;
store/s3client.py: no body hash, no further copy). The buffers are made once and reused,
so memory stays at ``(PARALLEL_PARTS + 1) * PART_SIZE`` whatever the attachment's size.
Objects are written once, whole (``whole_only``); one smaller than a part is one PUT.
Reads are ranged GETs, streamed.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

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
    from intake_app.store.s3client import ObjectClient

# Parts of 12 MiB, three in flight: four part buffers (48 MiB) keep the import's peak RSS
# near 124 MiB (bound: 150). SeaweedFS's cost per byte did not depend on the part size
# (8-16 MiB; docs/performance.md); fewer in flight left it idle. S3's minimum is 5 MiB.
PART_SIZE = 12 << 20
PARALLEL_PARTS = 3
_PAD_BLOCK = 1 << 20


class _Aborted(IOError):
    pass


class S3Writer:
    """A ``BlobSink`` that uploads one whole object (see the module docstring)."""

    def __init__(self, store: S3Blobs, name: str, total_size: int) -> None:
        self._client = store.client
        self._bucket, self._key = store.location.bucket, store.location.key(name)
        self._total = total_size
        self._data = data_len(total_size)
        self._size = size_class(self._data)
        self._next = 0
        self._sent = 0  # stored bytes written
        self._part = min(PART_SIZE, self._size)
        self._buf = bytearray(self._part)
        self._fill = 0
        self._made = 1  # part buffers made so far (at most PARALLEL_PARTS + 1)
        self._free: queue.Queue[bytearray] = queue.Queue()
        self._todo: queue.Queue[tuple[int, bytearray, int] | None] = queue.Queue()
        self._etags: list[str] = []
        self._upload_id: str | None = None
        self._threads: list[threading.Thread] = []
        self._error: BaseException | None = None
        self._closed = False

    # -- the upload threads --

    def _work(self, upload_id: str) -> None:
        while (item := self._todo.get()) is not None:
            number, buf, n = item
            if self._error is None:
                try:
                    self._etags[number - 1] = self._client.put_part(
                        self._bucket, self._key, upload_id, number, memoryview(buf)[:n])
                except BaseException as exc:  # raised on the writer's thread
                    if self._error is None:
                        self._error = exc
            self._free.put(buf)

    def _start(self) -> str:
        try:
            upload_id = self._client.create_upload(self._bucket, self._key)
        except s3.failures() as exc:
            raise s3.store_error("cannot write an attachment object", exc) from None
        self._upload_id = upload_id
        for _ in range(PARALLEL_PARTS):
            t = threading.Thread(target=self._work, args=(upload_id,), daemon=True,
                                 name="s3-upload")
            t.start()
            self._threads.append(t)
        return upload_id

    def _stop(self) -> None:
        for _ in self._threads:
            self._todo.put(None)
        for t in self._threads:
            t.join()
        self._threads = []

    def _raise(self) -> None:
        exc = self._error
        if exc is None or isinstance(exc, _Aborted):
            raise ObjectStoreError("object storage: the upload stopped")
        if isinstance(exc, s3.failures()):
            raise s3.store_error("cannot write an attachment object", exc) from None
        raise exc

    # -- the writer's side --

    def _ship(self) -> None:
        """Hand the full part buffer to the upload threads; take an empty one."""
        if self._upload_id is None:
            self._start()
        self._etags.append("")
        self._todo.put((len(self._etags), self._buf, self._fill))
        self._fill = 0
        if self._made <= PARALLEL_PARTS:
            self._made += 1
            self._buf = bytearray(self._part)
            return
        while True:  # all buffers in use: wait for a part to be sent
            if self._error is not None:
                self._raise()
            try:
                self._buf = self._free.get(timeout=0.2)
                return
            except queue.Empty:
                continue

    def _copy(self, data: bytes | memoryview) -> None:
        view = memoryview(data)
        while view:
            if self._fill == self._part:
                self._ship()  # only once more bytes come: the last part goes in finish
            n = min(len(view), self._part - self._fill)
            self._buf[self._fill:self._fill + n] = view[:n]
            self._fill += n
            view = view[n:]

    def write(self, idx: int, stored: bytes | memoryview) -> None:
        if self._closed:
            raise ValueError("write after the object was finished or aborted")
        if idx != self._next:
            raise ValueError(f"object blobs are written in order (chunk {idx}, "
                             f"expected {self._next})")
        if self._error is not None:
            self._raise()
        self._next += 1
        self._sent += len(stored)
        self._copy(stored)

    def finish(self, total_size: int | None) -> None:
        if total_size != self._total or self._sent != self._data:
            self.abort()
            raise ValueError("an object blob is finished whole, with its declared size")
        left = self._size - self._data
        while left:
            k = min(_PAD_BLOCK, left)
            # Random padding to the size class, as blob files have (store/blobs.py).
            self._copy(sodium.randombytes_buf_deterministic(k, sodium.randombytes(32)))
            left -= k
        self._closed = True
        try:
            if self._upload_id is None:  # the whole object fits in one part
                self._client.put_whole(self._bucket, self._key,
                                       memoryview(self._buf)[:self._fill])
                return
            self._etags.append("")
            self._todo.put((len(self._etags), self._buf, self._fill))
            self._stop()
            if self._error is not None:
                self._raise()
            self._client.complete_upload(self._bucket, self._key, self._upload_id,
                                         self._etags)
            self._upload_id = None  # done: nothing for an abort to drop
        except BaseException as exc:
            self._cancel()
            if isinstance(exc, s3.failures()):
                raise s3.store_error("cannot write an attachment object", exc) from None
            raise

    def _cancel(self) -> None:
        """Stop the upload threads and drop the unfinished upload (best effort: the
        server expires it too)."""
        if self._error is None:
            self._error = _Aborted("attachment upload aborted")
        self._stop()
        upload_id, self._upload_id = self._upload_id, None
        if upload_id is not None:
            with contextlib.suppress(*s3.failures()):
                self._client.abort_upload(self._bucket, self._key, upload_id)

    def abort(self) -> None:
        self._closed = True
        self._cancel()


class S3Blobs:
    """``BlobStore`` on ``location`` through ``client`` (``connect`` makes both)."""

    whole_only = True

    def __init__(self, location: s3.S3Location, client: ObjectClient) -> None:
        self.location = location
        self.client = client

    @classmethod
    def connect(cls, url: str, settings: s3.S3Settings | None = None) -> S3Blobs:
        """From an ``s3://bucket/prefix`` URL, endpoint and credentials from the
        environment (intake_app.objstore); the bucket must exist."""
        from intake_app.store.s3client import ObjectClient

        location = s3.parse_url(url)
        return cls(location, s3.connect(location, settings, ObjectClient))

    @classmethod
    def open(cls, location: s3.S3Location, settings: s3.S3Settings) -> S3Blobs:
        """Like ``connect`` without checking the bucket (nothing is sent yet)."""
        from intake_app.store.s3client import ObjectClient

        return cls(location, s3.make_client(settings, ObjectClient))

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
