"""The generic readers: persons, form fields, the context of a mention; linear on long text."""

from __future__ import annotations

import pytest

from carcheck.extract.context import Context, context_of, in_history
from carcheck.extract.fields import is_blank, names_nobody
from carcheck.extract.names import is_person, person_prefix


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Jane Q. Roe, MD", True),
        ("Dr. Wei Zhang", True),
        ("Marcus Obi-Lindqvist, MD", True),
        ("Maria de la Cruz", True),
        ("Hematologic Malignancies", False),
        ("Cellular Therapy Program", False),
        ("Division of Hematology and Cellular Therapy", False),
        ("Attending Physician", False),
        ("Anatomic Pathology", False),
        ("Medical Director", False),
        ("Insurance Agent", False),
        ("Member Information Provider Information", False),
    ],
)
def test_a_person_is_not_a_department_or_a_title(text: str, person: bool) -> None:
    assert is_person(text) is person


def test_words_that_ran_on_into_a_name_are_left_off() -> None:
    assert person_prefix("Priya Anand INSTITUTE") == "Priya Anand"
    assert person_prefix("Emergency Medicine Attending") is None


@pytest.mark.parametrize(
    "value",
    [
        "",
        "______",
        "N/A",
        "Not Applicable",
        "Not evaluated",
        "Not discussed",
        "Unable to assess",
        "Unable to assess at this visit; records were not available",
        "Patient declined.",
        "Still looking",
        "TBD",
        "---",
    ],
)
def test_blank_answers(value: str) -> None:
    assert is_blank(value)


@pytest.mark.parametrize("value", ["denies", "None", "no history of arrests", "Good"])
def test_real_answers(value: str) -> None:
    assert not is_blank(value)


@pytest.mark.parametrize(
    ("value", "nobody"),
    [
        ("(none identified)", True),
        ("______ (none identified)", True),
        ("None at this time", True),
        ("to be determined", True),
        ("Jane Roe (sister)", False),
    ],
)
def test_a_name_field_that_names_nobody(value: str, nobody: bool) -> None:
    assert names_nobody(value) is nobody


@pytest.mark.parametrize(
    ("sentence", "mention", "history", "context"),
    [
        ("He previously received Yescarta in 2023.", "Yescarta", False, Context.PAST),
        ("We request authorization for Yescarta.", "Yescarta", False, Context.REQUESTED),
        ("He has not received CAR T before.", "CAR T", False, Context.NEGATED),
        ("If he relapses, CAR T would be considered.", "CAR T", False, Context.HYPOTHETICAL),
        ("Kymriah - CAR T-cell infusion on 03/12/2024", "Kymriah", True, Context.PAST),
        ("Yescarta infusion scheduled for 12/2026", "Yescarta", True, Context.REQUESTED),
        # Still under the history's heading, but what the letter asks for.
        ("In my opinion Kymriah is medically necessary now.", "Kymriah", True, Context.REQUESTED),
    ],
)
def test_context_of_a_mention(sentence: str, mention: str, history: bool, context: Context) -> None:
    start = sentence.index(mention)
    assert context_of(sentence, start, start + len(mention), history) is context


def test_a_numbered_treatment_history_is_the_past() -> None:
    lines = [
        "Treatment history",
        "1. R-CHOP x6 (01/2023 - 05/2023)",
        "2. Kymriah - CAR T-cell infusion on 03/12/2024",
        "Plan:",
        "Proceed with leukapheresis.",
        "3) Tafasitamab 11/2024",
    ]
    assert in_history(lines) == [True, True, True, False, False, True]


def test_patterns_finish_on_adversarial_text() -> None:
    """Long runs of underscores, words and dashes: a backtracking pattern would take minutes
    here (the suite's time shows it); linear ones answer at once."""
    size = 20_000
    hostile = "_" * size + " a" * size + ":" + "-" * size
    assert not is_blank(hostile)
    assert not names_nobody(hostile)
    assert in_history([hostile]) == [False]
    assert context_of(hostile, 0, 5) is Context.STATED
    assert not is_person("A " * 50)


def test_an_inline_section_label_ends_the_treatment_history() -> None:
    """ "Social history: <a long sentence>" is a new section, however long its line."""
    lines = [
        "Treatment history",
        "1. R-CHOP x6 (01/2023 - 05/2023)",
        "Social history: She lives with family within an hour of the treatment center, does not",
        "In my medical opinion Kymriah is the most appropriate next therapy.",
    ]
    assert in_history(lines) == [True, True, False, False]
