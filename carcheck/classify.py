"""Pages -> documents: score each page for the item it serves and split a file at document starts.

Headings weigh more than body text: a letter's body mentions biopsies and serologies, a
lab report's letterhead names a pathology department; what a page *is* shows in its head.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from carcheck.extract.layout import is_fax_header
from carcheck.model import ItemId, Page


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of document carcheck recognises: its item (None for cover sheets) and label."""

    item: ItemId | None
    label: str
    pattern: re.Pattern[str]
    weight: float = 1.0


def _k(item: ItemId | None, label: str, pattern: str, weight: float = 1.0) -> Kind:
    # Patterns are lower case and run over lower-cased text: much faster than IGNORECASE.
    return Kind(item, label, re.compile(pattern, re.MULTILINE), weight)


A, B, C, D, E, F = ItemId.A, ItemId.B, ItemId.C, ItemId.D, ItemId.E, ItemId.F
LETTER = "Letter of medical necessity"

# Each pattern counts once per page, at the weight of the line it is found on.
KINDS: tuple[Kind, ...] = (
    # A: the letter, by its title and by the shape of a letter
    _k(A, LETTER, r"medical\s+necessity", 3),
    _k(A, LETTER, r"letter\s+of\s+(support|appeal|request)|coverage\s+(determination|request)", 2),
    _k(A, LETTER, r"^\s*(dear\b|to\s+whom\s+it\s+may\s+concern)", 3),
    _k(A, LETTER, r"^\s*(sincerely|respectfully|regards|kind\s+regards|best\s+regards)\b", 3),
    _k(
        A,
        LETTER,
        r"\b(i|we)\s+(am|are)\s+(writing|requesting)\b|\bon\s+behalf\s+of\s+my\s+patient",
        2,
    ),
    _k(A, LETTER, r"\b(re|subject)\s*:", 1),
    # B: facility verification
    _k(
        B,
        "Treatment center verification",
        r"(authori[sz]ed|qualified|certified|approved)\s+treatment\s+(cent(er|re)|site|facility)",
        3,
    ),
    _k(
        B,
        "Treatment center verification",
        r"treatment\s+(cent(er|re)|site)\s+(verification|confirmation|agreement|certification)",
        3,
    ),
    _k(
        B,
        "Facility-manufacturer agreement",
        r"(facility|site|center|master\s+services?|treatment\s+cent(er|re))\s+"
        r"(agreement|contract)|agreement\s+between",
        3,
    ),
    _k(
        B,
        "Treatment center verification",
        r"(site|facility|center)\s+(certification|activation|verification|authori[sz]ation)",
        2,
    ),
    _k(B, "Treatment center verification", r"\bmanufacturer\b", 1),
    _k(B, "Treatment center verification", r"\brems\b", 1),
    # C: serologies
    _k(C, "Serology report", r"serolog", 3),
    _k(C, "Serology report", r"infectious\s+disease\s+(panel|screen|markers?|testing|serolog)", 3),
    _k(C, "Serology report", r"\bhiv\b|human\s+immunodeficiency", 1.5),
    _k(
        C,
        "Serology report",
        r"hepatitis|\bhbv\b|\bhcv\b|\bhbs\s*ag\b|\bhbsag\b|anti-?\s*hb[cs]",
        1.5,
    ),
    _k(C, "Serology report", r"non-?\s*reactive|\bnot\s+detected\b", 1),
    # D: disease work-up
    _k(D, "Bone marrow biopsy pathology", r"bone\s+marrow", 2),
    _k(D, "Pathology report", r"patholog|hematopath", 2),
    _k(D, "Bone marrow biopsy pathology", r"\b(biopsy|aspirate|trephine)\b", 1),
    _k(D, "Flow cytometry", r"flow\s+cytometr|immunophenotyp", 2),
    _k(
        D,
        "Cytogenetics/FISH",
        r"cytogenetic|karyotype|\bfish\b|in\s+situ\s+hybridi[sz]ation|molecular\s+(study|analysis|panel)",
        2,
    ),
    _k(D, "PET/CT report", r"\bpet\s*[/-]?\s*ct\b|positron\s+emission|deauville|\bsuv\s*max", 2),
    _k(
        D,
        "Imaging report",
        r"\b(ct|mri|magnetic\s+resonance|computed\s+tomography)\b.{0,30}"
        r"(chest|abdomen|pelvis|neck|brain|spine)",
        1.5,
    ),
    _k(
        D,
        "Myeloma markers",
        r"protein\s+electrophoresis|\bspep\b|free\s+light\s+chain|myeloma\s+panel|"
        r"immunofixation|m-?\s*spike",
        2,
    ),
    _k(D, "CSF study", r"cerebrospinal|\bcsf\b", 1.5),
    # E: organ function and fitness
    _k(
        E,
        "Echocardiogram",
        r"echocardiogra|\becho\b|\btte\b|transthoracic|\bmuga\b|\blvef\b|ejection\s+fraction",
        2.5,
    ),
    _k(E, "Pulmonary function tests", r"pulmonary\s+function|spirometry|\bfev1\b|\bdlco\b", 2.5),
    _k(E, "ECG", r"electrocardiogra|\becg\b|\bekg\b", 2),
    _k(E, "Laboratory results", r"complete\s+blood\s+count|\bcbc\b|metabolic\s+panel|\bcmp\b", 2),
    # F: psychosocial evaluation
    _k(F, "Psychosocial evaluation", r"psycho-?\s*social", 3),
    _k(F, "Psychosocial evaluation", r"social\s+work|psycholog", 2),
    _k(
        F, "Psychosocial evaluation", r"care\s*giver|care\s+partner|support\s+(system|network)", 1.5
    ),
    _k(F, "Psychosocial evaluation", r"substance|mental\s+health|behavioral\s+health", 1.5),
    _k(F, "Psychosocial evaluation", r"\b(adherence|compliance)\b", 1),
    _k(F, "Psychosocial evaluation", r"\blegal\b", 1),
    # no item: cover sheets and request forms
    _k(None, "Fax cover sheet", r"fax\s+cover|cover\s+(sheet|page)|facsimile|transmittal", 4),
    _k(
        None,
        "Fax cover sheet",
        r"pages?\s*\(?\s*(including|incl\.?)\s+cover|number\s+of\s+pages",
        3,
    ),
    _k(
        None,
        "Prior authorization request form",
        r"(prior\s+authori[sz]ation|precertification|pre-?service)\s+(request\s+)?form",
        5,
    ),
)

