"""F. Psychosocial evaluation.

WNC.CP.192 Background I.F: a complete psychological and social evaluation covering
1. medical compliance, 2. support network, 3. a post-treatment care plan naming primary
and secondary care providers, 4. history of mental health issues, substance use or legal
issues. Each part must be addressed ("denies substance use" counts; blank or "N/A" does
not); the primary and the secondary caregiver must each be named.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from carcheck.extract.fields import as_answer, as_field, field_value, is_blank, names_nobody
from carcheck.extract.lines import doc_lines, first_of, rx
from carcheck.items.common import documents_for, fewest_problems, missing
from carcheck.kinds import Kind, kind
from carcheck.model import (
    DateMention,
    Document,
    ItemId,
    ItemReport,
    Page,
    PsychosocialContent,
    Role,
    Signature,
    Status,
)

ID = ItemId.F
TITLE = "Psychosocial evaluation"
REQUIRED = True
NEEDS = (
    "covers 1. medical compliance, 2. support network, 3. post-treatment care plan naming a "
    "primary and a secondary caregiver, 4. history of mental health, substance use and legal issues"
)
LIMIT = "none"


# How its documents are recognised: each pattern counts once per page (classify.py).
KINDS: tuple[Kind, ...] = (
    kind(ID, "Psychosocial evaluation", r"psycho-?\s*social", 3),
    kind(ID, "Psychosocial evaluation", r"social\s+work|psycholog", 2),
    kind(
        ID,
        "Psychosocial evaluation",
        r"care\s*giver|care\s+partner|support\s+(system|network)",
        1.5,
    ),
    kind(ID, "Psychosocial evaluation", r"substance|mental\s+health|behavioral\s+health", 1.5),
    kind(ID, "Psychosocial evaluation", r"\b(adherence|compliance)\b", 1),
    kind(ID, "Psychosocial evaluation", r"\blegal\b", 1),
)


# --- what is read from its documents ----------------------------------------

_PARTS: dict[str, re.Pattern[str]] = {
    "compliance": rx(
        r"complian|adheren|medication\s+management|keeps?\s+(all\s+)?appointments|"
        r"follows?\s+(medical\s+)?(advice|recommendations|instructions)"
    ),
    "support": rx(
        r"support\s+(system|network|persons?|people|structure)|social\s+support|"
        r"family\s+support|\blives\s+with|support(ed)?\s+by"
    ),
    "care_plan": rx(
        r"care\s*giv|care\s+partner|care\s+provider|care\s+plan|post-?\s*(treatment|infusion|"
        r"car-?\s*t|discharge)|\blodging|24[\s/-]*(hour|hr)|transportation"
    ),
    "mental_health": rx(
        r"mental\s+health|psychiatr|depress|anxiety|behavioral\s+health|psychological\s+"
        r"(history|issues)|\bmood\b"
    ),
    "substance": rx(
        r"substance|alcohol|drug\s+use|illicit|tobacco|smok|\betoh\b|cannabis|marijuana|opioid"
    ),
    "legal": rx(r"\blegal\b|criminal|incarcerat|arrest|probation|\bcourt\b"),
}
# The parts by name, as the HTML report boxes them.
PARTS = _PARTS
_ASSESSMENT = rx(
    r"\b(denies|denied|reports?|reported|no\b|none|negative|endorses|has|had|have|without|"
    r"never|is|was|are|were|lives|remains|continues|will)\b"
)
# A sentence that names a part and says it was left open.
_UNASSESSED = rx(
    r"\bnot\s+(yet\s+)?(been\s+)?(evaluated|assessed|addressed|discussed|explored|reviewed|"
    r"obtained|screened|asked|documented)|\bunable\s+to\s+(assess|evaluate|obtain)|"
    r"\b(patient|pt)\s+(declined|refused)|\bdeclined\s+to\s+(answer|discuss)|\bdeferred\b|"
    r"\bstill\s+looking|\bto\s+be\s+(determined|assessed|discussed)"
)
_PRIMARY = rx(r"\bprimary\b")
_SECONDARY = rx(r"\b(secondary|back-?up|alternate|second)\b")
_CAREGIVER = rx(r"care\s*giver|care\s+partner|care\s+provider|support\s+person")
_NAME_TOKEN = re.compile(r"\b[A-Z][a-z'\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'\-]+)*")
_NOT_NAME = {
    "primary",
    "secondary",
    "backup",
    "back-up",
    "alternate",
    "second",
    "caregiver",
    "caregivers",
    "care",
    "giver",
    "provider",
    "providers",
    "partner",
    "person",
    "name",
    "the",
    "he",
    "she",
    "his",
    "her",
    "their",
    "they",
    "mr",
    "mrs",
    "ms",
    "dr",
    "patient",
    "relationship",
    "phone",
    "spouse",
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "brother",
    "sister",
    "friend",
    "support",
    "plan",
    "post",
    "will",
    "both",
    "and",
    "or",
    "contact",
    "tel",
    "cell",
    "n",
    "a",
    "none",
    "not",
    "yes",
    "no",
    "to",
    "be",
    "determined",
    "tbd",
    "unknown",
    "pending",
    "identified",
    "named",
    "lodging",
    "after",
    "during",
    "infusion",
    "treatment",
    "discharge",
    "hour",
    "hours",
    "local",
    "housing",
    "transportation",
    "in",
    "at",
    "with",
    "who",
    "has",
    "is",
    "was",
    "as",
    "for",
    "of",
    "available",
    "agreed",
    "also",
    "serve",
    "serves",
    "designated",
    "caregiving",
}


def read_psychosocial(pages: Sequence[Page]) -> PsychosocialContent:
    # A form's columns read as fields: "Substance use    Not assessed" is a field, answered
    # or not, exactly as "Substance use: Not assessed" is.
    # Check boxes read as the options ticked: "[ ] Yes [ ] No" answers nothing.
    texts = [as_answer(as_field(line.cells, line.text)) for line in doc_lines(pages)]
    addressed = {part: _addressed(texts, part) for part in _PARTS}
    primary, secondary = _caregivers(texts)
    return PsychosocialContent(
        compliance=addressed["compliance"],
        support_network=addressed["support"],
        primary_caregiver=primary,
        secondary_caregiver=secondary,
        care_plan=addressed["care_plan"] or bool(primary or secondary),
        mental_health=addressed["mental_health"],
        substance_use=addressed["substance"],
        legal=addressed["legal"],
    )


def _addressed(texts: Sequence[str], part: str) -> bool:
    """Whether any line answers the part: a filled field, a sentence, or a heading's next line."""
    pattern = _PARTS[part]
    for index, text in enumerate(texts):
        match = pattern.search(text)
        if not match:
            continue
        rest = text[match.end() :]
        if ":" in rest:
            answer = rest.split(":", 1)[1]
        elif not _ASSESSMENT.search(text):
            if _HEADING.match(text) and len(text.split()) <= 7:
                answer = ""  # a heading: its answer is on the next line
            elif _SIDE_HEADING.match(text[: match.start()]) and rest.strip():
                answer = rest  # "1. Medical compliance   kept every appointment ..."
            elif not _HEADING.match(text):
                continue  # a mention in passing ("an assessment of adherence, support ...")
            else:
                answer = ""
        elif not _UNASSESSED.search(text):
            return True  # a sentence that assesses the part ("denies substance use")
        else:
            continue  # "substance use was not evaluated": named, not answered
        if answer.strip():
            if not is_blank(answer):
                return True
            continue
        following = texts[index + 1] if index + 1 < len(texts) else ""
        if pattern.search(following[:40]) and ":" in following:
            continue  # the heading's own field follows ("Medical compliance: ..."): read there
        value = field_value(following)
        if value is not None and is_blank(value):
            continue  # the next line is a field left empty ("Comments:", "Comments: N/A")
        if following.strip() and not is_blank(following) and not _other_field(following, part):
            return True
    return False


