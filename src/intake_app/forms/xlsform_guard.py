"""Checks on untrusted XLSForm inputs made before any parser sees them.

* Size bombs: an .xlsx is a zip; a small file can unpack to a huge sheet, or
  name a cell at row 1,000,000 so the reader pads a million empty rows. Every
  member is decompressed here in bounded chunks (the declared sizes are not
  trusted) and the sheets' row/column references and cell counts are bounded,
  so a bomb is refused in a fraction of a second, before openpyxl or pyxform.
* Choice files: ``select_one_from_file x.csv`` names a file; only a plain file
  name is accepted, found in the form's own folder or among the files given
  with ``--file``. Paths, ``..``, absolute names and symlinks are refused, so a
  form cannot make import read (and provisioning carry) any file on the machine.
"""

from __future__ import annotations

import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path

from intake_app.errors import FormError

MAX_FORM_FILE = 16 * 1024 * 1024  # bytes on disk
MAX_UNPACKED = 24 * 1024 * 1024  # all members of an .xlsx, decompressed
MAX_MEMBERS = 500
MAX_ROWS = 60_000  # per sheet (row number, not count: gaps are padded by readers)
MAX_COLUMNS = 512
MAX_CELLS = 1_000_000  # per workbook
MAX_DATA_FILE = 16 * 1024 * 1024  # a choices CSV/XML/GeoJSON file

_CHUNK = 1 << 16
_ROW_REF = re.compile(rb"<(?:\w+:)?row\b[^>]*?\sr=\"(\d{1,12})\"")
_CELL_REF = re.compile(rb"<(?:\w+:)?c\b[^>]*?\sr=\"([A-Za-z]{1,8})(\d{1,12})\"")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*?\sref=\"([^\"]{1,64})\"")
_DIM_PART = re.compile(r"([A-Za-z]{1,8})(\d{1,12})")
# A plain file name: no directory part, not hidden, no drive or NUL.
_PLAIN_NAME = re.compile(r"^[^/\\:\x00]+$")


def _too_big(path: Path, what: str) -> FormError:
    return FormError(f"{path.name}: {what}; refusing to read it (XLSForm size limits: "
                     f"{MAX_UNPACKED // (1024 * 1024)} MiB unpacked, {MAX_ROWS} rows, "
                     f"{MAX_COLUMNS} columns)")


def _col_number(letters: bytes | str) -> int:
    n = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.decode().upper():
        n = n * 26 + (ord(ch) - 64)
    return n


def check_form_file(path: Path) -> None:
    """Raise ``FormError`` if the workbook at ``path`` exceeds the size limits."""
    try:
        st = path.stat()
    except OSError as exc:
        raise FormError(f"{path.name}: cannot read: {exc.strerror or exc}") from None
    if st.st_size > MAX_FORM_FILE:
        raise _too_big(path, f"the file is {st.st_size // (1024 * 1024)} MiB")
    try:
        is_zip = zipfile.is_zipfile(path)
    except OSError:
        is_zip = False
    except zipfile.BadZipFile:
        # is_zipfile raises for some archives it recognises but cannot read
        # (e.g. multi-disk): a workbook in name only, refused by _check_xlsx.
        is_zip = True
    if is_zip:
        _check_xlsx(path)


def _check_xlsx(path: Path) -> None:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
            RuntimeError, struct.error) as exc:
        raise FormError(f"{path.name}: not a readable workbook "
                        f"({' '.join(str(exc).split()) or type(exc).__name__})") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _too_big(path, f"the workbook has {len(infos)} parts")
        total = 0
        cells = 0
        for info in infos:
            is_sheet = info.filename.startswith("xl/worksheets/") \
                and info.filename.endswith(".xml")
            try:
                with zf.open(info) as fh:
                    tail = b""
                    max_row = max_col = rows = 0
                    while True:
                        chunk = fh.read(_CHUNK)
                        if not chunk:
                            break
                        total += len(chunk)
                        if total > MAX_UNPACKED:
                            raise _too_big(path, "the workbook unpacks to more than "
                                           f"{MAX_UNPACKED // (1024 * 1024)} MiB")
                        if not is_sheet:
                            continue
                        # Scan with a little overlap so a tag split across chunks is seen;
                        # counts use only the new bytes to avoid double counting.
                        buf = tail + chunk
                        for m in _ROW_REF.finditer(buf):
                            max_row = max(max_row, int(m.group(1)))
                        for m in _CELL_REF.finditer(buf):
                            max_col = max(max_col, _col_number(m.group(1)))
                            max_row = max(max_row, int(m.group(2)))
                        for m in _DIMENSION.finditer(buf):
                            for part in _DIM_PART.finditer(m.group(1).decode("ascii",
                                                                             "replace")):
                                max_col = max(max_col, _col_number(part.group(1)))
                                max_row = max(max_row, int(part.group(2)))
                        cells += len(_CELL_TAG.findall(chunk))
                        rows += len(_ROW_TAG.findall(chunk))
                        tail = buf[-256:]
                        if max_row > MAX_ROWS or rows > MAX_ROWS:
                            raise _too_big(path, f"sheet {info.filename.rsplit('/', 1)[-1]} "
                                           f"has more than {MAX_ROWS} rows")
                        if max_col > MAX_COLUMNS:
                            raise _too_big(path, f"sheet {info.filename.rsplit('/', 1)[-1]} "
                                           f"has more than {MAX_COLUMNS} columns")
                        if cells > MAX_CELLS:
                            raise _too_big(path, f"the workbook has more than {MAX_CELLS} "
                                           "cells")
            except FormError:
                raise
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError,
                    NotImplementedError, RuntimeError, struct.error) as exc:
                raise FormError(f"{path.name}: not a readable workbook "
                                f"({' '.join(str(exc).split()) or type(exc).__name__})"
                                ) from None


def check_plain_name(filename: str) -> bool:
    """Whether ``filename`` is a plain file name (no directory, not '.'/'..')."""
    return bool(_PLAIN_NAME.match(filename)) and filename not in (".", "..") \
        and filename.strip() == filename and not filename.startswith(".")


def find_data_file(form_path: Path, filename: str, given: Mapping[str, Path],
                   what: str) -> Path:
    """The file a form names for its choices: a plain name, given or beside the form.

    ``given`` maps plain names to the files passed with ``--file``. Raises
    ``FormError`` (one line, naming the file) for a path, a symlink, a special
    file, a missing file or one over the size limit.
    """
    if not check_plain_name(filename):
        raise FormError(f"{what} {filename!r}: only a plain file name is accepted (no folder, "
                        "'..' or absolute path); put the file next to the form or give it "
                        "with --file")
    candidate = given.get(filename)
    if candidate is None:
        candidate = form_path.parent / filename
        try:
            st = candidate.lstat()
        except FileNotFoundError:
            raise FormError(f"{what}: file {filename} not found next to {form_path.name}; "
                            f"put it there or give it with --file {filename}") from None
        except OSError as exc:
            raise FormError(f"{what}: cannot read {filename}: {exc.strerror or exc}") from None
        if stat.S_ISLNK(st.st_mode):
            raise FormError(f"{what}: {filename} is a symbolic link; give the file itself "
                            "with --file")
    else:
        try:
            st = candidate.stat()
        except OSError as exc:
            raise FormError(f"{what}: cannot read {filename}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise FormError(f"{what}: {filename} is not a regular file")
    if st.st_size > MAX_DATA_FILE:
        raise FormError(f"{what}: {filename} is larger than "
                        f"{MAX_DATA_FILE // (1024 * 1024)} MiB")
    return candidate
