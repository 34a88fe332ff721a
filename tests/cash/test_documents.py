"""Quote, invoice and credit-note PDFs: produced from the local store, Chinese rendered with
an embedded font, and saying what a customer's copy must say (read back with pypdf)."""
from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

from app.documents import fonts, invoice_pdf, quote_pdf, set_company_profile
from app.errors import NotFound, ValidationError
from app.services import customers, invoices, quotes
from tests.conftest import as_role
from tests.foundation import chain

COMPANY = {"name": "上海云帆信息科技有限公司", "name_en": "Shanghai Yunfan Information Technology Co., Ltd.",
           "address": "上海市浦东新区张江路 88 号", "phone": "+86 21 5080 1234",
           "bank_name": "招商银行上海张江支行", "bank_account": "1219 0888 0010 888"}


def pages(data: bytes) -> list[str]:
    """Each page's text with all white space removed (layout breaks lines anywhere)."""
    return ["".join(p.extract_text().split()) for p in PdfReader(BytesIO(data)).pages]


def text_of(data: bytes) -> str:
    return "".join(pages(data))


@pytest.fixture
def customer(store):
    set_company_profile(store, COMPANY)
    c = chain.customer(store, name="华东精密制造有限公司", address="江苏省苏州市工业园区星湖街 328 号")
    store.run(customers.create_contact, {"customer_id": c["id"], "name": "王建国", "title": "采购经理",
                                         "phone": "13912345678", "is_primary": True})
    return c


def test_a_quote_pdf_shows_company_customer_lines_and_totals_in_chinese(store, customer):
    deal = chain.deal(store, customer["id"], name="产线升级项目")
    q = store.run(quotes.create_quote, {"deal_id": deal["id"], "valid_until": "2026-12-31"}, lines=[
        chain.line(1_234_500, 2000, discount_bp=500, tax_rate_bp=1300, description="工业传感器 LX-200"),
        chain.line(80_000, 1000, tax_rate_bp=600, description="安装调试服务")])
    text = text_of(quote_pdf(store, q["id"]))
    assert "报价单" in text and "QUOTATION" in text
    for expected in ("上海云帆信息科技有限公司", "华东精密制造有限公司", "江苏省苏州市工业园区星湖街328号", "王建国",
                     "工业传感器LX-200", "安装调试服务", "2026-12-31", "产线升级项目"):
        assert expected in text
    # 2 x 12,345.00 less 5% = 23,455.50 net, 13% VAT 3,049.22; 800.00 + 6% = 848.00
    assert "23,455.50" in text and "3,049.22" in text
    assert q["total_minor"] == 2_735_272
    assert "¥27,352.72" in text and "贰万柒仟叁佰伍拾贰元柒角贰分" in text
    assert f"QT-{q['id'][:8].upper()}-1" in text


def test_an_issued_invoice_states_its_server_number_due_date_bank_and_amount_in_words(store, customer):
    inv = chain.issued_invoice(store, customer["id"], 1_234_567, due_on="2026-12-20", number="INV-2026-000042")
    text = text_of(invoice_pdf(store, inv["id"]))
    assert "发票" in text and "INVOICE" in text and "INV-2026-000042" in text
    assert "2026-12-20" in text and "12190888001088" in text.replace(" ", "")
    assert "壹万贰仟叁佰肆拾伍元陆角柒分" in text
    assert "应付余额" in text and "¥12,345.67" in text
    assert "草稿" not in text


def test_a_draft_invoice_is_watermarked_and_carries_no_number(store, customer):
    as_role(store, "finance")
    inv = store.run(invoices.create_invoice, {"customer_id": customer["id"], "due_on": "2026-12-31"},
                    lines=[{"description": "技术服务费", "unit_price_minor": 100_500}])
    text = text_of(invoice_pdf(store, inv["id"]))
    assert "草稿DRAFT" in text and "待开具" in text
    assert "壹仟零伍元整" in text