# A heading: a few words, or numbered, or closed by a colon; not a line of running text.
_HEADING = re.compile(r"^\s*((\d{1,2}[a-z]?|[A-Za-z]|[IVX]{1,4})[.,)]\s*)?[^.;]{0,60}:?\s*$")


# What may stand before a part's name in a side heading: a number and a word or two.
_SIDE_HEADING = re.compile(r"^\s*((\d{1,2}[a-z]?|[A-Za-z]|[IVX]{1,4})[.,)]\s*)(\w+\s+){0,2}$")


def _other_field(text: str, part: str) -> bool:
    """A line that is another part's field ("Legal: none"), not the answer to this one."""
    head = text[:30]
    return any(rx.search(head) for p, rx in _PARTS.items() if p != part) and (
        ":" in text or len(text) < 40
    )


def _caregivers(texts: Sequence[str]) -> tuple[str | None, str | None]:
    """The named primary and secondary caregivers: from fields ("Primary caregiver: ..."),
    else from the sentences that name them."""
    primary = _field(texts, _PRIMARY)
    secondary = _field(texts, _SECONDARY)
    if primary is not None and secondary is not None:
        return primary or None, secondary or None
    clauses = [c for c in re.split(r"(?<=[.;])\s+", " ".join(texts)) if _CAREGIVER.search(c)]
    for clause in clauses:
        names = _names(clause)
        if primary is None and (m := _PRIMARY.search(clause)) and names:
            primary = _nearest(names, m.start(), exclude=secondary)
        if secondary is None and (m := _SECONDARY.search(clause)) and names:
            secondary = _nearest(names, m.start(), exclude=primary)
    return primary or None, secondary or None


