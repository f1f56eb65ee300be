"""Content readers: serology results, letter parts and evaluation parts from lines."""

from __future__ import annotations

import pytest

from carcheck.extract.dates import find_dates
from carcheck.extract.fields import as_answer
from carcheck.extract.signatures import find_signatures
from carcheck.items.a_letter import read_letter
from carcheck.items.c_serology import read_serology
from carcheck.items.d_diagnostics import read_diagnostic
from carcheck.items.f_psychosocial import read_psychosocial
from carcheck.model import Outcome, Role, Virus
from tests.pagefactory import make_page


def serology(*texts: str):
    page = make_page(*texts)
    dates = find_dates(page.lines, 1, page_height=page.height)
    return read_serology([page], dates).results


def outcomes(*texts: str) -> dict[Virus, Outcome]:
    return {r.virus: r.outcome for r in serology(*texts)}


@pytest.mark.parametrize(
    ("line", "virus", "outcome"),
    [
        ("HIV-1/2 Ag/Ab, 4th gen   Nonreactive   Nonreactive", Virus.HIV, Outcome.NEGATIVE),
        ("HIV 1&2 Antigen/Antibody Screen: Non-Reactive", Virus.HIV, Outcome.NEGATIVE),
        ("HIV-1 RNA, quantitative   Not detected", Virus.HIV, Outcome.NEGATIVE),
        ("HIV-1 RNA, quantitative   <20 copies/mL", Virus.HIV, Outcome.NEGATIVE),
        ("HBsAg   NEGATIVE", Virus.HBV, Outcome.NEGATIVE),
        ("Hepatitis B surface antigen   Reactive   A", Virus.HBV, Outcome.POSITIVE),
        ("Hepatitis B core antibody, total   Reactive", Virus.HBV, Outcome.POSITIVE),
        ("Anti-HBc IgM   Nonreactive", Virus.HBV, Outcome.NEGATIVE),
        ("HBV DNA, PCR   Detected", Virus.HBV, Outcome.POSITIVE),
        ("Hep C Ab   Negative", Virus.HCV, Outcome.NEGATIVE),
        ("Hepatitis C virus antibody   Nonreactive", Virus.HCV, Outcome.NEGATIVE),
        ("HCV RNA PCR   Not Detected", Virus.HCV, Outcome.NEGATIVE),
        ("HIV-1/2 Ag/Ab   Pending", Virus.HIV, Outcome.PENDING),
        ("HCV antibody   Cancelled", Virus.HCV, Outcome.PENDING),
        ("HBsAg   Test not performed", Virus.HBV, Outcome.PENDING),
    ],
    ids=lambda v: str(v)[:30],
)
def test_result_line(line: str, virus: Virus, outcome: Outcome) -> None:
    assert outcomes("Infectious Disease Serology", line) == {virus: outcome}


def test_surface_antibody_does_not_count_for_hepatitis_b() -> None:
    assert outcomes("Hepatitis B surface antibody   Reactive", "Anti-HBs  >1000 mIU/mL") == {}


def test_narrative_result_wrapping_to_the_next_line() -> None:
    found = outcomes("Serologies: HIV-1/2 antigen/antibody combination assay was", "nonreactive.")
    assert found == {Virus.HIV: Outcome.NEGATIVE}


def test_comment_lines_are_not_results() -> None:
    found = outcomes("HIV-1/2 Ag/Ab   Nonreactive", "Comment: reactive HIV screens are confirmed")
    assert found == {Virus.HIV: Outcome.NEGATIVE}


def test_result_dates_collection_first_then_report() -> None:
    results = serology(
        "Patient: Test Person   DOB: 03/14/1960",
        "Collected: 09/20/2026   Received: 09/21/2026   Reported: 09/22/2026",
        "HIV-1/2 Ag/Ab   Nonreactive",
    )
    assert [(r.date.date.isoformat(), r.date.role) for r in results] == [
        ("2026-09-20", Role.COLLECTED)
    ]


def test_result_date_falls_back_to_the_report_date() -> None:
    results = serology("Reported: 09/22/2026   DOB: 03/14/1960", "HBsAg   Negative")
    assert results[0].date is not None and results[0].date.role is Role.REPORTED


