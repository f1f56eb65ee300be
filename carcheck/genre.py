"""What a document is before what it is about: letter, form, report, note, notice or cover.

The genre is read from structure, not topic: a letter has a salutation and a closing, a
form has label-value fields, check boxes and blanks, a report has result rows and a
specimen or sign-out block, a note has SOAP-style sections, a notice is a payer's
decision about a request, a cover sheet is a block of transmission fields. classify.py
asks the genre which items a document may serve: a consult letter, a payer's notice, a
request form or a progress note is not the letter of medical necessity, however many
regimens it lists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from carcheck.extract.names import is_person
from carcheck.model import Page


class Genre(StrEnum):
    LETTER = "letter"
    FORM = "form"
    REPORT = "report"
    NOTE = "note"
    NOTICE = "notice"
    COVER = "cover sheet"
    ORDER = "order"  # an order, requisition, schedule or plan: what is to be done, not a result
    OTHER = "other"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# --- letters ---------------------------------------------------------------------
_SALUTATION = _rx(
    r"^\s*(dear\b|to\s+whom\s+it\s+may\s+concern|attention\s*:?\s*medical\s+director)"
)
_CLOSING = _rx(
    r"^\s*(sincerely|respectfully(\s+submitted)?|(with\s+)?(kind|best|warm)?\s*regards|"
    r"yours\s+(truly|sincerely|faithfully)|thank\s+you(\s+for\s+your\s+(time|consideration))?[,.]?\s*$)"
)
# Who the letter is for: the health plan's reviewers, or a colleague.
_TO_PLAN = _rx(
    r"medical\s+director|utili[sz]ation\s+(management|review)|(prior\s+)?authori[sz]ation\s+"
    r"(department|unit|team|review)|health\s+plan|insurance|insurer|\bpayer\b|\bpayor\b|"
    r"pharmacy\s+benefit|claims?\s+(department|review)|appeals?\s+(department|unit)|"
    r"to\s+whom\s+it\s+may\s+concern|dear\s+(reviewer|sir|madam|colleague\s+at)|"
    r"\bmember\s+(id|number|#)|subscriber|policy\s+(number|#)|medicaid|medicare|"
    r"case\s+manager|clinical\s+reviewer"
)
# What a letter of medical necessity does: argue that a treatment is needed, ask to cover it.
_REQUESTS = _rx(
    r"medical(ly)?\s+necess|letter\s+of\s+(medical\s+)?necessity|"
    r"(request(ing)?|seek(ing)?|ask(ing)?\s+for)\s+(your\s+)?(prior\s+|pre-?)?"
    r"(authori[sz]ation|approval|coverage|certification)|"
    r"(authori[sz]ation|coverage|approval)\s+(request|of|for)\b|"
    r"(approve|authori[sz]e|cover)\s+(the\s+|this\s+|coverage\s+|treatment\s+)?"
    r"(request|treatment|therapy|infusion|use)|on\s+behalf\s+of\s+my\s+patient|"
    r"i\s+am\s+writing\s+to\s+(request|support|document|appeal)|letter\s+of\s+(support|appeal)"
)
# A letter to a colleague: a consultation reply, a referral, a report of a visit.
_TO_COLLEAGUE = _rx(
    r"thank\s+you\s+for\s+(referring|the\s+referral|allowing\s+me|asking\s+me|this\s+referral)|"
    r"(had|have)\s+the\s+pleasure\s+of\s+(seeing|meeting|evaluating)|"
    r"\b(re|subject)\s*:\s*(consultation|consult|referral|follow[-\s]?up)|"
    r"i\s+(saw|evaluated|reviewed)\s+(your\s+patient|him|her|them|mr|mrs|ms)|"
    r"(will|shall)\s+keep\s+you\s+(informed|updated|posted)|your\s+patient\b|"
    r"consultation\s+(letter|report)|referral\s+(letter|response)"
)
# A payer's letter about a request: a determination, a denial, an approval.
_FROM_PAYER = _rx(
    r"determination\s+(notice|letter)|notice\s+of\s+(determination|decision|denial|approval|"
    r"action|adverse)|(date|reason)\s+(of|for)\s+(the\s+)?(determination|decision|denial)|"
    r"(your|this|the)\s+request\s+(for\s+[\w\s-]{0,40}?)?(has\s+been|was|is)\s+"
    r"(approved|denied|pended|partially)|appeal\s+rights|right\s+to\s+(an\s+)?appeal|"
    r"you\s+(or\s+the\s+member\s+)?may\s+(file|request)\s+an?\s+appeal|"
    r"\b(auth(ori[sz]ation)?|reference|case)\s*(#|number|no\.?)\s*:|"
    r"pre-?certification\s+does\s+not\s+guarantee|benefits?\s+(are\s+)?subject\s+to"
)

# A payer's people and offices, as they sign a notice or head its letterhead.
_PAYER_NAME = _rx(
    r"health\s+plans?\b|\binsurance\b|\bhealth\s*care\s+plan|\bmedicaid\b|\bmedicare\b|"
    r"\bmanaged\s+care|\butili[sz]ation\s+(management|review)|\bpharmacy\s+benefit|"
    r"\b(hmo|ppo|pbm)\b|\bassurance\b|\bmutual\b"
)
_PAYER_ROLE = _rx(
    r"\bmedical\s+director\b|\butili[sz]ation\s+(management|review)|\bum\s+(nurse|coordinator|"
    r"reviewer)|\bcase\s+manager|\bclinical\s+(reviewer|pharmacist)|\bmember\s+services|"
    r"\bprior\s+authori[sz]ation\s+(department|unit|team)"
)
_PAYER_ASKS = _rx(
    r"\bwe\s+(have\s+)?(received|reviewed)\s+(your|the)\s+request|\badditional\s+"
    r"(information|documentation|records)\s+(is\s+|are\s+)?(needed|required|requested)|"
    r"\brequest\s+for\s+additional\s+(information|documentation)|\bplease\s+(submit|send|"
    r"provide|fax)\s+(the\s+following|additional|us)|\bif\s+we\s+do\s+not\s+receive|"
    r"\b(pended|pending)\s+(for|review|additional)|\bwithin\s+\d+\s+(calendar\s+|business\s+)?"
    r"days\s+of\s+(the\s+date\s+of\s+)?this\s+(letter|notice)"
)

# --- forms -----------------------------------------------------------------------
# "Label: value" (or "Label:" left blank); the label short and capitalised.
_FIELD = re.compile(r"(?:^|\s{2,}|\|\s*)([A-Z*][\w#/&().'*-]*(?:\s+[\w#/&().'*-]+){0,4})\s*:(?!\d)")
_CHECKBOX = re.compile(r"[☐☑☒□■▢◻◼✓✔]|\[\s*[xX✓]?\s*\]|\(\s*[xX]?\s*\)(?=\s*[A-Z])")
_YES_NO = re.compile(r"\bYes\s+No\b|\bY\s*/\s*N\b")
_BLANK = re.compile(r"_{4,}")
_SIGN_LINE = re.compile(r"\b(e-?)?sign(ed|ature)?\b", re.IGNORECASE)
_FORM_TITLE = _rx(
    r"\b(request\s+form|authori[sz]ation\s+form|form\s*$|questionnaire|requisition|"
    r"consent\s+(form|to|for)|enrollment\s+form|intake\s+form|checklist)\b"
)

# A form's sections and check-box rows: "SECTION 2 - PRESCRIBER", "X Initial request  Urgent".
_FORM_SECTION = _rx(r"^\s*(section|part)\s+([0-9]{1,2}|[a-h]|[ivx]{1,4})\b\s*[-:.–—]?")
_TICK_ROW = re.compile(r"(^|\s{1,3})[Xx✓✔]\s+[A-Z][a-z]+")
# A row of field labels with their values under them ("Member ID   Phone").
_LABEL_WORD = _rx(
    r"\b(name|date\s+of\s+birth|dob|member|subscriber|id|phone|fax|npi|dea|tin|tax|address|"
    r"city|state|zip|diagnosis|icd-?10|hcpcs|cpt|ndc|drug|medication|dose|prescriber|"
    r"facility|provider|specialty|contact|signature|date|quantity|frequency|strength)\b"
)
# An e-mail printed out: its header block.
_MAIL_HEADER = _rx(r"^\s*(from|sent|to|cc|subject|date)\s*:")
_MAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")

# --- reports ---------------------------------------------------------------------
# A result row: a name, then a number with units, a flag or a reference range.
_RESULT_ROW = re.compile(
    r"^\s*[A-Za-z][A-Za-z0-9 ,/().%+'-]{1,50}?\s+[<>]?\d+(?:[.,]\d+)?\s*"
    r"(?:[HLA]\b|\*|\s)*\s*(?:[a-zA-Zµμ%/^0-9.]+(?:/[a-zA-Z0-9.]+)?)?\s*"
    r"(?:\(?\s*[<>]?\s*\d+(?:[.,]\d+)?\s*[-–]\s*\d+(?:[.,]\d+)?\s*\)?|[<>]\s*\d+(?:\.\d+)?)"
)
_QUALITATIVE_ROW = _rx(
    r"^\s*[A-Za-z][\w ,/().+'-]{1,60}?\s+(non-?\s*reactive|reactive|negative|positive|"
    r"not\s+detected|detected|normal|abnormal|within\s+normal\s+limits)\b"
)
_REPORT_BLOCK = _rx(
    r"^\s*(specimen|collected|collection\s+date|date\s+collected|received|reported|"
    r"report\s+date|accession|final\s+diagnosis|diagnosis\s*:|gross\s+description|"
    r"microscopic\s+description|findings\s*:|impression\s*:|technique\s*:|comparison\s*:|"
    r"result(s)?\s*:|test\s+(name|results?)|reference\s+(range|interval)|"
    r"(electronically\s+)?(signed\s+out|verified|released|reviewed)\s+by|pathologist|"
    r"interpreted\s+by|performing\s+lab|ordering\s+(physician|provider))"
)
_TABLE_HEADER = _rx(r"\b(test|analyte|component)\b.{0,40}\b(result|value)\b")

# --- notes -----------------------------------------------------------------------
_NOTE_SECTION = _rx(
    r"^\s*(chief\s+complaint|cc\s*:|hpi\b|history\s+of\s+(the\s+)?present\s+illness|"
    r"subjective|objective|assessment(\s+(and|&)\s+plan)?|a\s*/\s*p\b|plan\s*:|plan\s*$|"
    r"review\s+of\s+systems|ros\s*:|physical\s+exam(ination)?|exam\s*:|vitals?\b|"
    r"vital\s+signs|past\s+(medical|surgical)\s+history|pmh\s*:|family\s+history|"
    r"medications?\s*:|current\s+medications|allergies|hospital\s+course|"
    r"discharge\s+(diagnosis|medications|condition)|interval\s+history|follow[-\s]?up\s*:|"
    r"recommendations?\s*:|disposition|reason\s+for\s+(visit|admission|consultation))"
)
# --- orders ---------------------------------------------------------------------
# What is to be done, not what was found: an order, a requisition, a schedule, a plan.
_ORDER_SIGNAL = _rx(
    r"^\s*(order(ed)?(\s+(#|no\.?|number|status|date|on|by|for|details))?\b|requisition|"
    r"scheduled(\s+(for|date|on))?|requested\s+(date|procedure|test)|appointment\b|"
    r"priority\b|ordering\s+(provider|physician)|tests?\s+requested|specimen\s+requests?)|"
    r"\bnot\s+yet\s+(performed|done|collected|obtained)\b|\bwill\s+(obtain|be\s+(performed|"
    r"obtained|scheduled|drawn))\b|\bto\s+be\s+(performed|scheduled|obtained|drawn)\b|"
    r"\bpending\s+(procedure|scheduling)\b"
)
# Of those, what says it has not happened yet (a lab report has an ordering physician too).
_NOT_DONE = _rx(
    r"\bnot\s+yet\s+(performed|done|collected|obtained)\b|\bwill\s+(obtain|be\s+(performed|"
    r"obtained|scheduled|drawn))\b|\bto\s+be\s+(performed|scheduled|obtained|drawn)\b|"
    r"\bpending\s+(procedure|scheduling)\b|^\s*order\s+status\b|^\s*scheduled\b|"
    r"^\s*ordered\s+on\b|^\s*requested\s+date\b|^\s*appointment\b"
)

# --- cover sheets ----------------------------------------------------------------
_TRANSMISSION = _rx(
    r"^\s*(to|from|fax|pages|no\.?\s+of\s+pages|number\s+of\s+pages|date(\s+sent)?|sent|"
    r"attn|attention|phone|sender|recipient|cc)\s*:"
)
_COVER_TITLE = _rx(r"fax\s+cover|cover\s+(sheet|page)|facsimile|transmittal")


@dataclass(frozen=True, slots=True)
class Reading:
    """A document's genre and what its structure says about whom it is for."""

    genre: Genre
    to_plan: bool = False  # a letter addressed to the health plan's reviewers
    requests: bool = False  # a letter that argues necessity or asks for authorization
    to_colleague: bool = False  # a consultation or referral letter
    from_payer: bool = False  # a payer's notice about a request
    results: int = 0  # result rows (a name, a value, units or a range)
    report_blocks: int = 0  # specimen, collection, sign-out and findings blocks

    @property
    def may_be_letter_of_necessity(self) -> bool:
        """Only a letter to the plan (or to nobody in particular) that makes the request."""
        if self.genre is not Genre.LETTER or not self.requests or self.from_payer:
            return False
        return self.to_plan or not self.to_colleague

    @property
    def label(self) -> str:
        """The title of a document of this genre that serves no item."""
        if self.genre is Genre.LETTER:
            if self.from_payer:
                return "Payer notice"
            if self.to_colleague:
                return "Consultation/referral letter"
            return "Letter"
        return {
            Genre.FORM: "Form",
            Genre.REPORT: "Report",
            Genre.NOTE: "Clinical note",
            Genre.NOTICE: "Payer notice",
            Genre.COVER: "Fax cover sheet",
            Genre.ORDER: "Order or requisition",
            Genre.OTHER: "Other document",
        }[self.genre]


