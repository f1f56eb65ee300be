"""Fictitious people and organisations. Phone numbers use the 555-01xx fiction range."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    middle: str = ""
    creds: str = ""  # "MD", "DO", "MSN, FNP-C", "LCSW, OSW-C", "PhD"
    title: str = ""  # "Attending Physician, Cellular Therapy Program"
    npi: str = ""

    @property
    def name(self) -> str:
        mid = f" {self.middle}." if self.middle else ""
        return f"{self.first}{mid} {self.last}"

    @property
    def full(self) -> str:
        """'Alan R. Whitfield, MD'"""
        return f"{self.name}, {self.creds}" if self.creds else self.name

    @property
    def plain(self) -> str:
        """'Alan R. Whitfield MD' (no comma, as some e-signature stamps print it)"""
        return f"{self.name} {self.creds.split(',')[0]}" if self.creds else self.name

    @property
    def dr(self) -> str:
        return f"Dr. {self.last}"

    @property
    def last_first(self) -> str:
        mid = f" {self.middle}" if self.middle else ""
        return f"{self.last.upper()}, {self.first.upper()}{mid.upper()}"


@dataclass(frozen=True)
class Org:
    name: str
    street: str
    city: str
    phone: str
    fax: str
    dept: str = ""
    web: str = ""
    ids: tuple[tuple[str, str], ...] = ()  # ("CLIA", "34D0999999")
    short: str = ""

    @property
    def initials(self) -> str:
        words = [w for w in self.name.replace("-", " ").split() if w[0].isupper()]
        return "".join(w[0] for w in words[:3])

    @property
    def fax_id(self) -> str:
        return (self.short or self.name).upper()[:22]


@dataclass(frozen=True)
class Patient:
    first: str
    middle: str
    last: str
    sex: str  # "M" / "F"
    dob: dt.date
    mrn: str
    member_id: str
    street: str
    city: str
    phone: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.middle}. {self.last}"

    @property
    def last_first(self) -> str:
        return f"{self.last.upper()}, {self.first.upper()} {self.middle.upper()}"

    @property
    def title_name(self) -> str:
        return f"{'Mr.' if self.sex == 'M' else 'Ms.'} {self.last}"

    @property
    def he(self) -> str:
        return "he" if self.sex == "M" else "she"

    @property
    def his(self) -> str:
        return "his" if self.sex == "M" else "her"

    @property
    def him(self) -> str:
        return "him" if self.sex == "M" else "her"

    @property
    def man(self) -> str:
        return "man" if self.sex == "M" else "woman"


@dataclass(frozen=True)
class Caregiver:
    name: str
    relation: str
    phone: str
    lives_with: bool = False


@dataclass(frozen=True)
class Product:
    brand: str
    generic: str
    abbrev: str
    hcpcs: str
    maker: Org
    dose: str


# --- organisations ----------------------------------------------------------

PLAN = Org(
    "Westfield North Care Health Plan",
    "PO Box 4410",
    "Granite Falls, NC 28699",
    "(800) 555-0163",
    "(800) 555-0199",
    dept="Utilization Management - Prior Authorization",
    short="WESTFIELD NORTH CARE",
)

FACILITIES = {
    "piedmont": Org(
        "Piedmont Highlands Cancer Center",
        "1400 Laurel Ridge Parkway",
        "Brevard Falls, NC 28799",
        "(828) 555-0142",
        "(828) 555-0148",
        dept="Cellular Therapy and Blood & Marrow Transplant Program",
        web="www.piedmonthighlands.example",
        ids=(("NPI", "1992000417"),),
        short="PIEDMONT HIGHLANDS CC",
    ),
    "cascade": Org(
        "Cascade Valley University Hospital",
        "2200 Alder Street, Tower B",
        "Ridgeport, NC 27999",
        "(919) 555-0110",
        "(919) 555-0119",
        dept="Division of Hematologic Malignancies and Cellular Therapy",
        web="cvuh.example.org",
        ids=(("NPI", "1992000733"),),
        short="CVUH HEME MALIG",
    ),
    "lakeshore": Org(
        "Lakeshore Regional Medical Center",
        "88 Harbor View Drive",
        "Port Ellison, NC 28599",
        "(252) 555-0175",
        "(252) 555-0176",
        dept="Cellular Immunotherapy Program",
        ids=(("NPI", "1992000851"),),
        short="LAKESHORE RMC",
    ),
    "brendan": Org(
        "Saint Brendan's Health Cancer Institute",
        "501 Monastery Hill Road",
        "Kilbarron, NC 28399",
        "(704) 555-0127",
        "(704) 555-0128",
        dept="Adult Stem Cell Transplant & CAR-T Service",
        ids=(("NPI", "1992000962"),),
        short="ST BRENDANS CI",
    ),
}

CLINICS = {
    "foothills": Org(
        "Foothills Hematology & Oncology Associates",
        "310 Sycamore Court, Suite 200",
        "Marlow Springs, NC 28798",
        "(828) 555-0131",
        "(828) 555-0139",
        dept="Community Oncology Practice",
        short="FOOTHILLS HEM ONC",
    ),
    "mountainview": Org(
        "Mountain View Oncology Group",
        "72 Overlook Boulevard",
        "Cedar Notch, NC 28698",
        "(336) 555-0151",
        "(336) 555-0158",
        short="MTN VIEW ONCOLOGY",
    ),
}

LABS = {
    "meridian": Org(
        "Meridian Reference Laboratories",
        "4500 Commerce Loop",
        "Sterling Park, NC 27899",
        "(800) 555-0102",
        "(800) 555-0103",
        dept="National Clinical Reference Laboratory",
        ids=(("CLIA", "34D0999012"), ("Lab Director", "Evelyn Strand, MD, PhD")),
        short="MERIDIAN REF LAB",
    ),
    "blueheron": Org(
        "Blue Heron Clinical Laboratory",
        "19 Tidewater Road",
        "Port Ellison, NC 28599",
        "(252) 555-0184",
        "(252) 555-0185",
        dept="Core Laboratory",
        ids=(("CLIA", "34D0999347"), ("Medical Director", "Raymond Achterberg, MD")),
        short="BLUE HERON LAB",
    ),
    "tricounty": Org(
        "Tri-County Hospital Laboratory Services",
        "1 Hospital Drive",
        "Marlow Springs, NC 28798",
        "(828) 555-0190",
        "(828) 555-0191",
        dept="Department of Laboratory Medicine",
        ids=(("CLIA", "34D0999588"), ("Director", "Miriam Cole, MD")),
        short="TRI-COUNTY LAB",
    ),
    "northgate": Org(
        "Northgate Diagnostics",
        "900 Gatehouse Avenue",
        "Sterling Park, NC 27899",
        "(877) 555-0166",
        "(877) 555-0167",
        dept="Transplant & Cellular Therapy Infectious Disease Markers",
        ids=(("CLIA", "34D0999790"), ("Laboratory Director", "Hugo Pellerin, MD")),
        short="NORTHGATE DX",
    ),
}

PATH_LABS = {
    "summit": Org(
        "Summit Hematopathology Associates",
        "6120 Ridgecrest Drive, Suite 400",
        "Sterling Park, NC 27899",
        "(800) 555-0114",
        "(800) 555-0115",
        dept="Hematopathology Consultation Service",
        ids=(("CLIA", "34D0999233"),),
        short="SUMMIT HEMEPATH",
    ),
}

IMAGING = {
    "highlands": Org(
        "Highlands Imaging Partners",
        "1400 Laurel Ridge Parkway, Level 1",
        "Brevard Falls, NC 28799",
        "(828) 555-0145",
        "(828) 555-0146",
        dept="Nuclear Medicine / PET-CT",
        short="HIGHLANDS IMAGING",
    ),
}

MAKERS = {
    "kestrel": Org(
        "Kestrel Cell Therapeutics, Inc.",
        "2700 Bayfront Boulevard",
        "Harbor City, CA 94999",
        "(888) 555-0120",
        "(888) 555-0121",
        dept="Treatment Center Network",
        web="kestrelcell.example",
        short="KESTREL CELL",
    ),
    "halcyon": Org(
        "Halcyon Biotherapeutics, Inc.",
        "45 Innovation Way",
        "Lawrenceville, NJ 08999",
        "(866) 555-0134",
        "(866) 555-0135",
        dept="Cell Therapy Site Operations",
        web="halcyonbio.example",
        short="HALCYON BIO",
    ),
    "aldermoor": Org(
        "Aldermoor Pharmaceuticals Corporation",
        "One Aldermoor Plaza",
        "Summit Ridge, NJ 07999",
        "(844) 555-0170",
        "(844) 555-0171",
        dept="CAR-T Access Support - Site Qualification",
        web="aldermoor-cart.example",
        short="ALDERMOOR",
    ),
    "tessellate": Org(
        "Tessellate Biologics LLC",
        "800 Meridian Park",
        "Horsham Glen, PA 19099",
        "(855) 555-0188",
        "(855) 555-0189",
        dept="Treatment Center Qualification",
        web="tessellatebio.example",
        short="TESSELLATE BIO",
    ),
}

PRODUCTS = {
    "yescarta": Product(
        "Yescarta",
        "axicabtagene ciloleucel",
        "axi-cel",
        "Q2041",
        MAKERS["kestrel"],
        "2 x 10^6 CAR-positive viable T cells/kg (maximum 2 x 10^8)",
    ),
    "tecartus": Product(
        "Tecartus",
        "brexucabtagene autoleucel",
        "brexu-cel",
        "Q2053",
        MAKERS["kestrel"],
        "2 x 10^6 CAR-positive viable T cells/kg (maximum 2 x 10^8)",
    ),
    "breyanzi": Product(
        "Breyanzi",
        "lisocabtagene maraleucel",
        "liso-cel",
        "Q2054",
        MAKERS["halcyon"],
        "50-110 x 10^6 CAR-positive viable T cells (CD8 and CD4 components)",
    ),
    "abecma": Product(
        "Abecma",
        "idecabtagene vicleucel",
        "ide-cel",
        "Q2055",
        MAKERS["halcyon"],
        "300-510 x 10^6 CAR-positive T cells",
    ),
    "kymriah": Product(
        "Kymriah",
        "tisagenlecleucel",
        "tisa-cel",
        "Q2042",
        MAKERS["aldermoor"],
        "0.6-6.0 x 10^8 CAR-positive viable T cells",
    ),
    "carvykti": Product(
        "Carvykti",
        "ciltacabtagene autoleucel",
        "cilta-cel",
        "Q2056",
        MAKERS["tessellate"],
        "0.5-1.0 x 10^6 CAR-positive viable T cells/kg (maximum 1 x 10^8)",
    ),
}

# --- clinicians -------------------------------------------------------------

ATTENDINGS = {
    "whitfield": Person(
        "Alan",
        "Whitfield",
        "R",
        "MD",
        "Attending Physician, Cellular Therapy Program",
        "1881000104",
    ),
    "varghese": Person(
        "Sunita", "Varghese", "", "MD", "Attending Physician, Hematology/Oncology", "1881000212"
    ),
    "marsh": Person(
        "Jonathan", "Marsh", "E", "DO", "Attending Physician, BMT & Cellular Therapy", "1881000337"
    ),
    "carvalho": Person(
        "Beatriz",
        "Carvalho",
        "L",
        "MD",
        "Medical Director, Cellular Immunotherapy Program",
        "1881000445",
    ),
    "hurst": Person(
        "Nathaniel",
        "Hurst",
        "P",
        "DO",
        "Attending Physician, Hematologic Malignancies",
        "1881000559",
    ),
    "lindgren": Person(
        "Grace",
        "Lindgren",
        "H",
        "MD",
        "Associate Professor of Medicine; Attending Physician",
        "1881000667",
    ),
}

REFERRING = {
    "albright": Person("Karen", "Albright", "S", "MD", "Medical Oncology", "1881000771"),
    "yates": Person("Robert", "Yates", "", "MD", "Hematology & Medical Oncology", "1881000889"),
}

FELLOW = Person("Evan", "Castillo", "M", "MD", "Hematology/Oncology Fellow (PGY-5)", "1881000993")
NURSE_PRACTITIONER = Person(
    "Maria",
    "Delgado",
    "T",
    "MSN, FNP-C",
    "Nurse Practitioner, Cellular Therapy Program",
    "1881001017",
)

PATHOLOGISTS = [
    Person("Harriet", "Okonkwo", "N", "MD", "Hematopathologist"),
    Person("Lawrence", "Fitch", "B", "MD", "Staff Pathologist"),
    Person("Ingrid", "Malmberg", "S", "MD", "Hematopathology"),
]
RADIOLOGISTS = [
    Person("Peter", "Sato", "J", "MD", "Nuclear Medicine"),
    Person("Alisha", "Rahman", "", "MD", "Diagnostic Radiology"),
]
CARDIOLOGISTS = [
    Person("Samir", "Haddad", "", "MD", "Cardiology"),
    Person("Joanna", "Pruett", "K", "MD", "Echocardiography Laboratory"),
]
PULMONOLOGISTS = [Person("Victor", "Ames", "L", "MD", "Pulmonary Function Laboratory")]
SOCIAL_WORKERS = [
    Person("Jennifer", "Collins", "A", "LCSW, OSW-C", "Oncology Social Worker"),
    Person("Dana", "Whitmore", "R", "LCSW", "Transplant & Cellular Therapy Social Work"),
]
PSYCHOLOGISTS = [Person("Oliver", "Brandt", "M", "PhD", "Licensed Psychologist, Psycho-Oncology")]

MANUFACTURER_SIGNERS = [
    Person("Rachel", "Summers", "", "", "Director, Treatment Center Network"),
    Person("Thomas", "Achebe-Lund", "", "", "Senior Manager, Site Qualification"),
    Person("Priya", "Anand", "", "", "Site Activation Lead"),
]


@dataclass(frozen=True)
class Regimen:
    name: str
    start: dt.date
    end: dt.date | None
    cycles: str
    response: str
    note: str = ""


@dataclass
class Case:
    """The clinical facts one packet is about."""

    key: str
    patient: Patient
    disease: str  # "dlbcl", "mcl", "mm"
    product: Product
    facility: Org
    attending: Person
    referring: Person
    clinic: Org
    caregivers: tuple[Caregiver, Caregiver]
    regimens: tuple[Regimen, ...]
    occupation: str
    residence: str
    habits: dict[str, str] = field(default_factory=dict)
    diagnosed: dt.date = dt.date(2024, 11, 18)
    extra: dict[str, str] = field(default_factory=dict)