def test_each_panel_takes_its_own_collection_date() -> None:
    results = serology(
        "Collected: 05/10/2026",
        "Hepatitis B core antibody, total   Reactive",
        "Collected: 09/20/2026",
        "HIV-1/2 Ag/Ab   Nonreactive",
    )
    assert {r.virus: r.date.date.isoformat() for r in results} == {
        Virus.HBV: "2026-05-10",
        Virus.HIV: "2026-09-20",
    }


LETTER = (
    "Letter of Medical Necessity",
    "October 2, 2026",
    "Dear Medical Director,",
    "I am requesting authorization for axicabtagene ciloleucel for my patient.",
    "Clinical history: diagnosed with DLBCL in 12/2024.",
    "Prior regimens: R-CHOP x6 cycles, 01/2025-05/2025; R-ICE x2, 07/2025.",
    "Social history: lives with his wife; never smoker.",
    "He is a candidate for CAR T-cell therapy.",
    "Attending physician: Jane Roe, MD",
    "Sincerely,",
    "Electronically signed by Jane Roe, MD on 10/02/2026",
)


def letter(*texts: str):
    page = make_page(*texts)
    dates = find_dates(page.lines, 1, page_height=page.height)
    return read_letter([page], find_signatures(page, dates))


def test_letter_parts_all_found() -> None:
    content = letter(*LETTER)
    assert (
        content.has_regimens,
        content.has_clinical_history,
        content.has_social_history,
        content.has_indication,
    ) == (True, True, True, True)
    assert content.attending == "Jane Roe, MD"
    assert [s.signer for s in content.signatures] == ["Jane Roe, MD"]
    assert content.signatures[0].date is not None


@pytest.mark.parametrize(
    ("drop", "attribute"),
    [
        ("Prior regimens", "has_regimens"),
        ("Clinical history", "has_clinical_history"),
        ("Social history", "has_social_history"),
        (("He is a candidate", "I am requesting"), "has_indication"),
    ],
)
def test_letter_part_missing(drop: str | tuple[str, ...], attribute: str) -> None:
    content = letter(*(t for t in LETTER if not t.startswith(drop)))
    assert getattr(content, attribute) is False


@pytest.mark.parametrize(
    "statement",
    [
        "/s/ Jane Roe, MD",
        "Signed electronically by: Jane Roe MD   Date: 10/02/2026",
        "E-signed: Jane Roe, M.D. 10/02/2026",
        "Digitally signed by Jane Roe, MD",
    ],
)
def test_e_signature_forms(statement: str) -> None:
    content = letter(*LETTER[:-1], statement)
    assert len(content.signatures) == 1
    assert content.signatures[0].signer.startswith("Jane Roe")


@pytest.mark.parametrize(
    "phrase",
    [
        "This letter must be electronically signed by the attending physician.",
        "Signature required: ______________________",
        "Please sign and fax back.",
        "Patient signed consent on 09/01/2026.",
    ],
)
def test_template_phrases_are_not_signatures(phrase: str) -> None:
    assert letter(*LETTER[:-1], phrase).signatures == ()


def test_blank_signature_line_is_seen() -> None:
    content = letter(*LETTER[:-1], "______________________________", "Jane Roe, MD")
    assert content.signatures == () and content.blank_signature_line


EVALUATION = (
    "Psychosocial Evaluation",
    "Medical compliance: adherent to medications and keeps appointments.",
    "Support network: wife and two adult children nearby.",
    "Post-treatment care plan: will stay within 2 hours of the center for 4 weeks.",
    "Primary caregiver: Mary Sample (wife)",
    "Secondary caregiver: Tom Sample (son)",
    "Mental health history: denies depression or anxiety.",
    "Substance use: denies alcohol or drug use.",
    "Legal history: none.",
)


def evaluation(*texts: str):
    return read_psychosocial([make_page(*texts)])


def test_evaluation_all_parts() -> None:
    c = evaluation(*EVALUATION)
    assert (
        c.compliance,
        c.support_network,
        c.care_plan,
        c.mental_health,
        c.substance_use,
        c.legal,
    ) == (True,) * 6
    assert (c.primary_caregiver, c.secondary_caregiver) == ("Mary Sample", "Tom Sample")


