"""The PDF layout of quotes, invoices and credit notes (A4, bilingual Chinese/English
labels): company header and document title on every page, customer and document facts,
the line table (its header repeated when it runs over pages), totals, the amount in
words, terms and bank details, signatures on a quote, and "page n of m" in the footer.
A draft, void or superseded document carries a watermark so it cannot pass for the real one.
"""
from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate, Frame, KeepTogether, PageTemplate, Paragraph, Spacer, Table, TableStyle,
)

from app.documents.fonts import document_font
from app.rules.standards import currency_exponent

INK = colors.HexColor("#1f2933")
ACCENT = colors.HexColor("#1d4e89")
MUTED = colors.HexColor("#616e7c")
RULE = colors.HexColor("#cbd2d9")
SHADE = colors.HexColor("#f0f4f8")

MARGIN = 15 * mm
HEADER_H = 30 * mm
FOOTER_H = 12 * mm
WIDTH, HEIGHT = A4

TITLES = {"quote": ("报价单", "QUOTATION"), "invoice": ("发票", "INVOICE"),
          "credit_note": ("红字发票", "CREDIT NOTE")}
META_LABELS = {"number": "编号 No.", "date": "日期 Date", "revision": "版本 Revision",
               "valid_until": "有效期至 Valid until", "deal": "项目 Project", "currency": "币种 Currency",
               "due_on": "付款期限 Due date", "order": "订单号 Order no.", "credits": "原发票 Credits invoice"}
TOTAL_LABELS = {"subtotal": "小计 Subtotal", "discount": "折扣 Discount", "net": "不含税金额 Net amount",
                "tax": "税额 VAT", "total": "价税合计 Total", "credited": "已冲红 Credited",
                "paid": "已收款 Paid", "balance": "应付余额 Balance due"}
WATERMARKS = {"draft": "草稿 DRAFT", "void": "作废 VOID", "superseded": "已替代 SUPERSEDED",
              "rejected": "已拒绝 REJECTED"}
SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "HKD": "HK$", "JPY": "JP¥"}


def format_money(minor: int | None, currency: str) -> str:
    """`12,345.67` from 1234567 minor units (digits after the point as the currency has)."""
    if minor is None:
        return ""
    exp = currency_exponent(currency)
    whole, frac = divmod(abs(int(minor)), 10 ** exp) if exp else (abs(int(minor)), 0)
    return ("-" if minor < 0 else "") + f"{whole:,}" + (f".{frac:0{exp}d}" if exp else "")


def money_text(minor: int, currency: str) -> str:
    """`-¥2,690.94`: the amount with its currency's symbol (or code) and sign in front."""
    symbol = SYMBOLS.get(currency)
    text = format_money(abs(minor), currency)
    sign = "-" if minor < 0 else ""
    return f"{sign}{symbol}{text}" if symbol else f"{sign}{text} {currency}"


def format_quantity(milli: int) -> str:
    whole, frac = divmod(milli, 1000)
    return f"{whole:,}" + (f".{frac:03d}".rstrip("0") if frac else "")


def format_rate(bp: int) -> str:
    return f"{bp / 100:g}%"


def render(content: dict, company: dict) -> bytes:
    """The PDF of a document described by `content` (app/documents/content.py) issued by
    `company` (app/documents/company.py), as bytes."""
    font = document_font().name
    styles = _styles(font)
    buffer = BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN + HEADER_H, bottomMargin=MARGIN + FOOTER_H,
                          title=_title(content), author=company["name"], subject=content.get("number") or "",
                          creator="LTC Desk")
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                       onPage=lambda c, d: _page(c, content, company, font))])
    story = [_parties(content, styles, doc.width), Spacer(1, 6 * mm), _lines(content, styles, doc.width),
             Spacer(1, 4 * mm), KeepTogether(_totals(content, styles, doc.width))]
    story += _closing(content, company, styles, doc.width)
    footer = f"{company['name']} · {_title(content)}"
    doc.build(story, canvasmaker=lambda *a, **k: _NumberedCanvas(*a, font=font, footer=footer, **k))
    return buffer.getvalue()


# -- page furniture ---------------------------------------------------------------------

def _page(c, content: dict, company: dict, font: str) -> None:
    c.saveState()
    top = HEIGHT - MARGIN
    c.setFillColor(ACCENT)
    c.setFont(font, 15)
    c.drawString(MARGIN, top - 6 * mm, company["name"])
    c.setFillColor(MUTED)
    c.setFont(font, 8)
    y = top - 11 * mm
    for line in _company_lines(company):
        c.drawString(MARGIN, y, line)
        y -= 3.8 * mm
    zh, en = TITLES[content["kind"]]
    c.setFillColor(INK)
    c.setFont(font, 20)
    c.drawRightString(WIDTH - MARGIN, top - 7 * mm, zh)
    c.setFont(font, 9)
    c.setFillColor(MUTED)
    c.drawRightString(WIDTH - MARGIN, top - 12 * mm, en)
    c.setFont(font, 9)
    c.setFillColor(INK)
    c.drawRightString(WIDTH - MARGIN, top - 17 * mm, f"No. {content.get('number') or '（待开具 pending）'}")
    c.setStrokeColor(ACCENT)
    c.setLineWidth(1.2)
    c.line(MARGIN, top - HEADER_H + 4 * mm, WIDTH - MARGIN, top - HEADER_H + 4 * mm)
    mark = WATERMARKS.get(content.get("watermark") or "")
    if mark:
        c.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.12))
        c.setFont(font, 64)
        c.translate(WIDTH / 2, HEIGHT / 2)
        c.rotate(35)
        c.drawCentredString(0, 0, mark)
    c.restoreState()


