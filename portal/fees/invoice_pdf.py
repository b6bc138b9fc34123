"""An invoice as a PDF (fpdf2), for whoever may read the invoice (portal.web.downloads).

Text is set in DejaVu Sans where the system has it (Latin, Greek, Cyrillic and more), with
the bundled subset of Noto Sans SC (portal/fees/fonts, SIL OFL 1.1) as the fallback fpdf2
takes for the characters DejaVu lacks: so names written in Chinese print. Without DejaVu the
subset is the font (it has Latin too). The invoice's figures are ASCII either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from portal.fees.states import InvoiceStatus, decimal_of

if TYPE_CHECKING:
    from fpdf import FPDF

_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
)
# GB 2312's hanzi and Latin (portal/fees/fonts/README.md says how it was made).
_CJK = Path(__file__).with_name("fonts") / "NotoSansSC-GB2312.otf"
_STATUS = {
    InvoiceStatus.DUE: "Due",
    InvoiceStatus.PAID: "Paid",
    InvoiceStatus.WAIVED: "Waived",
}


@dataclass(frozen=True)
class InvoiceSheet:
    """What the PDF shows: plain values, read by the caller from rows it may show."""

    number: str
    issued_at: datetime
    provider: str
    scheme: str
    case_reference: str
    payer_label: str  # "Complainant" or "Organisation"
    payer_name: str
    amount_minor: int
    currency: str
    status: InvoiceStatus
    settled_at: datetime | None


def _font(pdf: FPDF) -> str:
    pdf.add_font("NotoSansSC", "", str(_CJK))
    for path in _FONTS:
        if path.exists():
            pdf.add_font("DejaVu", "", str(path))
            pdf.set_fallback_fonts(["NotoSansSC"])
            return "DejaVu"
    return "NotoSansSC"


def invoice_pdf(sheet: InvoiceSheet) -> bytes:
    # Imported when an invoice is drawn: fpdf2 and its font tools hold ~30 MB of the server's
    # memory from import on, for a download few requests ask for.
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(sheet.issued_at)
    pdf.set_title(f"Invoice {sheet.number}")
    pdf.set_author(sheet.provider)
    pdf.add_page()
    family = _font(pdf)

    def line(text: str, size: int = 11) -> None:
        pdf.set_font(family, size=size)
        pdf.multi_cell(0, size * 0.6, text, new_x="LMARGIN", new_y="NEXT")

    line(sheet.provider, 16)
    line(f"Invoice {sheet.number}", 14)
    pdf.ln(4)
    line(f"Issued: {sheet.issued_at:%Y-%m-%d}")
    line(f"Case: {sheet.case_reference}")
    line(f"Scheme: {sheet.scheme}")
    line(f"{sheet.payer_label}: {sheet.payer_name}")
    pdf.ln(4)
    line("Filing fee under the scheme's fee schedule")
    line(f"Amount: {decimal_of(sheet.amount_minor)} {sheet.currency}", 13)
    status = _STATUS[sheet.status]
    if sheet.settled_at is not None:
        status += f" on {sheet.settled_at:%Y-%m-%d}"
    line(f"Status: {status}")
    return bytes(pdf.output())
