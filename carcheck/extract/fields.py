"""Form fields: label-value pairs, and whether a value answers its label at all.

Forms and structured evaluations leave a field unanswered in many ways: blank, a rule of
underscores, "N/A", "none identified", "not assessed", "patient declined", an unticked
box. Such a value is no answer, whatever words follow the label.
"""

from __future__ import annotations

import re

# What a filled-in value says when it answers nothing. Linear: no nested quantifiers.
_NON_ANSWER = re.compile(
    r"^(n\s*/\s*a|na|not\s+(yet\s+)?(applicable|assessed|addressed|evaluated|discussed|documented|done|"
    r"obtained|identified|named|known|determined|available|reviewed|asked|completed|"
    r"provided|specified|answered|recorded|elicited|screened)|unknown|unk|tbd|tba|"
    r"to\s+be\s+(determined|identified|named|confirmed|assessed|discussed|arranged|"
    r"completed)|pending|deferred|declined|patient\s+(declined|refused)|refused|"
    r"unable\s+to\s+(assess|determine|identify|obtain|evaluate|complete)|still\s+looking|"
    r"still\s+(to\s+be\s+)?(identified|determined|arranged)|in\s+progress|"
    r"will\s+(identify|determine|discuss|follow|update)|unanswered|blank|"
    r"see\s+(below|above|note)|\?+|-+|—+|–+|_+|\.+|x|\[\s*\]|☐|□)$",
    re.IGNORECASE,
)
# A name field that names nobody: "None", "(none identified)", "no one yet".
_NOBODY = re.compile(
    r"^(none|nil|nobody|no\s+one|no\s+other|n/?a)(\s+(identified|named|listed|given|known|"
    r"noted|documented|designated|available|yet|at\s+this\s+time))*$",
    re.IGNORECASE,
)
_PUNCT = re.compile(r"^[\s:;,.\-–—_*()\[\]]+|[\s:;,.\-–—_*()\[\]]+$")


def is_blank(value: str) -> bool:
    """Whether a field's value leaves it unanswered: empty, underscores, "N/A",
    "(none identified)", "not evaluated", "patient declined", "still looking", ..."""
    text = _PUNCT.sub("", value)
    if not text:
        return True
    # "______ (none identified)": the rule is the blank, the note says it is one.
    text = re.sub(r"_{2,}", " ", text).strip()
    text = _PUNCT.sub("", text)
    if not text:
        return True
    if _NON_ANSWER.match(text):
        return True
    # "Unable to assess at this visit; records were not available": its first clause.
    first = _PUNCT.sub("", _CLAUSE.split(text, maxsplit=1)[0])
    first = _QUALIFIER.sub("", first)
    return bool(first) and bool(_NON_ANSWER.match(first))


_CLAUSE = re.compile(r"[;,.(\[]|\s[-–—]\s")
# "at this visit", "at this time", "yet": a non-answer stays one with them.
_QUALIFIER = re.compile(
    r"\s+(at\s+this\s+(time|visit|point)|today|yet|currently|for\s+now|so\s+far)$", re.I
)


def names_nobody(value: str) -> bool:
    """Whether a name field's value leaves it without a name: blank, or "none identified"."""
    if is_blank(value):
        return True
    text = _PUNCT.sub("", re.sub(r"_{2,}", " ", value)).strip()
    return bool(_NOBODY.match(text))


# A label in a form's first column: a few capitalised words, no sentence in it.
_LABEL_CELL = re.compile(
    r"^((\d{1,2}[a-z]?|[A-Za-z])[.,)]\s*)?[A-Z*][\w()/&'*-]*(\s+[\w()/&'*-]+){0,5}$"
)


def as_field(cells: tuple[str, ...] | list[str], text: str) -> str:
    """A line read as "label: value" when its layout says so: a label in its first cell and
    the value across a wide gap, with no colon printed ("Backup caregiver    TBD")."""
    if len(cells) < 2 or ":" in cells[0] or not _LABEL_CELL.match(cells[0]):
        return text
    value = "  ".join(c for c in cells[1:] if c)
    return f"{cells[0]}: {value}" if value else text


# Check boxes as text layers and OCR print them: "[ ]", "( )", "☐" empty; "[X]", "(x)",
# "☒", "☑" ticked. Each alternative is a fixed few characters: linear.
_BOX = re.compile(
    r"(?P<empty>\[\s{0,3}\]|\(\s{0,3}\)|[☐□❑])"
    r"|(?P<ticked>\[\s{0,2}[xX✓✔✗*]\s{0,2}\]|\(\s{0,2}[xX✓✔*]\s{0,2}\)|[☒☑✅])"
)


def as_answer(text: str) -> str:
    """A line of check boxes read as "question: the ticked options". A question whose
    boxes are all empty reads "question:" with nothing after it, unanswered, whatever its
    options say ("Current substance use? [ ] Yes [ ] No" gives no answer, not "No")."""
    boxes = list(_BOX.finditer(text))
    if not boxes:
        return text
    ticked = []
    for k, box in enumerate(boxes):
        end = boxes[k + 1].start() if k + 1 < len(boxes) else len(text)
        if box.group("ticked"):
            ticked.append(text[box.end() : end].strip(" :;,"))
    question = text[: boxes[0].start()].rstrip(" :")
    return f"{question}: {', '.join(t for t in ticked if t)}".strip() if ticked else f"{question}:"


# "Label: value": a label of a few words before the line's first colon.
_FIELD = re.compile(r"^\s*(?P<label>[^:]{1,40}):(?P<value>.*)$")


def field_value(text: str) -> str | None:
    """The value of a line that is a "Label: value" field ("Comments: N/A" -> "N/A",
    "Comments:" -> ""); None for a line that is not a field."""
    match = _FIELD.match(text)
    if match is None or len(match.group("label").split()) > 6:
        return None
    return match.group("value").strip()
