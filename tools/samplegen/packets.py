"""The sample packets: what each holds and what a checker should say about it."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from .build import Doc, Fax, OutFile, Picker
from .cases import CASES
from .cast import FELLOW, NURSE_PRACTITIONER, Case
from .dates import AS_OF, days_before, months_before, rel

D = dt.date
ITEMS = ("A", "B", "C", "D", "E", "F")
NEG3 = [("hiv_agab", "neg"), ("hbsag", "neg"), ("hbc_total", "neg"), ("hcv_ab", "neg")]


@dataclass
class Packet:
    name: str
    case: Case
    files: list[OutFile]
    summary: str
    items: dict[str, str]
    reasons: dict[str, list[str]] = field(default_factory=dict)
    fax: Fax | None = None
    flags: list[str] = field(default_factory=list)
    notes: str = ""

    @property
    def exit_code(self) -> int:
        return 0 if all(self.items[i] == "present" for i in ITEMS if i != "E") else 1


class Timeline:
    """Default dates for one case, all before the as-of date and current."""

    def __init__(self, key: str) -> None:
        r = random.Random(f"timeline/{key}")
        self.letter = days_before(r.randint(10, 16))
        self.fax = self.letter + dt.timedelta(days=r.randint(1, 4))
        self.fax_minutes = r.randint(8 * 60, 17 * 60)
        self.sero = days_before(r.randint(26, 64))
        self.biopsy = days_before(r.randint(40, 110))
        self.pet = days_before(r.randint(18, 40))
        self.prior_pet = self.pet - dt.timedelta(days=r.randint(95, 125))
        self.echo = days_before(r.randint(20, 38))
        self.pft = self.echo + dt.timedelta(days=1)
        self.ecg = self.echo
        self.cbc = days_before(r.randint(6, 11))
        self.psych = days_before(r.randint(19, 45))
        self.atc_effective = rel(2025, r.randint(1, 9), 1)
        self.start = AS_OF + dt.timedelta(days=r.randint(14, 30))


DESCRIPTIVE = {
    "pa_form": ("PA request form.pdf", "Prior Auth Form - {last}.pdf", "WNC PA form.pdf"),
    "letter": ("LMN_{last}.pdf", "Letter of Medical Necessity - {last}.pdf", "01 LMN.pdf"),
    "atc": ("ATC verification.pdf", "Authorized treatment center letter.pdf", "ATC - {last}.pdf"),
    "serology": ("Serology {date}.pdf", "HIV hepatitis panel.pdf", "ID serologies {date}.pdf"),
    "bm_path": ("Bone marrow biopsy path report.pdf", "BM bx {date}.pdf", "Pathology - BM.pdf"),
    "pet": ("PET-CT report.pdf", "PETCT {date}.pdf"),
    "flow": ("Flow cytometry.pdf", "Flow {date}.pdf"),
    "fish": ("FISH report.pdf", "Cytogenetics FISH.pdf"),
    "ln_path": ("Path - lymph node excision.pdf",),
    "spep": ("SPEP FLC.pdf", "Myeloma labs {date}.pdf"),
    "echo": ("Echo.pdf", "TTE report.pdf"),
    "pft": ("PFTs.pdf",),
    "ecg": ("EKG.pdf", "ECG 12 lead.pdf"),
    "cbc": ("CBC CMP.pdf", "Labs - CBC CMP {date}.pdf"),
    "psych": ("Psychosocial evaluation.pdf", "SW psychosocial assessment.pdf"),
}
OPAQUE = (
    "scan_0019.pdf",
    "scan_0020.pdf",
    "scan_0023.pdf",
    "fax_20260803_1016.pdf",
    "Document (3).pdf",
    "Document (4).pdf",
    "IMG_4471.pdf",
    "attachment.pdf",
    "ATT00012.pdf",
    "20260930_141522.pdf",
    "doc02231820261002.pdf",
    "Scan 2026-10-01 11.42.07.pdf",
    "file_7.pdf",
    "Untitled.pdf",
    "print.pdf",
    "ATT00013.pdf",
)


def _doc_date(doc: Doc) -> D | None:
    for k in ("collected", "procedure", "exam", "study", "test", "acquired", "date"):
        if k in doc.args and isinstance(doc.args[k], D):
            return doc.args[k]
    return None


def name_files(name: str, case: Case, docs: list[Doc], naming: str) -> list[OutFile]:
    rng = random.Random(f"names/{name}")
    opaque = list(OPAQUE)
    rng.shuffle(opaque)
    used: set[str] = set()
    files = []
    for doc in docs:
        if naming == "opaque" or (naming == "mixed" and rng.random() < 0.45):
            fname = opaque.pop()
        else:
            pattern = rng.choice(DESCRIPTIVE[doc.kind])
            d = _doc_date(doc)
            fname = pattern.format(last=case.patient.last, date=d.isoformat() if d else "2026")
        while fname in used:
            fname = fname.replace(".pdf", " (1).pdf")
        used.add(fname)
        files.append(OutFile(fname, [doc]))
    return files


def with_cover(
    name: str, files: list[OutFile], t: Timeline, pick: Picker, *, keep_name: bool = False
) -> list[OutFile]:
    """A faxed packet: the fax cover sheet goes in front of the PA form, in one file."""
    cover = Doc("cover", {"date": t.fax, "minutes": t.fax_minutes}, pick.pick("cover"))
    out = []
    for f in files:
        if f.docs[0].kind == "pa_form":
            rng = random.Random(f"cover/{name}")
            fname = (
                f.name
                if keep_name
                else rng.choice(
                    ("00 Fax cover and PA form.pdf", f"fax_{t.fax:%Y%m%d}.pdf", "cover.pdf", f.name)
                )
            )
            out.insert(0, OutFile(fname, [cover, *f.docs]))
        else:
            out.append(f)
    return out


def sero(
    collected: D,
    rows: list[tuple[str, str]],
    *,
    key: str = "",
    family: str = "",
    reported: D | None = None,
    printed: D | None = None,
    extras: bool = True,
    received: D | None = None,
) -> Doc:
    args: dict[str, Any] = {"collected": collected, "rows": rows, "extras": extras}
    if reported:
        args["reported"] = reported
    if printed:
        args["printed"] = printed
    if received:
        args["received"] = received
    return Doc("serology", args, family, key)


def assemble(
    case: Case,
    pick: Picker,
    t: Timeline,
    *,
    letter_family: str = "",
    signer: Any = "attending",
    sig_form: str = "",
    line_kind: str = "underscore",
    mention_marrow: D | None = None,
    atc: bool = True,
    serology: list[Doc] | None = None,
    biopsy: D | None | str = "default",
    biopsy_addendum: D | None = None,
    flow_specimen: str = "",
    extra_diag: list[Doc] | None = None,
    e_kinds: tuple[str, ...] = ("echo", "cbc"),
    psych_gap: str | None = None,
    pa_form: bool = True,
    avoid: dict[str, set[str]] | None = None,
) -> list[Doc]:
    avoid = avoid or {}
    docs: list[Doc] = []

    def fam(kind: str) -> str:
        return pick.pick(kind, avoid.get(kind, set()))

    if pa_form:
        docs.append(Doc("pa_form", {"date": t.fax, "start": t.start}, fam("pa_form")))
    sig = {
        "attending": case.attending,
        "unsigned": None,
        "np": NURSE_PRACTITIONER,
        "fellow": FELLOW,
    }[signer]
    rng = random.Random(f"sig/{case.key}")
    docs.append(
        Doc(
            "letter",
            {
                "date": t.letter,
                "signer": sig,
                "sig_form": sig_form
                or rng.choice(("esig_by", "slash_s", "signed_electronically", "e_signed")),
                "mention_marrow": mention_marrow,
                "line_kind": line_kind,
            },
            letter_family or fam("letter"),
        )
    )
    if atc:
        f = fam("atc")
        issued = {
            "mfr_letter": t.atc_effective + dt.timedelta(days=3),
            "agreement": t.atc_effective,
            "verification": t.letter - dt.timedelta(days=9),
        }[f]
        docs.append(Doc("atc", {"issued": issued, "effective": t.atc_effective}, f))
    for s in serology if serology is not None else [sero(t.sero, NEG3)]:
        if not s.family:
            s.family = fam("serology")
        s.args.setdefault("printed", max(t.letter - dt.timedelta(days=2), s.args["collected"]))
        if s.args["printed"] < s.args.get("reported", s.args["collected"] + dt.timedelta(days=2)):
            s.args["printed"] = s.args.get("reported", s.args["collected"] + dt.timedelta(days=2))
        docs.append(s)
    bx = t.biopsy if biopsy == "default" else biopsy
    if isinstance(bx, D):
        docs.append(
            Doc(
                "bm_path",
                {
                    "procedure": bx,
                    "received": bx,
                    "signed_out": bx + dt.timedelta(days=3),
                    "printed": max(t.letter - dt.timedelta(days=3), bx + dt.timedelta(days=3)),
                    "addendum": biopsy_addendum,
                },
                fam("bm_path"),
            )
        )
    if case.disease == "mm":
        docs.append(Doc("spep", {"collected": t.cbc - dt.timedelta(days=20)}, fam("spep")))
    docs.append(
        Doc(
            "pet",
            {
                "exam": t.pet,
                "prior": t.prior_pet,
                "printed": t.letter,
                "mention_marrow": biopsy is None,
            },
            fam("pet"),
        )
    )
    if case.disease != "mm":
        spec = flow_specimen or (
            "Bone marrow aspirate" if isinstance(bx, D) else "Peripheral blood"
        )
        fdate = bx if (isinstance(bx, D) and "marrow" in spec.lower()) else t.pet
        docs.append(
            Doc(
                "flow",
                {"collected": fdate, "reported": fdate + dt.timedelta(days=2), "specimen": spec},
                fam("flow"),
            )
        )
    if isinstance(bx, D) and case.disease == "mm":
        docs.append(
            Doc(
                "fish",
                {
                    "collected": bx,
                    "reported": bx + dt.timedelta(days=9),
                    "specimen": "Bone marrow aspirate, CD138-enriched",
                },
                fam("fish"),
            )
        )
    elif case.disease != "mm":
        rel = case.diagnosed + dt.timedelta(days=2)
        docs.append(
            Doc(
                "fish",
                {
                    "collected": rel,
                    "reported": rel + dt.timedelta(days=8),
                    "specimen": "Lymph node, formalin-fixed paraffin-embedded tissue",
                },
                fam("fish"),
            )
        )
    docs.extend(extra_diag or [])
    for k in e_kinds:
        date_key = {"echo": "study", "pft": "test", "ecg": "acquired", "cbc": "collected"}[k]
        docs.append(Doc(k, {date_key: getattr(t, k)}, fam(k)))
    docs.append(Doc("psych", {"date": t.psych, "gap": psych_gap}, fam("psych")))
    return docs


def _fams(docs: list[Doc]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for d in docs:
        out.setdefault(d.kind, set()).add(d.family)
    return out


def _items(**over: str) -> dict[str, str]:
    items = {i: "present" for i in ITEMS}
    items.update(over)
    return items


def build_packets() -> list[Packet]:
    pick = Picker("carcheck-samples-2026")
    packets: list[Packet] = []
    P = packets.append

    # complete -----------------------------------------------------------------------
    c = CASES["brennan"]
    t = Timeline(c.key)
    docs = assemble(
        c,
        pick,
        t,
        letter_family="formal",
        sig_form="esig_by",
        e_kinds=("echo", "pft", "ecg", "cbc"),
    )
    complete_docs = docs
    P(
        Packet(
            "complete",
            c,
            name_files("complete", c, docs, "descriptive"),
            "Every item present and current, one document per file; E has echo, PFT, ECG and "
            "CBC/CMP.",
            _items(),
        )
    )

    # complete-combined ------------------------------------------------------------------
    cover = Doc("cover", {"date": t.fax, "minutes": t.fax_minutes}, pick.pick("cover"))
    P(
        Packet(
            "complete-combined",
            c,
            [
                OutFile(
                    f"fax_{t.fax:%Y%m%d}_{t.fax_minutes // 60:02d}{t.fax_minutes % 60:02d}.pdf",
                    [cover] + complete_docs,
                )
            ],
            "The complete packet as ONE faxed PDF: fax cover, PA request form, then every "
            "document in turn (fax header line on every page).",
            _items(),
            fax=Fax("a", t.fax, t.fax_minutes),
        )
    )

    # unsigned-letter --------------------------------------------------------------------
    c = CASES["abernathy"]
    t = Timeline(c.key)
    docs = assemble(c, pick, t, letter_family="formal", signer="unsigned")
    P(
        Packet(
            "unsigned-letter",
            c,
            name_files("unsigned-letter", c, docs, "descriptive"),
            "Letter ends with 'Sincerely,', an empty underscore signature line and the typed "
            "name; no signature statement. Everything else present.",
            _items(A="incomplete"),
            {"A": ["not signed"]},
        )
    )

    # unsigned-letter-drawn-line ---------------------------------------------------------
    c = CASES["pierce"]
    t = Timeline(c.key)
    docs = assemble(
        c, pick, t, letter_family="ehr", signer="unsigned", line_kind="drawn", e_kinds=("ecg",)
    )
    P(
        Packet(
            "unsigned-letter-drawn-line",
            c,
            name_files("unsigned-letter-drawn-line", c, docs, "mixed"),
            "EHR-style letter whose signature line is a drawn rule with nothing on it; no "
            "signature statement.",
            _items(A="incomplete"),
            {"A": ["not signed"]},
        )
    )

    # stale-serology ---------------------------------------------------------------------
    c = CASES["ferreira"]
    t = Timeline(c.key)
    coll = months_before(4, days=6)
    docs = assemble(
        c,
        pick,
        t,
        serology=[
            sero(
                coll,
                NEG3,
                reported=coll + dt.timedelta(days=2),
                printed=t.letter - dt.timedelta(days=1),
            )
        ],
    )
    P(
        Packet(
            "stale-serology",
            c,
            with_cover("stale-serology", name_files("stale-serology", c, docs, "mixed"), t, pick),
            f"HIV, HBsAg, anti-HBc and anti-HCV all negative, collected {coll.isoformat()} "
            f"(over 4 months before as-of); the report was printed and faxed in October.",
            _items(C="stale"),
            {"C": ["hiv"]},
            fax=Fax("b", t.fax, t.fax_minutes),
        )
    )

    # no-hiv -----------------------------------------------------------------------------
    c = CASES["raman"]
    t = Timeline(c.key)
    docs = assemble(
        c,
        pick,
        t,
        serology=[
            sero(
                t.sero,
                [("hbsag", "neg"), ("hbc_total", "neg"), ("hcv_ab", "neg"), ("htlv", "neg")],
                extras=False,
            )
        ],
        e_kinds=(),
    )
    P(
        Packet(
            "no-hiv",
            c,
            with_cover("no-hiv", name_files("no-hiv", c, docs, "descriptive"), t, pick),
            "Current serology report with hepatitis B (HBsAg, anti-HBc) and hepatitis C only, "
            "plus an HTLV-I/II antibody (not HIV). No E documents.",
            _items(C="incomplete", E="not_provided"),
            {"C": ["hiv"]},
            fax=Fax("c", t.fax, t.fax_minutes),
        )
    )

    # stale-biopsy -----------------------------------------------------------------------
    c = CASES["nguyen"]
    t = Timeline(c.key)
    bx = months_before(7, days=3)
    docs = assemble(
        c, pick, t, biopsy=bx, biopsy_addendum=bx + dt.timedelta(days=47), e_kinds=("echo",)
    )
    P(
        Packet(
            "stale-biopsy",
            c,
            name_files("stale-biopsy", c, docs, "descriptive"),
            f"Bone marrow biopsy procedure {bx.isoformat()} (7 months before as-of), with an "
            f"addendum dated {(bx + dt.timedelta(days=47)).isoformat()} and a recent print "
            f"date; PET/CT and myeloma labs are current.",
            _items(D="stale"),
            {"D": ["bone marrow"]},
        )
    )

    # no-biopsy --------------------------------------------------------------------------
    c = CASES["whitaker"]
    t = Timeline(c.key)
    docs = assemble(
        c,
        pick,
        t,
        biopsy=None,
        mention_marrow=t.biopsy,
        flow_specimen="Lymph node, left axillary, fine-needle aspiration",
    )
    P(
        Packet(
            "no-biopsy",
            c,
            name_files("no-biopsy", c, docs, "descriptive"),
            "PET/CT (recommends correlation with bone marrow biopsy), flow cytometry on a lymph "
            "node FNA and FISH, but no bone marrow biopsy report; the letter only mentions a "
            "recent marrow biopsy 'report to follow'.",
            _items(D="incomplete"),
            {"D": ["bone marrow"]},
        )
    )

    # psychosocial-missing-part --------------------------------------------------------------
    c = CASES["mahoney"]
    t = Timeline(c.key)
    docs = assemble(c, pick, t, psych_gap="secondary")
    P(
        Packet(
            "psychosocial-missing-part",
            c,
            name_files("psychosocial-missing-part", c, docs, "descriptive"),
            "Psychosocial evaluation names a primary caregiver but no secondary caregiver "
            "('to be identified'); parts 1, 2 and 4 complete.",
            _items(F="incomplete"),
            {"F": ["secondary"]},
        )
    )

    # psychosocial-legal-na ----------------------------------------------------------------
    c = CASES["achebe"]
    t = Timeline(c.key)
    docs = assemble(c, pick, t, psych_gap="legal_na", e_kinds=())
    P(
        Packet(
            "psychosocial-legal-na",
            c,
            name_files("psychosocial-legal-na", c, docs, "mixed"),
            "Psychosocial evaluation with both caregivers named but legal history 'N/A'. No E "
            "documents.",
            _items(F="incomplete", E="not_provided"),
            {"F": ["legal"]},
        )
    )

    # no-facility-verification --------------------------------------------------------------
    c = CASES["bustamante"]
    t = Timeline(c.key)
    docs = assemble(c, pick, t, atc=False)
    P(
        Packet(
            "no-facility-verification",
            c,
            name_files("no-facility-verification", c, docs, "descriptive"),
            "No item-B document. The letter itself claims the facility is an authorized "
            "treatment center and the PA form's checklist ticks it, but neither is "
            "verification.",
            _items(B="missing"),
        )
    )

    # positive-serology-old ------------------------------------------------------------------
    c = CASES["osei"]
    t = Timeline(c.key)
    old = months_before(5, days=2)
    docs = assemble(
        c,
        pick,
        t,
        e_kinds=(),
        serology=[
            sero(old, [("hbc_total", "pos")], key="old", extras=False),
            sero(
                t.sero,
                [("hiv_agab", "neg"), ("hcv_ab", "neg")],
                key="new",
                extras=False,
            ),
        ],
    )
    P(
        Packet(
            "positive-serology-old",
            c,
            with_cover(
                "positive-serology-old",
                name_files("positive-serology-old", c, docs, "mixed"),
                t,
                pick,
            ),
            f"Hepatitis B evidence is ONLY an anti-HBc total REACTIVE collected {old.isoformat()} "
            f"(5 months old); a current report has HIV and HCV negative and no hepatitis B test. "
            f"Complete because a positive result counts at any age. "
            f"No E documents.",
            _items(E="not_provided"),
            fax=Fax("c", t.fax, t.fax_minutes),
        )
    )

    # biopsy-exactly-6-months -------------------------------------------------------------
    c = CASES["kowalczyk"]
    t = Timeline(c.key)
    bx = months_before(6)
    docs = assemble(c, pick, t, biopsy=bx, e_kinds=("echo", "ecg"))
    P(
        Packet(
            "biopsy-exactly-6-months",
            c,
            with_cover(
                "biopsy-exactly-6-months",
                name_files("biopsy-exactly-6-months", c, docs, "descriptive"),
                t,
                pick,
            ),
            f"Bone marrow biopsy procedure {bx.isoformat()}, exactly 6 calendar months before "
            f"as-of (signed out 3 days later): still current.",
            _items(),
            fax=Fax("a", t.fax, t.fax_minutes),
        )
    )

    # serology-exactly-3-months ------------------------------------------------------------
    c = CASES["halloran"]
    t = Timeline(c.key)
    coll = months_before(3)
    docs = assemble(c, pick, t, serology=[sero(coll, NEG3, reported=coll + dt.timedelta(days=2))])
    P(
        Packet(
            "serology-exactly-3-months",
            c,
            with_cover(
                "serology-exactly-3-months",
                name_files("serology-exactly-3-months", c, docs, "descriptive"),
                t,
                pick,
            ),
            f"Serologies (all negative) collected {coll.isoformat()}, exactly 3 calendar months "
            f"before as-of, reported 2 days later: stale (must be strictly after the cut-off).",
            _items(C="stale"),
            {"C": ["hiv"]},
            fax=Fax("b", t.fax, t.fax_minutes),
        )
    )

    # uninformative-names -----------------------------------------------------------------
    c = CASES["okafor"]
    t = Timeline(c.key)
    ln = Doc(
        "ln_path",
        {"procedure": c.diagnosed, "signed_out": c.diagnosed + dt.timedelta(days=4)},
        pick.pick("ln_path"),
    )
    docs = assemble(
        c, pick, t, extra_diag=[ln], e_kinds=("echo", "pft", "cbc"), avoid=_fams(complete_docs)
    )
    P(
        Packet(
            "uninformative-names",
            c,
            with_cover(
                "uninformative-names",
                name_files("uninformative-names", c, docs, "opaque"),
                t,
                pick,
                keep_name=True,
            ),
            "A complete packet with meaningless file names only (scan_0019.pdf, Document (3).pdf "
            "...), in families different from 'complete'; also holds the old diagnostic lymph "
            "node biopsy (not bone marrow) from 2025.",
            _items(),
            fax=Fax("a", t.fax, t.fax_minutes),
        )
    )

    # myeloma-complete ---------------------------------------------------------------------
    c = CASES["lindqvist"]
    t = Timeline(c.key)
    docs = assemble(c, pick, t, e_kinds=("echo", "ecg", "cbc"))
    # the labs come as one multi-document file, as a lab portal print-out would
    labs = [d for d in docs if d.kind in ("serology", "spep", "cbc")]
    rest = [d for d in docs if d not in labs]
    files = name_files("myeloma-complete", c, rest, "descriptive")
    files.append(OutFile("Lab results.pdf", labs))
    P(
        Packet(
            "myeloma-complete",
            c,
            files,
            "Multiple myeloma / Carvykti, complete: marrow biopsy with plasma cells, SPEP/free "
            "light chains, PET/CT, FISH; serology, myeloma labs and CBC/CMP in ONE file "
            "('Lab results.pdf', three documents).",
            _items(),
        )
    )

    # np-signed-letter --------------------------------------------------------------------
    c = CASES["greer"]
    t = Timeline(c.key)
    docs = assemble(c, pick, t, letter_family="formal", signer="np", sig_form="esig_by")
    P(
        Packet(
            "np-signed-letter",
            c,
            name_files("np-signed-letter", c, docs, "descriptive"),
            "Letter names the attending physician but is written and electronically signed by "
            "a nurse practitioner (FNP-C), not a physician.",
            _items(A="incomplete"),
            {"A": ["physician"]},
        )
    )

    # signer-not-attending ---------------------------------------------------------------
    c = CASES["ostrowski"]
    t = Timeline(c.key)
    docs = assemble(
        c, pick, t, letter_family="narrative", signer="fellow", sig_form="slash_s", e_kinds=()
    )
    P(
        Packet(
            "signer-not-attending",
            c,
            name_files("signer-not-attending", c, docs, "descriptive"),
            "Letter names its attending physician (a DO) but is signed '/s/' by a fellow (an "
            "MD) writing on the attending's behalf. No E documents.",
            _items(A="incomplete", E="not_provided"),
            {"A": ["attending"]},
        )
    )

    # future-serology --------------------------------------------------------------------
    c = CASES["sorensen"]
    t = Timeline(c.key)
    fut = AS_OF + dt.timedelta(days=6)
    docs = assemble(
        c,
        pick,
        t,
        e_kinds=("cbc",),
        serology=[
            sero(fut, NEG3, reported=fut + dt.timedelta(days=1), printed=fut + dt.timedelta(days=1))
        ],
    )
    P(
        Packet(
            "future-serology",
            c,
            name_files("future-serology", c, docs, "descriptive"),
            f"The only serology report was collected {fut.isoformat()}, after the as-of date "
            f"(and received/reported/printed after it too): no usable date.",
            _items(C="incomplete"),
            {"C": ["date"]},
            flags=["future-date"],
        )
    )

    # serology-split-reports ---------------------------------------------------------------
    c = CASES["tsai"]
    t = Timeline(c.key)
    old = months_before(6, days=10)
    docs = assemble(
        c,
        pick,
        t,
        e_kinds=("echo",),
        serology=[
            sero(old, NEG3, key="old"),
            sero(
                t.sero - dt.timedelta(days=9),
                [("hbsag", "neg"), ("hbc_igm", "neg"), ("hcv_rna", "neg")],
                key="hep",
                extras=False,
            ),
            sero(t.sero, [("hiv_rna", "neg")], key="hiv", extras=False),
        ],
    )
    P(
        Packet(
            "serology-split-reports",
            c,
            name_files("serology-split-reports", c, docs, "mixed"),
            f"Three serology reports: an old full panel ({old.isoformat()}, stale), a current "
            f"hepatitis report (HBsAg, anti-HBc IgM, HCV RNA) and a current HIV-1 RNA report. "
            f"Each virus's newest result is current, so C is present.",
            _items(),
        )
    )

    # hiv-pending --------------------------------------------------------------------------
    c = CASES["bell"]
    t = Timeline(c.key)
    docs = assemble(
        c,
        pick,
        t,
        e_kinds=("cbc", "ecg"),
        serology=[
            sero(
                t.sero,
                [("hiv_agab", "tnp"), ("hbsag", "neg"), ("hbc_total", "neg"), ("hcv_ab", "neg")],
            )
        ],
    )
    P(
        Packet(
            "hiv-pending",
            c,
            name_files("hiv-pending", c, docs, "descriptive"),
            "Serology report where the HIV test was not performed (specimen QNS, recollect); "
            "hepatitis B and C are current and negative.",
            _items(C="incomplete"),
            {"C": ["hiv"]},
        )
    )

    # hbsab-only ---------------------------------------------------------------------------
    c = CASES["delacroix"]
    t = Timeline(c.key)
    docs = assemble(
        c,
        pick,
        t,
        e_kinds=(),
        serology=[
            sero(t.sero, [("hiv_agab", "neg"), ("hbs_ab", "pos"), ("hcv_ab", "neg")], extras=False)
        ],
    )
    P(
        Packet(
            "hbsab-only",
            c,
            with_cover("hbsab-only", name_files("hbsab-only", c, docs, "mixed"), t, pick),
            "Serology has HIV and HCV negative, and for hepatitis B only the surface ANTIBODY "
            "(anti-HBs, reactive/immune), which does not count. No E documents.",
            _items(C="incomplete", E="not_provided"),
            {"C": ["hepatitis b"]},
            fax=Fax("b", t.fax, t.fax_minutes),
        )
    )
    return packets