LETTER_HEAD = 25  # a salutation stands in the first lines of a letter
GENRE_PAGES = 4  # the pages of a document its genre is read from


@dataclass(frozen=True, slots=True)
class PageSignals:
    """What one page shows of its document's genre: counts and phrases of its own lines,
    and what it would show as a document's first page. A document's genre combines its
    first pages' signals, so each page is read once, when it is read, not once more per
    document it might belong to."""

    lines: tuple[str, ...]
    opens: bool  # a salutation near its top (a letter begins here)
    closing: bool  # a letter's closing (a letter ends here)
    signs_off: bool  # a closing among the page's last lines, a person's name under it
    salutation: bool  # a salutation, or a greeting by its shape, near its top
    mail_address: bool
    requests: bool
    to_plan: bool
    to_colleague: bool
    payer_phrases: frozenset[str]
    payer_asks: bool
    payer_letterhead: bool  # a payer's name above its date line or salutation
    fields: int
    boxes: int
    blanks: int
    rows: int
    blocks: frozenset[str]
    table_header: bool
    sections: frozenset[str]
    transmission: int
    cover_title: bool
    form_title: bool
    orders: frozenset[str]
    not_done: bool
    form_sections: int
    ticks: int
    label_rows: int
    email: bool  # a printed e-mail's header block near its top
    letter_top: bool  # a letter's first page by its top: a date line alone, then "RE:"


