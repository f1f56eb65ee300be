"""The context of a mention: whether a therapy is past, requested, planned, hypothetical
or negated, by its sentence and by the section it stands in.

One place for every flag that asks "does the packet say this happened?" (a prior CAR T,
a concurrent transplant, non-compliance). A line of a numbered or bulleted treatment
history is the past even with no verb ("4. Kymriah - CAR T-cell infusion on 03/2024").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum


class Context(StrEnum):
    PAST = "past"
    REQUESTED = "requested"  # what the letter asks for, or plans
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"
    STATED = "stated"  # affirmed, with no time cue


_NEGATION = re.compile(
    r"\b(no|not|never|denies|denied|without|none|negative\s+for|free\s+of|naive|na[iï]ve|"
    r"rather\s+than|instead\s+of|ruled\s+out)\b",
    re.I,
)
_HYPOTHETICAL = re.compile(
    r"\b(if|should\s+(he|she|they|the\s+patient)|would|could|might|may\s+(be|require)|"
    r"in\s+case|consider(ed|ing)?|option|candidate\s+for|eligib\w*\s+for|evaluat\w*\s+for)\b",
    re.I,
)
_REQUEST = re.compile(
    r"\b(request\w*|refer\w*\s+for|plan(ned|s)?\s+(to|for)|schedul\w*|will\s+(receive|undergo|"
    r"proceed)|proceed\s+with|recommend\w*|propos\w*|seek\w*|now\s+(referred|planned)|"
    r"medically\s+necessary|is\s+indicated|necessity)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(prior(?!\s+auth)|previous(ly)?|received|history\s+of|status\s+post|s/p|"
    r"treated\s+with|underwent|was\s+given|infused\s+(on|in)|"
    r"(relapsed|progressed|progression|recurrence)\s+(after|following|on|post))\b",
    re.I,
)
# Headings of the sections that list the past.
_HISTORY_HEADING = re.compile(
    r"^\s*((prior|previous|past)\s+(therap|treatment|regimen|lines?)|(treatment|oncologic(al)?|"
    r"therapy|therapeutic)\s+history|history\s+of\s+(treatment|therapy)|lines?\s+of\s+therapy|"
    r"treatment\s+course|regimens?\s+(received|given))",
    re.I,
)
# The heading of another section ends the history (a table's header row does not).
_HEADING = re.compile(
    r"^\s*(\d{1,2}[.)]\s*)?((social|clinical|family|medical|surgical|psychosocial)\s+history|"
    r"indications?|plan|assessment|impression|summary|recommendations?|request(ed)?|"
    r"rationale|current\s+(status|condition|disease)|diagnosis|physical\s+exam|"
    r"laboratory|labs|imaging|conclusion|medical\s+necessity|social|allergies|"
    r"medications)\b(\s*:|[^.]{0,40}$)",  # "Social history: She lives ..." ends it too
    re.I,
)
# After the mention, words that put it in the past: "Abecma, infused 06/2025, progressed".
_PAST_AFTER = re.compile(
    r"\b(infused|administered|received|given|completed|progressed|relapsed|refractory|"
    r"failed|response|responded)\b",
    re.I,
)
_LIST_ITEM = re.compile(r"^\s*(\d{1,2}[.)]|[-•●○▪*–])\s+")
_DATED = re.compile(r"\b(19|20)\d{2}\b|\b\d{1,2}/\d{2,4}\b")


def in_history(lines: Sequence[str]) -> list[bool]:
    """For each line, whether it stands in a treatment-history section or is a dated line
    of a numbered or bulleted list of therapies."""
    out: list[bool] = []
    history = False
    for text in lines:
        if _HISTORY_HEADING.search(text):
            history = True
            out.append(True)
            continue
        if history and _HEADING.match(text):
            history = False
        listed = bool(_LIST_ITEM.match(text) and _DATED.search(text))
        out.append(history or listed)
    return out


def context_of(sentence: str, start: int, end: int, history: bool = False) -> Context:
    """The context of the mention at sentence[start:end]."""
    before, after = sentence[:start], sentence[end : end + 40]
    later = sentence[end : end + 80]
    if _NEGATION.search(before) or _NEGATION.search(after):
        return Context.NEGATED
    if _PAST.search(before[-60:]):
        gap = before[_last(_PAST, before[-60:]) :] if before else ""
        if _REQUEST.search(gap) or _HYPOTHETICAL.search(gap):
            return Context.REQUESTED
        return Context.PAST
    if _REQUEST.search(before):
        return Context.REQUESTED
    if _HYPOTHETICAL.search(before):
        return Context.HYPOTHETICAL
    if history:
        if _REQUEST.search(after) or _HYPOTHETICAL.search(after):
            return Context.REQUESTED  # "5. Yescarta infusion scheduled for 12/2026"
        return Context.PAST
    if _PAST_AFTER.search(later) and _DATED.search(later) and not _REQUEST.search(later):
        return Context.PAST  # "Abecma (ide-cel) CAR T, infused 06/2025, progressed"
    return Context.STATED


def _last(pattern: re.Pattern[str], text: str) -> int:
    """Where the last match of `pattern` in `text` ends (0 when none)."""
    end = 0
    for m in pattern.finditer(text):
        end = m.end()
    return end
