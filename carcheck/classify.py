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
from carcheck.genre import GENRE_PAGES, Genre, PageSignals, Reading, page_signals, read_genre
from carcheck.items import RULES
from carcheck.kinds import ROWS_COUNTED, Kind, kind
from carcheck.model import ItemId, Page

# The kinds that serve an item are declared by the items (carcheck/items/); these serve none.
# Their titles name what real packets carry besides the items: notes, forms, notices.
OTHER_KINDS: tuple[Kind, ...] = (
    kind(None, "Fax cover sheet", r"fax\s+cover|cover\s+(sheet|page)|facsimile|transmittal", 4),
    kind(
        None,
        "Fax cover sheet",
        r"pages?\s*\(?\s*(including|incl\.?)\s+cover|number\s+of\s+pages",
        3,
    ),
    kind(
        None,
        "Prior authorization request form",
        r"(prior\s+authori[sz]ation|precertification|pre-?service|medication|drug|pharmacy)\s+"
        r"(request\s+)?form|fax\s+(the\s+)?completed\s+form|request\s+for\s+(prior\s+)?"
        r"authori[sz]ation\s+form",
        5,
    ),
    kind(
        None,
        "Clinical note",
        r"\b(progress|clinic|office|visit|encounter|follow[-\s]?up|consult(ation)?|outpatient|"
        r"inpatient|doctor'?s?|physician'?s?|provider|soap|treatment)\s+notes?\b|"
        r"\b(encounter|patient|visit|clinical|care)\s+summary\b",
        3.5,
        title_only=True,
    ),
    kind(None, "History and physical", r"history\s+(and|&)\s+physical|\bh\s*&\s*p\b", 4, True),
    kind(None, "Discharge summary", r"discharge\s+summary", 4, True),
    kind(None, "Discharge instructions", r"discharge\s+instructions", 4, True),
    kind(None, "Operative report", r"\boperative\s+(report|note)|\bop(eration)?\s+note", 4, True),
    kind(None, "Anesthesia record", r"\ban(a)?esthesia\s+(record|evaluation|note)", 4, True),
    kind(
        None,
        "Emergency department note",
        r"emergency\s+(department|room)\s+(note|record|visit|report|provider)|\bed\s+note",
        4,
        True,
    ),
    kind(None, "Nursing notes", r"nursing\s+(notes?|flowsheet|assessment)|\bflowsheet", 4, True),
    kind(
        None, "Medication administration record", r"medication\s+administration\s+record", 4, True
    ),
    kind(
        None,
        "Consent form",
        r"\b(informed\s+)?consent\s+(form|for|to)\b|\binformed\s+consent",
        4,
        True,
    ),
    kind(
        None,
        "Order or requisition",
        r"\brequisition\b|\border\s+form\b|\b(physician|provider|standing)\s+orders?\b",
        4,
        True,
    ),
    kind(
        None,
        "Request for medical records",
        r"(request\s+for|requesting)\s+(medical\s+)?records|records\s+request|"
        r"release\s+of\s+(protected\s+)?information",
        4,
        True,
    ),
    kind(
        None,
        "Payer notice",
        r"determination\s+(notice|letter)|notice\s+of\s+(determination|decision|denial|approval|"
        r"action)|(approval|denial|adverse\s+determination)\s+(letter|notice)",
        4,
        True,
    ),
)
KINDS: tuple[Kind, ...] = (
    *(k for module in RULES.values() for k in module.KINDS),
    *OTHER_KINDS,
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
# The same, run once over a page's lines joined (re.M) rather than once a line.
_FAX_FIELD_LINES = re.compile(_FAX_FIELD.pattern + r"[^\n]*", _FAX_FIELD.flags | re.MULTILINE)
_FORM_ROW_LINES = re.compile(_FORM_ROW.pattern, _FORM_ROW.flags | re.MULTILINE)
_PAGES_FIELD = re.compile(r"^\s*(pages|no\.?\s+of\s+pages|number\s+of\s+pages)\b", re.I)
COVER_FIELDS = 4

# "2/2" alone at either end of a footer line (a fax header's "P.004/014" is not in the footer).
_FOOTER_PAGE = re.compile(
    r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\b(?![/\d])|(?<![/\d.])\b(\d{1,2})\s*/\s*(\d{1,2})\s*$"
)
_RUNNING_PAGE = re.compile(r"\bpage\s*(\d{1,3})\s*$", re.IGNORECASE)
_PAGE_OF = re.compile(r"\bpage\.?\s*(\d{1,3})\s*(?:of|/)\s*(\d{1,3})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PageVerdict:
    scores: dict[ItemId | None, float]
    labels: dict[ItemId | None, str]
    headed: bool  # whether a heading names a kind of document
    head_item: ItemId | None  # the item its heading names
    head_label: str | None  # the kind of document its heading names
    page_of: tuple[int, int] | None  # (k, N) of "Page k of N"; N is 0 for a running "Page k"
    mid_sentence: bool = False  # its text starts in the middle of a sentence
    signals: PageSignals | None = None  # what it shows of its document's genre


@dataclass(frozen=True, slots=True)
class Segment:
    """Consecutive pages of one file that make one document."""

    pages: tuple[int, ...]  # 1-based page numbers
    item: ItemId | None
    title: str | None
    review: str | None = None  # a close call a person should look at, in words


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
            and not line.text.lstrip()[:1].islower()
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
    """A line of running text: long, and mostly lower-case words (addresses are not), or a
    sentence's end and the next one's start ("... prophylaxis. First dose ...")."""
    words = text.split()
    if _SENTENCE_BREAK.search(text) and sum(1 for w in words if w[:1].islower()) >= 3:
        return True
    return len(text) > HEADING_CHARS and sum(1 for w in words if w[:1].islower()) >= 5


_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.;]\s+[A-Z][a-z]")


def judge_page(page: Page) -> PageVerdict:
    signals = page_signals(page)
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
        elif line.top < page.height * 0.12 and (m := _RUNNING_PAGE.search(line.text)):
            # "Re: <patient> ... Page 2": a letter's running header on its later pages.
            if len(line.text.split()) >= 5:
                page_of = (int(m.group(1)), 0)
    body = [ln for ln in page.lines if ln.top >= page.height * 0.1 and ln.text.strip()]
    mid_sentence = bool(body) and body[0].text.lstrip()[:1].islower()
    # One search of the page per kind; each match counts at the weight of its line.
    text = "\n".join(line.text for line in page.lines).lower()
    starts = list(accumulate((len(line.text) + 1 for line in page.lines), initial=0))
    # Titles are looked for in the page's head only: a title is never in its body.
    head_lines = [i for i, w in enumerate(weights) if w > BODY_WEIGHT]
    head = "\n".join(page.lines[i].text for i in head_lines).lower()
    head_starts = list(accumulate((len(page.lines[i].text) + 1 for i in head_lines), initial=0))
    for index, known in enumerate(KINDS):
        if not known.may_match(head if known.title_only else text):
            continue  # a quick look for the strings every match holds: none of them here
        if known.title_only:
            for match in known.pattern.finditer(head):
                weight = weights[head_lines[bisect_right(head_starts, match.start()) - 1]]
                score = known.weight * weight
                if score > best.get(index, (0.0, False))[0]:
                    best[index] = (score, True)
            continue
        if known.rows:  # each matching line counts, as body text
            count = len({bisect_right(starts, m.start()) for m in known.pattern.finditer(text)})
            if count:
                best[index] = (known.weight * min(count, ROWS_COUNTED), False)
            continue
        for match in known.pattern.finditer(text):
            weight = weights[bisect_right(starts, match.start()) - 1]
            score = known.weight * weight
            if score > best.get(index, (0.0, False))[0]:
                best[index] = (score, weight > BODY_WEIGHT)
    scores: dict[ItemId | None, float] = {}
    labels: dict[ItemId | None, str] = {}
    head_scores: dict[ItemId | None, float] = {}
    head_labels: dict[ItemId | None, tuple[float, str]] = {}
    label_score: dict[ItemId | None, float] = {}
    for index, (score, in_head) in best.items():
        known = KINDS[index]
        scores[known.item] = scores.get(known.item, 0.0) + score
        if score > label_score.get(known.item, 0.0):
            label_score[known.item] = score
            labels[known.item] = known.label
        if in_head and known.weight >= 2:
            head_scores[known.item] = head_scores.get(known.item, 0.0) + score
            if score > head_labels.get(known.item, (0.0, ""))[0]:
                head_labels[known.item] = (score, known.label)
    raw = "\n".join(line.text for line in page.lines)
    fields = [m.group(0) for m in _FAX_FIELD_LINES.finditer(raw)]
    if len(fields) >= COVER_FIELDS and any(_PAGES_FIELD.match(f) for f in fields):
        # Transmission fields outweigh the enclosure list that names every item.
        scores[None] = scores.get(None, 0.0) + 3.0 * len(fields)
        head_scores[None] = head_scores.get(None, 0.0) + 3.0 * len(fields)
        labels.setdefault(None, "Fax cover sheet")
        head_labels[None] = (3.0 * len(fields), "Fax cover sheet")
    form_fields = len(_FORM_FIELD.findall(raw)) + len(_FORM_ROW_LINES.findall(raw))
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
        mid_sentence=mid_sentence,
        signals=signals,
    )


