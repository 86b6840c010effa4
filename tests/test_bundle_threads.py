"""The bundle threads' error hand-off (crypto/bundle/crew.py), issue 12.

A failure is injected in each worker thread of a seal, a verify and a single-pass open
(by thread name, at a chosen call of something only that thread calls). The caller must
get exactly that exception object (not lose it, not replace it with a follow-on error,
not hang), and no bundle thread may be left running. Before the crew, a failing stream
or verify hasher hung the open, or had its error replaced by "does not match the signed
hash"."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import queue
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from intake_app.crypto import verify_bundle
from intake_app.crypto.bundle import FORMAT_VERSION_2, PayloadItem, open_bundle, write_bundle
from intake_app.crypto.bundle import stream as bstream
from intake_app.crypto.bundle.crew import Crew
from tests.test_crypto_bundle_v2 import LOG2, mv, sealed

BIG_A = bytes(range(256)) * 64  # 16 KiB: 16 sealed chunks of 1 KiB
BIG_B = bytes(reversed(range(256))) * 40 + b"tail"
INLINE = bytes(range(251)) * 80  # 20 KiB: 20 stream chunks


class Injected(Exception):
    pass


def _items() -> list[PayloadItem]:
    return [PayloadItem("record", mv.rec_meta(1)), sealed("att-a", BIG_A),
            PayloadItem("attachment", mv.att_meta("inline.bin", len(INLINE)),
                        io.BytesIO(INLINE), len(INLINE)),
            sealed("att-b", BIG_B), PayloadItem("record", mv.rec_meta(2))]


def _seal(out: Any) -> None:
    write_bundle(out, signing_key=mv.DEV["dev-a"], device_id="dev-a", hq_id=mv.HQ_ID,
                 sequence=1, prev=mv.ZERO_HASH, recipients=mv.RECIPIENTS, items=_items(),
                 created_at=mv.CREATED_AT, chunk_log2=LOG2, version=FORMAT_VERSION_2)


@pytest.fixture(scope="module")
def bundle_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("threads") / "b.intake"
    with open(p, "wb") as out:
        _seal(out)
    return p


def _open_all(path: Path) -> None:
    with open(path, "rb") as fh:
        for it in open_bundle(fh, [mv.HQ_MAIN], mv.keyring(), single_pass=True):
            if it.kind == "sealed":
                for _ in it.stored_chunks():
                    pass
            else:
                for _ in it.chunks():
                    pass


def _verify(path: Path) -> None:
    with open(path, "rb") as fh:
        verify_bundle(fh, mv.keyring())


class _Trap:
    """Raises ``self.exc`` at the ``at``-th call made on the thread named ``thread``."""

    def __init__(self, thread: str, at: int) -> None:
        self.thread, self.at, self.calls = thread, at, 0
        self.exc: BaseException = Injected(f"injected in {thread}")

    def __call__(self) -> None:
        if threading.current_thread().name == self.thread:
            self.calls += 1
            if self.calls == self.at:
                raise self.exc


def _wrap(trap: _Trap, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapped(*a: Any) -> Any:
        trap()
        return fn(*a)
    return wrapped


class _Sha:
    def __init__(self, trap: _Trap) -> None:
        self._h, self._trap = hashlib.sha256(), trap

    def update(self, b: Any) -> None:
        self._trap()
        self._h.update(b)

    def digest(self) -> bytes:
        return self._h.digest()


class _Out(io.BytesIO):
    def __init__(self, trap: _Trap) -> None:
        super().__init__()
        self._trap = trap

    def write(self, b: Any) -> int:
        self._trap()
        return super().write(b)


def _bundle_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("bundle-")]


def _outcome(op: Callable[[], None]) -> BaseException | None:
    """Run ``op`` on a watched thread: its exception, or None; fails if it hangs."""
    box: list[BaseException | None] = [None]

    def body() -> None:
        try:
            op()
        except BaseException as e:
            box[0] = e

    t = threading.Thread(target=body, daemon=True, name="test-caller")
    t.start()
    t.join(60)
    assert not t.is_alive(), "the caller hangs after a worker thread failed"
    return box[0]


# (thread, its nth call that fails, how the failure is injected, the operation)
CASES = [
    ("bundle-writer", 3, "out", "seal"),
    ("bundle-blob-writer", 3, "out", "seal"),
    ("bundle-verify-hasher", 1, "sha", "verify"),
    ("bundle-decrypt", 3, "_pull_into", "open"),
    ("bundle-stream-hasher", 3, "sha", "open"),
    ("bundle-blobs", 3, "_pread_into", "open"),
    ("bundle-blob-check", 3, "_aead_check", "open"),
]


@pytest.mark.parametrize(("thread", "at", "how", "op"), CASES,
                         ids=[c[0] for c in CASES])
def test_a_failing_worker_thread_reaches_the_caller_as_it_was(
        bundle_file: Path, monkeypatch: pytest.MonkeyPatch,
        thread: str, at: int, how: str, op: str) -> None:
    trap = _Trap(thread, at)
    if how == "sha":
        monkeypatch.setattr(bstream, "hashlib", type("H", (), {
            "sha256": staticmethod(lambda: _Sha(trap))}))
    elif how != "out":
        monkeypatch.setattr(bstream, how, _wrap(trap, getattr(bstream, how)))
    run: Callable[[], None] = {
        "seal": lambda: _seal(_Out(trap)),
        "verify": lambda: _verify(bundle_file),
        "open": lambda: _open_all(bundle_file),
    }[op]
    got = _outcome(run)
    assert trap.calls >= at, f"{thread} never made call {at}: the test injected nothing"
    assert got is trap.exc, f"the caller got {got!r} instead of the injected error"
    assert _bundle_threads() == [], "a bundle thread is left running"
    monkeypatch.undo()
    _open_all(bundle_file)  # the module's bundle is good: only the injection failed


def test_a_disk_full_on_the_writer_thread_leaves_no_bundle_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the field export: ENOSPC while the writer thread writes the volume."""
    from intake_app.errors import IntakeError
    from intake_app.services import outbox_io
    from intake_app.services.field import FieldService
    from tests.cli_helpers import FIELD_PASS, enrolled_pair
    from tests.fault_helpers import new_finalized

    s = enrolled_pair(tmp_path / "p")
    new_finalized(s, tmp_path, "r0", attachment=300 * 1024)
    usb = tmp_path / "usb"
    usb.mkdir()
    real_write = outbox_io.Pushed.write
    calls = [0]

    def write(self: outbox_io.Pushed, data: bytes | memoryview) -> int:
        if threading.current_thread().name == "bundle-writer":
            calls[0] += 1
            if calls[0] == 2:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(self, data)

    with FieldService(s.field) as svc:
        svc.unlock(FIELD_PASS)
        monkeypatch.setattr(outbox_io.Pushed, "write", write)
        with pytest.raises(IntakeError, match="export failed, nothing was lost: No space"):
            svc.export(usb)
        monkeypatch.undo()
        assert calls[0] == 2
        assert _bundle_threads() == []
        leftovers = [p.name for d in (usb, s.field) for p in d.rglob("*")
                     if p.name.endswith((".intake", ".part"))]
        assert leftovers == [], leftovers
        res = svc.export(usb)  # nothing was lost: the same record goes out next time
        assert res.record_count == 1


