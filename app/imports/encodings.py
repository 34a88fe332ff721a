"""Which text encoding a CSV file is in: UTF-8 (with or without a byte-order mark),
UTF-16 with a mark (Excel's "Unicode text"), or GBK/GB18030 as Excel writes CSV on
Chinese Windows. Detected from the bytes; the user can override it."""
from __future__ import annotations

import codecs

from app.imports.errors import FileProblem

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# GB18030 is a superset of GBK and GB2312: decoding with it reads all three.
ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "utf8": "utf-8",
           "utf-8-bom": "utf-8-sig", "utf8-bom": "utf-8-sig"}
LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "utf-16": "UTF-16", "gb18030": "GBK/GB18030"}
# Text files hold no NUL bytes outside UTF-16; a run of them means a binary file.
BINARY_SAMPLE = 8192


def canonical(name: str) -> str:
    """The codec name used for a user's encoding choice; FileProblem for an unknown one."""
    key = name.strip().lower().replace("_", "-")
    key = ALIASES.get(key, key)
    try:
        codecs.lookup(key)
    except LookupError:
        raise FileProblem(f"unknown encoding {name!r} (try utf-8, utf-8-sig, gbk or gb18030)") from None
    return key


def label(encoding: str) -> str:
    return LABELS.get(encoding, encoding)


def detect(data: bytes) -> str:
    """The encoding `data` is most likely in. Raises FileProblem for binary content or
    bytes that none of the candidates decodes."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    if b"\x00" in data[:BINARY_SAMPLE]:
        raise FileProblem("this looks like a binary file, not a CSV text file")
    for name in ("utf-8", "gb18030"):
        try:
            data.decode(name)
            return name
        except UnicodeDecodeError:
            continue
    raise FileProblem("the file is neither UTF-8 nor GBK/GB18030 text; choose its encoding")


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used): `encoding` if given (strictly: a wrong choice is an error
    naming the line), else the detected one."""
    name = canonical(encoding) if encoding else detect(data)
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise FileProblem(f"line {line} is not valid {label(name)} text; is the file in another encoding?") from None
    if name == "utf-16" or name.startswith("utf-8"):
        text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise FileProblem("the file contains NUL characters: it is binary or damaged, not CSV text")
    return text, name