def _company_lines(company: dict) -> list[str]:
    lines = []
    if company.get("name_en"):
        lines.append(company["name_en"])
    if company.get("address"):
        lines.append(f"地址 Address: {company['address']}")
    contact = "  ".join(filter(None, [company.get("phone") and f"电话 Tel: {company['phone']}",
                                      company.get("email") and f"邮箱 E-mail: {company['email']}",
                                      company.get("website")]))
    if contact:
        lines.append(contact)
    if company.get("tax_id"):
        lines.append(f"统一社会信用代码 Tax ID: {company['tax_id']}")
    return lines[:4]


class _NumberedCanvas(pdfcanvas.Canvas):
    """Holds pages until the end so each footer can say "page n of m"."""

    def __init__(self, *args, font: str, footer: str, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._font, self._footer = font, footer

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(self._font, 8)
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, MARGIN + 6 * mm, WIDTH - MARGIN, MARGIN + 6 * mm)
            self.drawString(MARGIN, MARGIN + 2 * mm, self._footer)
            self.drawRightString(WIDTH - MARGIN, MARGIN + 2 * mm,
                                 f"第 {self._pageNumber} 页 / 共 {total} 页  Page {self._pageNumber} of {total}")
            super().showPage()
        super().save()


# -- body -------------------------------------------------------------------------------

def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=12.5, textColor=INK, alignment=TA_LEFT)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=11, textColor=MUTED),
        "label": ParagraphStyle("label", parent=base, fontSize=8, leading=11, textColor=ACCENT),
        "name": ParagraphStyle("name", parent=base, fontSize=11, leading=15),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5),
        "num": ParagraphStyle("num", parent=base, fontSize=8.5, leading=11.5, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", parent=base, fontSize=8, leading=10, textColor=colors.white),
        "headnum": ParagraphStyle("headnum", parent=base, fontSize=8, leading=10, textColor=colors.white,
                                  alignment=TA_RIGHT),
        "total": ParagraphStyle("total", parent=base, fontSize=11, leading=14, alignment=TA_RIGHT),
    }


def _p(text, style) -> Paragraph:
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


def _parties(content: dict, s: dict, width: float) -> Table:
    cu = content["customer"]
    left = [_p("客户 Customer", s["label"]), _p(cu["name"] or "", s["name"])]
    for label, value in (("地址 Address", cu.get("address")), ("统一社会信用代码 Credit code", cu.get("credit_code")),
                         ("电话 Tel", cu.get("phone")), ("邮箱 E-mail", cu.get("email"))):
        if value:
            left.append(_p(f"{label}: {value}", s["small"]))
    if cu.get("contact_name"):
        who = " ".join(filter(None, [cu["contact_name"], cu.get("contact_title")]))
        reach = "  ".join(filter(None, [cu.get("contact_phone"), cu.get("contact_email")]))
        left.append(_p(f"联系人 Attn: {who}" + (f"  {reach}" if reach else ""), s["small"]))
    facts = [("number", content.get("number") or "（待开具 pending）"), ("date", content.get("date") or "—")]
    facts += [(k, v) for k, v in content["meta"] if v]
    right = Table([[_p(META_LABELS[k], s["small"]), _p(v, s["cell"])] for k, v in facts],
                  colWidths=[32 * mm, None], style=TableStyle([
                      ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                      ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    table = Table([[left, right]], colWidths=[width * 0.55, width * 0.45])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 3 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
        ("LINEAFTER", (0, 0), (0, 0), 0.5, RULE)]))
    return table


