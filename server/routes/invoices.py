"""Issuing invoices."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Path

from server import invoices
from server.responses import OrjsonResponse
from server.routes.deps import current_viewer, errors, get_db
from server.schemas import IssueResponse

router = APIRouter(prefix="/invoices", tags=["invoices"])


@router.post("/{invoice_id}/issue", response_model=IssueResponse, responses=errors(401, 403, 404, 409, 422))
def issue_invoice(invoice_id: str = Path(max_length=64), viewer=Depends(current_viewer),
                  db=Depends(get_db)) -> OrjsonResponse:
    """Assign the next number of the invoice's series (finance or admin): gapless and
    unique, even under concurrent requests."""
    return OrjsonResponse(invoices.issue(db, viewer, invoice_id))
