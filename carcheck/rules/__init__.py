"""The policy rules, one module per item of WNC.CP.192 Background I.A-F; a plain registry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from types import ModuleType

from carcheck.model import Document, ItemId, ItemReport
from carcheck.rules import a_letter, b_facility, c_serology, d_diagnostics, e_other, f_psychosocial

RULES: dict[ItemId, ModuleType] = {
    ItemId.A: a_letter,
    ItemId.B: b_facility,
    ItemId.C: c_serology,
    ItemId.D: d_diagnostics,
    ItemId.E: e_other,
    ItemId.F: f_psychosocial,
}


def evaluate(documents: Sequence[Document], as_of: dt.date) -> tuple[ItemReport, ...]:
    """Every item's verdict, A to F, from the packet's documents and the as-of date."""
    return tuple(RULES[item].check(documents, as_of) for item in ItemId)