def page_signals(page: Page) -> PageSignals:
    """The genre signals of one page (see PageSignals)."""
    texts = tuple(line.text for line in page.lines)
    head = texts[: LETTER_HEAD + 15]
    opening = "\n".join(head)
    opens = bool(_ml(_SALUTATION).search(opening))
    joined = "\n".join(texts)
    # Each pattern runs once over the page, line by line (re.M), not once a line.
    # Long alternations run faster case-sensitively over lower-cased text.
    lower = joined.lower()
    short = [t for t in texts if len(t) <= 90]
    mail = {m.group(1).lower() for t in texts[:15] if (m := _MAIL_HEADER.match(t))}
    return PageSignals(
        lines=texts,
        opens=opens,
        closing=bool(_ml(_CLOSING).search(joined)),
        signs_off=_ends_signed(texts),
        salutation=opens or any(_greets(t) for t in head if t.rstrip()[-1:] in (",", ":")),
        mail_address=bool(_MAIL_ADDRESS.search(joined)),
        requests=bool(_lc(_REQUESTS).search(lower)),
        to_plan=bool(_lc(_TO_PLAN).search(lower)),
        to_colleague=bool(_lc(_TO_COLLEAGUE).search(lower)),
        payer_phrases=frozenset(m.group(0) for m in _lc(_FROM_PAYER).finditer(lower)),
        payer_asks=bool(_lc(_PAYER_ASKS).search(lower)),
        payer_letterhead=any(_PAYER_NAME.search(t) for t in _letterhead(texts)),
        fields=len(_ml(_FIELD).findall(joined)),
        boxes=len(_CHECKBOX.findall(joined)) + len(_YES_NO.findall(joined)),
        # A signature line left blank is a letter's as much as a form's: not a form's blank.
        blanks=sum(
            1 for t in texts if "___" in t and _BLANK.search(t) and not _SIGN_LINE.search(t)
        ),
        # Per line: a result row's \s must not run on into the next line.
        rows=sum(bool(_RESULT_ROW.match(t) or _QUALITATIVE_ROW.match(t)) for t in texts),
        blocks=frozenset(m.group(1).lower() for m in _ml(_REPORT_BLOCK).finditer(joined)),
        table_header=bool(_lc(_TABLE_HEADER).search(lower)),
        sections=frozenset(
            m.group(1).lower().rstrip(": ") for m in _ml(_NOTE_SECTION).finditer(joined)
        ),
        transmission=len(_ml(_TRANSMISSION).findall(joined)),
        cover_title=any(_COVER_TITLE.search(t) for t in texts[:12]),
        form_title=any(_FORM_TITLE.search(t) for t in texts[:12]),
        orders=frozenset(m.group(0).lower().strip() for m in _ml(_ORDER_SIGNAL).finditer(joined)),
        not_done=bool(_ml(_NOT_DONE).search(joined)),
        form_sections=len(_ml(_FORM_SECTION).findall(joined)),
        ticks=sum(bool(_TICK_ROW.search(t)) for t in short if len(t.split()) <= 12),
        label_rows=sum(
            1 for t in short if len(t.split()) <= 6 and len(_LABEL_WORD.findall(t)) >= 2
        ),
        email={"from", "subject"} <= mail and any(_MAIL_ADDRESS.search(t) for t in texts[:15]),
        letter_top=_letter_top(texts),
    )