def _lines(content: dict, s: dict, width: float) -> Table:
    cur = content["currency"]
    discount = content["show_discount"]
    head = ["序号\nNo.", "品名及说明\nDescription", "数量\nQty", f"单价 ({cur})\nUnit price"]
    widths = [11 * mm, None, 17 * mm, 23 * mm]
    if discount:
        head.append("折扣\nDisc.")
        widths.append(12 * mm)
    head += ["税率\nVAT", f"金额 ({cur})\nAmount", f"税额 ({cur})\nVAT amt."]
    widths += [12 * mm, 25 * mm, 21 * mm]
    widths[1] = width - sum(w for w in widths if w)
    rows = [[_p(h, s["head"] if i < 2 else s["headnum"]) for i, h in enumerate(head)]]
    for n, line in enumerate(content["lines"], start=1):
        qty = format_quantity(line["quantity_milli"]) + (f" {line['unit']}" if line.get("unit") else "")
        row = [_p(n, s["cell"]), _p(line["description"], s["cell"]), _p(qty, s["num"]),
               _p(format_money(line["unit_price_minor"], cur), s["num"])]
        if discount:
            row.append(_p(format_rate(line["discount_bp"]) if line["discount_bp"] else "", s["num"]))
        row += [_p(format_rate(line["tax_rate_bp"]), s["num"]), _p(format_money(line["net_minor"], cur), s["num"]),
                _p(format_money(line["tax_minor"], cur), s["num"])]
        rows.append(row)
    if not content["lines"]:
        rows.append([_p("", s["cell"]), _p("（无明细 no lines）", s["small"])] + [""] * (len(head) - 2))
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = [("BACKGROUND", (0, 0), (-1, 0), ACCENT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE), ("TOPPADDING", (0, 0), (-1, -1), 3),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    style += [("BACKGROUND", (0, i), (-1, i), SHADE) for i in range(2, len(rows), 2)]
    table.setStyle(TableStyle(style))
    return table


def _totals(content: dict, s: dict, width: float) -> list:
    cur = content["currency"]
    rows = []
    emphasis = []
    for key, minor in content["totals"]:
        if key == "discount" and not minor:
            continue
        big = key in ("total", "balance")
        style = s["total"] if big else s["num"]
        rows.append([_p(TOTAL_LABELS[key], style), _p(money_text(minor, cur), style)])
        if big:
            emphasis.append(len(rows) - 1)
    table = Table(rows, colWidths=[45 * mm, 38 * mm], hAlign="RIGHT")
    style = [("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    for i in emphasis:
        style += [("LINEABOVE", (0, i), (-1, i), 0.8, INK), ("BACKGROUND", (0, i), (-1, i), SHADE)]
    table.setStyle(TableStyle(style))
    out = [table]
    if content.get("amount_words"):
        total = dict(content["totals"])["total"]
        words = Table([[_p("价税合计（大写）\nTotal in words", s["label"]),
                        _p(f"ⓧ {content['amount_words']}", s["name"]),
                        _p(f"（小写）{money_text(total, cur)}", s["num"])]],
                      colWidths=[32 * mm, None, 45 * mm])
        words.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, ACCENT), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        out += [Spacer(1, 3 * mm), words]
    return out


def _closing(content: dict, company: dict, s: dict, width: float) -> list:
    out = [Spacer(1, 6 * mm)]
    terms = content["terms"]
    lines = []
    if content["kind"] == "quote":
        if terms.get("valid_until"):
            lines.append(f"本报价有效期至 {terms['valid_until']}。This quotation is valid until {terms['valid_until']}.")
        if terms.get("payment_days") is not None:
            days = terms["payment_days"]
            lines.append(f"付款条件：发票开具后 {days} 天内付款。Payment terms: {days} days from the invoice date.")
        lines.append("以上价格为不含税单价，税额按所列税率另计。Unit prices exclude VAT, charged at the rates shown.")
    elif content["kind"] == "invoice":
        if terms.get("due_on"):
            lines.append(f"请于 {terms['due_on']} 前付款，汇款时请注明发票编号。"
                         f"Please pay by {terms['due_on']}, quoting the invoice number.")
    else:
        lines.append("本红字发票冲减原发票金额。This credit note reduces the amount of the invoice it credits.")
    bank = [(label, company.get(key)) for label, key in (("户名 Account name", "account_name"),
                                                        ("开户行 Bank", "bank_name"),
                                                        ("账号 Account no.", "bank_account")) if company.get(key)]
    block = [_p("条款 Terms", s["label"])] + [_p(line, s["small"]) for line in lines]
    if bank and content["kind"] != "credit_note":
        if bank[0][0] != "户名 Account name":
            bank.insert(0, ("户名 Account name", company["name"]))
        block += [Spacer(1, 2 * mm), _p("收款账户 Bank details", s["label"])]
        block += [_p(f"{label}: {value}", s["small"]) for label, value in bank]
    out.append(KeepTogether(block))
    if content.get("notes"):
        out += [Spacer(1, 4 * mm), KeepTogether([_p("备注 Notes", s["label"]), _p(content["notes"], s["small"])])]
    if content["kind"] == "quote":
        signature = _p("签字 Signature / 日期 Date", s["small"])
        sign = Table([[_p(f"{company['name']}（盖章）\nFor {company.get('name_en') or company['name']}", s["small"]),
                       "", _p("客户确认（签字/盖章）\nAccepted by the customer", s["small"])],
                      [signature, "", signature]],
                     colWidths=[width * 0.45, width * 0.1, width * 0.45], rowHeights=[None, 16 * mm])
        sign.setStyle(TableStyle([("LINEBELOW", (0, 1), (0, 1), 0.6, INK), ("LINEBELOW", (2, 1), (2, 1), 0.6, INK),
                                  ("VALIGN", (0, 1), (-1, 1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        out += [Spacer(1, 8 * mm), KeepTogether(sign)]
    return out


def _title(content: dict) -> str:
    zh, en = TITLES[content["kind"]]
    return f"{zh} {en} {content.get('number') or ''}".strip()