def segment(pages: Sequence[Page], judged: Sequence[PageVerdict] | None = None) -> list[Segment]:
    """Split one file's pages into documents and decide each document's item (`judged`:
    the pages' verdicts when they are already known)."""
    verdicts = list(judged) if judged is not None else [judge_page(p) for p in pages]
    # "Page k of N" counting the file's own pages may be one document's numbering or a fax
    # server's or chart print's footer over many: it then carries a page on only where
    # nothing else says a new document starts (a letter signed off, another item's title).
    numbered_file = _numbers_the_file(pages, verdicts)
    numbered = [v.page_of is not None and v.page_of[0] > 1 for v in verdicts]
    if numbered_file:
        verdicts = [replace(v, page_of=None) for v in verdicts]
    groups: list[list[int]] = []
    totals: dict[ItemId | None, float] = {}  # the current group's scores, kept as it grows
    open_letter = False  # the current group is a letter whose closing is still to come
    signed_off = False  # the page before ended with a letter's closing and its signer
    for index, verdict in enumerate(verdicts):
        signals = _signals(pages, verdicts, index)
        first = verdicts[groups[-1][0]] if groups else None
        restarts = verdict.page_of is not None and verdict.page_of[0] == 1
        goes_on = (verdict.page_of is not None and verdict.page_of[0] > 1) or verdict.mid_sentence
        if first is None:
            continues = False
        elif numbered_file and numbered[index]:
            other_title = verdict.headed and verdict.head_item != _best_item(totals, first)
            continues = not signed_off and not other_title
        else:
            continues = (goes_on or not signed_off) and _continues(
                verdict, first, _best_item(totals, first)
            )
        # A letter's top (its date line, then "RE:") begins a new document, whatever the
        # page before left open: a manufacturer's letter faxed after a medication record.
        if signals.letter_top and not goes_on:
            continues = open_letter = False
        if first is not None and ((open_letter and not restarts) or continues):
            groups[-1].append(index)
        else:
            groups.append([index])
            totals = {}
            open_letter = signals.opens
        if open_letter and (signals.closing or signals.signs_off):
            open_letter = False
        # A letter that signs off at the foot of its page ends there: the next page begins
        # another document unless it says it goes on (a "Page 2", a sentence's middle).
        signed_off = signals.signs_off
        _add_scores(totals, verdict)
    return [_segment(pages, verdicts, group) for group in groups]