def _letter_top(texts: Sequence[str]) -> bool:
    """A letter begins on this page: near its top a line that is only a date, and below it
    a "RE:" or "Subject:" line, with no "Page 2" of a letter going on."""
    head = [t for t in texts[:16] if not _TRANSMISSION.search(t)]
    dated = next((k for k, t in enumerate(head) if _DATE_ALONE.match(t)), None)
    if dated is None or any(_LATER_PAGE.search(t) for t in head[:8]):
        return False
    return any(_REGARDING.match(t) for t in head[dated + 1 : dated + 8])


_DATE_ALONE = re.compile(
    r"^\s*((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}|"
    r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})\s*$",
    re.IGNORECASE,
)
_REGARDING = re.compile(r"^\s*(re|subject|regarding)\s*:", re.IGNORECASE)
_LATER_PAGE = re.compile(r"\bpage\s+([2-9]|\d{2,})\b(?!\s+of)", re.IGNORECASE)


SIGN_OFF_LINES = 12  # a closing this near the foot of a page ends the letter there


def _ends_signed(texts: Sequence[str]) -> bool:
    """The document ends on this page: among its last lines, a closing ("Sincerely,",
    "Regards,") with a typed person's name in the few lines under it, or an electronic
    signature statement naming a person, as an EHR prints a note or letter signed."""
    start = max(0, len(texts) - SIGN_OFF_LINES)
    for index in range(start, len(texts)):
        if _CLOSING.search(texts[index]):
            below = [t.split(",")[0].strip() for t in texts[index + 1 : index + 5]]
            if any(len(name.split()) >= 2 and is_person(name) for name in below):
                return True
            # Signed by a role or a team ("Site Activation Lead, <maker>"): a short line
            # of capitalised words, not a sentence, right under the closing.
            return any(_SIGNING_ROLE.match(t) for t in texts[index + 1 : index + 3])
    for index in range(len(texts) - 1, start - 1, -1):
        if (signed := _E_SIGNED.match(texts[index])) is not None:
            name = signed.group("name").split(",")[0].strip()
            return len(name.split()) >= 2 and is_person(name)
    return False