# Weight of a line by where it stands: a heading counts more than the body.
HEAD_WEIGHT = 3.0
TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0
HEAD_LINES = 12
HEADING_CHARS = 70  # a longer line is running text, not a heading
MIN_SCORE = 3.0

# A cover sheet is a block of transmission fields: To:, From:, Fax:, Pages:, Date sent: ...
_FAX_FIELD = re.compile(
    r"^\s*(to|from|fax|pages|no\.?\s+of\s+pages|date(\s+sent)?|sent|re|attn|attention|"
    r"phone|subject|sender|recipient|cc)\s*:",
    re.IGNORECASE,
)
# A request form is a block of member/provider/service fields.
_FORM_LABEL = (
    r"(member\s+(name|id|phone|number)|subscriber\s+id|(requesting|ordering|rendering)\s+"
    r"(provider|physician)|(provider|facility)\s+npi|npi|diagnosis\s*/\s*icd(-?10)?|icd-?10|"
    r"(drug\s*/\s*)?hcpcs|cpt|service\s+requested|date\s+of\s+request|request\s+type|"
    r"anticipated\s+date(\s+of\s+service)?|place\s+of\s+service|urgency)"
)
_FORM_FIELD = re.compile(rf"\b{_FORM_LABEL}\s*(code)?\s*:", re.IGNORECASE)
# Forms laid out as a table put the label first on the line, without a colon.
_FORM_ROW = re.compile(rf"^\s*{_FORM_LABEL}\b(?!\s*(code)?\s*:)", re.IGNORECASE)
FORM_FIELDS = 5
_PAGES_FIELD = re.compile(r"^\s*(pages|no\.?\s+of\s+pages|number\s+of\s+pages)\b", re.I)
COVER_FIELDS = 4