@pytest.mark.parametrize(
    ("replace", "by", "attribute"),
    [
        ("Legal history: none.", "Legal history: N/A", "legal"),
        ("Substance use: denies alcohol or drug use.", "Substance use:", "substance_use"),
        (
            "Secondary caregiver: Tom Sample (son)",
            "Secondary caregiver: TBD",
            "secondary_caregiver",
        ),
        ("Primary caregiver: Mary Sample (wife)", "Primary caregiver: wife", "primary_caregiver"),
        ("Medical compliance: adherent to medications and keeps appointments.", "", "compliance"),
    ],
)
def test_evaluation_part_not_addressed(replace: str, by: str, attribute: str) -> None:
    c = evaluation(*(by if t == replace else t for t in EVALUATION))
    assert not getattr(c, attribute)


# A check-box form: each part a question with Yes/No boxes and a comments line.
BOX_FORM = (
    "PSYCHOSOCIAL ASSESSMENT",
    "1. Adherence",
    "Follows the treatment plan? [X] Yes [ ] No",
    "Comments: keeps every appointment.",
    "2. Support",
    "Adequate support system? [X] Yes [ ] No",
    "Comments:",
    "3. Care plan",
    "Primary caregiver: Ann Reyes (sister)",
    "Secondary caregiver: Luis Reyes (brother)",
    "4a. Mental health",
    "History of mental illness? [ ] Yes [X] No",
    "Comments:",
    "4b. Substance use",
    "Current substance use? [ ] Yes [ ] No",
    "Comments:",
    "4c. Legal history",
    "Legal issues? ( ) Yes ( ) No",
    "Comments: N/A",
)


def test_check_boxes_answer_by_the_box_ticked() -> None:
    """A ticked box answers its question ("[X] No" is an answer); a question whose boxes
    are all empty, with an empty or "N/A" comment, is not addressed, though its options
    read "Yes" and "No"."""
    c = evaluation(*BOX_FORM)
    assert c.compliance and c.support_network and c.mental_health
    assert not c.substance_use and not c.legal


def test_an_unticked_question_answered_in_its_comment_is_addressed() -> None:
    texts = [
        "Comments: denies alcohol, tobacco or drug use." if t == "Comments:" and k == 15 else t
        for k, t in enumerate(BOX_FORM)
    ]
    assert evaluation(*texts).substance_use
    ticked = [t.replace("( ) No", "(x) No") for t in BOX_FORM]
    assert evaluation(*ticked).legal


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("Current substance use? [ ] Yes [ ] No", "Current substance use?:"),
        ("History of mental illness? [ ] Yes [X] No", "History of mental illness?: No"),
        ("Legal issues  ☐ Yes  ☒ No", "Legal issues: No"),
        ("Lives with her spouse (retired).", "Lives with her spouse (retired)."),
    ],
)
def test_check_box_lines_read_as_the_options_ticked(line: str, read: str) -> None:
    assert as_answer(line) == read


def test_narrative_caregivers_and_denials() -> None:
    c = evaluation(
        "Psychosocial Assessment",
        "He has been fully adherent with treatment. His support system includes his wife.",
        "His wife, Maria Lopez, will be his primary caregiver; his brother, Carlos Lopez, will",
        "serve as backup caregiver after infusion.",
        "He denies any history of mental health issues, substance use, or legal problems.",
    )
    assert (c.primary_caregiver, c.secondary_caregiver) == ("Maria Lopez", "Carlos Lopez")
    assert c.mental_health and c.substance_use and c.legal and c.compliance


def test_heading_naming_several_parts_answers_none() -> None:
    c = evaluation(*EVALUATION[:6], "History of mental health, substance use or legal issues")
    assert not (c.mental_health or c.substance_use or c.legal)


