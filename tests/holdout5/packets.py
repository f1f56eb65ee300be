"""Family 5 packets: each a folder of PDFs, labelled with a careful intake reviewer's verdict
under /work/shared/CONTRACT.md as of AS_OF.

C cut-off as of 2026-10-15: collected after 2026-07-15 is current (07/15 itself is stale).
D cut-off: a marrow on or after 2026-04-15 is current (04/14 is stale).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tests.holdout5 import docs as d
from tests.holdout5.docs import Case, Patient, Pdf, Sero, Sig

AS_OF = "2026-10-15"

Status = str | tuple[str, ...]


@dataclass(frozen=True)
class Label:
    complete: bool
    items: dict[str, Status]
    flags: tuple[str, ...] = ()
    note: str = ""


def label(complete: bool = True, flags: tuple[str, ...] = (), note: str = "", **items) -> Label:
    base: dict[str, Status] = dict.fromkeys("ABCDF", "present") | {"E": "not_provided"}
    return Label(complete, base | items, flags, note)


NOT_LMN = ("missing", "incomplete")
E_ANY = ("present", "not_provided")

# ---------------------------------------------------------------------------- people

P = {
    "brennan": Patient("Walter", "J", "Okafor", date(1961, 3, 4), "M", "XKH884120377", "00482913"),
    "lindgren": Patient("Ingrid", "", "Lindgren", date(1957, 8, 19), "F", "W2207741903", "7731045"),
    "castillo": Patient("Rafael", "E", "Castillo", date(1968, 11, 2), "M", "MCD55019284", "118204"),
    "nguyen": Patient("Thu", "A", "Nguyen", date(1955, 1, 27), "F", "HPN300918226", "A550913"),
    "abara": Patient("Chidi", "", "Abara", date(1972, 6, 14), "M", "BCX71133058", "3398172"),
    "harlow": Patient("Margaret", "L", "Harlow", date(1959, 11, 23), "F", "UHC90081155", "M44021"),
    "kessler": Patient("Dennis", "R", "Kessler", date(1964, 4, 27), "M", "AET20993117", "5520087"),
    "moreau": Patient("Celine", "", "Moreau", date(1970, 2, 9), "F", "CIG77301948", "0091833"),
    "petrov": Patient("Alexei", "V", "Petrov", date(1963, 9, 30), "M", "HUM44810290", "2218830"),
    "okoye": Patient("Grace", "N", "Okoye", date(1966, 5, 5), "F", "BSC61029933", "7710294"),
    "yamada": Patient("Kenji", "", "Yamada", date(1958, 12, 16), "M", "KPS11820466", "R881204"),
    "fitz": Patient("Siobhan", "M", "Fitzgerald", date(1962, 7, 21), "F", "ANT50928811", "6620193"),
    "delgado": Patient("Roberto", "A", "Delgado", date(1960, 10, 8), "M", "MOL88201937", "4410928"),
    "bauer": Patient("Heidi", "", "Bauer", date(1974, 3, 18), "F", "WLP30018842", "9930217"),
    "singh": Patient("Harpreet", "", "Singh", date(1967, 1, 13), "M", "CNC72201845", "1182093"),
    "oconnor": Patient(
        "Patrick", "S", "O'Connor", date(1956, 6, 29), "M", "MDC44019282", "3301928"
    ),
    "reyes": Patient("Lucia", "B", "Reyes", date(2003, 9, 12), "F", "CHP10293847", "8820193"),
    "walsh": Patient("Eamon", "", "Walsh", date(1965, 2, 24), "M", "HNT20199381", "5509182"),
    "adler": Patient("Miriam", "", "Adler", date(1953, 4, 15), "F", "MCR55100293", "2290381"),
    "banda": Patient("Joseph", "K", "Banda", date(1969, 8, 7), "M", "SHP66029183", "6029184"),
    "quinn": Patient("Nora", "E", "Quinn", date(1961, 12, 1), "F", "GHP88210394", "7710392"),
    "halvorsen": Patient("Erik", "", "Halvorsen", date(1958, 5, 22), "M", "BCB30291847", "991027"),
    "sato": Patient("Aiko", "", "Sato", date(1971, 10, 31), "F", "UHC11029384", "4402918"),
    "mensah": Patient("Kwame", "", "Mensah", date(1963, 3, 28), "M", "AET55019283", "3390182"),
    "ortega": Patient("Daniela", "", "Ortega", date(1976, 7, 17), "F", "CIG20019384", "8810293"),
    "kowal": Patient("Stanley", "P", "Kowalski", date(1954, 9, 3), "M", "HUM99018273", "5501928"),
    "price": Patient("Beverly", "A", "Price", date(1960, 1, 19), "F", "BSC30192834", "6610293"),
    "tran": Patient("Minh", "", "Tran", date(1966, 6, 6), "M", "ANT10293845", "3320918"),
    "ellis": Patient("Harold", "W", "Ellis", date(1957, 2, 14), "M", "MOL20391827", "7720193"),
    "novak": Patient("Jana", "", "Novak", date(1968, 8, 29), "F", "WLP55201938", "1120394"),
    "foster": Patient("Curtis", "L", "Foster", date(1962, 4, 3), "M", "CNC30192847", "2290183"),
    "grant": Patient("Yvonne", "", "Grant", date(1959, 7, 25), "F", "MDC11029384", "9920183"),
    "hughes": Patient("Trevor", "", "Hughes", date(1964, 11, 11), "M", "HNT30192834", "4410293"),
    "lam": Patient("Wendy", "", "Lam", date(1970, 5, 20), "F", "SHP20193847", "5520193"),
    "stranger": Patient("Gloria", "J", "Pettigrew", date(1949, 2, 17), "F", "", "0038812"),
    "stranger2": Patient("Lionel", "", "Marchetti", date(1951, 10, 2), "M", "", "7719203"),
}

# ---------------------------------------------------------------------------- organisations

ORGS = {
    "tallgrass": (
        "Tallgrass University Medical Center",
        "Division of Hematology & Oncology",
        ["2400 Prairie View Road, Wichita Falls, KS 67002", "Tel 316-555-0110 | Fax 316-555-0111"],
        "circle",
        (20, 70, 140),
        ["Cellular Therapy Program", "FACT-accredited"],
    ),
    "pinecrest": (
        "Pinecrest Hematology & Oncology, P.A.",
        "Community oncology since 1994",
        ["118 Birch Hollow Drive, Suite 300", "Asheboro, NC 27203  ph 336-555-0190"],
        "bars",
        (0, 110, 60),
        [],
    ),
    "meridian": (
        "Meridian Lakes Cancer Center",
        "Blood & Marrow Transplant and Cellular Therapy",
        ["9 Lakeshore Boulevard, Duluth, MN 55802", "Referrals: 218-555-0144"],
        "square",
        (150, 60, 10),
        ["Fax 218-555-0145"],
    ),
    "ashford": (
        "Ashford Memorial Hospital",
        "Cancer Institute - Lymphoma & Myeloma Program",
        ["77 Ridgeline Avenue, Roanoke, VA 24011", "T 540-555-0170  F 540-555-0171"],
        "cross",
        (140, 20, 30),
        [],
    ),
    "coldwater": (
        "Coldwater Valley Medical Center",
        "Department of Medicine, Hematology",
        ["500 Valley Road, Coldwater, MI 49036", "(517) 555-0123"],
        "tri",
        (30, 90, 90),
        ["Adult Immune Effector Cell Program"],
    ),
}

FACILITIES = {
    "tallgrass": (
        "Tallgrass University Medical Center",
        "2400 Prairie View Road, Wichita Falls, KS 67002",
    ),
    "meridian": ("Meridian Lakes Cancer Center", "9 Lakeshore Boulevard, Duluth, MN 55802"),
    "ashford": ("Ashford Memorial Hospital", "77 Ridgeline Avenue, Roanoke, VA 24011"),
    "coldwater": ("Coldwater Valley Medical Center", "500 Valley Road, Coldwater, MI 49036"),
}

PRODUCTS = {
    "yescarta": ("Yescarta (axicabtagene ciloleucel)", "Kite Pharma, Inc."),
    "kymriah": ("Kymriah (tisagenlecleucel)", "Novartis Pharmaceuticals Corporation"),
    "breyanzi": ("Breyanzi (lisocabtagene maraleucel)", "Bristol Myers Squibb"),
    "abecma": ("Abecma (idecabtagene vicleucel)", "Bristol Myers Squibb"),
    "carvykti": ("Carvykti (ciltacabtagene autoleucel)", "Janssen Biotech, Inc."),
    "tecartus": ("Tecartus (brexucabtagene autoleucel)", "Kite Pharma, Inc."),
}

DLBCL = [
    ("R-CHOP x 6 cycles", "01/2025 - 05/2025", "complete metabolic response"),
    ("R-ICE x 2 cycles", "11/2025 - 12/2025", "progression at first restaging"),
    (
        "Polatuzumab vedotin-bendamustine-rituximab x 4",
        "02/2026 - 05/2026",
        "progressive disease on PET",
    ),
]
FL = [
    ("Bendamustine-rituximab x 6", "03/2022 - 08/2022", "complete response"),
    ("Lenalidomide-rituximab (R2) x 12", "06/2024 - 05/2025", "partial response, then relapse"),
    ("Mosunetuzumab", "09/2025 - 03/2026", "progression after 8 cycles"),
]
MCL = [
    (
        "Bendamustine-rituximab x 6 + rituximab maintenance",
        "04/2023 - 02/2025",
        "complete response",
    ),
    ("Ibrutinib 560 mg daily", "05/2025 - 04/2026", "progression on BTK inhibitor"),
]
MM = [
    ("VRd induction, then autologous stem cell transplant", "02/2022 - 09/2022", "VGPR"),
    ("Lenalidomide maintenance", "10/2022 - 01/2024", "biochemical progression"),
    ("Daratumumab-pomalidomide-dexamethasone", "02/2024 - 01/2025", "progression"),
    ("Carfilzomib-cyclophosphamide-dexamethasone", "02/2025 - 07/2026", "progression"),
]
ALL = [
    ("Pediatric-inspired induction (CALGB 10403)", "01/2024 - 04/2024", "MRD-negative CR"),
    ("Blinatumomab", "03/2025 - 06/2025", "second relapse, 45% marrow blasts"),
]

SOCIAL = [
    "He is married and lives with his wife in a single-family home 40 minutes from the center. "
    "He is a retired electrician, has never smoked and drinks rarely.",
    "She is widowed and lives with her daughter, who works from home. She is a former school "
    "librarian, a never-smoker, and does not drink.",
    "He lives with his partner; he works in logistics and is on medical leave. Former smoker "
    "(10 pack-years, quit 2009). No alcohol or drug use.",
]


def case(
    who: str,
    product: str,
    fac: str,
    attending: str,
    history=DLBCL,
    social: int = 0,
    c1: str = "",
    c2: str = "",
    dx: str = "",
    payer: str = "Blue Horizon Health Plan",
    extra: tuple[str, ...] = (),
) -> Case:
    p = P[who]
    prod, maker = PRODUCTS[product]
    fname, faddr = FACILITIES[fac]
    dxs = {
        id(DLBCL): ("diffuse large B-cell lymphoma, germinal center type", "stage IV"),
        id(FL): ("follicular lymphoma, grade 3A", "stage IIIA, relapsed"),
        id(MCL): ("mantle cell lymphoma", "stage IV, blastoid variant"),
        id(MM): ("multiple myeloma, IgG kappa", "R-ISS stage II"),
        id(ALL): ("B-cell acute lymphoblastic leukemia", "second relapse"),
    }[id(history)]
    return Case(
        patient=p,
        dx=dx or dxs[0],
        stage=dxs[1],
        history=list(history),
        product=prod,
        maker=maker,
        facility=fname,
        facility_addr=faddr,
        attending=attending,
        referring="Dr. Alan Whitcomb",
        payer=payer,
        social=SOCIAL[social],
        caregiver1=c1 or ("Joan Mercer (wife)" if p.sex == "M" else "Thomas Mercer (husband)"),
        caregiver2=c2 or "Daniel Mercer (son)",
        extra_history=list(extra),
    )


# ---------------------------------------------------------------------------- standard pieces

LETTER = date(2026, 10, 5)
SERO_C, SERO_R = date(2026, 9, 14), date(2026, 9, 16)
MARROW = date(2026, 8, 27)
PSY = date(2026, 9, 22)

Piece = Callable[[Pdf], None]


def esig(name: str, *titles: str, when: str = "10/05/2026 15:12") -> Sig:
    return Sig("esign", name, titles, when)


def p_lmn(
    c: Case,
    sig: Sig | None = None,
    org: str = "tallgrass",
    style=0,
    ehr=False,
    when: date = LETTER,
    self_line: str | None = None,
) -> Piece:
    sig = sig or esig(c.attending, "Attending Physician, Hematology/Oncology")
    if ehr:
        return lambda pdf: d.lmn_ehr(pdf, c, when, sig, ORGS[org][0])
    return lambda pdf: d.lmn_formal(pdf, c, when, sig, ORGS[org], style, self_line)


def p_auth(c: Case, style=0) -> Piece:
    return lambda pdf: d.mfr_auth(pdf, c, date(2025, 6, 2), style)


def p_sero(
    c: Case,
    coll: date = SERO_C,
    rep: date = SERO_R,
    tests=d.NEG_PANEL,
    kind="ref",
    p: Patient | None = None,
    fmt=d.us,
) -> Piece:
    who = p or c.patient
    if kind == "ref":
        return lambda pdf: d.lab_reference(
            pdf,
            who,
            fmt(coll) + " 08:42",
            fmt(coll) + " 15:10",
            fmt(rep) + " 06:55",
            tests,
            physician=c.attending,
            client=c.facility,
        )
    return lambda pdf: d.lab_hospital(
        pdf, who, fmt(coll) + " 0715", fmt(rep) + " 1402", tests, c.facility.split()[0]
    )


def p_marrow(
    c: Case,
    proc: date = MARROW,
    fmt=d.us,
    p: Patient | None = None,
    label_: str = "Date of procedure",
) -> Piece:
    who = p or c.patient
    dx = {
        "multiple": "Plasma cell neoplasm, kappa restricted, 35% of marrow cellularity by CD138 "
        "immunohistochemistry. FISH: t(4;14) positive.",
        "acute": "B-lymphoblastic leukemia, relapsed; blasts 48% of aspirate differential. "
        "CD19 expression retained by flow cytometry.",
    }
    text = next(
        (v for k, v in dx.items() if k in c.dx),
        "Involvement by large B-cell lymphoma, approximately 20% of cellularity; "
        "CD20-positive, CD10-positive, BCL6-positive. Normocellular marrow otherwise.",
    )
    signed = proc.replace(day=min(proc.day + 2, 28))
    return lambda pdf: d.marrow_report(
        pdf,
        who,
        fmt(proc),
        fmt(signed),
        "Tallgrass University Medical Center"
        if "Tallgrass" in c.facility
        else "Regional Pathology Associates",
        text,
        date_label=label_,
    )


def p_pet(c: Case, when: date = date(2026, 9, 2)) -> Piece:
    return lambda pdf: d.pet_ct(pdf, c.patient, d.us(when), "Northgate Imaging")


def p_echo(c: Case) -> Piece:
    return lambda pdf: d.echo(pdf, c.patient, d.us(date(2026, 9, 10)), "Heart Associates")


def psych_fields(c: Case, **over: str) -> dict[str, str]:
    return d.PSYCH_FULL | {"primary": c.caregiver1, "secondary": c.caregiver2} | over


BOXES = {
    "compliance": True,
    "support": True,
    "mental": False,
    "substance": False,
    "legal": False,
    "rec": True,
}


def p_psych_form(c: Case, boxes=BOXES, **over: str) -> Piece:
    return lambda pdf: d.psych_form(
        pdf,
        c.patient,
        d.us(PSY),
        c.facility,
        psych_fields(c, **over),
        boxes,
        "Renee Whitfield, LCSW",
    )


def narrative(c: Case, drop: str = "", **over: str) -> list[tuple[str, str]]:
    p = c.patient
    he = "he" if p.sex == "M" else "she"
    paras = {
        "Reason for referral": f"Pre-CAR T psychosocial evaluation requested by {c.attending}.",
        "Adherence": f"{p.first} describes a consistent record of attending appointments and "
        f"taking oral medications as prescribed; clinic records confirm no no-shows. {he.title()} "
        "understands the 28-day proximity and no-driving requirements.",
        "Support system": f"Close family network. {c.caregiver1} and {c.caregiver2} have "
        "arranged time off work.",
        "Post-infusion care plan": f"Primary caregiver: {c.caregiver1}. Secondary (back-up) "
        f"caregiver: {c.caregiver2}. The family has reserved an apartment 6 miles from the "
        "center for 30 days.",
        "Mental health": "No prior psychiatric diagnoses or treatment. Mood euthymic; GAD-7 = 3. "
        "Copes by reading and walking.",
        "Substance use": "Denies tobacco, vaping, cannabis and other drugs; alcohol only on "
        "holidays. AUDIT-C 1.",
        "Legal": "No history of arrests or convictions; no pending legal issues. Has a "
        "health-care power of attorney naming the primary caregiver.",
        "Assessment": "Psychosocially cleared for cellular therapy. Social work will follow "
        "through the treatment course.",
    }
    paras |= over
    return [(k, v) for k, v in paras.items() if k != drop]


def p_psych_narr(c: Case, drop: str = "", **over: str) -> Piece:
    return lambda pdf: d.psych_narrative(
        pdf,
        c.patient,
        d.us(PSY),
        c.facility,
        narrative(c, drop, **over),
        "Tomasz Wierzbicki, LICSW",
    )


def standard(c: Case, **over: list[Piece] | None) -> dict[str, list[Piece]]:
    """The usual five files of a complete packet; an entry of None drops a file."""
    files: dict[str, list[Piece] | None] = {
        "letter_of_medical_necessity.pdf": [p_lmn(c)],
        "treatment_center.pdf": [p_auth(c)],
        "serologies.pdf": [p_sero(c)],
        "bone_marrow_pathology.pdf": [p_marrow(c)],
        "psychosocial.pdf": [p_psych_form(c)],
    }
    files |= over
    return {k: v for k, v in files.items() if v is not None}


# ---------------------------------------------------------------------------- chart dumps


def chart(
    c: Case,
    fax: str,
    core: dict[str, Piece],
    filler_first: int = 4,
    notes_rows: dict[int, list[tuple[str, str, str, str]]] | None = None,
    note_text: dict[int, str] | None = None,
) -> list[Piece]:
    """A faxed chart: cover, then the core documents interleaved with notes, MARs and
    nursing notes. `core` maps a slot name to a piece; notes are numbered from 0."""
    p = c.patient
    org = c.facility
    notes_rows = notes_rows or {}
    note_text = note_text or {}
    out: list[Piece] = [
        lambda pdf: d.fax_cover(
            pdf,
            f"{org} Cellular Therapy Intake",
            c.payer + " Prior Authorization",
            "{nb}",
            "10/06/2026",
            f"PA request - {p.full}",
        )
    ]
    n = 0

    def note(k: int) -> Piece:
        when = date(2026, 9, 1 + 2 * k)
        kind = ["Progress Note", "Hem/Onc Clinic Visit", "Telephone Encounter", "Infusion Visit"][
            k % 4
        ]
        author = [
            "Alicia Brandt, MD",
            "Jonah Pierce, NP",
            "Alicia Brandt, MD",
            "Farah Qureshi, PA-C",
        ][k % 4]
        return lambda pdf: d.progress_note(
            pdf, p, when, org, author, kind, notes_rows.get(k, ()), note_text.get(k, "")
        )

    for _ in range(filler_first):
        out.append(note(n))
        n += 1
    for i, piece in enumerate(core.values()):
        out.append(piece)
        out.append(note(n))
        n += 1
        if i % 2 == 0:
            out.append(lambda pdf, k=i: d.mar(pdf, p, date(2026, 8, 10 + k), org))
        else:
            out.append(lambda pdf, k=i: d.nursing_note(pdf, p, date(2026, 8, 11 + k), org, k))
    return out


# ---------------------------------------------------------------------------- packets


def packets() -> dict[str, tuple[dict[str, list[Piece]], Label, str | None]]:
    out: dict[str, tuple[dict[str, list[Piece]], Label, str | None]] = {}

    def add(name: str, files: dict[str, list[Piece]], lab: Label, fax: str | None = None):
        out[name] = (files, lab, fax)

    # --- complete baselines -------------------------------------------------
    c = case("brennan", "yescarta", "tallgrass", "Elena M. Vasquez, MD")
    add("c01_academic_kite_complete", standard(c, **{"echo.pdf": [p_echo(c)]}), label(E="present"))

    c = case("lindgren", "kymriah", "coldwater", "Gordon P. Haskell, MD", history=FL, social=1)
    sig = Sig("drawn", "Gordon P. Haskell, MD", ("Medical Oncology",), "10/02/2026")
    add(
        "c02_community_drawn_signature_complete",
        standard(
            c,
            **{
                "letter_of_medical_necessity.pdf": [p_lmn(c, sig, org="pinecrest", style=1)],
                "treatment_center.pdf": [
                    lambda pdf, c=c: d.contract_excerpt(pdf, c, date(2024, 3, 1))
                ],
                "psychosocial.pdf": [p_psych_narr(c)],
            },
        ),
        label(),
    )

    c = case("castillo", "breyanzi", "meridian", "Naomi Fairbanks, MD", social=2)
    fax = "OCT-06-2026 10:14  FROM: MERIDIAN LAKES CC   TO: 18005550199   P.{p}/{nb}"
    core = {
        "lmn": p_lmn(c, org="meridian", style=2),
        "sero": p_sero(c, kind="hosp"),
        "bm": p_marrow(c),
        "pet": p_pet(c),
        "psych": p_psych_narr(c),
        "auth": p_auth(c, 1),
        "echo": p_echo(c),
    }
    add(
        "c03_faxed_chart_complete",
        {"fax_20261006.pdf": chart(c, fax, core, 6)},
        label(E="present"),
        fax,
    )

    c = case("nguyen", "carvykti", "ashford", "Rebecca T. Lindqvist, DO", history=MM, social=1)
    sig = Sig(
        "slash",
        "Rebecca T. Lindqvist, DO",
        ("Myeloma Program, Ashford Cancer Institute",),
        "10/03/2026",
    )
    add(
        "c04_myeloma_do_slash_signature_complete",
        standard(
            c,
            **{
                "letter_of_medical_necessity.pdf": [p_lmn(c, sig, org="ashford")],
                "outside_results.pdf": [
                    lambda pdf, c=c: d.myeloma_labs(
                        pdf, c.patient, "09/08/2026", "Ashford Memorial"
                    ),
                    p_echo(c),
                ],
            },
        ),
        label(E="present"),
    )

    c = case("abara", "abecma", "tallgrass", "David K. Osei, MD", history=MM)
    sig = Sig(
        "esign",
        "Priya Raman, MD",
        ("Hematology/Oncology Fellow, PGY-5",),
        "10/01/2026 16:05",
        also=(
            Sig(
                "esign",
                "David K. Osei, MD",
                ("Attending Physician",),
                "10/02/2026 08:12",
                note="Attending attestation: I have reviewed "
                "this letter, agree with its content and have "
                "personally examined the patient.",
            ),
        ),
    )
    add(
        "c05_fellow_drafted_attending_cosigned_complete",
        standard(
            c,
            **{
                "letter_of_medical_necessity.pdf": [p_lmn(c, sig, ehr=True)],
                "myeloma_labs.pdf": [
                    lambda pdf, c=c: d.myeloma_labs(pdf, c.patient, "09/21/2026", "Tallgrass")
                ],
            },
        ),
        label(),
    )

    c = case("harlow", "tecartus", "meridian", "Naomi Fairbanks, MD", history=MCL, social=1)

    def uk(pdf: Pdf, c: Case = c) -> None:
        d.lab_day_first(
            pdf,
            c.patient,
            date(2026, 9, 1),
            date(2026, 9, 4),
            d.NEG_PANEL,
            "UK",
        )

    add(
        "c06_uk_lab_day_first_complete",
        standard(
            c,
            **{
                "serologies.pdf": [uk],
                "letter_of_medical_necessity.pdf": [p_lmn(c, org="meridian")],
            },
        ),
        label(
            note="UK lab: DOB 23/11/1959 and the locale show day-first; 01/09/2026 is 1 September"
        ),
    )

    # --- look-alike letters: none is the LMN -------------------------------
    c = case("kessler", "yescarta", "tallgrass", "Elena M. Vasquez, MD")
    sig = esig(c.attending, "Cellular Therapy Program")
    add(
        "t07_consult_letter_to_referrer",
        standard(
            c,
            **{
                "letter_of_medical_necessity.pdf": None,
                "consult_letter.pdf": [
                    lambda pdf, c=c: d.consult_letter(
                        pdf, c, date(2026, 9, 18), sig, ORGS["tallgrass"]
                    )
                ],
            },
        ),
        label(False, A=NOT_LMN),
    )

    c = case("moreau", "breyanzi", "coldwater", "Gordon P. Haskell, MD", social=1)
    sig = Sig("drawn", "Gordon P. Haskell, MD", (), "")
    add(
        "t08_letter_to_patient_and_denial",
        standard(
            c,
            **{
                "letter_of_medical_necessity.pdf": None,
                "letter_to_patient.pdf": [
                    lambda pdf, c=c: d.patient_letter(
                        pdf, c, date(2026, 9, 29), sig, ORGS["coldwater"]
                    )
                ],
                "plan_notice.pdf": [
                    lambda pdf, c=c: d.payer_notice(pdf, c, date(2026, 10, 9), False)
                ],
            },
        ),
        label(False, A=NOT_LMN),
    )

    c = case("petrov", "kymriah", "meridian", "Naomi Fairbanks, MD", history=FL, social=2)
    add(
        "t09_peer_to_peer_request",
        standard(
            c,
            **{
                "letter_of_medical_necessity.pdf": None,
                "p2p.pdf": [
                    lambda pdf, c=c: d.p2p_request(
                        pdf,
                        c,
                        date(2026, 10, 12),
                        esig(c.attending, when="10/12/2026 09:30"),
                        ORGS["meridian"],
                    )
                ],
            },
        ),
        label(False, A=NOT_LMN),
    )

    c = case("okoye", "carvykti", "ashford", "Rebecca T. Lindqvist, DO", history=MM, social=1)
    add(
        "t10_pa_form_and_approval_notice",
        standard(
            c,
            **{
                "letter_of_medical_necessity.pdf": None,
                "pa_request_form.pdf": [
                    lambda pdf, c=c: d.pa_form(pdf, c, date(2026, 10, 1), "Tamika Rhodes")
                ],
                "approval.pdf": [lambda pdf, c=c: d.payer_notice(pdf, c, date(2026, 10, 8), True)],
            },
        ),
        label(False, A=NOT_LMN),
    )

    # --- signatures ------------------------------------------------------------
    c = case("yamada", "yescarta", "tallgrass", "Helen Marsh, MD", social=2)
    sig = esig("Karen Ortiz, APRN, FNP-BC", "Nurse Practitioner, Lymphoma Program")
    add(
        "t11_signed_only_by_nurse_practitioner",
        standard(
            c,
            **{
                "letter_of_medical_necessity.pdf": [
                    p_lmn(
                        c,
                        sig,
                        self_line="I am the nurse "
                        "practitioner working with Dr. Helen Marsh, "
                        "the patient's attending physician.",
                    )
                ]
            },
        ),
        label(False, A="incomplete"),
    )

    c = case("fitz", "breyanzi", "coldwater", "Oliver Strand, MD", social=1)
    sig = Sig("placeholder", "Oliver Strand, MD", ("Hematology",))
    add(
        "t12_esignature_placeholder_no_name",
        standard(
            c, **{"letter_of_medical_necessity.pdf": [p_lmn(c, sig, org="coldwater", ehr=True)]}
        ),
        label(False, A="incomplete"),
    )

    c = case("bauer", "tecartus", "meridian", "Naomi Fairbanks, MD", history=MCL, social=1)
    sig = Sig("blank", "Naomi Fairbanks, MD", ("Attending, BMT & Cellular Therapy",))
    add(
        "t13_blank_signature_line",
        standard(
            c, **{"letter_of_medical_necessity.pdf": [p_lmn(c, sig, org="meridian", style=2)]}
        ),
        label(False, A="incomplete"),
    )

    c = case("singh", "yescarta", "ashford", "Marcus Oyelaran, MD", social=2)
    sig = Sig(
        "dictated",
        "Marcus Oyelaran, MD",
        ("Lymphoma Program",),
        note="DICTATED BUT NOT READ.  D: 10/01/2026 11:20  T: 10/02/2026 07:45  Job 88120",
    )
    add(
        "t14_dictated_but_not_read",
        standard(c, **{"letter_of_medical_necessity.pdf": [p_lmn(c, sig, org="ashford")]}),
        label(False, A="incomplete"),
    )

    c = case("oconnor", "yescarta", "tallgrass", "Samuel O. Adeyemi, MD")
    sig = Sig(
        "drawn",
        "Samuel O. Adeyemi, MD",
        (
            "Director, Cellular Immunotherapy Service",
            "Department of Medicine, Division of Hematology & Oncology",
        ),
        "10/04/2026",
    )
    add(
        "t15_signer_with_director_title_complete",
        standard(c, **{"letter_of_medical_necessity.pdf": [p_lmn(c, sig, style=1)]}),
        label(),
    )

    # --- psychosocial --------------------------------------------------------
    c = case("walsh", "breyanzi", "coldwater", "Oliver Strand, MD", social=2)
    boxes = BOXES | {"substance": None, "legal": None}
    add(
        "t16_psych_form_blank_and_na",
        standard(c, **{"psychosocial.pdf": [p_psych_form(c, boxes, substance="", legal="N/A")]}),
        label(False, F="incomplete"),
    )

    c = case("adler", "kymriah", "meridian", "Naomi Fairbanks, MD", history=FL, social=1)
    add(
        "t17_psych_substance_not_assessed",
        standard(
            c,
            **{
                "psychosocial.pdf": [
                    p_psych_narr(
                        c,
                        **{
                            "Substance use": "Not assessed at this visit; to be "
                            "completed at the next appointment."
                        },
                    )
                ]
            },
        ),
        label(False, F="incomplete"),
    )

    c = case("banda", "yescarta", "ashford", "Marcus Oyelaran, MD")
    boxes = BOXES | {"compliance": None}
    add(
        "t18_psych_compliance_unticked_blank",
        standard(c, **{"psychosocial.pdf": [p_psych_form(c, boxes, compliance="")]}),
        label(False, F="incomplete"),
    )

    c = case(
        "quinn",
        "tecartus",
        "tallgrass",
        "Elena M. Vasquez, MD",
        history=MCL,
        social=1,
        c1="Brian Quinn (husband)",
        c2="(none identified)",
    )
    add("t19_psych_secondary_caregiver_none_identified", standard(c), label(False, F="incomplete"))

    c = case("halvorsen", "breyanzi", "meridian", "Naomi Fairbanks, MD")
    add(
        "t37_psych_narrative_no_legal_history",
        standard(c, **{"psychosocial.pdf": [p_psych_narr(c, drop="Legal")]}),
        label(False, F="incomplete"),
    )

    c = case(
        "delgado",
        "yescarta",
        "coldwater",
        "Gordon P. Haskell, MD",
        c1="Maria Delgado (wife)",
        c2="Luis Delgado (son)",
    )
    add(
        "t31_caregivers_share_patient_surname_complete",
        standard(c, **{"psychosocial.pdf": [p_psych_narr(c)]}),
        label(),
    )

    # --- serology and marrow dates --------------------------------------------
    c = case("sato", "yescarta", "tallgrass", "Elena M. Vasquez, MD", social=1)
    add(
        "t20_serology_one_day_inside_three_months_complete",
        standard(c, **{"serologies.pdf": [p_sero(c, date(2026, 7, 16), date(2026, 7, 17))]}),
        label(),
    )

    c = case("mensah", "breyanzi", "ashford", "Marcus Oyelaran, MD", social=2)
    add(
        "t21_serology_exactly_three_months_stale",
        standard(
            c, **{"serologies.pdf": [p_sero(c, date(2026, 7, 15), date(2026, 7, 17), kind="hosp")]}
        ),
        label(False, C="stale"),
    )

    c = case("ortega", "tecartus", "coldwater", "Gordon P. Haskell, MD", history=ALL, social=1)
    add(
        "t22_marrow_exactly_six_months_complete",
        standard(c, **{"bone_marrow_pathology.pdf": [p_marrow(c, date(2026, 4, 15))]}),
        label(),
    )

    c = case("kowal", "yescarta", "meridian", "Naomi Fairbanks, MD")
    add(
        "t23_marrow_six_months_and_a_day_stale",
        standard(
            c,
            **{
                "bone_marrow_pathology.pdf": [p_marrow(c, date(2026, 4, 14))],
                "pet_ct.pdf": [p_pet(c)],
            },
        ),
        label(False, D="stale"),
    )

    c = case("price", "breyanzi", "tallgrass", "Elena M. Vasquez, MD", social=1)

    def au(pdf: Pdf, c: Case = c) -> None:
        d.lab_day_first(
            pdf,
            c.patient,
            date(2026, 9, 3),
            date(2026, 9, 16),
            d.NEG_PANEL,
            "AU",
        )

    add(
        "t24_australian_lab_day_first_current_complete",
        standard(c, **{"serologies.pdf": [au]}),
        label(note="03/09/2026 is 3 September (report 16/09/2026 shows day-first)"),
    )

    c = case("tran", "yescarta", "ashford", "Marcus Oyelaran, MD", social=2)

    def au(pdf: Pdf, c: Case = c) -> None:
        d.lab_day_first(
            pdf,
            c.patient,
            date(2026, 7, 12),
            date(2026, 7, 15),
            d.NEG_PANEL,
            "AU",
        )

    add(
        "t38_australian_lab_day_first_stale",
        standard(c, **{"serologies.pdf": [au]}),
        label(False, C="stale", note="12/07/2026 is 12 July, before the 07/15 cut-off"),
    )

    c = case("ellis", "tecartus", "coldwater", "Oliver Strand, MD", history=MCL)
    add(
        "t25_iso_and_spelled_out_dates_complete",
        standard(
            c,
            **{
                "serologies.pdf": [p_sero(c, date(2026, 9, 8), date(2026, 9, 9), fmt=d.iso)],
                "bone_marrow_pathology.pdf": [p_marrow(c, date(2026, 9, 2), fmt=d.dlong)],
            },
        ),
        label(),
    )

    c = case("novak", "kymriah", "meridian", "Naomi Fairbanks, MD", history=FL, social=1)
    add(
        "t26_serology_collected_after_as_of",
        standard(c, **{"serologies.pdf": [p_sero(c, date(2026, 10, 21), date(2026, 10, 22))]}),
        label(False, C="incomplete", flags=("future-date",)),
    )

    c = case("foster", "yescarta", "tallgrass", "Elena M. Vasquez, MD", social=2)
    old = (
        Sero("HIV-1/2 Antigen/Antibody, 4th gen", "Nonreactive"),
        Sero("Hepatitis B surface antigen", "Nonreactive"),
        Sero("Hepatitis B core antibody, total", "REACTIVE", "A"),
        Sero("Hepatitis B surface antibody", "Reactive", "", "Immune >=10 mIU/mL"),
        Sero("Hepatitis C antibody", "Nonreactive"),
    )
    new = (
        Sero("HIV-1/2 Antigen/Antibody, 4th gen", "Nonreactive"),
        Sero("Hepatitis C antibody", "Nonreactive"),
    )
    add(
        "t27_old_reactive_hbv_core_antibody_complete",
        standard(
            c,
            **{
                "serologies.pdf": [
                    p_sero(c, date(2026, 9, 10), date(2026, 9, 11), new),
                    p_sero(c, date(2026, 3, 12), date(2026, 3, 13), old, kind="hosp"),
                ]
            },
        ),
        label(note="HBV judged on the March panel: total anti-HBc reactive counts at any age"),
    )

    c = case(
        "grant",
        "breyanzi",
        "ashford",
        "Marcus Oyelaran, MD",
        social=1,
        extra=(
            "4. Axicabtagene ciloleucel (Yescarta), infused 03/2025 - complete response at day 90; "
            "CD19-positive relapse 11/2025.",
        ),
    )
    add("t28_prior_car_t_in_history_complete", standard(c), label(flags=("prior-car-t",)))

    # --- identity --------------------------------------------------------------
    c = case("hughes", "yescarta", "coldwater", "Oliver Strand, MD", social=2)
    add(
        "t29_other_patients_serology_also_enclosed",
        standard(
            c,
            **{
                "outside_labs.pdf": [
                    p_sero(c, date(2026, 9, 20), date(2026, 9, 21), p=P["stranger"])
                ]
            },
        ),
        label(False, flags=("patient-mismatch",)),
    )

    c = case("lam", "tecartus", "meridian", "Naomi Fairbanks, MD", history=MCL, social=1)
    add(
        "t30_only_serology_is_another_patients",
        standard(
            c,
            **{
                "serologies.pdf": [
                    p_sero(c, date(2026, 9, 20), date(2026, 9, 21), kind="hosp", p=P["stranger2"])
                ]
            },
        ),
        label(False, C="missing", flags=("patient-mismatch",)),
    )

    # --- serology content --------------------------------------------------------
    c = case("lindgren", "breyanzi", "tallgrass", "Elena M. Vasquez, MD", social=1)
    pend = d.NEG_PANEL[:3] + (Sero("Hepatitis C antibody", "Pending", "", "--"),)
    add(
        "t35_hcv_result_pending",
        standard(c, **{"serologies.pdf": [p_sero(c, tests=pend)]}),
        label(False, C="incomplete"),
    )

    c = case("castillo", "kymriah", "coldwater", "Gordon P. Haskell, MD", history=FL)
    surf = (
        Sero("HIV-1/2 Antigen/Antibody, 4th gen", "Nonreactive"),
        Sero("Hepatitis B surface antibody", "Reactive", "", "Immune >=10 mIU/mL"),
        Sero("Hepatitis C antibody", "Nonreactive"),
    )
    add(
        "t36_hbv_surface_antibody_only",
        standard(c, **{"serologies.pdf": [p_sero(c, tests=surf, kind="hosp")]}),
        label(False, C="incomplete"),
    )

    # --- treatment center ------------------------------------------------------
    c = case("nguyen", "yescarta", "coldwater", "Oliver Strand, MD", social=1)
    add(
        "t34_center_onboarding_not_yet_authorized",
        standard(
            c,
            **{
                "treatment_center.pdf": [
                    lambda pdf, c=c: d.onboarding_pending(pdf, c, date(2026, 9, 30))
                ]
            },
        ),
        label(False, B=("missing", "incomplete")),
    )

    # --- chart dumps -----------------------------------------------------------
    c = case("kessler", "yescarta", "ashford", "Marcus Oyelaran, MD", social=2)
    rows = [
        ("HIV-1/2 Ag/Ab screen", "Nonreactive", "Nonreactive", "09/18/2026"),
        ("Hepatitis B surface Ag", "Nonreactive", "Nonreactive", "09/18/2026"),
        ("Hepatitis B core Ab, total", "Nonreactive", "Nonreactive", "09/18/2026"),
        ("Hepatitis C Ab", "Nonreactive", "Nonreactive", "09/18/2026"),
        ("WBC", "3.1 L", "4.0-11.0 K/uL", "09/18/2026"),
    ]
    fax = "09/30/2026 16:48 ASHFORD CANCER INST      -> 18005550199       Page {p} of {nb}"
    core = {
        "lmn": p_lmn(c, org="ashford", ehr=True),
        "pet": p_pet(c),
        "bm": p_marrow(c),
        "psych": p_psych_form(c),
        "auth": p_auth(c),
    }
    add(
        "t32_chart_dump_serology_only_in_note_table_complete",
        {"chart_kessler.pdf": chart(c, fax, core, 10, notes_rows={9: rows})},
        label(
            E=E_ANY,
            note="serologies only in a progress note's results table, with a Collected column",
        ),
        fax,
    )

    c = case("moreau", "yescarta", "meridian", "Naomi Fairbanks, MD", social=1)
    fax = "FROM: MERIDIAN LAKES BMT  TO: BLUE HORIZON UM  10/07/2026 09:02  P.{p}/{nb}"
    core = {
        "lmn": p_lmn(c, org="meridian", style=1),
        "sero": p_sero(c),
        "pet": p_pet(c),
        "psych": p_psych_narr(c),
        "auth": p_auth(c, 1),
    }
    text = {
        3: "Bone marrow biopsy 08/21/2026 showed about 30% involvement by large B-cell "
        "lymphoma (report at outside facility, not available). Feels tired, no fevers."
    }
    add(
        "t33_chart_dump_marrow_only_mentioned_in_note",
        {"chart.pdf": chart(c, fax, core, 9, note_text=text)},
        label(False, D="incomplete"),
        fax,
    )

    return out


def build(root: Path) -> dict[str, Label]:
    labels: dict[str, Label] = {}
    for name, (files, lab, fax) in packets().items():
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        for fname, pieces in files.items():
            totals = None
            for _ in range(2):  # the first pass counts each document's pages for "of N"
                pdf = Pdf(fax=fax, totals=totals)
                for piece in pieces:
                    piece(pdf)
                totals = pdf.section_pages()
            pdf.output(str(folder / fname))
        labels[name] = lab
    return labels