_SIGNING_ROLE = re.compile(r"^\s*[A-Z][\w&'-]*(\s+[A-Z&][\w&'-]*|,){1,9}\.?\s*$")
# "Electronically signed by Jane Roe, MD on 10/05/2026": the statement that closes a note.
_E_SIGNED = re.compile(
    r"^\s*(electronically|digitally)\s+(signed|authenticated|signed\s+out)\s+by:?\s+"
    r"(?P<name>[A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){1,3})",
    re.IGNORECASE,
)


def read_genre(pages: Sequence[Page], signals: Sequence[PageSignals] | None = None) -> Reading:
    """The genre of the document made of these pages (`signals`: the pages' signals, when
    they are already known)."""
    # A genre shows in a document's first pages: a chart's hundredth page adds nothing.
    read = list(signals[:GENRE_PAGES]) if signals is not None else []
    if not read:
        read = [page_signals(page) for page in pages[:GENRE_PAGES]]
    if not read:
        return Reading(Genre.OTHER)
    first = read[0]
    texts = [t for s in read for t in s.lines]
    salutation = first.salutation
    closing = any(s.closing for s in read) or _signs_off(texts)
    requests = any(s.requests for s in read)
    letterish = salutation or closing or any(s.mail_address for s in read)
    to_plan = letterish and any(s.to_plan for s in read)
    to_colleague = letterish and any(s.to_colleague for s in read)
    payer_phrases = frozenset().union(*(s.payer_phrases for s in read))
    from_payer = len(payer_phrases) >= 2
    # Who sent it: a payer's letterhead (the lines above the date or the salutation), or
    # a payer's reviewer signing it, with the payer's own requests in its body.
    payer_sender = first.payer_letterhead or _signed_by_payer(texts)
    if payer_sender and (any(s.payer_asks for s in read) or payer_phrases):
        from_payer = True
    fields = sum(s.fields for s in read)
    boxes = sum(s.boxes for s in read)
    blanks = sum(s.blanks for s in read)
    rows = sum(s.rows for s in read)
    blocks = len(frozenset().union(*(s.blocks for s in read)))
    table_header = any(s.table_header for s in read)
    sections = len(frozenset().union(*(s.sections for s in read)))
    transmission = first.transmission
    cover_title = first.cover_title
    form_title = first.form_title
    n = max(len(texts), 1)
    orders = len(frozenset().union(*(s.orders for s in read)))
    sections_of_form = sum(s.form_sections for s in read)
    ticks = sum(s.ticks for s in read)
    label_rows = sum(s.label_rows for s in read)
    email = first.email

    genre = Genre.OTHER
    if from_payer and not (salutation and requests and not to_plan):
        genre = Genre.NOTICE
    elif salutation or (closing and requests) or email:
        genre = Genre.LETTER  # a printed e-mail is a letter too
    elif (cover_title and transmission >= 2) or transmission >= 4 and n < 40 and rows < 3:
        genre = Genre.COVER
    elif rows >= 3 or (table_header and rows >= 1) or (blocks >= 3 and sections < 3):
        genre = Genre.REPORT
    elif sections >= 3:
        genre = Genre.NOTE
    elif (
        form_title
        or boxes >= 4
        or (fields >= 8 and (boxes or blanks))
        or fields >= 15
        or (sections_of_form >= 2 and (ticks or label_rows >= 2))
        or (ticks >= 2 and label_rows >= 3)
    ):
        genre = Genre.FORM
    # An order is no result, whatever it names: "bone marrow biopsy - ordered, not performed".
    not_done = any(s.not_done for s in read)
    if orders >= 3 and not_done and rows < 3 and genre in (Genre.OTHER, Genre.FORM, Genre.REPORT):
        genre = Genre.ORDER
    # A form is a form even with a result row or two; a report with boxes is still a report.
    if genre is Genre.REPORT and (boxes >= 8 or form_title) and rows < 5:
        genre = Genre.FORM
    if genre is Genre.NOTE and rows >= 8 and sections < 5:
        genre = Genre.REPORT
    return Reading(genre, to_plan, requests, to_colleague, from_payer, rows, blocks)


