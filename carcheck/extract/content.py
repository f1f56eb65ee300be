"""What a document says that its rule needs: letter parts, serology results, biopsy, evaluation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from carcheck.extract.signatures import SIGNER, surname
from carcheck.model import (
    DateMention,
    DiagnosticContent,
    FacilityContent,
    LetterContent,
    Outcome,
    Page,
    PsychosocialContent,
    Role,
    SerologyContent,
    SerologyResult,
    Signature,
    Virus,
)


@dataclass(frozen=True, slots=True)
class Line:
    """A text line of a document with where it stands."""

    page: int
    index: int  # within its page
    text: str


def doc_lines(pages: Sequence[Page]) -> list[Line]:
    return [Line(p.number, i, line.text) for p in pages for i, line in enumerate(p.lines)]


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# --- A: the letter ----------------------------------------------------------

_REGIMEN = _rx(
    r"\b(r-?chop|r-?ice|r-?dhap|r-?gdp|r-?gemox|r-?epoch|da-?epoch|r-?benda|chop|bendamustine|"
    r"rituximab|polatuzumab|pola-?br|lenalidomide|revlimid|bortezomib|velcade|daratumumab|"
    r"carfilzomib|pomalidomide|vrd|krd|drd|dvrd|ibrutinib|zanubrutinib|venetoclax|"
    r"acalabrutinib|blinatumomab|inotuzumab|hyper-?cvad|cytarabine|methotrexate|gemcitabine|"
    r"oxaliplatin|ifosfamide|cisplatin|carboplatin|etoposide|tafasitamab|loncastuximab|"
    r"glofitamab|epcoritamab|teclistamab|chemotherapy|chemo|chemoimmunotherapy|regimens?|"
    r"cycles?|lines?\s+of\s+(therapy|treatment)|induction|salvage|"
    r"autologous\s+(stem\s+cell\s+)?transplant|asct)\b"
)
_YEARISH = _rx(r"\b(19|20)\d{2}\b|\b\d{1,2}/\d{2}\b")
_CLINICAL = _rx(
    r"(clinical|medical|oncolog\w*|treatment|disease|past\s+medical)\s+history|"
    r"history\s+of\s+(the\s+)?present\s+illness|\bhpi\b|diagnosed\s+(with|in|on)|"
    r"presented\s+with|\bdiagnosis\s*:|was\s+diagnosed|biopsy\s+(showed|confirmed|revealed)|"
    r"relapsed|refractory"
)
_SOCIAL = _rx(
    r"social\s+history|\blives\s+(with|alone|in|at)\b|\bmarried\b|\bwidow|\bdivorced|"
    r"\bsmok|tobacco|\balcohol|\bemployed|\boccupation|\bretired\b|\bworks\s+as|"
    r"\bsupport\s+from|care\s*giver"
)
_THERAPY = _rx(
    r"car[\s-]?t\b|car[\s-]?t[\s-]?cell|chimeric\s+antigen|cellular\s+(immuno)?therapy|"
    r"axicabtagene|tisagenlecleucel|lisocabtagene|brexucabtagene|idecabtagene|ciltacabtagene|"
    r"obecabtagene|yescarta|kymriah|breyanzi|tecartus|abecma|carvykti|aucatzyl|"
    r"(axi|tisa|liso|brexu|ide|cilta|obe)-cel"
)
_INDICATION = _rx(
    r"indicat|candidate|eligib|recommend|request|medically\s+necessary|appropriate|"
    r"meets\s+(the\s+)?criteria|approv|authori[sz]"
)
_ATTENDING = re.compile(
    rf"(?i:attending(?:\s+(?:physician|oncologist|provider|hematologist))?)"
    rf"\s*(?:[:,\-]|is)?\s*{SIGNER}"
)
_ATTENDING_AFTER = re.compile(
    rf"{SIGNER}\s*[,(\-]\s*(?i:(?:the\s+)?attending(?:\s+(?:physician|oncologist|hematologist))?)"
)
_I_AM_ATTENDING = _rx(r"\bI\s+am\s+(the|this\s+patient'?s|his|her|their)\s+attending")
_BLANK_SIG_LINE = _rx(r"_{5,}|^\s*signature\s*:?\s*$")


def read_letter(pages: Sequence[Page], signatures: Sequence[Signature]) -> LetterContent:
    lines = doc_lines(pages)
    texts = [line.text for line in lines]
    regimens = any(
        _REGIMEN.search(t)
        and (_YEARISH.search(t) or (i + 1 < len(texts) and _YEARISH.search(texts[i + 1])))
        for i, t in enumerate(texts)
    )
    joined = " ".join(texts)
    attending = None
    for text in texts:
        match = _ATTENDING.search(text) or _ATTENDING_AFTER.search(text)
        if match and surname(match.group("name")) != "" and _is_person(match.group("name")):
            attending = _signer_text(match)
            break
    if attending is None and _I_AM_ATTENDING.search(joined) and signatures:
        attending = signatures[0].signer
    therapy_lines = [i for i, t in enumerate(texts) if _THERAPY.search(t)]
    indication = any(
        _INDICATION.search(" ".join(texts[max(0, i - 1) : i + 2])) for i in therapy_lines
    )
    return LetterContent(
        signatures=tuple(signatures),
        attending=attending,
        has_regimens=bool(regimens),
        has_clinical_history=bool(_CLINICAL.search(joined)),
        has_social_history=bool(_SOCIAL.search(joined)),
        has_indication=indication,
        blank_signature_line=any(_BLANK_SIG_LINE.search(t) for t in texts),
    )


_ORGANISATION = _rx(
    r"\b(program|center|centre|hospital|institute|department|division|service|clinic|cancer|"
    r"therapy|oncology|hematology|university|health|medical|transplant|unit)\b"
)


def _is_person(name: str) -> bool:
    """'Cellular Therapy Program' after "Attending Physician," is a department, not a name."""
    return not _ORGANISATION.search(name)


def _signer_text(match: re.Match[str]) -> str:
    text = (match.group("name") + match.group("creds")).strip(" ,")
    return re.sub(r"\s*,\s*", ", ", re.sub(r"\s+", " ", text))


# --- C: serologies ----------------------------------------------------------

# Order matters: the first pattern matching at a position decides the analyte.
_ANALYTES: tuple[tuple[Virus | None, re.Pattern[str]], ...] = (
    # Hepatitis B surface antibody (immunity) never counts for hepatitis B.
    (
        None,
        _rx(
            r"anti-?\s*hbs\b|\bhbs\s*ab\b|\bhbsab\b|(hepatitis|hep\.?|hbv)\s*b?\s+(virus\s+)?"
            r"surface\s+(antibody|ab)\b|surface\s+(antibody|ab)\b"
        ),
    ),
    (Virus.HIV, _rx(r"\bhiv\b|\bhiv-?[12]|human\s+immunodeficiency")),
    (
        Virus.HBV,
        _rx(
            r"\bhbs\s*-?\s*ag\b|\bhbsag\b|anti-?\s*hbc\b|\bhbc\s*(ab|total|igm)\b|"
            r"hepatitis\s+b\s+(virus\s+)?(surface\s+(antigen|ag)|core|dna|viral|pcr)|"
            r"hbv\s+(surface\s+(antigen|ag)|core|dna|pcr|viral|quant)|hep\.?\s*b\s+"
            r"(surface\s+(antigen|ag)|core|s\s*ag|dna)|\bhepatitis\s+b\b|\bhep\.?\s*b\b"
        ),
    ),
    (Virus.HCV, _rx(r"anti-?\s*hcv\b|\bhcv\b|hepatitis\s+c\b|\bhep\.?\s*c\b")),
)
_OUTCOME = _rx(
    r"(?P<neg>non-?\s*reactive|negative|not\s+detected|undetected|none\s+detected|\bneg\b|"
    r"<\s*\d[\d,.]*\s*(iu|copies|log)|below\s+(the\s+)?(limit|detection|lloq))|"
    r"(?P<pend>pending|cancel+ed|not\s+performed|not\s+done|to\s+follow|in\s+process|\bqns\b|"
    r"insufficient|see\s+(note|comment))|"
    r"(?P<pos>(repeatedly\s+)?reactive|positive|detected|\bpos\b)"
)
_COMMENT = _rx(r"^\s*(comments?|notes?|interpretation|reference|method|methodology|disclaimer)\b")


def read_serology(pages: Sequence[Page], dates: Sequence[DateMention]) -> SerologyContent:
    lines = doc_lines(pages)
    results: list[SerologyResult] = []
    for position, line in enumerate(lines):
        if _COMMENT.search(line.text):
            continue
        mentions = _analyte_mentions(line.text)
        for n, (_start, end, virus, name) in enumerate(mentions):
            stop = mentions[n + 1][0] if n + 1 < len(mentions) else len(line.text)
            window = line.text[end:stop]
            outcome = _outcome(window)
            if outcome is None and n + 1 == len(mentions) and len(window.strip()) < 60:
                following = lines[position + 1].text if position + 1 < len(lines) else ""
                if following and not _analyte_mentions(following):
                    outcome = _outcome(following[:60])
            if virus is None:
                continue
            results.append(
                SerologyResult(
                    virus=virus,
                    test=name,
                    outcome=outcome or Outcome.UNKNOWN,
                    date=_counting_date(line, dates, (Role.COLLECTED, Role.REPORTED)),
                    page=line.page,
                )
            )
    return SerologyContent(results=tuple(results))


def _analyte_mentions(text: str) -> list[tuple[int, int, Virus | None, str]]:
    found: list[tuple[int, int, Virus | None, str]] = []
    taken: list[tuple[int, int]] = []
    for virus, pattern in _ANALYTES:
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), virus, m.group(0)))
    found.sort()
    # Adjacent names of one analyte ("HIV-1/2 Ag/Ab (HIV 4th gen)") are one mention.
    merged: list[tuple[int, int, Virus | None, str]] = []
    for mention in found:
        if (
            merged
            and merged[-1][2] == mention[2]
            and not _outcome(text[merged[-1][1] : mention[0]])
        ):
            merged[-1] = (merged[-1][0], mention[1], mention[2], merged[-1][3])
        else:
            merged.append(mention)
    return merged


def _outcome(text: str) -> Outcome | None:
    match = _OUTCOME.search(text)
    if not match:
        return None
    if match.group("neg"):
        return Outcome.NEGATIVE
    if match.group("pend"):
        return Outcome.PENDING
    return Outcome.POSITIVE


def _counting_date(
    line: Line, dates: Sequence[DateMention], roles: tuple[Role, ...]
) -> DateMention | None:
    """The first of `roles` found on the line itself, else the nearest one before it, else any."""
    for role in roles:
        same = [d for d in dates if d.role is role and (d.page, d.line) == (line.page, line.index)]
        if same:
            return same[0]
        before = [
            d for d in dates if d.role is role and (d.page, d.line) <= (line.page, line.index)
        ]
        if before:
            return before[-1]
        after = [d for d in dates if d.role is role]
        if after:
            return after[0]
    return None


# --- D: diagnostics ---------------------------------------------------------

_MARROW = _rx(r"bone\s+marrow|\bBM\b")
# An aspirate alone (flow cytometry, FISH on aspirate) is not the biopsy the policy asks for.
_BIOPSY = _rx(r"biops|trephine|\bcore\b|clot\s+section")
_SPECIMEN = _rx(
    r"^\s*(specimens?|procedures?|source|site|samples?|tissue|material|type|"
    r"specimen\s+(type|source|description)|final\s+diagnosis|diagnosis|"
    r"(part|specimen)\s*[a-z1-9]\b)\s*[:.)-]"
)


def read_diagnostic(pages: Sequence[Page], dates: Sequence[DateMention]) -> DiagnosticContent:
    """A bone marrow biopsy report names the biopsy in its heading or its specimen lines.

    A PET/CT report whose history mentions an earlier biopsy is not one, nor is flow
    cytometry or FISH on an aspirate alone.
    """
    first = pages[0]
    head = [
        line.text
        for line in first.lines[:HEAD_LINES]
        if line.top < first.height * 0.35 and not _HISTORY.search(line.text)
    ]
    texts = [ln.text for ln in doc_lines(pages)]
    specimen = []
    for index, text in enumerate(texts):
        if _SPECIMEN.search(text):
            # "SPECIMEN:" as a heading: its description is on the lines below.
            specimen += texts[index : index + 3]
    biopsy = any(_MARROW.search(t) and _HEAD_BIOPSY.search(t) for t in head) or any(
        _MARROW.search(t) and _BIOPSY.search(t) for t in specimen if not _HISTORY.search(t)
    )
    return DiagnosticContent(bone_marrow_biopsy=biopsy, date=first_of(dates, DIAGNOSTIC_ROLES))


# In a title, "Bone marrow pathology report" names the biopsy as well as "biopsy" does.
_HEAD_BIOPSY = _rx(r"biops|trephine|\bcore\b|clot\s+section|patholog|hematopath")
HEAD_LINES = 12
_HISTORY = _rx(
    r"^\s*(clinical\s+|relevant\s+|pertinent\s+)?(history|indications?|reason(\s+for)?|"
    r"comparison|clinical\s+(information|data|notes?)|prior)\b"
)
DIAGNOSTIC_ROLES = (Role.PROCEDURE, Role.COLLECTED, Role.REPORTED)


def first_of(dates: Sequence[DateMention], roles: Sequence[Role]) -> DateMention | None:
    for role in roles:
        for mention in dates:
            if mention.role is role:
                return mention
    return None


# --- F: psychosocial evaluation ----------------------------------------------

_PARTS: dict[str, re.Pattern[str]] = {
    "compliance": _rx(
        r"complian|adheren|medication\s+management|keeps?\s+(all\s+)?appointments|"
        r"follows?\s+(medical\s+)?(advice|recommendations|instructions)"
    ),
    "support": _rx(
        r"support\s+(system|network|persons?|people|structure)|social\s+support|"
        r"family\s+support|\blives\s+with|support(ed)?\s+by"
    ),
    "care_plan": _rx(
        r"care\s*giv|care\s+partner|care\s+provider|care\s+plan|post-?\s*(treatment|infusion|"
        r"car-?\s*t|discharge)|\blodging|24[\s/-]*(hour|hr)|transportation"
    ),
    "mental_health": _rx(
        r"mental\s+health|psychiatr|depress|anxiety|behavioral\s+health|psychological\s+"
        r"(history|issues)|\bmood\b"
    ),
    "substance": _rx(
        r"substance|alcohol|drug\s+use|illicit|tobacco|smok|\betoh\b|cannabis|marijuana|opioid"
    ),
    "legal": _rx(r"\blegal\b|criminal|incarcerat|arrest|probation|\bcourt\b"),
}
_BLANK_ANSWER = _rx(
    r"^[\s:.\-–—_*]*(n/?a|not\s+applicable|not\s+assessed|not\s+addressed|unknown|tbd|"
    r"to\s+be\s+determined|not\s+documented|deferred|pending|\?+)?[\s.\-–—_*]*$"
)
_ASSESSMENT = _rx(
    r"\b(denies|denied|reports?|reported|no\b|none|negative|endorses|has|had|have|without|"
    r"never|is|was|are|were|lives|remains|continues|will)\b"
)
_PRIMARY = _rx(r"\bprimary\b")
_SECONDARY = _rx(r"\b(secondary|back-?up|alternate|second)\b")
_CAREGIVER = _rx(r"care\s*giver|care\s+partner|care\s+provider|support\s+person")
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
    texts = [line.text for line in doc_lines(pages)]
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
            answer = ""  # a heading: its answer is on the next line
        else:
            return True  # a sentence that assesses the part ("denies substance use")
        if answer.strip():
            if not _BLANK_ANSWER.match(answer):
                return True
            continue
        following = texts[index + 1] if index + 1 < len(texts) else ""
        if (
            following.strip()
            and not _BLANK_ANSWER.match(following)
            and not _other_field(following, part)
        ):
            return True
    return False


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
                names = _names(after[1:])
                return names[0][1] if names else ""
        elif m.start() == len(text) - len(text.lstrip()) and any(
            _CAREGIVER.search(t) for t in texts[max(0, index - 3) : index]
        ):
            names = _names(rest.lstrip(":"))
            return names[0][1] if names else ""
    return None


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


# --- B: facility ------------------------------------------------------------

_FACILITY = _rx(
    r"(?:facility|treatment\s+cent(?:er|re)|site|institution|hospital)(?:\s+name)?\s*:\s*(?P<name>.+)"
)


# Where a facility's name ends on a line that goes on with other fields.
_FIELD_AFTER = re.compile(
    r"\s+(?=(site|npi|tax|tin|id|address|phone|tel|fax|contact|city|state|zip|effective)\b"
    r"[\s#:.]*)",
    re.IGNORECASE,
)


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else " " for ch in text)


def read_facility(pages: Sequence[Page]) -> FacilityContent:
    for line in doc_lines(pages):
        if m := _FACILITY.search(line.text):
            name = _FIELD_AFTER.split(m.group("name"))[0]
            return FacilityContent(facility=_printable(name).strip(" ,;:-")[:120] or None)
    return FacilityContent(facility=None)
