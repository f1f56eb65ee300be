"""Genre before topic: what a document is decides which items it may serve.

Each case is a small document in its own wording (not the samples', not the real-world
set's); each look-alike stands beside the twin that must still count.
"""

from __future__ import annotations

import pytest

from carcheck.classify import segment
from carcheck.genre import Genre, read_genre
from carcheck.model import ItemId
from tests.pagefactory import make_page

LMN = (
    "Riverbend Oncology Group",
    "March 3, 2026",
    "Attn: Medical Director, Utilization Management",
    "Keystone Family Health Plan",
    "RE: Request for authorization of CAR T-cell therapy",
    "Dear Medical Director:",
    "I am writing to request prior authorization for tisagenlecleucel for my patient, who has",
    "relapsed after R-CHOP (01/2024 - 06/2024) and R-ICE (08/2024 - 10/2024). It is medically",
    "necessary because no other line of therapy offers a durable remission.",
    "Sincerely,",
    "Omar Haddad, MD",
)
CONSULT = (
    "Lakeside Heart Clinic",
    "March 3, 2026",
    "Dr. Ines Moreau",
    "Riverbend Oncology Group",
    "RE: Consultation - cardiac clearance",
    "Dear Dr. Moreau,",
    "Thank you for referring your patient for a cardiac evaluation before cellular therapy. He",
    "received R-CHOP in 2024. His echocardiogram shows an ejection fraction of 58 percent.",
    "I will keep you informed of any change in his status.",
    "Sincerely,",
    "Paul Lindgren, MD",
)
PAYER = (
    "Keystone Family Health Plan",
    "Notice of Determination",
    "Date of determination: March 9, 2026",
    "Member ID: KFH-220-19",
    "Your request for tisagenlecleucel has been approved.",
    "Authorization number: 7781-A",
    "You or the member may file an appeal within 60 days if you disagree.",
    "Sincerely, Utilization Management",
)
NOTE = (
    "Riverbend Oncology Group",
    "Follow-up Visit Note",
    "Chief complaint: fatigue",
    "HPI: relapsed lymphoma after R-CHOP (01/2024 - 06/2024); bone marrow biopsy 02/2026.",
    "Review of systems: negative except fatigue",
    "Physical exam: no adenopathy",
    "Assessment: relapsed DLBCL",
    "Plan: refer for CAR T-cell therapy; request authorization.",
)
FORM = (
    "Keystone Family Health Plan",
    "Specialty Drug Prior Authorization Request Form",
    "Member name: Ruth Calder  Member ID: KFH-220-19  Date of birth: 04/02/1961",
    "Prescriber: Omar Haddad, MD  NPI: 1234567890  Phone: 555-0100",
    "Drug requested: tisagenlecleucel  HCPCS: Q2042  Diagnosis (ICD-10): C83.38",
    "Yes No  Has the patient received two or more lines of therapy?",
    "Yes No  Is the patient under the care of an authorized treatment center?",
    "Prescriber signature: ____________________  Date: ________",
)
LAB = (
    "Northgate Clinical Laboratory",
    "Patient: Calder, Ruth   Collected: 02/20/2026",
    "Test Result Units Reference range",
    "Sodium 139 mmol/L 135-145",
    "Potassium 4.1 mmol/L 3.5-5.1",
    "Creatinine 0.8 mg/dL 0.6-1.1",
    "Albumin 4.2 g/dL 3.5-5.0",
)
EMAIL = (
    "From: Site Activation Team <activation@maker.example>",
    "Sent: Monday, February 2, 2026 9:12 AM",
    "To: Intake <intake@riverbend.example>",
    "Subject: Authorized treatment center confirmation",
    "Hello,",
    "This confirms that Riverbend Medical Center is a qualified treatment center for Kymriah.",
    "Regards, Site Activation Team",
)


def doc(*texts: str):
    return [make_page(*texts, title_size=14)]


@pytest.mark.parametrize(
    ("texts", "genre"),
    [
        (LMN, Genre.LETTER),
        (CONSULT, Genre.LETTER),
        (PAYER, Genre.NOTICE),
        (NOTE, Genre.NOTE),
        (FORM, Genre.FORM),
        (LAB, Genre.REPORT),
        (EMAIL, Genre.LETTER),
    ],
    ids=["lmn", "consult", "payer", "note", "form", "lab", "email"],
)
def test_genre_from_structure(texts: tuple[str, ...], genre: Genre) -> None:
    assert read_genre(doc(*texts)).genre is genre


