"""Writing output files atomically (an edge): no partial file is ever left behind."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from burdenshare.errors import InputError


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Write to a temporary file beside `path` and move it into place only on success.

    On any error the temporary file is removed, so no partial output is left behind and an
    earlier file at `path` is untouched; a system error (a full disk, a read-only folder) is an
    `InputError` naming `path`.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"cannot write {path}: folder {directory} does not exist", "--out")
    if path.is_dir():
        raise InputError("is a directory; expected a file name to write", str(path))
    if path.exists() and not path.is_file():  # a device or pipe is never replaced by a file
        raise InputError("not a regular file (a device or pipe); refusing to replace it", str(path))
    import tempfile  # here, not at the top: `burdenshare` starts faster (~2 ms)

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", str(path)) from None
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it owner-only; give it a normal file's mode
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):  # e.g. no space left on device: nothing was written
            raise InputError(f"cannot write: {exc.strerror or exc}", str(path)) from None
        raise


def write_text_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` atomically (see `atomic_output`)."""
    with atomic_output(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Largest input file read (64 MiB): far above any scenario, domain, CSV or news report, far
below what would exhaust memory (a device such as /dev/zero is refused before reading)."""


MAX_SCENARIO_BYTES = 4 * 1024 * 1024
"""Largest scenario TOML (4 MiB): TOML is read at about 1 MB a second, so at most about 4 s; the
largest built-in scenario is 25 kB."""


def read_input(path: Path, expected: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of `path` if it is a regular file of at most `limit` bytes; else `InputError`
    naming the file (missing, a folder, a FIFO or device, too large, unreadable)."""
    import stat

    origin = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"cannot read file: no such file; expected {expected}", origin) from None
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read file: {_reason(exc)}", origin) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"is a directory; expected {expected}", origin)
    if not stat.S_ISREG(info.st_mode):
        kind = "not a regular file (a device, pipe or socket)"
        raise InputError(f"{kind}; expected {expected}", origin)
    if info.st_size > limit:
        raise InputError(_too_large(info.st_size, limit), origin)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read file: {_reason(exc)}", origin) from None
    if len(data) > limit:  # grew while being read
        raise InputError(_too_large(len(data), limit), origin)
    return data


def read_input_text(path: Path, expected: str, limit: int = MAX_INPUT_BYTES) -> str:
    """`read_input` decoded as UTF-8; `InputError` if it is not UTF-8 text."""
    try:
        return read_input(path, expected, limit).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte {exc.start}); expected {expected}", str(path)
        ) from None


def check_size(size: int, limit: int, origin: str) -> None:
    """The check `read_input` makes of a file's size, for bytes that came another way (an
    upload to the web app): `InputError` naming `origin` when `size` is over `limit`."""
    if size > limit:
        raise InputError(_too_large(size, limit), origin)


def _too_large(size: int, limit: int) -> str:
    return f"{size / 2**20:,.1f} MiB: larger than the {limit / 2**20:,.0f} MiB an input may have"


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)
