"""Page classification and the split of one file into documents."""

from __future__ import annotations

import pytest

from carcheck.classify import segment
from carcheck.model import ItemId
from tests.pagefactory import make_page

COVER = (
    "FAX",
    "To: Utilization Management",
    "From: Cellular Therapy Coordinator",
    "Fax: 866-555-0142",
    "Date: 10/14/2026",
    "Pages: 9 (including cover)",
    "Enclosed:",
    "- Letter of medical necessity",
    "- Serology results (HIV, hepatitis B and C)",
    "- Bone marrow biopsy pathology",
    "- Psychosocial evaluation",
)
LETTER_1 = (
    "Letter of Medical Necessity",
    "October 2, 2026",
    "Dear Medical Director,",
    "I am writing to request CAR T-cell therapy. Bone marrow biopsy showed relapse;",
    "HIV and hepatitis serologies are negative; PET/CT shows progression.",
    "Page 1 of 2",
)
LETTER_2 = ("His caregivers are his wife and son.", "Sincerely,", "Jane Roe, MD", "Page 2 of 2")
SEROLOGY = ("Infectious Disease Serology", "Collected: 09/20/2026", "HIV-1/2 Ag/Ab Nonreactive")
MARROW = ("Hematopathology Report", "Specimen: Bone marrow, core biopsy and aspirate")
PET = ("PET/CT Skull Base to Mid-Thigh", "Deauville score 2", "Impression: complete response")
ECHO = ("Transthoracic Echocardiogram", "LVEF 60%")
PSYCH = ("Psychosocial Evaluation", "Support system: wife", "Substance use: denies")
CENTER = ("Authorized Treatment Center Confirmation", "The manufacturer confirms the site.")
PA_FORM = ("Prior Authorization Request Form", "Member ID: X123", "Requesting provider NPI:")


def pages(*contents: tuple[str, ...]):
    return [make_page(*c, number=i + 1, title_size=16) for i, c in enumerate(contents)]


@pytest.mark.parametrize(
    ("content", "item"),
    [
        (LETTER_1, ItemId.A),
        (CENTER, ItemId.B),
        (SEROLOGY, ItemId.C),
        (MARROW, ItemId.D),
        (PET, ItemId.D),
        (ECHO, ItemId.E),
        (PSYCH, ItemId.F),
        (COVER, None),
        (PA_FORM, None),
        (("Thank you for your business.",), None),
    ],
    ids=lambda v: str(v)[:24],
)
def test_single_page_item(content: tuple[str, ...], item: ItemId | None) -> None:
    (only,) = segment(pages(content))
    assert only.item is item


def test_combined_packet_is_split_into_its_documents() -> None:
    got = segment(pages(COVER, LETTER_1, LETTER_2, CENTER, SEROLOGY, MARROW, PET, ECHO, PSYCH))
    assert [(s.pages, s.item) for s in got] == [
        ((1,), None),
        ((2, 3), ItemId.A),
        ((4,), ItemId.B),
        ((5,), ItemId.C),
        ((6,), ItemId.D),
        ((7,), ItemId.D),
        ((8,), ItemId.E),
        ((9,), ItemId.F),
    ]


def test_unheaded_continuation_page_stays_with_its_document() -> None:
    continuation = ("Hepatitis C antibody Nonreactive", "Printed 10/01/2026")
    got = segment(pages(SEROLOGY, continuation, PSYCH))
    assert [(s.pages, s.item) for s in got] == [((1, 2), ItemId.C), ((3,), ItemId.F)]


def test_page_one_of_n_starts_a_new_document_of_the_same_kind() -> None:
    first = (*SEROLOGY, "Page 1 of 1")
    second = (*SEROLOGY, "Page 1 of 1")
    assert [s.pages for s in segment(pages(first, second))] == [(1,), (2,)]


