"""A. Letter of medical necessity.

WNC.CP.192 Background I.A: "A letter of medical necessity, signed by the attending
physician, documenting past chemotherapy regimens and their dates, clinical and social
history, and the indication for CAR T-cell therapy."

Signed means at least one signature on the letter's pages by a physician (MD or DO);
where the letter names its attending physician, by that physician.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from carcheck.extract.lines import doc_lines, first_of, rx
from carcheck.extract.names import is_person
from carcheck.extract.signatures import SIGNER, has_credentials, is_physician, surname
from carcheck.items.common import (
    documents_for,
    fewest_problems,
    future_flag,
    is_future,
    missing,
)
from carcheck.kinds import Kind, kind
from carcheck.model import (
    DateMention,
    Document,
    ItemId,
    ItemReport,
    LetterContent,
    Page,
    Role,
    Signature,
    Status,
)

ID = ItemId.A
TITLE = "Letter of medical necessity"
REQUIRED = True
NEEDS = (
    "signed by the attending physician (MD or DO); documents past chemotherapy regimens "
    "with their dates, clinical and social history, and the indication for CAR T"
)
LIMIT = "none"

NOT_SIGNED = "letter is not signed"


# How its documents are recognised: each pattern counts once per page (classify.py).
KINDS: tuple[Kind, ...] = (
    kind(ID, TITLE, r"medical\s+necessity", 3),
    kind(
        ID, TITLE, r"letter\s+of\s+(support|appeal|request)|coverage\s+(determination|request)", 2
    ),
    kind(ID, TITLE, r"^\s*(dear\b|to\s+whom\s+it\s+may\s+concern)", 3),
    kind(ID, TITLE, r"^\s*(sincerely|respectfully|regards|kind\s+regards|best\s+regards)\b", 3),
    kind(
        ID,
        TITLE,
        r"\b(i|we)\s+(am|are)\s+(writing|requesting)\b|\bon\s+behalf\s+of\s+my\s+patient",
        2,
    ),
    kind(ID, TITLE, r"\b(re|subject)\s*:", 1),
)


# --- what is read from its documents ----------------------------------------

_REGIMEN = rx(
    r"\b(r-?chop|r-?ice|r-?dhap|r-?gdp|r-?gemox|r-?epoch|da-?epoch|r-?benda|chop|bendamustine|"
    r"rituximab|polatuzumab|pola-?br|lenalidomide|revlimid|bortezomib|velcade|daratumumab|"
    r"carfilzomib|pomalidomide|vrd|krd|drd|dvrd|ibrutinib|zanubrutinib|venetoclax|"
    r"acalabrutinib|blinatumomab|inotuzumab|hyper-?cvad|cytarabine|methotrexate|gemcitabine|"
    r"oxaliplatin|ifosfamide|cisplatin|carboplatin|etoposide|tafasitamab|loncastuximab|"
    r"glofitamab|epcoritamab|teclistamab|chemotherapy|chemo|chemoimmunotherapy|regimens?|"
    r"cycles?|lines?\s+of\s+(therapy|treatment)|induction|salvage|"
    r"autologous\s+(stem\s+cell\s+)?transplant|asct)\b"
)
_YEARISH = rx(r"\b(19|20)\d{2}\b|\b\d{1,2}/\d{2}\b")
_CLINICAL = rx(
    r"(clinical|medical|oncolog\w*|treatment|disease|past\s+medical)\s+history|"
    r"history\s+of\s+(the\s+)?present\s+illness|\bhpi\b|diagnosed\s+(with|in|on)|"
    r"presented\s+with|\bdiagnosis\s*:|was\s+diagnosed|biopsy\s+(showed|confirmed|revealed)|"
    r"relapsed|refractory"
)
_SOCIAL = rx(
    r"social\s+history|\blives\s+(with|alone|in|at)\b|\bmarried\b|\bwidow|\bdivorced|"
    r"\bsmok|tobacco|\balcohol|\bemployed|\boccupation|\bretired\b|\bworks\s+as|"
    r"\bsupport\s+from|care\s*giver"
)
_THERAPY = rx(
    r"car[\s-]?t\b|car[\s-]?t[\s-]?cell|chimeric\s+antigen|cellular\s+(immuno)?therapy|"
    r"axicabtagene|tisagenlecleucel|lisocabtagene|brexucabtagene|idecabtagene|ciltacabtagene|"
    r"obecabtagene|yescarta|kymriah|breyanzi|tecartus|abecma|carvykti|aucatzyl|"
    r"(axi|tisa|liso|brexu|ide|cilta|obe)-cel"
)
_INDICATION = rx(
    r"indicat|candidate|eligib|recommend|request|medically\s+necessary|appropriate|"
    r"meets\s+(the\s+)?criteria|approv|authori[sz]"
)
_ATTENDING = re.compile(
    rf"(?i:attending(?:\s+(?:physician|oncologist|provider|hematologist))?"
    rf"(?:\s+(?:of\s+record|on\s+record|for\s+(?:this|the)\s+(?:patient|admission)))?)"
    rf"\s*(?:[:,\-]|is)?\s*{SIGNER}"
)
# A signature block's title line: "Attending Physician, Division of ..." under the name.
_ATTENDING_TITLE = rx(r"^\s*attending(\s+(physician|oncologist|hematologist|provider))?\b")
_BLOCK_NAME = re.compile(rf"^\s*{SIGNER}\s*$")
_ATTENDING_AFTER = re.compile(
    rf"{SIGNER}\s*[,(\-]\s*(?i:(?:the\s+)?attending(?:\s+(?:physician|oncologist|hematologist))?)"
)
_I_AM_ATTENDING = rx(r"\bI\s+am\s+(the|this\s+patient'?s|his|her|their)\s+attending")
_BLANK_SIG_LINE = rx(r"_{5,}|^\s*signature\s*:?\s*$")


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
        if match and surname(match.group("name")) != "" and is_person(match.group("name")):
            attending = _signer_text(match)
            break
    if attending is None:  # a typed name with the title "Attending ..." on the line under it
        for above, text in zip(texts, texts[1:], strict=False):
            block = _BLOCK_NAME.match(above)
            if _ATTENDING_TITLE.match(text) and block and is_person(block.group("name")):
                attending = _signer_text(block)
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


def _signer_text(match: re.Match[str]) -> str:
    text = (match.group("name") + match.group("creds")).strip(" ,")
    return re.sub(r"\s*,\s*", ", ", re.sub(r"\s+", " ", text))


def read(
    pages: Sequence[Page], dates: Sequence[DateMention], signatures: Sequence[Signature]
) -> tuple[LetterContent, DateMention | None]:
    """What the rule needs of a letter, and its date (the date line, else the signing date)."""
    return read_letter(pages, signatures), first_of(dates, (Role.LETTER, Role.SIGNED))


# --- the rule ------------------------------------------------------------


def check(documents: Sequence[Document], as_of: dt.date) -> ItemReport:
    letters = documents_for(ID, documents)
    if not letters:
        return missing(ID, TITLE, REQUIRED, "no letter of medical necessity found")
    judged = fewest_problems(letters, problems)
    reasons, best = judged[0]
    flags = tuple(
        future_flag(letter.date, letter, as_of, "letter")
        for _, letter in judged
        if letter.date and is_future(letter.date, as_of)
    )
    counted = best.date
    usable = counted is not None and not counted.impossible and not is_future(counted, as_of)
    date = counted.date if usable and counted is not None else None
    return ItemReport(
        ID,
        TITLE,
        REQUIRED,
        Status.INCOMPLETE if reasons else Status.PRESENT,
        tuple(reasons),
        tuple(letter for _, letter in judged),
        date=date,
        flags=flags,
    )


def signed_by_physician(letter: Document) -> bool:
    return not _signature_problems(letter)


def problems(letter: Document) -> list[str]:
    content = letter.content
    if not isinstance(content, LetterContent):
        return [NOT_SIGNED]
    found = _signature_problems(letter)
    if not content.has_regimens:
        found.append("letter does not document past chemotherapy regimens with their dates")
    if not content.has_clinical_history:
        found.append("letter does not document the clinical history")
    if not content.has_social_history:
        found.append("letter does not document the social history")
    if not content.has_indication:
        found.append("letter does not state the indication for CAR T-cell therapy")
    return found


def _signature_problems(letter: Document) -> list[str]:
    content = letter.content
    # A digital signature over bytes changed since is no signature of what the letter says.
    broken = [s for s in letter.signatures if s.intact is False]
    signatures = tuple(s for s in letter.signatures if s.intact is not False)
    if isinstance(content, LetterContent) and broken and not signatures:
        who = ", ".join(s.signer or "an unnamed signer" for s in broken)
        return [
            f"letter is not signed: the digital signature of {who} no longer covers it "
            "(the letter was changed after signing)"
        ]
    if not isinstance(content, LetterContent) or not signatures:
        return [NOT_SIGNED]
    signers = ", ".join(s.signer or "an unnamed signer" for s in signatures)
    if content.attending:
        wanted = surname(content.attending)
        by_attending = [
            s
            for s in signatures
            if s.signer
            and surname(s.signer) == wanted
            and (is_physician(s.signer) or not has_credentials(s.signer))
        ]
        if has_credentials(content.attending) and not is_physician(content.attending):
            return [
                f"letter names {content.attending} as attending, who is not a physician (MD or DO)"
            ]
        if not by_attending:
            return [
                f"letter is signed by {signers}, not by the attending physician {content.attending}"
            ]
        return []
    if not any(is_physician(s.signer) for s in signatures):
        return [f"letter is signed by {signers}, not by a physician (MD or DO)"]
    return []
