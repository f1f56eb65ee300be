"""F. Psychosocial evaluation.

WNC.CP.192 Background I.F: a complete psychological and social evaluation covering
1. medical compliance, 2. support network, 3. a post-treatment care plan naming primary
and secondary care providers, 4. history of mental health issues, substance use or legal
issues. Each part must be addressed ("denies substance use" counts; blank or "N/A" does
not); the primary and the secondary caregiver must each be named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from carcheck.model import Document, ItemId, ItemReport, PsychosocialContent, Status
from carcheck.rules.common import documents_for, fewest_problems, missing

ID = ItemId.F
TITLE = "Psychosocial evaluation"
REQUIRED = True
NEEDS = (
    "covers 1. medical compliance, 2. support network, 3. post-treatment care plan naming a "
    "primary and a secondary caregiver, 4. history of mental health, substance use and legal issues"
)
LIMIT = "none"


def check(documents: Sequence[Document], as_of: dt.date) -> ItemReport:
    found = documents_for(ID, documents)
    if not found:
        return missing(ID, TITLE, REQUIRED, "no psychosocial evaluation found")
    judged = fewest_problems(found, problems)
    reasons, _ = judged[0]
    return ItemReport(
        ID,
        TITLE,
        REQUIRED,
        Status.INCOMPLETE if reasons else Status.PRESENT,
        tuple(reasons),
        tuple(d for _, d in judged),
    )


def problems(doc: Document) -> list[str]:
    c = doc.content
    if not isinstance(c, PsychosocialContent):
        return ["evaluation could not be read"]
    found = []
    if not c.compliance:
        found.append("evaluation does not address medical compliance (part 1)")
    if not c.support_network:
        found.append("evaluation does not address the support network (part 2)")
    if not c.care_plan:
        found.append("evaluation has no post-treatment care plan (part 3)")
    if not c.primary_caregiver:
        found.append("care plan does not name a primary caregiver (part 3)")
    if not c.secondary_caregiver:
        found.append("care plan does not name a secondary caregiver (part 3)")
    if not c.mental_health:
        found.append("evaluation does not address mental health history (part 4)")
    if not c.substance_use:
        found.append("evaluation does not address substance use history (part 4)")
    if not c.legal:
        found.append("evaluation does not address legal history (part 4)")
    return found
