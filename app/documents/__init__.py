"""Documents a customer receives: quotes, invoices and credit notes as PDF.

`quote_pdf(store, quote_id)` and `invoice_pdf(store, invoice_id)` (credit notes too) read
the document from the local store, so they work offline, and return the PDF bytes;
`path=` also writes them to a file. The company block comes from the profile's settings
(app/documents/company.py); the font is chosen once per process (app/documents/fonts.py).
"""
from __future__ import annotations

from pathlib import Path

from app.documents.company import company_profile, set_company_profile
from app.documents.content import invoice_content, quote_content
from app.documents.fonts import document_font
from app.documents.pdf import render

__all__ = ["quote_pdf", "invoice_pdf", "company_profile", "set_company_profile", "document_font"]


def quote_pdf(store, quote_id: str, *, path: str | Path | None = None) -> bytes:
    """The quote as a PDF (NotFound for an unknown quote)."""
    with store.read() as session:
        content = quote_content(session, quote_id, store.dictionary())
    return _finish(render(content, company_profile(store)), path)


def invoice_pdf(store, invoice_id: str, *, path: str | Path | None = None) -> bytes:
    """The invoice or credit note as a PDF; one not yet issued carries a DRAFT watermark
    and no number, a void one a VOID watermark (NotFound for an unknown invoice)."""
    with store.read() as session:
        content = invoice_content(session, invoice_id, store.dictionary())
    return _finish(render(content, company_profile(store)), path)


def _finish(data: bytes, path) -> bytes:
    if path is not None:
        target = Path(path)
        tmp = target.with_name(target.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(target)  # a viewer never opens half a file
    return data
