"""The packets of family 4 and the verdict a careful human reviewer gives each.

`build(root)` writes every packet as a folder under `root` and returns its label: whether
the packet is complete and each item's status (a tuple where a reviewer could fairly say
either, e.g. a look-alike letter: A is "missing" or "incomplete", never "present").
All packets are judged as of AS_OF.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from tests.holdout4 import docs
from tests.holdout4.docs import (
    Doc,
    LetterSpec,
    Line,
    MarrowSpec,
    Patient,
    PsychSpec,
    SeroSpec,
    Signer,
)

AS_OF = "2026-10-15"
# C: current when collected after 2026-07-15; D: current on or after 2026-04-15.

NOT_PRESENT = ("missing", "incomplete")


@dataclass
class Label:
    what: str
    complete: bool
    items: dict[str, str | tuple[str, ...]]


@dataclass
class Packet:
    """What goes in a standard packet; a packet function changes what it tests."""

    p: Patient
    facility: str
    product: str
    diagnosis: str
    center: str  # kite | bms | janssen | novartis | self | none
    letter: LetterSpec | None
    sero: SeroSpec | None
    sero_style: str = "ref"  # ref | hospital | uk
    marrow: MarrowSpec | None = None
    psych: PsychSpec | None = None
    psych_style: str = "narrative"
    e_echo: bool = False
    pet: bool = False
    extras: list[tuple[str, Callable[[Doc], None]]] = field(default_factory=list)


def _write(path: Path, build: Callable[[Doc], None]) -> None:
    d = Doc()
    build(d)
    path.parent.mkdir(parents=True, exist_ok=True)
    d.output(str(path))


def center_doc(d: Doc, kind: str, facility: str) -> None:
    when = date(2025, 11, 3)
    if kind == "kite":
        docs.kite_letter(d, facility, when, "YESCARTA (axicabtagene ciloleucel) and TECARTUS")
    elif kind == "bms":
        docs.bms_contract(d, facility, date(2025, 6, 1))
    elif kind == "janssen":
        docs.janssen_email(d, facility, date(2026, 9, 8), "financial.clearance@hospital.example")
    elif kind == "novartis":
        docs.novartis_letter(d, facility, date(2026, 1, 12))
    elif kind == "self":
        docs.facility_self_letter(d, facility, date(2026, 9, 29))


def write_packet(folder: Path, k: Packet) -> None:
    p = k.p
    if k.letter is not None:
        _write(folder / "01_letter_of_medical_necessity.pdf", lambda d: docs.lmn(d, p, k.letter))
    if k.center != "none":
        _write(folder / "02_treatment_center.pdf", lambda d: center_doc(d, k.center, k.facility))
    if k.sero is not None:
        ordering = "OYELARAN, SAMUEL"

        def sero(d: Doc) -> None:
            if k.sero_style == "hospital":
                docs.serology_hospital(d, p, k.sero, k.facility)
            elif k.sero_style == "uk":
                docs.serology_uk(d, p, k.sero)
            else:
                docs.serology_ref_lab(d, p, k.sero, ordering)

        _write(folder / "03_id_serologies.pdf", sero)
    if k.marrow is not None or k.pet:

        def diag(d: Doc) -> None:
            if k.marrow is not None:
                if "myeloma" in k.diagnosis:
                    docs.myeloma_marrow(d, p, k.marrow, k.facility)
                    docs.spep(d, p, k.marrow.procedure)
                else:
                    docs.marrow_report(d, p, k.marrow, k.facility)
            if k.pet:
                docs.pet_ct(d, p, date(2026, 8, 27), k.facility)

        _write(folder / "04_diagnostics.pdf", diag)
    if k.psych is not None:

        def psych(d: Doc) -> None:
            if k.psych_style == "form":
                docs.psych_form(d, p, k.psych, k.facility)
            else:
                docs.psych_narrative(d, p, k.psych, k.facility)

        _write(folder / "05_psychosocial.pdf", psych)
    if k.e_echo:
        _write(folder / "06_echo.pdf", lambda d: docs.echo(d, p, date(2026, 9, 17), k.facility))
    for name, build in k.extras:
        _write(folder / name, build)


# ---------------------------------------------------------------- people

BRIDGE = "Blue Ridge University Medical Center"
CAPE = "Cape Fear Comprehensive Cancer Center"
PIED = "Piedmont Regional Cancer Institute"
SAND = "Sandhills Cellular Therapy Program at Moore Regional"

THORNTON = Signer(
    "Rebecca L. Thornton",
    "MD",
    (
        "Attending Physician, Division of Hematologic Malignancies",
        "Associate Professor of Medicine",
    ),
)
ACHEBE = Signer(
    "Nnamdi Achebe",
    "DO",
    ("Attending Physician", "Blood and Marrow Transplant & Cellular Therapy"),
    "slash",
)
KOWALCZYK = Signer(
    "Maria Kowalczyk",
    "MD",
    (
        "Attending Physician, Cellular Therapy Service",
        "Medical Director, Immune Effector Cell Program",
    ),
    "esig",
)
FELLOW = Signer(
    "Jonah P. Whitcombe", "MD", ("Fellow, Hematology and Medical Oncology (PGY-5)",), "strokes"
)
LBCL = "relapsed diffuse large B-cell lymphoma, not otherwise specified (ICD-10 C83.38)"
MM = "relapsed and refractory multiple myeloma (ICD-10 C90.02)"
YESCARTA = "axicabtagene ciloleucel (Yescarta)"
BREYANZI = "lisocabtagene maraleucel (Breyanzi)"
KYMRIAH = "tisagenlecleucel (Kymriah)"
CARVYKTI = "ciltacabtagene autoleucel (Carvykti)"

LBCL_LINES = [
    Line("R-CHOP x 6 cycles", "01/2025", "06/2025", "complete response"),
    Line("R-ICE x 2 cycles (salvage)", "10/2025", "11/2025", "progressive disease"),
    Line(
        "Polatuzumab vedotin + bendamustine + rituximab x 4",
        "12/2025",
        "03/2026",
        "partial response",
    ),
]
MM_LINES = [
    Line(
        "VRd (bortezomib, lenalidomide, dexamethasone) x 4 + autologous SCT",
        "03/2022",
        "10/2022",
        "VGPR",
    ),
    Line("Lenalidomide maintenance", "11/2022", "02/2024", "progression"),
    Line("Daratumumab, carfilzomib, dexamethasone (DKd)", "03/2024", "06/2025", "progression"),
    Line("Pomalidomide, elotuzumab, dexamethasone", "07/2025", "04/2026", "progression"),
]

OTHER = Patient("Dolores", "A", "Fitzgerald", date(1951, 2, 8), "F", "0048812391", "903355871Q")


def base(p: Patient, **kw: object) -> Packet:
    """A complete lymphoma packet for `p`; keywords replace its parts."""
    letter = LetterSpec(
        when=date(2026, 10, 6),
        facility=BRIDGE,
        product=YESCARTA,
        diagnosis=LBCL,
        history=LBCL_LINES,
        signers=[THORNTON],
        attending="Rebecca L. Thornton, MD",
    )
    k = Packet(
        p=p,
        facility=BRIDGE,
        product=YESCARTA,
        diagnosis=LBCL,
        center="kite",
        letter=letter,
        sero=SeroSpec(collected=date(2026, 9, 22)),
        marrow=MarrowSpec(procedure=date(2026, 8, 19)),
        psych=PsychSpec(
            when=date(2026, 9, 30),
            primary=f"Linda {p.last} (spouse), cell 828-555-0181",
            secondary=f"Caleb {p.last} (son), cell 828-555-0190",
        ),
    )
    return replace(k, **kw)  # type: ignore[arg-type]


def letter_of(k: Packet, **kw: object) -> LetterSpec:
    assert k.letter is not None
    return replace(k.letter, **kw)  # type: ignore[arg-type]


ALL_PRESENT = {"A": "present", "B": "present", "C": "present", "D": "present", "F": "present"}


def label(what: str, e: str = "not_provided", **items: str | tuple[str, ...]) -> Label:
    merged: dict[str, str | tuple[str, ...]] = {**ALL_PRESENT, "E": e, **items}
    complete = all(merged[i] == "present" for i in "ABCDF")
    return Label(what, complete, merged)


PACKETS: dict[str, Callable[[Path], Label]] = {}


def packet(fn: Callable[[Path], Label]) -> Callable[[Path], Label]:
    PACKETS[fn.__name__] = fn
    return fn


# ---------------------------------------------------------------- complete packets


@packet
def c01_academic_numbered(f: Path) -> Label:
    p = Patient("Harold", "W", "Brennan", date(1961, 4, 22), "M", "7730019842", "947120385P")
    write_packet(f, base(p, e_echo=True))
    return label("letterhead LMN, numbered history, drawn signature, typed title line", "present")


@packet
def c02_fellow_cosigned(f: Path) -> Label:
    p = Patient("Angela", "M", "Ruiz", date(1968, 11, 3), "F", "5510274466", "902618834S")
    k = base(p, facility=CAPE, product=BREYANZI, center="bms", sero_style="hospital", pet=True)
    k.letter = letter_of(
        k,
        facility=CAPE,
        product=BREYANZI,
        style="table",
        signers=[FELLOW, KOWALCZYK],
        attending="Maria Kowalczyk, MD",
        address=("2131 S 17th Street", "Wilmington, NC 28401"),
    )
    k.psych_style = "form"
    k.psych = replace(k.psych, primary="Hector Ruiz (husband)", secondary="Marisol Ortega (sister)")
    write_packet(f, k)
    return label("fellow drafts, attending e-signs; contract for B; in-house LIS serology")


@packet
def c03_uk_serology_dayfirst(f: Path) -> Label:
    p = Patient("Graham", "E", "Pettigrew", date(1957, 7, 30), "M", "6120038457", "918843301T")
    k = base(p, product=KYMRIAH, center="novartis", sero_style="uk")
    k.letter = letter_of(k, product=KYMRIAH, signers=[ACHEBE], attending="Nnamdi Achebe, DO")
    # 04/09/2026 is 4 September (current); read month-first it would be 9 April (stale)
    k.sero = SeroSpec(
        collected=date(2026, 9, 4),
        reported=date(2026, 9, 23),
        hiv="Not detected",
        hbsag="Not detected",
        hbc="Not detected",
        hcv="Not detected",
    )
    k.extras = [("07_labs.pdf", lambda d: docs.cbc_cmp(d, p, date(2026, 9, 24)))]
    write_packet(f, k)
    return label("NHS virology dd/mm/yyyy, sampled 04/09/2026 (4 Sep), DO attending /s/", "present")


def chart_dump(
    d: Doc,
    p: Patient,
    facility: str,
    pages: int,
    sero: SeroSpec,
    marrow: MarrowSpec,
    sero_at: int,
    marrow_at: int,
    narrative: str = "",
) -> None:
    head = docs.chart_header(p, facility)
    day = date(2026, 8, 1)
    n = 1
    i = 1
    while i <= pages:
        if i == sero_at:
            docs.serology_hospital(d, p, sero, facility, head)
        elif i == marrow_at:
            docs.marrow_report(d, p, marrow, facility, head)
        elif i == marrow_at + 1:
            docs.cbc_cmp(d, p, date(2026, 9, 24), head)
        elif i % 3 == 1:
            docs.progress_note(d, p, day, facility, n)
            n += 1
        elif i % 3 == 2:
            docs.mar_page(d, p, day, facility)
        else:
            docs.nursing_note(d, p, day, facility, narrative if i == pages - 1 else "")
        day = date.fromordinal(day.toordinal() + 2)
        i += 1


@packet
def c04_chart_dump_30p(f: Path) -> Label:
    p = Patient("Tyrone", "D", "Whitfield", date(1965, 1, 17), "M", "3318870021", "955203114R")
    k = base(p, sero=None, marrow=None)
    k.letter = letter_of(k, signers=[ACHEBE], attending="Nnamdi Achebe, DO", style="prose")
    k.extras = [
        (
            "04_chart_records_print.pdf",
            lambda d: chart_dump(
                d, p, BRIDGE, 30, SeroSpec(date(2026, 9, 10)), MarrowSpec(date(2026, 7, 28)), 12, 21
            ),
        )
    ]
    write_packet(f, k)
    return label(
        "30-page chart print (notes, MAR, nursing) with serology p12, marrow p21", "present"
    )


@packet
def c05_old_positive_hbc(f: Path) -> Label:
    p = Patient("Bernadette", "", "Okafor", date(1959, 9, 9), "F", "4402911733", "961174420U")
    k = base(p, facility=CAPE, product=BREYANZI, center="bms", sero=None)
    k.letter = letter_of(
        k, facility=CAPE, product=BREYANZI, signers=[KOWALCZYK], attending="Maria Kowalczyk, MD"
    )
    old = SeroSpec(
        collected=date(2026, 5, 6), hbc="Reactive", hbs_ab="Reactive", hbsag="Non-Reactive"
    )
    new = SeroSpec(collected=date(2026, 9, 25), hbsag=None, hbc=None)

    def both(d: Doc) -> None:
        docs.serology_ref_lab(d, p, old, "KOWALCZYK, MARIA")
        docs.serology_hospital(d, p, new, CAPE)

    k.extras = [("03_serologies_old_and_new.pdf", both)]
    write_packet(f, k)
    return label("anti-HBc REACTIVE 05/06/2026 (positive counts); HIV/HCV 09/25/2026")


@packet
def c06_marrow_exactly_6_months(f: Path) -> Label:
    p = Patient("Lucille", "J", "Harrington", date(1970, 12, 1), "F", "8801234409", "930017765V")
    write_packet(f, base(p, marrow=MarrowSpec(procedure=date(2026, 4, 15))))
    return label("bone marrow biopsy 04/15/2026, exactly 6 months before as-of (current)")


@packet
def c07_myeloma_manufacturer_email(f: Path) -> Label:
    p = Patient("Vernon", "R", "Blackwell", date(1955, 3, 14), "M", "2209983310", "977120043W")
    k = base(p, facility=PIED, product=CARVYKTI, diagnosis=MM, center="janssen")
    k.letter = letter_of(
        k,
        facility=PIED,
        product=CARVYKTI,
        diagnosis=MM,
        history=MM_LINES,
        signers=[THORNTON],
        address=("300 Hawthorne Lane", "Charlotte, NC 28204"),
    )
    k.marrow = MarrowSpec(procedure=date(2026, 8, 3))
    write_packet(f, k)
    return label("myeloma, Carvykti; B by the manufacturer network's e-mail; marrow + SPEP/FLC")


@packet
def c08_extra_lookalikes(f: Path) -> Label:
    p = Patient("Shirley", "A", "Dunmore", date(1963, 6, 25), "F", "1190047725", "946601928X")
    k = base(p, facility=CAPE, product=BREYANZI, center="bms")
    k.letter = letter_of(
        k,
        facility=CAPE,
        product=BREYANZI,
        signers=[KOWALCZYK],
        attending="Maria Kowalczyk, MD",
        style="table",
    )
    k.extras = [
        (
            "08_consult_note.pdf",
            lambda d: docs.consult_reply(
                d, p, date(2026, 8, 20), "Paul Okafor, MD", KOWALCZYK, CAPE
            ),
        ),
        (
            "09_patient_support.pdf",
            lambda d: docs.assistance_letter(
                d, p, date(2026, 9, 28), "Cell Therapy 360 Support", BREYANZI
            ),
        ),
        ("10_payer_notice.pdf", lambda d: docs.pend_notice(d, p, date(2026, 9, 18), BREYANZI)),
    ]
    write_packet(f, k)
    return label("complete packet plus consult reply, patient-support letter and pend notice")


@packet
def c09_prior_cart_numbered(f: Path) -> Label:
    p = Patient("Desmond", "K", "Faircloth", date(1972, 8, 8), "M", "6654432190", "921908836Y")
    k = base(p, facility=CAPE, product=BREYANZI, center="bms")
    k.letter = letter_of(
        k,
        facility=CAPE,
        product=BREYANZI,
        signers=[KOWALCZYK],
        attending="Maria Kowalczyk, MD",
        history=[
            Line("R-CHOP x 6", "03/2023", "07/2023", "complete response"),
            Line(
                "R-DHAP x 2 then BEAM autologous stem cell transplant", "02/2024", "05/2024", "CR"
            ),
            Line(
                "Tisagenlecleucel (Kymriah) CAR T-cell infusion", "03/12/2025", "03/12/2025", "PR"
            ),
            Line("Glofitamab x 12 cycles", "08/2025", "04/2026", "progression"),
        ],
        extra=[
            "Although the patient received a prior CD19 CAR T product, CD19 expression is "
            "retained on the 08/2026 biopsy (H-score 240)."
        ],
    )
    write_packet(f, k)
    return label("numbered history with a prior CAR T product (Kymriah 03/12/2025)")


@packet
def c10_signed_pa_form_and_lmn(f: Path) -> Label:
    p = Patient("Miriam", "T", "Castellanos", date(1966, 2, 19), "F", "9001128834", "938854410Z")
    k = base(p)
    k.letter = letter_of(k, signers=[replace(THORNTON, mode="esig")])
    k.extras = [
        (
            "00_pa_request_form.pdf",
            lambda d: docs.pa_form(
                d, p, date(2026, 10, 6), "Yescarta / Q2041", BRIDGE, "Rebecca L. Thornton, MD", True
            ),
        ),
    ]
    write_packet(f, k)
    return label("signed PA request form plus e-signed LMN")


@packet
def c11_single_fax(f: Path) -> Label:
    p = Patient("Royce", "", "Abernathy", date(1960, 10, 10), "M", "5003321178", "952277031A")
    full = base(p)
    letter, sero, marrow, psych = full.letter, full.sero, full.marrow, full.psych
    assert letter and sero and marrow and psych

    def fax(d: Doc) -> None:
        docs.fax_cover(d, BRIDGE, date(2026, 10, 7), 10)
        docs.lmn(d, p, letter, layout="plain")
        center_doc(d, "kite", BRIDGE)
        docs.serology_ref_lab(d, p, sero, "THORNTON, REBECCA")
        docs.marrow_report(d, p, marrow, BRIDGE)
        docs.psych_form(d, p, psych, BRIDGE)
        docs.echo(d, p, date(2026, 9, 17), BRIDGE)

    k = replace(full, letter=None, center="none", sero=None, marrow=None, psych=None)
    k.extras = [("fax_20261007_0932.pdf", fax)]
    write_packet(f, k)
    return label("whole packet as one fax with a cover sheet", "present")


# ---------------------------------------------------------------- not complete


@packet
def i01_consult_reply_not_lmn(f: Path) -> Label:
    p = Patient("Wendell", "O", "Pryor", date(1964, 5, 5), "M", "7012234456", "960013378B")
    k = base(p, letter=None)
    k.extras = [
        (
            "01_consult_letter.pdf",
            lambda d: docs.consult_reply(
                d, p, date(2026, 9, 2), "Paul Okafor, MD", THORNTON, BRIDGE
            ),
        )
    ]
    write_packet(f, k)
    return label("only a consult reply to the referring oncologist, no LMN", A=NOT_PRESENT)


@packet
def i02_payer_pend_notice(f: Path) -> Label:
    p = Patient("Gloria", "F", "Stanhope", date(1958, 1, 28), "F", "3320119988", "917740021C")
    k = base(p, letter=None)
    k.extras = [
        ("01_wellcare_notice.pdf", lambda d: docs.pend_notice(d, p, date(2026, 9, 30), YESCARTA))
    ]
    write_packet(f, k)
    return label(
        "payer's pend notice (signed by its medical director) instead of an LMN", A=NOT_PRESENT
    )


@packet
def i03_assistance_letter_and_email(f: Path) -> Label:
    p = Patient("Clarence", "B", "Mayfield", date(1953, 12, 12), "M", "4456671230", "984421907D")
    k = base(p, facility=PIED, product=CARVYKTI, diagnosis=MM, center="janssen", letter=None)
    k.marrow = MarrowSpec(procedure=date(2026, 8, 12))
    k.extras = [
        (
            "01_patient_support_letter.pdf",
            lambda d: docs.assistance_letter(d, p, date(2026, 9, 21), "Carvykti Cares", CARVYKTI),
        )
    ]
    write_packet(f, k)
    return label("patient-assistance letter + manufacturer e-mail, no LMN", A=NOT_PRESENT)


@packet
def i04_pa_form_blank_signature(f: Path) -> Label:
    p = Patient("Evelyn", "S", "Marchetti", date(1969, 4, 4), "F", "1123345566", "925509812E")
    k = base(p, letter=None)
    k.extras = [
        (
            "01_pa_request.pdf",
            lambda d: docs.pa_form(
                d,
                p,
                date(2026, 10, 2),
                "Yescarta / Q2041",
                BRIDGE,
                "Rebecca L. Thornton, MD",
                False,
            ),
        )
    ]
    write_packet(f, k)
    return label("PA request form, 'Physician signature: ____' empty, no LMN", A=NOT_PRESENT)


NP = Signer(
    "Dana R. Whitlock",
    "MSN, APRN, AGPCNP-BC",
    ("Nurse Practitioner, Cellular Therapy Program",),
    "strokes",
)
PAC = Signer("Trevor Lindqvist", "PA-C", ("Physician Assistant, Lymphoma Clinic",), "esig")


@packet
def i05_np_signed(f: Path) -> Label:
    p = Patient("Arthur", "L", "Penrose", date(1962, 7, 7), "M", "2233445501", "939901276F")
    k = base(p)
    k.letter = letter_of(k, signers=[NP], attending="")
    write_packet(f, k)
    return label("LMN signed only by a nurse practitioner", A="incomplete")


@packet
def i06_pac_signed_for_attending(f: Path) -> Label:
    p = Patient("Naomi", "C", "Greer", date(1974, 3, 30), "F", "6678812345", "947730018G")
    k = base(p)
    k.letter = letter_of(
        k,
        signers=[PAC],
        attending="Rebecca L. Thornton, MD",
        extra=["I am writing on behalf of Dr. Rebecca L. Thornton, the patient's attending."],
    )
    write_packet(f, k)
    return label("LMN e-signed by a PA-C on behalf of the named attending", A="incomplete")


@packet
def i07_placeholders(f: Path) -> Label:
    p = Patient("Leonard", "", "Quigley", date(1956, 11, 19), "M", "8890012277", "912203345H")
    k = base(p)
    k.letter = letter_of(k, signers=[replace(THORNTON, mode="placeholder")], attending="")
    write_packet(f, k)
    return label("template LMN: '[Physician Name], MD' and '<<signature>>'", A="incomplete")


@packet
def i08_secondary_caregiver_na(f: Path) -> Label:
    p = Patient("Rosalind", "E", "Kinsey", date(1967, 9, 14), "F", "3345567788", "958812230J")
    k = base(p, psych_style="form")
    k.psych = replace(k.psych, primary="Martin Kinsey (husband)", secondary="N/A")
    write_packet(f, k)
    return label("psychosocial form: secondary caregiver 'N/A'", F="incomplete")


@packet
def i09_secondary_caregiver_tbd(f: Path) -> Label:
    p = Patient("Felix", "M", "Oyelowo", date(1971, 5, 21), "M", "5567789900", "969920014K")
    k = base(p)
    k.psych = replace(k.psych, primary="Adaeze Oyelowo (wife)", secondary="To be determined")
    write_packet(f, k)
    return label("psychosocial narrative: secondary caregiver 'To be determined'", F="incomplete")


@packet
def i10_secondary_dash_legal_blank(f: Path) -> Label:
    p = Patient("Irene", "P", "Vasquez", date(1960, 8, 2), "F", "7789901122", "971103356L")
    k = base(p, psych_style="form")
    dash = "\u2014"
    k.psych = replace(k.psych, primary="Luis Vasquez (son)", secondary=dash, legal="")
    write_packet(f, k)
    return label(
        "psychosocial form: secondary caregiver an em dash, legal history blank", F="incomplete"
    )


@packet
def i11_stale_serology(f: Path) -> Label:
    p = Patient("Calvin", "J", "Ashworth", date(1963, 10, 30), "M", "9901123344", "983345567M")
    write_packet(f, base(p, sero=SeroSpec(collected=date(2026, 6, 12))))
    return label("serologies collected 06/12/2026, four months before as-of", C="stale")


@packet
def i12_marrow_one_day_over(f: Path) -> Label:
    p = Patient("Opal", "D", "Merriweather", date(1958, 4, 17), "F", "1212343456", "915567789N")
    write_packet(f, base(p, marrow=MarrowSpec(procedure=date(2026, 4, 14))))
    return label("bone marrow biopsy 04/14/2026, one day over 6 months", D="stale")


@packet
def i13_hcv_specimen_rejected(f: Path) -> Label:
    p = Patient("Marcus", "A", "Delacroix", date(1975, 6, 6), "M", "3434565678", "927789901P")
    sero = SeroSpec(collected=date(2026, 9, 24), hcv="Specimen rejected - hemolyzed, recollect")
    write_packet(f, base(p, sero=sero))
    return label("HCV antibody 'specimen rejected'; HIV and HBV resulted", C="incomplete")


@packet
def i14_marrow_only_scheduled(f: Path) -> Label:
    p = Patient("Beatrice", "L", "Thackeray", date(1966, 12, 24), "F", "5656787890", "939901123Q")
    k = base(p, marrow=None, pet=True)
    k.extras = [
        ("07_bmbx_consent.pdf", lambda d: docs.biopsy_consent(d, p, date(2026, 10, 8), BRIDGE)),
        (
            "08_bmbx_order.pdf",
            lambda d: docs.biopsy_order(d, p, date(2026, 10, 1), date(2026, 10, 22), BRIDGE),
        ),
    ]
    write_packet(f, k)
    return label("PET/CT, a biopsy consent and a scheduled order; no marrow result", D="incomplete")


@packet
def i15_other_patients_serology_added(f: Path) -> Label:
    p = Patient("Howard", "G", "Pemberton", date(1961, 1, 9), "M", "7878909012", "941123345R")
    k = base(p)
    k.extras = [
        (
            "03b_serology.pdf",
            lambda d: docs.serology_ref_lab(
                d, OTHER, SeroSpec(collected=date(2026, 9, 23)), "OYELARAN, SAMUEL"
            ),
        )
    ]
    write_packet(f, k)
    lab = label("all items present, plus another patient's serology report")
    lab.complete = False
    return lab


@packet
def i16_only_serology_is_other_patients(f: Path) -> Label:
    p = Patient("Lorraine", "K", "Ashby", date(1964, 2, 2), "F", "9090121234", "953345567S")
    k = base(p, sero=None)
    k.extras = [
        (
            "03_serology.pdf",
            lambda d: docs.serology_ref_lab(
                d, OTHER, SeroSpec(collected=date(2026, 9, 23)), "OYELARAN, SAMUEL"
            ),
        )
    ]
    write_packet(f, k)
    return label("the only serology belongs to another patient", C="missing")


@packet
def i17_center_self_praise(f: Path) -> Label:
    p = Patient("Stanley", "R", "Quarles", date(1959, 5, 15), "M", "1357924680", "965567789T")
    k = base(p, facility=SAND, center="self")
    k.letter = letter_of(k, facility=SAND, address=("155 Memorial Drive", "Pinehurst, NC 28374"))
    write_packet(f, k)
    return label("B: only the hospital's own letter about its program", B=NOT_PRESENT)


@packet
def i18_chart_dump_36p_stale(f: Path) -> Label:
    p = Patient("Gerald", "T", "Hollins", date(1957, 9, 27), "M", "2468013579", "977789901U")
    k = base(p, sero=None, marrow=None)
    k.extras = [
        (
            "04_records_release.pdf",
            lambda d: chart_dump(
                d,
                p,
                BRIDGE,
                36,
                SeroSpec(date(2026, 6, 30)),
                MarrowSpec(date(2026, 8, 26)),
                9,
                27,
                narrative="Per outside records, HIV and hepatitis screens were negative "
                "(10/02/2026).",
            ),
        )
    ]
    write_packet(f, k)
    return label(
        "36-page chart print, serology inside collected 06/30/2026; narrative "
        "mention of negative screens",
        "present",
        C="stale",
    )


@packet
def i19_signature_pending(f: Path) -> Label:
    p = Patient("Priscilla", "A", "Norwood", date(1968, 7, 19), "F", "1122334455", "989901123V")
    k = base(p)
    k.letter = letter_of(
        k, signers=[replace(KOWALCZYK, mode="pending")], attending="Maria Kowalczyk, MD"
    )
    write_packet(f, k)
    return label("LMN from the EHR with 'NOT YET SIGNED' status", A="incomplete")


@packet
def i20_uk_serology_stale(f: Path) -> Label:
    p = Patient("Nigel", "H", "Ashcombe", date(1954, 3, 3), "M", "6677889900", "990011235W")
    k = base(p, product=KYMRIAH, center="novartis", sero_style="uk")
    k.letter = letter_of(k, product=KYMRIAH, signers=[ACHEBE], attending="Nnamdi Achebe, DO")
    # 08/06/2026 is 8 June (stale); read month-first it would be 6 August (current)
    k.sero = SeroSpec(
        collected=date(2026, 6, 8),
        reported=date(2026, 6, 19),
        hiv="Not detected",
        hbsag="Not detected",
        hbc="Not detected",
        hcv="Not detected",
    )
    write_packet(f, k)
    return label("NHS virology dd/mm/yyyy, sampled 08/06/2026 (8 June)", C="stale")


@packet
def i21_no_psychosocial(f: Path) -> Label:
    p = Patient("Delphine", "M", "Carrow", date(1973, 10, 5), "F", "4455667788", "912234456X")
    k = base(p, psych=None, e_echo=True)
    write_packet(f, k)
    return label("no psychosocial evaluation at all", "present", F="missing")


@packet
def i22_fellow_only_signed(f: Path) -> Label:
    p = Patient("Bartholomew", "J", "Greaves", date(1965, 12, 30), "M", "8899001122", "934456678Y")
    k = base(p)
    k.letter = letter_of(
        k,
        signers=[FELLOW, replace(THORNTON, mode="none")],
        attending="Rebecca L. Thornton, MD",
    )
    write_packet(f, k)
    return label("fellow signed; the named attending's line left blank", A="incomplete")


def build(root: Path) -> dict[str, Label]:
    """Write every packet under `root` (one folder each) and return the labels."""
    return {name: fn(root / name) for name, fn in PACKETS.items()}
