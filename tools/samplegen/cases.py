"""The fictitious patients, one per packet (complete and complete-combined share one)."""

from __future__ import annotations

import datetime as dt

from .cast import (
    ATTENDINGS,
    CLINICS,
    FACILITIES,
    PRODUCTS,
    REFERRING,
    Caregiver,
    Case,
    Patient,
    Regimen,
)
from .dates import rel

D = rel


def _m(y: int, m: int) -> dt.date:
    return rel(y, m, 1)


DLBCL_A = (
    Regimen("R-CHOP", _m(2025, 1), _m(2025, 5), "6", "Complete metabolic response (Deauville 2)"),
    Regimen("R-ICE", _m(2026, 3), _m(2026, 4), "2", "Progressive disease on interim PET/CT"),
    Regimen("Pola-BR (bridging)", _m(2026, 5), _m(2026, 6), "2", "Stable disease"),
)
DLBCL_B = (
    Regimen("Pola-R-CHP", _m(2025, 2), _m(2025, 6), "6", "Complete metabolic response"),
    Regimen("R-GemOx", _m(2026, 2), _m(2026, 4), "3", "Progressive disease"),
    Regimen("Tafasitamab + lenalidomide", _m(2026, 5), _m(2026, 7), "3", "Progressive disease"),
)
DLBCL_C = (
    Regimen("R-CHOP", _m(2024, 3), _m(2024, 7), "6", "Complete response"),
    Regimen("R-DHAP", _m(2025, 7), _m(2025, 9), "3", "Partial response"),
    Regimen(
        "BEAM + autologous stem cell transplant",
        _m(2025, 11),
        _m(2025, 11),
        "",
        "CR, relapse 05/2026",
    ),
    Regimen("Pola-BR (bridging)", _m(2026, 6), _m(2026, 7), "2", "Stable disease"),
)
MCL = (
    Regimen("Bendamustine + rituximab (BR)", _m(2023, 5), _m(2023, 10), "6", "Complete response"),
    Regimen("Rituximab maintenance", _m(2023, 12), _m(2025, 6), "10", "Relapse 07/2025"),
    Regimen("Acalabrutinib", _m(2025, 8), _m(2026, 6), "", "Progression on therapy"),
    Regimen("R-BAC (bridging)", _m(2026, 7), _m(2026, 8), "2", "Partial response"),
)
MM = (
    Regimen("VRd (bortezomib, lenalidomide, dexamethasone)", _m(2021, 5), _m(2021, 8), "4", "VGPR"),
    Regimen("Melphalan 200 mg/m2 + autologous SCT", _m(2021, 10), _m(2021, 10), "", "CR"),
    Regimen("Lenalidomide maintenance", _m(2021, 12), _m(2023, 9), "", "Progression"),
    Regimen(
        "Dara-Pd (daratumumab, pomalidomide, dex)", _m(2023, 10), _m(2025, 2), "17", "VGPR, then PD"
    ),
    Regimen(
        "KCd (carfilzomib, cyclophosphamide, dex)",
        _m(2025, 3),
        _m(2026, 6),
        "15",
        "Progressive disease",
    ),
)

REGIMENS = {"dlbcl_a": DLBCL_A, "dlbcl_b": DLBCL_B, "dlbcl_c": DLBCL_C, "mcl": MCL, "mm": MM}
DIAGNOSED = {
    "dlbcl_a": D(2024, 11, 18),
    "dlbcl_b": D(2025, 1, 9),
    "dlbcl_c": D(2024, 2, 12),
    "mcl": D(2023, 4, 20),
    "mm": D(2021, 4, 6),
}
RELAPSE = {"dlbcl_a": "February 2026", "dlbcl_b": "January 2026", "dlbcl_c": "May 2026"}


def _case(
    key: str,
    patient: Patient,
    story: str,
    product: str,
    facility: str,
    attending: str,
    referring: str,
    caregivers: tuple[Caregiver, Caregiver],
    occupation: str,
    residence: str,
    **habits: str,
) -> Case:
    disease = story.split("_")[0]
    extra = {"relapse": RELAPSE.get(story, ""), "story": story}
    return Case(
        key=key,
        patient=patient,
        disease=disease,
        product=PRODUCTS[product],
        facility=FACILITIES[facility],
        attending=ATTENDINGS[attending],
        referring=REFERRING[referring],
        clinic=CLINICS["foothills" if referring == "albright" else "mountainview"],
        caregivers=caregivers,
        regimens=REGIMENS[story],
        occupation=occupation,
        residence=residence,
        habits=dict(habits),
        diagnosed=DIAGNOSED[story],
        extra=extra,
    )