def test_a_credit_note_names_the_invoice_it_credits_and_its_amount_is_negative(store, customer):
    inv = chain.issued_invoice(store, customer["id"], 500_000, due_on="2026-12-20", number="INV-2026-000007")
    as_role(store, "finance")
    note = store.run(invoices.create_credit_note, inv["id"], amount_minor=250_000, reason="价格调整")
    chain.server_issues(store, note["id"], "CN-2026-000001")
    text = text_of(invoice_pdf(store, note["id"]))
    assert "红字发票" in text and "CREDITNOTE" in text
    assert "CN-2026-000001" in text and "INV-2026-000007" in text
    assert "负贰仟伍佰元整" in text and "-¥2,500.00" in text
    # The credited invoice now shows what the note took off it.
    assert "已冲红" in text_of(invoice_pdf(store, inv["id"]))


def test_a_long_quote_runs_over_pages_with_the_table_header_and_page_numbers_on_each(store, customer):
    deal = chain.deal(store, customer["id"])
    lines = [chain.line(10_000 + i, description=f"配件 第{i}项，含运输与保险") for i in range(70)]
    q = store.run(quotes.create_quote, {"deal_id": deal["id"]}, lines=lines)
    texts = pages(quote_pdf(store, q["id"]))
    assert len(texts) >= 2
    for n, page in enumerate(texts, start=1):
        assert "品名及说明" in page and "上海云帆信息科技有限公司" in page
        assert f"第{n}页/共{len(texts)}页" in page
    assert "配件第0项" in texts[0] and "配件第69项" in texts[-1]
    assert "客户确认" in texts[-1]  # the signature block closes the document


def test_the_chinese_font_is_embedded_in_the_document(store, customer):
    inv = chain.issued_invoice(store, customer["id"], 10_000, due_on="2026-12-20", number="INV-2026-000001")
    reader = PdfReader(BytesIO(invoice_pdf(store, inv["id"])))
    embedded = []
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        descriptor = font.get("/FontDescriptor")
        if descriptor and "/FontFile2" in descriptor.get_object():
            embedded.append(str(font["/BaseFont"]))
    assert any("WenQuanYi" in name for name in embedded)
    assert fonts.document_font().embedded


def test_without_a_truetype_font_documents_fall_back_to_the_builtin_cid_font(store, customer, monkeypatch):
    monkeypatch.setattr(fonts, "candidates", lambda: [])
    fonts.reset_for_tests()
    try:
        inv = chain.issued_invoice(store, customer["id"], 10_000, due_on="2026-12-20", number="INV-2026-000003")
        data = invoice_pdf(store, inv["id"])
        assert fonts.document_font().name == "STSong-Light" and not fonts.document_font().embedded
        assert "华东精密制造有限公司" in text_of(data) and "壹佰元整" in text_of(data)
    finally:
        monkeypatch.undo()
        fonts.reset_for_tests()


def test_a_document_is_written_whole_to_the_path_given(store, customer, tmp_path):
    order = chain.confirmed_order(store, 30_000, customer_id=customer["id"])
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "报价单.pdf"
    data = quote_pdf(store, order["quote_id"], path=target)
    assert target.read_bytes() == data and data.startswith(b"%PDF")
    assert list(folder.iterdir()) == [target]  # no partial file left beside it


def test_an_unknown_document_is_not_found(store):
    with pytest.raises(NotFound):
        quote_pdf(store, "no-such-quote")
    with pytest.raises(NotFound):
        invoice_pdf(store, "no-such-invoice")


def test_the_company_block_needs_a_name_and_a_valid_credit_code(store):
    with pytest.raises(ValidationError) as err:
        set_company_profile(store, {"name": " ", "tax_id": "91350100M000100Y44"})
    assert "name" in err.value.fields
    with pytest.raises(ValidationError) as err:
        set_company_profile(store, {"tax_id": "91350100M000100Y44"})
    assert "tax_id" in err.value.fields
    saved = set_company_profile(store, {"tax_id": "91350100m000100y43"})
    assert saved["tax_id"] == "91350100M000100Y43" and saved["name"] == "LTC Desk"
