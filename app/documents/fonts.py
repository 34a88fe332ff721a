"""The font documents are set in: one that covers Chinese and Latin, embedded in the PDF.

reportlab embeds TrueType outlines only (not the CFF outlines of Noto/Source Han .otf
and .ttc files), so the choice, first found wins:
  1. LTC_PDF_FONT=path[,subfont index]: a TrueType font the installation prefers;
  2. resources/fonts/wqy-microhei.ttc, bundled (WenQuanYi Micro Hei, Apache-2.0,
     5.2 MB on disk, 2.3 MB in the repository compressed; it covers GBK Hanzi, Latin and
     full-width punctuation, and only the glyphs a document uses are embedded, so a
     one-page quote is ~40 KB);
  3. a TrueType CJK font of the system (WenQuanYi, Microsoft YaHei, SimSun, Arial Unicode);
  4. reportlab's built-in CID font STSong-Light: always available, but not embedded,
     so the reader's viewer supplies the glyphs (Acrobat asks for its Asian font pack).
"""
from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.paths import resource_path

log = logging.getLogger(__name__)

BUNDLED = resource_path("fonts", "wqy-microhei.ttc")
SYSTEM_CANDIDATES = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0),
)
CID_FALLBACK = "STSong-Light"
FONT_NAME = "LTCDocument"
# Text a document font must cover, or it is passed over for the next candidate.
REQUIRED = "报价单发票壹贰叁元整ABCxyz0123456789,.%-()¥：（）"


@dataclass(frozen=True)
class DocumentFont:
    """The registered font: `name` for reportlab, where it came from, whether embedded."""

    name: str
    source: str
    embedded: bool


_lock = threading.Lock()
_chosen: DocumentFont | None = None


def document_font() -> DocumentFont:
    """Register (once per process) and return the font documents use."""
    global _chosen
    with _lock:
        if _chosen is None:
            _chosen = _choose()
            log.info("documents use the font %s (%s)", _chosen.name, _chosen.source)
        return _chosen


def candidates() -> list[tuple[str, int]]:
    """(path, subfont index) of every TrueType font to try, in order."""
    out = []
    wanted = os.environ.get("LTC_PDF_FONT")
    if wanted:
        path, _, index = wanted.partition(",")
        out.append((path, int(index or 0)))
    out.append((str(BUNDLED), 0))
    out.extend(SYSTEM_CANDIDATES)
    return out


def _choose() -> DocumentFont:
    for path, index in candidates():
        if not Path(path).is_file():
            continue
        try:
            font = TTFont(FONT_NAME, path, subfontIndex=index)
        except (TTFError, OSError, ValueError) as exc:  # CFF outlines, no embedding rights, damaged
            log.warning("cannot use %s for documents: %s", path, exc)
            continue
        if any(ord(ch) not in font.face.charToGlyph for ch in REQUIRED):
            log.warning("%s lacks glyphs documents need; trying the next font", path)
            continue
        pdfmetrics.registerFont(font)
        _family(FONT_NAME)
        return DocumentFont(FONT_NAME, path, True)
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    _family(CID_FALLBACK)
    return DocumentFont(CID_FALLBACK, "reportlab built-in CID font (not embedded)", False)


def _family(name: str) -> None:
    # One face serves every style: <b> in a paragraph must not look for a missing bold face.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)


def reset_for_tests() -> None:
    """Forget the chosen font so the next document chooses again (tests of the fallback)."""
    global _chosen
    with _lock:
        _chosen = None