def _p(first, middle, last, sex, dob, mrn, member, street, city, phone) -> Patient:  # noqa: ANN001
    return Patient(first, middle, last, sex, dob, mrn, member, street, city, phone)


def _cg(name: str, rel: str, phone: str) -> Caregiver:
    return Caregiver(name, rel, phone)


CASES: dict[str, Case] = {}


def _add(c: Case) -> None:
    CASES[c.key] = c


_add(
    _case(
        "brennan",
        _p(
            "Harold",
            "W",
            "Brennan",
            "M",
            D(1958, 6, 23),
            "PH00482913",
            "WNC884120377",
            "41 Quarry Hollow Road",
            "Marlow Springs, NC 28798",
            "(828) 555-0107",
        ),
        "dlbcl_a",
        "yescarta",
        "piedmont",
        "whitfield",
        "albright",
        (
            _cg("Linda Brennan", "wife", "(828) 555-0108"),
            _cg("Michael Brennan", "son", "(828) 555-0122"),
        ),
        "is a retired high-school chemistry teacher",
        "with his wife in a single-story home in Marlow Springs, 40 minutes from the center",
        tobacco="Former smoker (20 pack-years), quit in 2005",
        alcohol="Drinks one or two beers per week",
        drugs="Denies illicit drug use",
        substance="Former smoker (20 pack-years), quit 2005. Drinks 1-2 beers per week; "
        "AUDIT-C 2. Denies illicit or recreational drug use.",
    )
)
_add(
    _case(
        "okafor",
        _p(
            "Denise",
            "M",
            "Okafor",
            "F",
            D(1967, 11, 4),
            "CV-7741208",
            "WNC610937254",
            "9 Wren Court",
            "Ridgeport, NC 27999",
            "(919) 555-0136",
        ),
        "dlbcl_b",
        "breyanzi",
        "cascade",
        "lindgren",
        "yates",
        (
            _cg("Samuel Okafor", "husband", "(919) 555-0137"),
            _cg("Grace Eze", "sister", "(919) 555-0161"),
        ),
        "works as an accountant for the county school system and is on medical leave",
        "with her husband in Ridgeport, 15 minutes from the hospital",
        marital="married",
        tobacco="Never smoker",
        alcohol="Rare social alcohol",
        drugs="No recreational drug use",
        mental="History of postpartum depression (1998), resolved; no current symptoms, no "
        "psychiatric medications. PHQ-9 score 5.",
        legal="No legal history reported.",
    )
)
_add(
    _case(
        "ferreira",
        _p(
            "Luis",
            "A",
            "Ferreira",
            "M",
            D(1971, 2, 17),
            "SB4410726",
            "WNC337801915",
            "207 Chapel Street, Apt 3",
            "Kilbarron, NC 28399",
            "(704) 555-0153",
        ),
        "mcl",
        "tecartus",
        "brendan",
        "marsh",
        "albright",
        (
            _cg("Ana Ferreira", "wife", "(704) 555-0154"),
            _cg("Rafael Ferreira", "brother", "(704) 555-0172"),
        ),
        "owns a small landscaping business, currently run by his brother",
        "with his wife and teenage daughter in Kilbarron, 25 minutes from the institute",
        tobacco="Never smoker",
        alcohol="Drinks socially, about two drinks per month",
        drugs="Denies drug use",
    )
)
_add(
    _case(
        "lindqvist",
        _p(
            "Margaret",
            "E",
            "Lindqvist",
            "F",
            D(1955, 9, 30),
            "CV-7710458",
            "WNC902214638",
            "1180 Birch Lane",
            "Ridgeport, NC 27999",
            "(919) 555-0179",
        ),
        "mm",
        "carvykti",
        "cascade",
        "varghese",
        "yates",
        (
            _cg("Erik Lindqvist", "husband", "(919) 555-0180"),
            _cg("Karin Holt", "daughter", "(919) 555-0193"),
        ),
        "is a retired librarian",
        "with her husband in Ridgeport, 20 minutes from the hospital",
        tobacco="Never smoker",
        alcohol="Does not drink alcohol",
        drugs="No illicit drug use",
    )
)
_add(
    _case(
        "abernathy",
        _p(
            "Thomas",
            "R",
            "Abernathy",
            "M",
            D(1962, 3, 14),
            "LRMC0093317",
            "WNC458820196",
            "66 Dune Road",
            "Port Ellison, NC 28599",
            "(252) 555-0111",
        ),
        "dlbcl_c",
        "kymriah",
        "lakeshore",
        "carvalho",
        "yates",
        (
            _cg("Joyce Abernathy", "wife", "(252) 555-0112"),
            _cg("Neil Abernathy", "brother", "(252) 555-0129"),
        ),
        "worked as a commercial fisherman until his diagnosis",
        "with his wife in Port Ellison, 10 minutes from the medical center",
        tobacco="Former smoker, quit 2012",
        alcohol="Two to three beers on weekends",
        drugs="Denies illicit drugs",
        legal="Reports a DUI in 1994; no legal issues since and none pending.",
    )
)
_add(
    _case(
        "raman",
        _p(
            "Priya",
            "S",
            "Raman",
            "F",
            D(1979, 7, 8),
            "PH00519342",
            "WNC775103482",
            "3 Orchard Terrace",
            "Brevard Falls, NC 28799",
            "(828) 555-0165",
        ),
        "dlbcl_a",
        "yescarta",
        "piedmont",
        "whitfield",
        "albright",
        (
            _cg("Arjun Raman", "husband", "(828) 555-0166"),
            _cg("Meera Iyer", "mother", "(828) 555-0186"),
        ),
        "is a high-school guidance counselor",
        "with her husband and two children in Brevard Falls, 10 minutes from the center",
        marital="married",
        tobacco="Never smoker",
        alcohol="No alcohol",
        drugs="No drug use",
    )
)
_add(
    _case(
        "nguyen",
        _p(
            "Walter",
            "K",
            "Nguyen",
            "M",
            D(1960, 12, 1),
            "CV-7698833",
            "WNC246618807",
            "55 Magnolia Row",
            "Ridgeport, NC 27999",
            "(919) 555-0140",
        ),
        "mm",
        "abecma",
        "cascade",
        "lindgren",
        "yates",
        (
            _cg("Helen Nguyen", "wife", "(919) 555-0141"),
            _cg("David Nguyen", "son", "(919) 555-0197"),
        ),
        "is a retired postal supervisor",
        "with his wife in Ridgeport, 12 minutes from the hospital",
        tobacco="Never smoker",
        alcohol="Occasional glass of wine",
        drugs="Denies illicit drug use",
    )
)
_add(
    _case(
        "whitaker",
        _p(
            "Carol",
            "J",
            "Whitaker",
            "F",
            D(1964, 5, 19),
            "LRMC0101846",
            "WNC590348871",
            "12 Lighthouse Lane",
            "Port Ellison, NC 28599",
            "(252) 555-0147",
        ),
        "dlbcl_b",
        "breyanzi",
        "lakeshore",
        "carvalho",
        "yates",
        (
            _cg("James Whitaker", "husband", "(252) 555-0148"),
            _cg("Beth Crane", "friend", "(252) 555-0194"),
        ),
        "is a part-time dental hygienist",
        "with her husband in Port Ellison, 15 minutes from the medical center",
        marital="married",
        tobacco="Never smoker",
        alcohol="One glass of wine on weekends",
        drugs="Denies drug use",
    )
)
_add(
    _case(
        "mahoney",
        _p(
            "Eugene",
            "P",
            "Mahoney",
            "M",
            D(1953, 8, 27),
            "PH00466120",
            "WNC118246093",
            "700 Ridge Top Drive",
            "Cedar Notch, NC 28698",
            "(336) 555-0116",
        ),
        "dlbcl_a",
        "yescarta",
        "piedmont",
        "whitfield",
        "yates",
        (
            _cg("Patricia Mahoney", "wife", "(336) 555-0117"),
            _cg("Kevin Mahoney", "son", "(336) 555-0183"),
        ),
        "is a retired civil engineer",
        "with his wife in Cedar Notch, about 90 minutes from the center",
        tobacco="Never smoker",
        alcohol="Drinks a glass of wine with dinner most evenings",
        drugs="Denies illicit drug use",
    )
)
_add(
    _case(
        "bustamante",
        _p(
            "Angela",
            "R",
            "Bustamante",
            "F",
            D(1969, 1, 12),
            "LRMC0087734",
            "WNC663017524",
            "18 Sandpiper Way",
            "Port Ellison, NC 28599",
            "(252) 555-0124",
        ),
        "mcl",
        "tecartus",
        "lakeshore",
        "carvalho",
        "yates",
        (
            _cg("Marco Bustamante", "husband", "(252) 555-0125"),
            _cg("Lucia Reyes", "sister", "(252) 555-0177"),
        ),
        "is a middle-school principal on medical leave",
        "with her husband in Port Ellison, 20 minutes from the medical center",
        marital="married",
        tobacco="Never smoker",
        alcohol="Rare alcohol",
        drugs="Denies drug use",
    )
)
_add(
    _case(
        "osei",
        _p(
            "Kevin",
            "L",
            "Osei",
            "M",
            D(1975, 10, 3),
            "PH00530077",
            "WNC781425360",
            "88 Millrace Road",
            "Brevard Falls, NC 28799",
            "(828) 555-0169",
        ),
        "dlbcl_a",
        "yescarta",
        "piedmont",
        "hurst",
        "albright",
        (
            _cg("Abena Osei", "wife", "(828) 555-0170"),
            _cg("Kwame Osei", "brother", "(828) 555-0192"),
        ),
        "works as an IT systems administrator, currently on short-term disability",
        "with his wife and son in Brevard Falls, 15 minutes from the center",
        tobacco="Never smoker",
        alcohol="Rarely drinks",
        drugs="Denies drug use",
    )
)
_add(
    _case(
        "kowalczyk",
        _p(
            "Ruth",
            "A",
            "Kowalczyk",
            "F",
            D(1957, 4, 22),
            "SB4398115",
            "WNC529046217",
            "14 Abbey Road",
            "Kilbarron, NC 28399",
            "(704) 555-0133",
        ),
        "mm",
        "carvykti",
        "brendan",
        "marsh",
        "albright",
        (
            _cg("Stanley Kowalczyk", "husband", "(704) 555-0134"),
            _cg("Anna Price", "daughter", "(704) 555-0187"),
        ),
        "is a retired nurse",
        "with her husband in Kilbarron, 15 minutes from the institute",
        marital="married",
        tobacco="Never smoker",
        alcohol="No alcohol",
        drugs="Denies drug use",
    )
)
_add(
    _case(
        "halloran",
        _p(
            "Dennis",
            "F",
            "Halloran",
            "M",
            D(1966, 6, 15),
            "CV-7755390",
            "WNC374459128",
            "402 Sawmill Road",
            "Ridgeport, NC 27999",
            "(919) 555-0155",
        ),
        "dlbcl_b",
        "breyanzi",
        "cascade",
        "lindgren",
        "yates",
        (
            _cg("Maureen Halloran", "wife", "(919) 555-0156"),
            _cg("Sean Halloran", "brother", "(919) 555-0174"),
        ),
        "works as an electrician and is on medical leave",
        "with his wife in Ridgeport, 25 minutes from the hospital",
        tobacco="Current smoker, half a pack per day, enrolled in cessation program",
        alcohol="Drinks two to four beers per week",
        drugs="Denies illicit drugs",
        substance="Current smoker (0.5 ppd), enrolled in tobacco cessation; 2-4 beers/week, "
        "AUDIT-C 3. Denies illicit drug use.",
    )
)
_add(
    _case(
        "greer",
        _p(
            "Samuel",
            "T",
            "Greer",
            "M",
            D(1959, 2, 28),
            "PH00471568",
            "WNC205583914",
            "19 Sourwood Lane",
            "Marlow Springs, NC 28798",
            "(828) 555-0104",
        ),
        "dlbcl_a",
        "yescarta",
        "piedmont",
        "whitfield",
        "albright",
        (
            _cg("Donna Greer", "wife", "(828) 555-0105"),
            _cg("Alicia Greer", "daughter", "(828) 555-0181"),
        ),
        "is a retired UPS driver",
        "with his wife in Marlow Springs, 35 minutes from the center",
        tobacco="Former smoker, quit 1999",
        alcohol="Does not drink",
        drugs="Denies drug use",
    )
)
_add(
    _case(
        "pierce",
        _p(
            "Yolanda",
            "C",
            "Pierce",
            "F",
            D(1972, 9, 9),
            "SB4425089",
            "WNC840172265",
            "5 Cloister Walk",
            "Kilbarron, NC 28399",
            "(704) 555-0118",
        ),
        "dlbcl_c",
        "kymriah",
        "brendan",
        "hurst",
        "albright",
        (
            _cg("Marcus Pierce", "husband", "(704) 555-0119"),
            _cg("Tanya Brooks", "sister", "(704) 555-0178"),
        ),
        "is a pharmacy technician",
        "with her husband in Kilbarron, 10 minutes from the institute",
        marital="married",
        tobacco="Never smoker",
        alcohol="Social alcohol only",
        drugs="No drug use",
    )
)
_add(
    _case(
        "ostrowski",
        _p(
            "Frank",
            "D",
            "Ostrowski",
            "M",
            D(1961, 11, 11),
            "PH00498814",
            "WNC667390142",
            "230 Creek Bend Road",
            "Marlow Springs, NC 28798",
            "(828) 555-0126",
        ),
        "dlbcl_a",
        "yescarta",
        "piedmont",
        "hurst",
        "albright",
        (
            _cg("Irene Ostrowski", "wife", "(828) 555-0127"),
            _cg("Paul Ostrowski", "brother", "(828) 555-0189"),
        ),
        "is a retired machinist",
        "with his wife in Marlow Springs, 40 minutes from the center",
        tobacco="Former smoker, quit 2010",
        alcohol="Occasional beer",
        drugs="Denies illicit drug use",
    )
)
_add(
    _case(
        "tsai",
        _p(
            "Helen",
            "M",
            "Tsai",
            "F",
            D(1956, 1, 25),
            "CV-7702264",
            "WNC315728849",
            "77 Ginkgo Street",
            "Ridgeport, NC 27999",
            "(919) 555-0130",
        ),
        "mm",
        "abecma",
        "cascade",
        "varghese",
        "yates",
        (
            _cg("Richard Tsai", "husband", "(919) 555-0132"),
            _cg("Emily Tsai", "daughter", "(919) 555-0195"),
        ),
        "is a retired pharmacist",
        "with her husband in Ridgeport, 10 minutes from the hospital",
        marital="married",
        tobacco="Never smoker",
        alcohol="No alcohol",
        drugs="Denies drug use",
    )
)
_add(
    _case(
        "bell",
        _p(
            "Marcus",
            "J",
            "Bell",
            "M",
            D(1968, 8, 8),
            "LRMC0112208",
            "WNC492036617",
            "41 Heron Point",
            "Port Ellison, NC 28599",
            "(252) 555-0143",
        ),
        "dlbcl_b",
        "breyanzi",
        "lakeshore",
        "carvalho",
        "yates",
        (
            _cg("Tonya Bell", "wife", "(252) 555-0144"),
            _cg("Andre Bell", "brother", "(252) 555-0198"),
        ),
        "is a long-haul truck driver, currently unable to work",
        "with his wife in Port Ellison, 15 minutes from the medical center",
        tobacco="Former smoker, quit 2015",
        alcohol="Rarely drinks",
        drugs="Remote marijuana use in his twenties, none since",
        substance="Former smoker (quit 2015); rare alcohol; remote marijuana use in his 20s, "
        "none since. Denies other drug use.",
    )
)
_add(
    _case(
        "sorensen",
        _p(
            "Janet",
            "L",
            "Sorensen",
            "F",
            D(1963, 3, 3),
            "SB4403371",
            "WNC150864473",
            "9 Bell Tower Lane",
            "Kilbarron, NC 28399",
            "(704) 555-0146",
        ),
        "mcl",
        "tecartus",
        "brendan",
        "marsh",
        "albright",
        (
            _cg("Erik Sorensen", "husband", "(704) 555-0149"),
            _cg("Ingrid Dahl", "sister", "(704) 555-0196"),
        ),
        "is a retired bank manager",
        "with her husband in Kilbarron, 20 minutes from the institute",
        marital="married",
        tobacco="Never smoker",
        alcohol="One glass of wine weekly",
        drugs="Denies drug use",
    )
)
_add(
    _case(
        "achebe",
        _p(
            "Gordon",
            "B",
            "Achebe",
            "M",
            D(1965, 7, 21),
            "PH00507731",
            "WNC938851206",
            "140 Laurel Gap Road",
            "Brevard Falls, NC 28799",
            "(828) 555-0157",
        ),
        "dlbcl_a",
        "yescarta",
        "piedmont",
        "whitfield",
        "albright",
        (
            _cg("Ngozi Achebe", "wife", "(828) 555-0159"),
            _cg("Chidi Achebe", "son", "(828) 555-0184"),
        ),
        "is a high-school football coach on medical leave",
        "with his wife in Brevard Falls, 20 minutes from the center",
        tobacco="Never smoker",
        alcohol="Drinks socially",
        drugs="Denies illicit drug use",
    )
)
_add(
    _case(
        "delacroix",
        _p(
            "Rosa",
            "I",
            "Delacroix",
            "F",
            D(1958, 12, 30),
            "PH00488265",
            "WNC573309148",
            "26 Hemlock Circle",
            "Marlow Springs, NC 28798",
            "(828) 555-0113",
        ),
        "mcl",
        "tecartus",
        "piedmont",
        "hurst",
        "albright",
        (
            _cg("Jean Delacroix", "husband", "(828) 555-0114"),
            _cg("Claire Dubois", "niece", "(828) 555-0188"),
        ),
        "is a retired French teacher",
        "with her husband in Marlow Springs, 35 minutes from the center",
        marital="married",
        tobacco="Never smoker",
        alcohol="A glass of wine with dinner on weekends",
        drugs="Denies drug use",
    )
)