def _numbers_the_file(pages: Sequence[Page], verdicts: Sequence[PageVerdict]) -> bool:
    """Whether "Page k of N" runs through the whole file: N its page count and k each
    page's own number, on (nearly) every page of a file of three pages or more."""
    if len(pages) < 3:
        return False
    numbered = [
        (page.number, v.page_of)
        for page, v in zip(pages, verdicts, strict=True)
        if v.page_of is not None and v.page_of[1]
    ]
    return len(numbered) >= len(pages) - 1 and all(
        k == number and n == len(pages) for number, (k, n) in numbered
    )


def _signals(pages: Sequence[Page], verdicts: list[PageVerdict], index: int) -> PageSignals:
    return verdicts[index].signals or page_signals(pages[index])


def _add_scores(totals: dict[ItemId | None, float], verdict: PageVerdict) -> None:
    for item, score in verdict.scores.items():
        totals[item] = totals.get(item, 0.0) + score


def _continues(verdict: PageVerdict, first: PageVerdict, group_item: ItemId | None) -> bool:
    if verdict.page_of and verdict.page_of[0] > 1:
        return True
    if verdict.page_of and verdict.page_of[0] == 1:
        return False
    if verdict.mid_sentence and group_item is not None:
        return True  # a page that starts mid-sentence goes on with the one before
    if not verdict.headed:
        # An unheaded page continues its document, except after a cover sheet: what
        # follows a cover is the first of the documents it lists.
        cover = group_item is None and first.head_label in (None, COVER_LABEL)
        return not cover or _best_item(verdict.scores, verdict) is None
    # A repeated heading (a lab report's page 2) continues; another kind of report starts anew.
    return (
        verdict.head_item == group_item
        and verdict.head_label == first.head_label
        and first.page_of is None
    )


