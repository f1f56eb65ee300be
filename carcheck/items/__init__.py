"""The policy rules, one module per item of WNC.CP.192 Background I.A-F; a plain registry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from types import ModuleType

from carcheck.items import a_letter, b_facility, c_serology, d_diagnostics, e_other, f_psychosocial
from carcheck.items.months import months_before
from carcheck.model import Document, ItemId, ItemReport
from carcheck.policy import Center

RULES: dict[ItemId, ModuleType] = {
    ItemId.A: a_letter,
    ItemId.B: b_facility,
    ItemId.C: c_serology,
    ItemId.D: d_diagnostics,
    ItemId.E: e_other,
    ItemId.F: f_psychosocial,
}


@dataclass(frozen=True, slots=True)
class Context:
    """What the rules take besides the documents: limits in force and the public listing."""

    serology_months: int = c_serology.MONTHS
    biopsy_months: int = d_diagnostics.MONTHS
    listed_center: Center | None = None


def evaluate(
    documents: Sequence[Document], as_of: dt.date, context: Context = Context()
) -> tuple[ItemReport, ...]:
    """Every item's verdict, A to F, from the packet's documents and the as-of date."""
    serology = c_serology.check(documents, as_of, months=context.serology_months)
    diagnostics = d_diagnostics.check(documents, as_of, months=context.biopsy_months)
    return (
        a_letter.check(documents, as_of),
        b_facility.check(documents, as_of, listed=context.listed_center),
        replace(serology, cutoff=months_before(as_of, context.serology_months)),
        replace(diagnostics, cutoff=months_before(as_of, context.biopsy_months)),
        e_other.check(documents, as_of),
        f_psychosocial.check(documents, as_of),
    )
