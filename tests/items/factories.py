"""Small builders of Documents for the rule tests: no PDFs, only the frozen dataclasses."""

from __future__ import annotations

import datetime as dt

from carcheck.model import (
    DateMention,
    DiagnosticContent,
    Document,
    FacilityContent,
    ItemId,
    LetterContent,
    Outcome,
    PsychosocialContent,
    Role,
    SerologyContent,
    SerologyResult,
    Signature,
    SignatureKind,
    Virus,
)

ALL_VIRUSES = tuple(Virus)
_TESTS = {Virus.HIV: "HIV-1/2 Ag/Ab", Virus.HBV: "HBsAg", Virus.HCV: "Anti-HCV"}


def day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def mention(iso: str | None, role: Role = Role.OTHER, page: int = 1) -> DateMention | None:
    if iso is None:
        return None
    return DateMention(day(iso), role, page, 0, iso)


# --- A ---------------------------------------------------------------------


def signature(signer: str | None, page: int = 2, kind: SignatureKind = SignatureKind.IMAGE):
    return Signature(page, kind, signer)


def letter(
    *signers: str | None,
    attending: str | None = None,
    regimens: bool = True,
    clinical: bool = True,
    social: bool = True,
    indication: bool = True,
    date: str | None = "2026-05-01",
    file: str = "lmn.pdf",
) -> Document:
    """A letter on pages 1-2 signed (on page 2) by each of `signers`; none means unsigned."""
    sigs = tuple(signature(s) for s in signers)
    content = LetterContent(sigs, attending, regimens, clinical, social, indication)
    when = mention(date, Role.LETTER)
    return Document(
        file,
        (1, 2),
        ItemId.A,
        "Letter of medical necessity",
        when,
        (when,) if when else (),
        signatures=sigs,
        content=content,
    )


# --- B, E ------------------------------------------------------------------


def facility(
    file: str = "contract.pdf",
    name: str | None = "Example Cancer Center",
    not_authorized: str | None = None,
):
    return Document(
        file,
        (1,),
        ItemId.B,
        "Treatment center agreement",
        None,
        (),
        content=FacilityContent(name, not_authorized),
    )


def other(file: str = "echo.pdf", date: str | None = "2026-05-01") -> Document:
    when = mention(date, Role.PROCEDURE)
    return Document(file, (1,), ItemId.E, "Echocardiogram", when, (when,) if when else ())


# --- C ---------------------------------------------------------------------


def result(
    virus: Virus,
    date: str | None = "2026-05-01",
    outcome: Outcome = Outcome.NEGATIVE,
    role: Role = Role.COLLECTED,
    page: int = 1,
    test: str | None = None,
) -> SerologyResult:
    return SerologyResult(virus, test or _TESTS[virus], outcome, mention(date, role, page), page)


def panel(date: str | None = "2026-05-01", *viruses: Virus, **kwargs) -> tuple:
    """Negative results for `viruses` (all three by default) on `date`."""
    return tuple(result(v, date, **kwargs) for v in (viruses or ALL_VIRUSES))


def serology(*results: SerologyResult, file: str = "lab.pdf") -> Document:
    pages = tuple(sorted({r.page for r in results})) or (1,)
    dates = tuple(r.date for r in results if r.date)
    first = min(dates, key=lambda m: m.date) if dates else None
    return Document(
        file,
        pages,
        ItemId.C,
        "Serology report",
        first,
        dates,
        content=SerologyContent(tuple(results)),
    )


# --- D ---------------------------------------------------------------------


def diagnostic(
    date: str | None = "2026-05-01",
    marrow: bool = True,
    role: Role = Role.PROCEDURE,
    file: str = "bm_biopsy.pdf",
    pages: tuple[int, ...] = (1,),
) -> Document:
    when = mention(date, role, pages[0])
    title = "Bone marrow biopsy" if marrow else "PET/CT"
    return Document(
        file,
        pages,
        ItemId.D,
        title,
        when,
        (when,) if when else (),
        content=DiagnosticContent(marrow, when),
    )


# --- F ---------------------------------------------------------------------


def psychosocial(file: str = "psychosocial.pdf", **overrides) -> Document:
    """A complete evaluation; pass a part as False/None to leave it out."""
    parts = dict(
        compliance=True,
        support_network=True,
        primary_caregiver="Ana Reyes (spouse)",
        secondary_caregiver="Luis Reyes (brother)",
        care_plan=True,
        mental_health=True,
        substance_use=True,
        legal=True,
    )
    parts.update(overrides)
    return Document(
        file,
        (1, 2, 3),
        ItemId.F,
        "Psychosocial evaluation",
        None,
        (),
        content=PsychosocialContent(**parts),
    )


# --- packets ---------------------------------------------------------------


def complete_packet(date: str = "2026-05-01") -> list[Document]:
    """One document per item, all present as of a month or so after `date`."""
    return [
        letter("Jane Roe, MD", attending="Dr. Jane Roe", date=date),
        facility(),
        serology(*panel(date)),
        diagnostic(date),
        other(date=date),
        psychosocial(),
    ]
