"""Just enough PDF reading to test the monthly report's PDF (no PDF library is a
dependency): the objects, the pages, each page's fonts and their ToUnicode maps, and
the text shown (``<hex> Tj``) mapped back to Unicode. Fits the files Qt's QPdfWriter
writes (no object streams, Flate-compressed streams, Identity-H fonts)."""

from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)


def objects(data: bytes) -> dict[int, bytes]:
    return {int(n): body for n, body in _OBJ.findall(data)}


def stream(body: bytes) -> bytes:
    start = body.index(b"stream") + 6
    start += 2 if body[start:start + 2] == b"\r\n" else 1
    raw = body[start:body.rindex(b"endstream")]
    # A decompressor object stops at the end of the deflate data (then an EOL).
    return zlib.decompressobj().decompress(raw) if b"FlateDecode" in body[:start] else raw


def _ref(body: bytes, key: bytes) -> int | None:
    m = re.search(rb"/" + key + rb"\s+(\d+) 0 R", body)
    return int(m.group(1)) if m else None


def _cmap(text: bytes) -> dict[int, str]:
    out: dict[int, str] = {}

    def uni(h: bytes) -> str:
        return bytes.fromhex(h.decode()).decode("utf-16-be")

    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for a, b in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(a, 16)] = uni(b)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for a, b, rest in re.findall(
                rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block):
            lo, hi = int(a, 16), int(b, 16)
            if rest.startswith(b"["):
                for i, h in enumerate(re.findall(rb"<([0-9A-Fa-f]+)>", rest)):
                    out[lo + i] = uni(h)
            else:
                base = int(rest[1:-1], 16)
                for i in range(hi - lo + 1):
                    out[lo + i] = chr(base + i)
    return out


def page_texts(data: bytes) -> list[str]:
    """The text of each page, in drawing order (a right-to-left run comes out in
    visual order), without spaces between the glyphs Qt places one by one."""
    objs = objects(data)
    pages = [n for n, b in sorted(objs.items()) if re.search(rb"/Type\s*/Page\b", b)]
    texts = []
    for n in pages:
        body = objs[n]
        res_n = _ref(body, b"Resources")
        res = objs[res_n] if res_n is not None else body
        fonts: dict[str, dict[int, str]] = {}
        fblock = re.search(rb"/Font\s*<<(.*?)>>", res, re.S)
        for name, ref in re.findall(rb"/(\w+)\s+(\d+) 0 R", fblock.group(1) if fblock else b""):
            tu = _ref(objs[int(ref)], b"ToUnicode")
            fonts[name.decode()] = _cmap(stream(objs[tu])) if tu is not None else {}
        content_n = _ref(body, b"Contents")
        assert content_n is not None
        content = stream(objs[content_n])
        cmap: dict[int, str] = {}
        out: list[str] = []
        actual: str | None = None  # inside a /Span with /ActualText: that text instead
        for m in re.finditer(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|"
                             rb"/ActualText\s*<([0-9A-Fa-f]*)>\s*>>\s*BDC|(EMC)", content):
            if m.group(1):
                cmap = fonts.get(m.group(1).decode(), {})
            elif m.group(3) is not None:
                h = m.group(3).decode()
                actual = bytes.fromhex(h).decode("utf-16") if h else ""
            elif m.group(4):
                out.append(actual or "")
                actual = None
            elif actual is None:
                h = m.group(2).decode()
                out += [cmap.get(int(h[i:i + 4], 16), "") for i in range(0, len(h), 4)]
        texts.append("".join(out))
    return texts