_DATE_LINE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)


def _letterhead(first: Sequence[str]) -> list[str]:
    """The lines above a letter's date line or salutation: who sends it."""
    head: list[str] = []
    for text in first[:10]:
        if _DATE_LINE.search(text) or _SALUTATION.search(text):
            break
        head.append(text)
    return head


def _signed_by_payer(texts: Sequence[str]) -> bool:
    """A payer's reviewer in the lines after the closing."""
    joined = "\n".join(texts)
    closing = _ml(_CLOSING).search(joined)
    if closing is None:
        return False
    index = joined.count("\n", 0, closing.start())
    return any(_PAYER_ROLE.search(t) for t in texts[index + 1 : index + 6])


# A greeting by the shape of a letter's first words: "Dr. Kim,", "Colleagues:", "Hello team,".
_GREETING_WORD = _rx(r"^\s*(hello|hi|greetings|good\s+(morning|afternoon)|colleagues?|team)\b")
_TITLED = _rx(r"^\s*(dr|doctor|mr|mrs|ms|prof)\.?\s+")


def _greets(text: str) -> bool:
    """A line that greets its reader: short, closed by a comma or colon, naming a person
    ("Dr. Alvarez," / "Dr. Kim:") or a greeting word."""
    stripped = text.strip()
    if not stripped or stripped[-1] not in ",:" or len(stripped.split()) > 6:
        return False
    body = stripped[:-1].strip()
    if _GREETING_WORD.match(body):
        return True
    return bool(_TITLED.match(body)) and (is_person(body) or len(body.split()) == 2)


def _signs_off(texts: Sequence[str]) -> bool:
    """A closing by its shape: a short line ended by a comma ("Best," / "With thanks,")
    with a typed person's name in the lines just under it."""
    for index, text in enumerate(texts):
        stripped = text.strip()
        words = stripped.split()
        if not words or len(words) > 4 or not stripped.endswith(","):
            continue
        if any(ch.isdigit() for ch in stripped) or not stripped[0].isupper():
            continue
        for below in texts[index + 1 : index + 4]:
            name = below.split(",")[0].strip()
            if is_person(below.strip()) or (len(name.split()) >= 2 and is_person(name)):
                return True
    return False


@lru_cache(maxsize=64)
def _ml(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern with ^ and $ at each line: run once over a document's joined lines."""
    return re.compile(pattern.pattern, pattern.flags | re.MULTILINE)


@lru_cache(maxsize=64)
def _lc(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern for lower-cased text: case-sensitive (faster), lines with ^ and $."""
    return re.compile(pattern.pattern, (pattern.flags & ~re.IGNORECASE) | re.MULTILINE)