@pytest.mark.parametrize(
    ("texts", "biopsy"),
    [
        (("Hematopathology Report", "Specimen: Bone marrow, core biopsy and aspirate"), True),
        (("BONE MARROW BIOPSY PATHOLOGY REPORT", "Diagnosis: no lymphoma"), True),
        (("PET/CT Report", "Impression: responding disease."), False),
        (
            (
                "PET/CT Report",
                "Findings: no marrow uptake.",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "History: prior bone marrow biopsy negative",
            ),
            False,
        ),
        (("PET/CT Report", "Clinical history: DLBCL, bone marrow biopsy 05/2026 negative"), False),
        (("Surgical Pathology", "Specimen: Bone marrow aspirate and trephine biopsy"), True),
    ],
)
def test_bone_marrow_biopsy_is_the_document_not_a_mention(
    texts: tuple[str, ...], biopsy: bool
) -> None:
    page = make_page(*texts)
    assert read_diagnostic([page], []).bone_marrow_biopsy is biopsy


# --- F: a form's columns are its fields, with or without colons ----------------------


def _form_page(*rows: tuple[str, str]):
    from carcheck.model import Page, TextLine, Word

    lines = []
    for index, (label, value) in enumerate(rows):
        top = 60.0 + 16 * index
        words = []
        x = 72.0
        for token in label.split():
            words.append(Word(token, x, top, x + 6 * len(token), top + 10, 10.0))
            x += 6 * len(token) + 5
        x = 260.0  # the value column, well apart from the label
        for token in value.split():
            words.append(Word(token, x, top, x + 6 * len(token), top + 10, 10.0))
            x += 6 * len(token) + 5
        lines.append(TextLine(tuple(words)))
    return Page(1, 612.0, 792.0, tuple(lines))


COLUMNS = (
    ("Psychosocial Evaluation", "Cellular Therapy"),
    ("Medical compliance", "Keeps every appointment"),
    ("Support network", "Lives with his sister"),
    ("Primary caregiver", "Ana Ruiz (sister)"),
    ("Backup caregiver", "Tomas Ruiz (brother)"),
    ("Mental health", "Denies psychiatric history"),
    ("Substance use", "Denies alcohol or drug use"),
    ("Legal history", "Denies legal issues"),
)


def test_colon_less_columns_are_read_as_fields() -> None:
    content = read_psychosocial([_form_page(*COLUMNS)])
    assert (content.primary_caregiver, content.secondary_caregiver) == ("Ana Ruiz", "Tomas Ruiz")
    assert content.compliance and content.substance_use and content.legal


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("Backup caregiver", "not yet identified"),
        ("Backup caregiver", "To be determined"),
        ("Substance use", "Not assessed at this visit"),
        ("Legal history", "Unable to assess"),
    ],
)
def test_a_blank_column_value_is_no_answer(label: str, value: str) -> None:
    rows = [(lab, value if lab == label else val) for lab, val in COLUMNS]
    content = read_psychosocial([_form_page(*rows)])
    judged = {
        "Backup caregiver": content.secondary_caregiver is None,
        "Substance use": not content.substance_use,
        "Legal history": not content.legal,
    }
    assert judged[label]


# --- C: the result is the result column's value, never the reference ---------------------


def _table(*rows: tuple[str, ...]):
    from carcheck.model import Page, TextLine, Word

    lines = []
    for index, cells in enumerate(rows):
        top = 60.0 + 16 * index
        words = []
        for column, cell in enumerate(cells):
            x = 72.0 + 150 * column
            for token in cell.split():
                words.append(Word(token, x, top, x + 6 * len(token), top + 10, 10.0))
                x += 6 * len(token) + 5
        lines.append(TextLine(tuple(words)))
    return Page(1, 612.0, 792.0, tuple(lines))


@pytest.mark.parametrize(
    "value", ["Specimen rejected", "Declined by patient", "Not ordered", "---"]
)
def test_a_reference_column_is_never_the_result(value: str) -> None:
    page = _table(
        ("Test", "Result", "Reference", "Flag"),
        ("HIV-1/2 Ag/Ab", value, "Nonreactive", ""),
        ("HBsAg", "Nonreactive", "Nonreactive", ""),
    )
    results = {r.virus: r.outcome for r in read_serology([page], []).results}
    assert results[Virus.HIV] is Outcome.PENDING
    assert results[Virus.HBV] is Outcome.NEGATIVE


def test_an_inline_reference_is_never_the_result() -> None:
    page = _table(("HIV-1/2 Ag/Ab: see comment (ref: Nonreactive)",))
    (only,) = read_serology([page], []).results
    assert only.outcome is Outcome.PENDING