def _field(texts: Sequence[str], which: re.Pattern[str]) -> str | None:
    """A caregiver field's name: '' when the field is there but names nobody, None when absent.

    Fields read "Primary caregiver: Name", or, in a caregiver table, a row that starts
    with "Primary"/"Secondary" and holds the name.
    """
    for index, text in enumerate(texts):
        m = which.search(text)
        if not m:
            continue
        rest = text[m.end() :].lstrip(" -")
        label = _CAREGIVER.match(rest)
        if label is not None:
            after = re.sub(r"^\s*(\(s\)|name)?\s*", "", rest[label.end() :], flags=re.I)
            if after.startswith(":"):
                return _named(after[1:])
        elif m.start() == len(text) - len(text.lstrip()) and any(
            _CAREGIVER.search(t) for t in texts[max(0, index - 3) : index]
        ):
            return _named(rest.lstrip(":"))
    return None


def _named(value: str) -> str:
    """The name a caregiver field's value gives, or '' when it names nobody: blank,
    "(none identified)", "to be determined", "still looking", "patient declined"."""
    head = re.split(r"[;(\[]|\s[-–—]\s", value, maxsplit=1)[0]
    if names_nobody(value) or names_nobody(head):
        return ""
    names = _names(value)
    return names[0][1] if names else ""


def _names(text: str) -> list[tuple[int, str]]:
    names = []
    for m in _NAME_TOKEN.finditer(text):
        words = [w for w in m.group(0).split() if w.lower().strip(".") not in _NOT_NAME]
        if words and all(len(w) > 1 for w in words):
            names.append((m.start(), " ".join(words)))
    return names


def _nearest(names: list[tuple[int, str]], at: int, exclude: str | None) -> str | None:
    options = [(abs(pos - at), name) for pos, name in names if name != exclude]
    return min(options)[1] if options else None


def read(
    pages: Sequence[Page], dates: Sequence[DateMention], signatures: Sequence[Signature]
) -> tuple[PsychosocialContent, DateMention | None]:
    return read_psychosocial(pages), first_of(dates, (Role.PROCEDURE, Role.SIGNED, Role.REPORTED))


# --- the rule ------------------------------------------------------------


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