# "2/2" alone at either end of a footer line (a fax header's "P.004/014" is not in the footer).
_FOOTER_PAGE = re.compile(
    r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\b(?![/\d])|(?<![/\d.])\b(\d{1,2})\s*/\s*(\d{1,2})\s*$"
)
_PAGE_OF = re.compile(r"\bpage\.?\s*(\d{1,3})\s*(?:of|/)\s*(\d{1,3})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PageVerdict:
    scores: dict[ItemId | None, float]
    labels: dict[ItemId | None, str]
    headed: bool  # whether a heading names a kind of document
    head_item: ItemId | None  # the item its heading names
    head_label: str | None  # the kind of document its heading names
    page_of: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Segment:
    """Consecutive pages of one file that make one document."""

    pages: tuple[int, ...]  # 1-based page numbers
    item: ItemId | None
    title: str | None


def line_weights(page: Page) -> list[float]:
    lines = page.lines
    sizes = sorted(line.size for line in lines if line.size > 0)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    weights = []
    prose_run = 0
    head_over = False
    for index, line in enumerate(lines):
        larger = bool(body_size) and line.size >= body_size * 1.2
        prose_run = prose_run + 1 if _is_prose(line.text) and not larger else 0
        # The head ends where running text begins: two lines of prose in a row.
        head_over = head_over or prose_run >= 2
        in_head = (
            not head_over
            and index < HEAD_LINES
            and line.top < page.height * 0.4
            and not _is_prose(line.text)
        )
        if in_head and larger:
            weights.append(TITLE_WEIGHT)
        elif in_head:
            weights.append(HEAD_WEIGHT)
        else:
            weights.append(BODY_WEIGHT)
    return weights


def _is_prose(text: str) -> bool:
    """A line of running text: long, and mostly lower-case words (addresses are not)."""
    words = text.split()
    return len(text) > HEADING_CHARS and sum(1 for w in words if w[:1].islower()) >= 5


def judge_page(page: Page) -> PageVerdict:
    # A fax server's header names the transmission, not the document: it does not count.
    page = replace(page, lines=tuple(ln for ln in page.lines if not is_fax_header(ln, page.height)))
    weights = line_weights(page)
    best: dict[int, tuple[float, bool]] = {}  # kind index -> (weight, in heading)
    page_of = None
    for line in page.lines:
        # "Page k of N" in a fax header counts the whole transmission, not the document.
        if page_of is not None:
            continue
        if m := _PAGE_OF.search(line.text):
            page_of = (int(m.group(1)), int(m.group(2)))
        elif line.top > page.height * 0.9 and (m := _FOOTER_PAGE.search(line.text)):
            page_of = (int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4)))
    # One search of the page per kind; each match counts at the weight of its line.
    text = "\n".join(line.text for line in page.lines).lower()
    starts = list(accumulate((len(line.text) + 1 for line in page.lines), initial=0))
    for index, kind in enumerate(KINDS):
        for match in kind.pattern.finditer(text):
            weight = weights[bisect_right(starts, match.start()) - 1]
            score = kind.weight * weight
            if score > best.get(index, (0.0, False))[0]:
                best[index] = (score, weight > BODY_WEIGHT)
    scores: dict[ItemId | None, float] = {}
    labels: dict[ItemId | None, str] = {}
    head_scores: dict[ItemId | None, float] = {}
    head_labels: dict[ItemId | None, tuple[float, str]] = {}
    label_score: dict[ItemId | None, float] = {}
    for index, (score, in_head) in best.items():
        kind = KINDS[index]
        scores[kind.item] = scores.get(kind.item, 0.0) + score
        if score > label_score.get(kind.item, 0.0):
            label_score[kind.item] = score
            labels[kind.item] = kind.label
        if in_head and kind.weight >= 2:
            head_scores[kind.item] = head_scores.get(kind.item, 0.0) + score
            if score > head_labels.get(kind.item, (0.0, ""))[0]:
                head_labels[kind.item] = (score, kind.label)
    fields = [line.text for line in page.lines if _FAX_FIELD.match(line.text)]
    if len(fields) >= COVER_FIELDS and any(_PAGES_FIELD.match(f) for f in fields):
        # Transmission fields outweigh the enclosure list that names every item.
        scores[None] = scores.get(None, 0.0) + 3.0 * len(fields)
        head_scores[None] = head_scores.get(None, 0.0) + 3.0 * len(fields)
        labels.setdefault(None, "Fax cover sheet")
        head_labels[None] = (3.0 * len(fields), "Fax cover sheet")
    form_fields = sum(
        len(_FORM_FIELD.findall(line.text)) + bool(_FORM_ROW.match(line.text))
        for line in page.lines
    )
    if form_fields >= FORM_FIELDS:
        scores[None] = scores.get(None, 0.0) + 3.0 * form_fields
        head_scores[None] = head_scores.get(None, 0.0) + 3.0 * form_fields
        labels[None] = "Prior authorization request form"
        head_labels[None] = (3.0 * form_fields, "Prior authorization request form")
    head_item: ItemId | None = None
    head_label: str | None = None
    if head_scores:
        head_item = max(head_scores, key=lambda k: (head_scores[k], scores.get(k, 0.0)))
        head_label = head_labels[head_item][1]
    return PageVerdict(
        scores=scores,
        labels=labels,
        headed=bool(head_scores),
        head_item=head_item,
        head_label=head_label,
        page_of=page_of,
    )


