"""Signed HTTP requests for the drop box: no passwords, only the keys the keyring names.

Every request but ``GET /v1/status`` carries

    Authorization: Intake-Sig device=<device_id>, ts=<unix seconds>, nonce=<32 hex>, sig=<b64>
    Authorization: Intake-Sig hq=<hq_id>, ts=..., nonce=..., sig=...
    X-Intake-Content-SHA256: <64 hex>          (SHA-256 of the body; optional when empty)

``sig`` is Ed25519 (device key, or HQ's signing key for ``hq=``) over

    framed(DROPBOX_REQUEST, "\\n".join([hq_id, role, id, METHOD, path, query, ts, nonce,
                                        body_sha256_hex]))

``hq_id`` binds the request to one organisation's drop boxes; ``path`` is the API path
starting at ``/v1/`` (whatever prefix a reverse proxy adds); ``query`` is the raw query
string ('' when none). The drop box checks the key against its keyring (device enrolled,
not revoked), refuses timestamps more than ``MAX_SKEW`` seconds from its clock and any
(signer, nonce) pair it has seen within that window.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Final, Literal, Protocol

from nacl.exceptions import CryptoError
from nacl.signing import SigningKey, VerifyKey

from intake_app.crypto import labels
from intake_app.crypto.keyring import ID_RE, Keyring
from intake_app.errors import AuthError as AuthError  # re-exported

# A new context label, kept here rather than in crypto/labels.py (which defines the
# bundle format): it is only ever used to sign drop box requests.
DROPBOX_REQUEST: Final = labels.PREFIX + b"dropbox-request"
SCHEME: Final = "Intake-Sig"
DIGEST_HEADER: Final = "X-Intake-Content-SHA256"
MAX_SKEW: Final = 300  # seconds either side of the server's clock
EMPTY_SHA256: Final = hashlib.sha256(b"").hexdigest()

Role = Literal["device", "hq"]
_NONCE_RE = re.compile(r"[0-9a-f]{32}")
_HEX64_RE = re.compile(r"[0-9a-f]{64}")
_PARAM_RE = re.compile(r"\s*([a-z]+)=([^,\s]+)\s*")


@dataclass(frozen=True)
class Credentials:
    """Who signs: a field device (``role='device'``) or HQ (``role='hq'``, ident = hq_id)."""

    role: Role
    ident: str
    key: SigningKey
    hq_id: str


@dataclass(frozen=True)
class Principal:
    role: Role
    ident: str


def canonical_request(
    *, hq_id: str, role: str, ident: str, method: str, path: str, query: str, ts: int,
    nonce: str, body_sha256: str,
) -> bytes:
    fields = [hq_id, role, ident, method.upper(), path, query, str(ts), nonce, body_sha256]
    for f in fields:
        if "\n" in f:
            raise ValueError("request fields may not contain newlines")
    return labels.framed(DROPBOX_REQUEST, "\n".join(fields).encode("utf-8"))


def sign_headers(
    creds: Credentials, method: str, path: str, query: str = "", body: bytes = b"",
    *, body_sha256: str | None = None, now: int | None = None, nonce: str | None = None,
) -> dict[str, str]:
    """Headers that authenticate one request. ``path`` starts at ``/v1/``."""
    digest = body_sha256 if body_sha256 is not None else hashlib.sha256(body).hexdigest()
    ts = int(time.time()) if now is None else now
    n = nonce if nonce is not None else secrets.token_hex(16)
    msg = canonical_request(hq_id=creds.hq_id, role=creds.role, ident=creds.ident,
                            method=method, path=path, query=query, ts=ts, nonce=n,
                            body_sha256=digest)
    sig = base64.b64encode(creds.key.sign(msg).signature).decode("ascii")
    return {
        "Authorization": f"{SCHEME} {creds.role}={creds.ident}, ts={ts}, nonce={n}, sig={sig}",
        DIGEST_HEADER: digest,
    }


@dataclass(frozen=True)
class ParsedAuth:
    role: Role
    ident: str
    ts: int
    nonce: str
    sig: bytes


def ascii_digits(text: str) -> bool:
    """Only 0-9: ``str.isdigit`` also takes '²' (``int`` raises) and '١' (``int`` reads it),
    neither of which belongs in a header or a query parameter."""
    return text.isascii() and text.isdigit()


def parse_authorization(value: str | None) -> ParsedAuth:
    if not value:
        raise AuthError("missing Authorization header (Intake-Sig required)")
    scheme, _, rest = value.strip().partition(" ")
    if scheme != SCHEME:
        raise AuthError(f"unsupported authorization scheme (use {SCHEME})")
    params: dict[str, str] = {}
    for part in rest.split(","):
        m = _PARAM_RE.fullmatch(part)
        if not m or m.group(1) in params:
            raise AuthError("malformed Intake-Sig parameters")
        params[m.group(1)] = m.group(2)
    roles = [r for r in ("device", "hq") if r in params]
    if len(roles) != 1 or set(params) != {roles[0], "ts", "nonce", "sig"}:
        raise AuthError("Intake-Sig needs exactly one of device=/hq= plus ts, nonce, sig")
    role: Role = "device" if roles[0] == "device" else "hq"
    ident = params[role]
    if not ID_RE.fullmatch(ident) or ident in (".", ".."):
        raise AuthError("malformed signer id")
    if not ascii_digits(params["ts"]) or len(params["ts"]) > 12:
        raise AuthError("malformed timestamp")
    if not _NONCE_RE.fullmatch(params["nonce"]):
        raise AuthError("nonce must be 32 lowercase hex digits")
    try:
        sig = base64.b64decode(params["sig"], validate=True)
    except (binascii.Error, ValueError):
        raise AuthError("signature is not base64") from None
    if len(sig) != 64:
        raise AuthError("signature must be 64 bytes")
    return ParsedAuth(role, ident, int(params["ts"]), params["nonce"], sig)


def check_digest_header(value: str | None) -> str | None:
    if value is None:
        return None
    v = value.strip().lower()
    if not _HEX64_RE.fullmatch(v):
        raise AuthError(f"{DIGEST_HEADER} must be 64 hex digits", status=400)
    return v


class NonceStore(Protocol):
    """Where seen nonces are kept: ``NonceCache`` (memory, one instance) or
    ``shared.PgNonces`` (PostgreSQL, every instance)."""

    window: int

    def add(self, role: str, ident: str, nonce: str, now: float) -> None: ...


class NonceCache:
    """(signer, nonce) pairs seen within the timestamp window; bounded.

    Each signer has its own quota (``per_signer`` live entries): a device that floods
    the drop box with signed requests is refused (503) on its own, and everyone else
    keeps working. When the whole cache is full of unexpired entries it refuses new
    requests rather than forget a nonce that could still be replayed."""

    def __init__(self, max_entries: int = 200_000, window: int = MAX_SKEW,
                 per_signer: int = 5_000) -> None:
        self._seen: OrderedDict[tuple[str, str, str], float] = OrderedDict()
        self._per: dict[tuple[str, str], int] = {}
        self.max_entries = max_entries
        self.per_signer = per_signer
        self.window = window

    def __len__(self) -> int:
        return len(self._seen)

    def __bool__(self) -> bool:  # an empty cache is still a cache
        return True

    def held_by(self, role: str, ident: str) -> int:
        return self._per.get((role, ident), 0)

    def add(self, role: str, ident: str, nonce: str, now: float) -> None:
        horizon = now - 2 * self.window - 1  # a ts may be up to window old or ahead
        while self._seen:
            key, seen_at = next(iter(self._seen.items()))
            if seen_at >= horizon:
                break
            del self._seen[key]
            signer = key[:2]
            left = self._per[signer] - 1
            if left:
                self._per[signer] = left
            else:
                del self._per[signer]
        k = (role, ident, nonce)
        if k in self._seen:
            raise AuthError("replayed request (nonce already used)")
        if self._per.get((role, ident), 0) >= self.per_signer:
            raise AuthError(f"too many requests from {ident}, try again later", status=503)
        if len(self._seen) >= self.max_entries:
            raise AuthError("drop box is busy: too many requests, try again later", status=503)
        self._seen[k] = now
        self._per[(role, ident)] = self._per.get((role, ident), 0) + 1


class AddressLimiter:
    """Failed (unauthenticated) requests per source address within a window.

    An address over ``per_address`` failures is *locked*: its requests that do not
    name a signer in the keyring are answered 429 before any signature work, and
    those that fail to verify get 429 too. A request whose signature verifies is
    never refused by the lock, so good devices behind the same NAT address as a
    flooding or guessing client keep working (the lock is about failures, not the
    address). Bounded: at most ``max_addresses`` are tracked (the oldest forgotten
    first)."""

    def __init__(self, per_address: int = 600, window: int = 2 * MAX_SKEW,
                 max_addresses: int = 100_000) -> None:
        self.per_address, self.window, self.max_addresses = per_address, window, max_addresses
        self._hits: OrderedDict[str, tuple[float, int]] = OrderedDict()

    def _current(self, address: str, now: float) -> int:
        entry = self._hits.get(address)
        if entry is None or now - entry[0] > self.window:
            return 0
        return entry[1]

    def locked(self, address: str, now: float) -> bool:
        return self._current(address, now) >= self.per_address

    def check(self, address: str, now: float) -> None:
        if self.locked(address, now):
            raise self.refusal()

    @staticmethod
    def refusal() -> AuthError:
        return AuthError("too many failed requests from this address, try again later",
                         status=429)

    def failed(self, address: str, now: float) -> None:
        entry = self._hits.pop(address, None)
        if entry is None or now - entry[0] > self.window:
            entry = (now, 0)
        self._hits[address] = (entry[0], entry[1] + 1)
        while len(self._hits) > self.max_addresses:
            self._hits.popitem(last=False)


def verify_request(
    keyring: Keyring, nonces: NonceStore, *, authorization: str | None, method: str, path: str,
    query: str, body_sha256: str, now: float | None = None,
) -> Principal:
    """Check an Intake-Sig request against the keyring. Raises AuthError (401/403/503)."""
    a = parse_authorization(authorization)
    t = time.time() if now is None else now
    if abs(a.ts - t) > nonces.window:
        raise AuthError("request timestamp is too far from the drop box clock (check the time)")
    key: VerifyKey
    if a.role == "hq":
        if a.ident != keyring.hq_id:
            raise AuthError("unknown HQ")
        key = keyring.hq_signing_key
    else:
        entry = keyring.devices.get(a.ident)
        if entry is None:
            raise AuthError(f"unknown device {a.ident}")
        key = entry.public_key
    msg = canonical_request(hq_id=keyring.hq_id, role=a.role, ident=a.ident, method=method,
                            path=path, query=query, ts=a.ts, nonce=a.nonce,
                            body_sha256=body_sha256)
    try:
        key.verify(msg, a.sig)
    except CryptoError:
        raise AuthError("request signature is invalid") from None
    if a.role == "device" and keyring.devices[a.ident].status != "enrolled":
        raise AuthError(f"device {a.ident} is revoked", status=403)
    nonces.add(a.role, a.ident, a.nonce, t)
    return Principal(a.role, a.ident)


def names_known_signer(keyring: Keyring, authorization: str | None) -> bool:
    """Whether a well-formed Authorization header names HQ or a device in the keyring
    (cheap: no signature check)."""
    try:
        a = parse_authorization(authorization)
    except AuthError:
        return False
    return a.ident == keyring.hq_id if a.role == "hq" else a.ident in keyring.devices