@pytest.mark.parametrize(
    ("texts", "item", "title"),
    [
        (LMN, ItemId.A, "Letter of medical necessity"),
        (CONSULT, None, "Consultation/referral letter"),
        (PAYER, None, "Payer notice"),
        (NOTE, None, "Clinical note"),
        (FORM, None, "Prior authorization request form"),
        (LAB, ItemId.E, "Laboratory results"),
        (EMAIL, ItemId.B, "Treatment center verification"),
    ],
    ids=["lmn", "consult", "payer", "note", "form", "lab", "email"],
)
def test_only_a_letter_to_the_plan_that_asks_is_a(
    texts: tuple[str, ...], item: ItemId | None, title: str
) -> None:
    (only,) = segment(doc(*texts))
    assert (only.item, only.title) == (item, title)


def test_a_consult_letter_to_the_plan_is_still_not_a_consult() -> None:
    reading = read_genre(doc(*LMN))
    assert reading.may_be_letter_of_necessity and not reading.to_colleague


def test_a_page_that_starts_mid_sentence_continues_the_letter() -> None:
    first = make_page(*LMN[:9], number=1, title_size=14)
    second = make_page(
        "Keystone Family Health Plan - Re: Ruth Calder - Page 2",
        "social work evaluation is enclosed; her psychosocial support is strong.",
        "Sincerely,",
        "Omar Haddad, MD",
        number=2,
    )
    assert [(s.pages, s.item) for s in segment([first, second])] == [((1, 2), ItemId.A)]


def test_titled_notes_split_a_chart_and_are_named() -> None:
    pages = [
        make_page("Discharge Summary", "Hospital course: uneventful", number=1, title_size=14),
        make_page("Nursing Notes", "0800 vitals stable", number=2, title_size=14),
        make_page("Medication Administration Record", "0900 acetaminophen", number=3),
    ]
    assert [(s.pages, s.item, s.title) for s in segment(pages)] == [
        ((1,), None, "Discharge summary"),
        ((2,), None, "Nursing notes"),
        ((3,), None, "Medication administration record"),
    ]


def test_a_look_alike_that_asks_for_authorization_is_flagged_for_review() -> None:
    referral = (
        "Riverbend Oncology Group",
        "March 3, 2026",
        "Dear Dr. Moreau,",
        "Thank you for referring your patient. I am writing to request that you support prior",
        "authorization of CAR T-cell therapy; his medical necessity is clear after R-CHOP (2024).",
        "Sincerely,",
        "Omar Haddad, MD",
    )
    (only,) = segment(doc(*referral))
    assert only.item is None
    assert only.review is not None and "letter of medical necessity" in only.review
    (lmn,) = segment(doc(*LMN))
    assert lmn.review is None


# An EHR's letter template: a title, header fields, prose, and a signature line left blank.
EHR_TEMPLATE_LETTER = (
    "LETTER OF MEDICAL NECESSITY",
    "Patient: ROE, DANA Date: 10/05/2026",
    "DOB: 02/03/1961 Plan: Keystone Family Health Plan",
    "Member #: KF200311 Attending: Omar Haddad, MD",
    "Requested service: tisagenlecleucel, single infusion",
    "Summary: relapsed large B-cell lymphoma after two lines. I am requesting coverage of",
    "CAR T-cell therapy.",
    "Clinical history: no prior transplant.",
    "Indication: medical necessity is established after R-CHOP and R-ICE.",
    "Omar Haddad, MD",
    "Electronically signed by: ______________________ Date/Time: __________",
)


def test_a_letter_template_with_a_blank_signature_line_is_the_letter_unsigned() -> None:
    """Its fields and its one blank (the signature line) do not make it a form: it is the
    letter of medical necessity, and its blank signature line is read as no signature."""
    assert read_genre(doc(*EHR_TEMPLATE_LETTER)).genre is not Genre.FORM
    (only,) = segment(doc(*EHR_TEMPLATE_LETTER))
    assert only.item is ItemId.A


def test_a_form_with_a_blank_signature_line_is_still_a_form() -> None:
    form = (*FORM, "Prescriber signature: ____________________ Date: ________")
    assert read_genre(doc(*form)).genre is Genre.FORM