def segment(pages: Sequence[Page]) -> list[Segment]:
    """Split one file's pages into documents and decide each document's item."""
    verdicts = [judge_page(p) for p in pages]
    groups: list[list[int]] = []
    totals: dict[ItemId | None, float] = {}  # the current group's scores, kept as it grows
    for index, verdict in enumerate(verdicts):
        first = verdicts[groups[-1][0]] if groups else None
        if first is not None and _continues(verdict, first, _best_item(totals, first)):
            groups[-1].append(index)
        else:
            groups.append([index])
            totals = {}
        _add_scores(totals, verdict)
    return [_segment(pages, verdicts, group) for group in groups]


def _add_scores(totals: dict[ItemId | None, float], verdict: PageVerdict) -> None:
    for item, score in verdict.scores.items():
        totals[item] = totals.get(item, 0.0) + score


def _continues(verdict: PageVerdict, first: PageVerdict, group_item: ItemId | None) -> bool:
    if verdict.page_of and verdict.page_of[0] > 1:
        return True
    if verdict.page_of and verdict.page_of[0] == 1:
        return False
    if not verdict.headed:
        # An unheaded page continues its document, except after a cover sheet.
        return group_item is not None or _best_item(verdict.scores, verdict) is None
    # A repeated heading (a lab report's page 2) continues; another kind of report starts anew.
    return (
        verdict.head_item == group_item
        and verdict.head_label == first.head_label
        and first.page_of is None
    )


def _best_item(scores: dict[ItemId | None, float], first: PageVerdict) -> ItemId | None:
    """The item of pages with these summed scores, whose first page is `first`."""
    totals = dict(scores)
    if first.headed:
        totals[first.head_item] = totals.get(first.head_item, 0.0) + 2 * MIN_SCORE
    if not totals:
        return None
    item = max(totals, key=lambda k: (totals[k], k is not None))
    return item if totals[item] >= MIN_SCORE else None


def _segment(pages: Sequence[Page], verdicts: list[PageVerdict], group: list[int]) -> Segment:
    chosen = [verdicts[i] for i in group]
    totals: dict[ItemId | None, float] = {}
    for verdict in chosen:
        _add_scores(totals, verdict)
    item = _best_item(totals, chosen[0])
    label = None
    for verdict in chosen:
        if item in verdict.labels:
            label = verdict.labels[item]
            break
    return Segment(pages=tuple(pages[i].number for i in group), item=item, title=label)