# --- the quick look before a kind's pattern runs -------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"echocardiogra|\becho\b|\blvef\b", ("echo", "echocardiogra", "lvef")),
        (r"\b(progress|clinic)\s+note", ("note",)),  # the longest plain run
        (r"(informed\s+)?consent\s+form", ("consent",)),  # an optional group is skipped
        # else a group it needs (whose shared "h" the parser factors out)
        (r"^[^\n]{0,20}(hiv|hepatitis)", ("epatitis", "iv")),
        (r"anti-?\s*hb[cs]", ("anti",)),
        (r"\b(i|we)\s+am\b|x", None),  # an alternative with nothing two letters long
        (r"(?:ab)?c", None),
    ],
)
def test_needed_strings(pattern: str, needs: tuple[str, ...] | None) -> None:
    from carcheck.kinds import needed_strings

    assert needed_strings(pattern) == needs


def _sample_page_texts() -> list[str]:
    from carcheck.engine import Chunk, read_chunk
    from carcheck.ingest import collect
    from carcheck.limits import DEFAULT_LIMITS
    from tests.conftest import ROOT

    texts = []
    for packet in sorted((ROOT / "sample_packets").iterdir()):
        if not packet.is_dir() or packet.name.startswith("fax-"):
            continue
        for source in collect(packet, DEFAULT_LIMITS)[0]:
            for read in read_chunk(Chunk(source)):
                texts.append("\n".join(line.text for line in read.page.lines).lower())
    return texts


def test_the_quick_look_never_hides_a_match() -> None:
    """On every page of the sample packets, and on each kind's own words: a kind whose
    pattern finds something there is never skipped by the quick look."""
    from carcheck.classify import KINDS

    texts = _sample_page_texts()
    assert len(texts) > 100
    missed = [
        (k.label, text[:40])
        for text in texts
        for k in KINDS
        if k.pattern.search(text) and not k.may_match(text)
    ]
    assert not missed
    searched = sum(1 for text in texts for k in KINDS if k.may_match(text))
    assert searched < 0.6 * len(texts) * len(KINDS)  # and it does skip most searches


# --- "Page k of N" over a whole file, and letters that sign off ------------------------------

SIGNED_CENTER = (
    "The manufacturer confirms the site as an authorized treatment center.",
    "Regards,",
    "Danielle Okonjo, PharmD",
    "Director, Treatment Center Network",
)
LAB_PAGE = (  # a lab's page with no kind title: only its rows say what it is
    "Carolina Reference Laboratories",
    "Date collected 09/22/2026",
    "HIV-1/2 Ag/Ab Non-Reactive",
    "Hepatitis B Surface Antigen Non-Reactive",
    "Hepatitis C Virus Ab Non-Reactive",
)


def numbered(*contents: tuple[str, ...]):
    n = len(contents)
    return pages(*((*c, f"Confidential | Page {k} of {n}") for k, c in enumerate(contents, 1)))


def test_a_fax_numbered_through_is_split_into_its_documents() -> None:
    """A fax server's "Page k of 5" on every page does not glue the documents together."""
    got = segment(numbered(COVER, (*LETTER_1[:-1], *LETTER_2[1:3]), CENTER, SEROLOGY, PSYCH))
    assert [(s.pages, s.item) for s in got] == [
        ((1,), None),
        ((2,), ItemId.A),
        ((3,), ItemId.B),
        ((4,), ItemId.C),
        ((5,), ItemId.F),
    ]


def test_one_report_numbered_through_stays_one_document() -> None:
    """A 3-page marrow report, "Page k of 3", whose last page is its flow cytometry
    section: one document, as its numbering says."""
    flow = ("Flow Cytometry (aspirate)", "Abnormal plasma cells 11.2% of events")
    got = segment(numbered(MARROW, ("Microscopic description", "Cellular marrow."), flow))
    assert [(s.pages, s.item) for s in got] == [((1, 2, 3), ItemId.D)]


def test_a_letter_signed_off_at_the_foot_of_its_page_ends_there() -> None:
    """The next page, a lab's results with no title of their own, is another document."""
    got = segment(pages(SIGNED_CENTER, LAB_PAGE))
    assert [s.pages for s in got] == [(1,), (2,)]