COVER_LABEL = "Fax cover sheet"


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
    reading = read_genre(
        [pages[i] for i in group], [_signals(pages, verdicts, i) for i in group[:GENRE_PAGES]]
    )
    allowed = allowed_items(reading, chosen[0])
    first = chosen[0]
    if first.headed and first.head_item is not None and first.head_item not in allowed:
        first = replace(first, headed=False, head_item=None, head_label=None)
    item = _best_item({k: v for k, v in totals.items() if k is None or k in allowed}, first)
    label = None
    for verdict in chosen:
        if item in verdict.labels:
            label = verdict.labels[item]
            break
    if item is None and label is None:
        if reading.genre is Genre.REPORT and ItemId.E in allowed and reading.results >= 3:
            # Result rows and no other topic: general chemistry or counts, item E.
            item, label = ItemId.E, "Laboratory results"
        else:
            label = reading.label if reading.genre is not Genre.OTHER else None
    return Segment(
        pages=tuple(pages[i].number for i in group),
        item=item,
        title=label,
        review=_close_call(reading, item, label, _best_item(totals, chosen[0])),
    )


def _close_call(
    reading: Reading, item: ItemId | None, label: str | None, by_words: ItemId | None
) -> str | None:
    """Why a person should look at how a document was placed, when it was a close call."""
    if by_words is ItemId.A and item is not ItemId.A and reading.requests:
        return (
            f"reads like a letter of medical necessity but is a {(label or 'document').lower()}, "
            "not a letter to the plan asking for authorization; check whether it is the letter"
        )
    if item is ItemId.A and reading.to_colleague and not reading.to_plan:
        return (
            "taken for the letter of medical necessity although it also reads as a letter "
            "to a colleague; check that it is addressed to the plan"
        )
    return None


def allowed_items(reading: Reading, first: PageVerdict) -> frozenset[ItemId]:
    """The items a document of this genre may serve.

    A letter of medical necessity is a letter to the plan that makes the request; results
    come in reports; a note, a form or a notice serves an item only when its own title
    names that item's kind (a psychosocial assessment written as a note).
    """
    every = frozenset(ItemId)
    titled: frozenset[ItemId] = (
        frozenset({first.head_item})
        if first.headed and first.head_item is not None
        else frozenset()
    )
    genre = reading.genre
    if genre is Genre.LETTER:
        allowed = {ItemId.B, ItemId.F} | (
            {ItemId.A} if reading.may_be_letter_of_necessity else set()
        )
        return frozenset(allowed)
    if genre is Genre.REPORT:
        return every - {ItemId.A}
    if genre is Genre.FORM:
        return titled - {ItemId.A}
    if genre is Genre.NOTE:
        return titled - {ItemId.A}
    if genre in (Genre.NOTICE, Genre.COVER, Genre.ORDER):
        return frozenset()
    # No clear genre: a result only with a report's structure or a title naming its kind;
    # a letter of medical necessity only when its title says it is one, and it asks.
    allowed = set(every) - {ItemId.A}
    if not titled and reading.results < 3 and reading.report_blocks < 2:
        allowed -= {ItemId.C, ItemId.D, ItemId.E}
    if ItemId.A in titled and reading.requests:
        allowed.add(ItemId.A)
    return frozenset(allowed | (titled - {ItemId.A}))