# --- the mechanism itself -----------------------------------------------------------
def test_first_error_wins_and_the_others_stop() -> None:
    first, later = Injected("first"), Injected("later")
    crew = Crew()
    q: queue.Queue[int] = queue.Queue()

    def fails_first() -> None:
        raise first

    def fails_later() -> None:
        crew.stop.wait()
        raise later

    def waits() -> None:
        crew.get(q)  # nothing ever comes: only the stop ends it

    with pytest.raises(Injected) as info, crew:
        for fn in (waits, fails_later, fails_first):
            crew.spawn(fn, "bundle-test")
        crew.get(q)  # the caller's wait raises the first error
    assert info.value is first
    assert _bundle_threads() == []


def test_a_worker_error_before_the_callers_own_wins() -> None:
    crew = Crew()
    first = Injected("worker")
    done = threading.Event()

    def fails() -> None:
        try:
            raise first
        finally:
            done.set()

    with pytest.raises(Injected) as info, crew:
        crew.spawn(fails, "bundle-test")
        done.wait(10)
        crew.stop.wait(10)
        raise ValueError("the caller's, after")
    assert info.value is first
    assert isinstance(info.value.__context__, ValueError)


def test_the_callers_error_first_stops_the_workers() -> None:
    crew = Crew()
    q: queue.Queue[int] = queue.Queue(maxsize=1)
    q.put(0)

    def blocked() -> None:
        crew.put(q, 1)  # full forever: only the stop ends it

    with pytest.raises(KeyError), crew:
        crew.spawn(blocked, "bundle-test")
        raise KeyError("caller")
    assert _bundle_threads() == []


def test_an_unseen_worker_error_is_not_lost_on_a_clean_exit() -> None:
    crew = Crew()
    first = Injected("unseen")

    def fails() -> None:
        raise first

    with pytest.raises(Injected) as info, crew:
        crew.spawn(fails, "bundle-test").join()
    assert info.value is first


def test_a_generator_closed_early_stops_its_threads(bundle_file: Path) -> None:
    with open(bundle_file, "rb") as fh:
        it: Iterator[Any] = open_bundle(fh, [mv.HQ_MAIN], mv.keyring(), single_pass=True)
        next(it)
        it.close()  # type: ignore[attr-defined]
    assert _bundle_threads() == []