# An EHR's chart print: each note under the same running header, closed by its e-signature.
HEADER = "Doe, Pat | DOB 01/02/1960 | MRN 44120 | Lakeside Cancer Center"
NOTE = (
    HEADER,
    "Clinic Visit - 09/03/2026",
    "SUBJECTIVE",
    "Tired but walking. No fevers.",
    "OBJECTIVE",
    "Afebrile. Node 2 cm.",
    "ASSESSMENT / PLAN",
    "Awaiting cellular therapy; follow up in one week.",
    "Electronically signed by Alicia Brandt, MD 09/03/2026 17:40",
)
EHR_LETTER = (
    HEADER,
    "LETTER OF MEDICAL NECESSITY",
    "Patient: DOE, PAT Date: 10/05/2026 Plan: Example Health Plan",
    "I am requesting coverage of CAR T-cell therapy (Yescarta) for relapsed lymphoma.",
    "Medical necessity is established after two prior lines of therapy.",
    "Marcus Oyelaran, MD",
    "Attending Physician, Hematology/Oncology",
    "Electronically signed by Marcus Oyelaran, MD on 10/05/2026 15:12",
)
MAR = (
    "Lakeside Cancer Center MEDICATION ADMINISTRATION RECORD DOE, PAT",
    "Medication Dose/Route Sched Given By",
    "Acyclovir 400 mg PO BID 0900 / 2100 RN JT",
)
MAKER_LETTER = (
    "Example Cell Therapy, Inc.",
    "Treatment Center Operations",
    "June 2, 2025",
    "Lakeside Cancer Center",
    "RE: Treatment center status",
    "Example Cell Therapy confirms that Lakeside Cancer Center is certified to administer",
    "its product under the REMS program.",
    "Regards,",
    "Site Activation Lead, Example Cell Therapy, Inc.",
)


def test_notes_and_a_letter_signed_electronically_each_end_at_their_signature() -> None:
    """A chart print's notes share a running header and no title of an item: each ends at
    its "Electronically signed by <name>", so the letter that follows them stands alone
    and the note after it is not glued to the letter."""
    got = segment(pages(NOTE, NOTE, EHR_LETTER, NOTE))
    assert [(s.pages, s.item) for s in got] == [
        ((1,), None),
        ((2,), None),
        ((3,), ItemId.A),
        ((4,), None),
    ]


def test_a_letters_top_begins_a_document_and_a_closing_signed_by_a_role_ends_it() -> None:
    """A manufacturer's letter faxed after a medication record begins at its date line and
    "RE:", and ends at "Regards," over a role: it serves B, apart from the pages around it."""
    got = segment(pages(MAR, MAKER_LETTER, NOTE))
    assert [(s.pages, s.item) for s in got] == [((1,), None), ((2,), ItemId.B), ((3,), None)]


def test_a_letters_second_page_with_a_running_re_line_goes_on() -> None:
    """A letter's page 2 that repeats its date and "RE:" under "Page 2" is no new letter."""
    first = ("June 2, 2025", "RE: Pat Doe", "Dear Reviewer:", *EHR_LETTER[3:5])
    second = ("Page 2", "June 2, 2025", "RE: Pat Doe", *EHR_LETTER[5:])
    (only,) = segment(pages(first, second))
    assert only.pages == (1, 2)


def test_a_manufacturers_email_confirming_the_center_serves_b() -> None:
    """A printed e-mail in which the manufacturer's network confirms the site, in words of
    its own ("an activated <product> treatment center", "authorized to order and infuse")."""
    email = (
        "From: CARVYKTI Support <support@cell-therapy.example>",
        "Sent: Tuesday, September 8, 2026 10:47 AM",
        "Subject: RE: Treatment site status",
        "Hello,",
        "I can confirm that Piedmont Regional Cancer Institute is an activated CARVYKTI",
        "(ciltacabtagene autoleucel) treatment center in our network and is authorized to",
        "order and infuse CARVYKTI.",
        "Best,",
        "Grace Whitley",
    )
    (only,) = segment([make_page(*email)])  # no title: a printed e-mail has none
    assert only.item is ItemId.B
