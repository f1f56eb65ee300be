"""Clinical story for letters and evaluations: history, regimens, social history, indication."""

from __future__ import annotations

import datetime as dt

from .cast import Case
from .dates import age_on, fmt, month_range

DX_LONG = {
    "dlbcl": (
        "diffuse large B-cell lymphoma (DLBCL), not otherwise specified, germinal center B-cell "
        "subtype",
        "C83.38",
    ),
    "mcl": ("mantle cell lymphoma (MCL), classic variant", "C83.18"),
    "mm": ("multiple myeloma, IgG kappa", "C90.02"),
}

INDICATION = {
    "yescarta": "large B-cell lymphoma that is refractory to first-line chemoimmunotherapy or "
    "relapses within 12 months of it, and relapsed or refractory large B-cell lymphoma after two "
    "or more lines of systemic therapy",
    "breyanzi": "relapsed or refractory large B-cell lymphoma after two or more lines of systemic "
    "therapy, or after one line with refractory disease or relapse within 12 months",
    "kymriah": "relapsed or refractory large B-cell lymphoma after two or more lines of systemic "
    "therapy",
    "tecartus": "relapsed or refractory mantle cell lymphoma",
    "carvykti": "relapsed or refractory multiple myeloma after at least one prior line of therapy "
    "including a proteasome inhibitor and an immunomodulatory agent, in a patient refractory to "
    "lenalidomide",
    "abecma": "relapsed or refractory multiple myeloma after two or more prior lines of therapy "
    "including an immunomodulatory agent, a proteasome inhibitor and an anti-CD38 antibody",
}


def dx(case: Case) -> tuple[str, str]:
    return DX_LONG[case.disease]


def regimen_lines(case: Case, mstyle: str) -> list[str]:
    """'R-CHOP x6 cycles, 01/2025-05/2025: complete metabolic response'"""
    out = []
    for r in case.regimens:
        cyc = f" x{r.cycles}" if r.cycles.isdigit() and r.cycles != "1" else ""
        unit = " cycles" if cyc else ""
        out.append(f"{r.name}{cyc}{unit}, {month_range(r.start, r.end, mstyle)}: {r.response}")
    return out


def regimen_rows(case: Case, mstyle: str) -> list[tuple[str, str, str, str, str]]:
    from .dates import fmt_month

    rows = []
    for i, r in enumerate(case.regimens, start=1):
        rows.append(
            (
                str(i),
                r.name,
                fmt_month(r.start, mstyle),
                fmt_month(r.end, mstyle) if r.end else "ongoing",
                r.cycles or "-",
                r.response,
            )
        )
    return rows  # type: ignore[return-value]


def clinical_history(
    case: Case, on: dt.date, *, mention_marrow: dt.date | None = None
) -> list[str]:
    p = case.patient
    age = age_on(p.dob, on)
    name, _ = dx(case)
    t = p.title_name
    first = case.regimens[0]
    paras = []
    if case.disease == "dlbcl":
        paras.append(
            f"{t} is a {age}-year-old {p.man} with {name}, diagnosed in "
            f"{case.diagnosed:%B %Y} on excisional biopsy of a right inguinal lymph node "
            f"(stage {case.extra.get('stage', 'IIIA')}, IPI {case.extra.get('ipi', '3')}). FISH "
            f"showed a BCL2 rearrangement without MYC rearrangement. {p.he.capitalize()} received "
            f"first-line {first.name} and achieved a complete metabolic response at the end of "
            f"treatment."
        )
        if case.extra.get("story") == "dlbcl_c":
            paras.append(
                f"{p.he.capitalize()} relapsed in June 2025 and received R-DHAP salvage with a "
                f"partial response, followed by high-dose BEAM and autologous stem cell "
                f"transplantation in November 2025. Unfortunately {p.he} relapsed again in "
                f"{case.extra.get('relapse')}, confirmed on core biopsy of an enlarging left "
                f"axillary node, and has received bridging therapy as listed below. The most "
                f"recent PET/CT shows progressive, Deauville 5 disease. {p.he.capitalize()} has "
                f"no CNS involvement."
            )
        else:
            paras.append(
                f"Unfortunately, {p.he} relapsed within a year, confirmed by core biopsy of an "
                f"enlarging left axillary node in {case.extra.get('relapse')}. "
                f"{p.he.capitalize()} then received salvage chemoimmunotherapy, with progressive "
                f"disease, and further therapy as listed below. The most recent PET/CT shows "
                f"progressive, Deauville 5 disease above and below the diaphragm. "
                f"{p.he.capitalize()} has no CNS involvement."
            )
    elif case.disease == "mcl":
        paras.append(
            f"{t} is a {age}-year-old {p.man} with {name}, diagnosed in {case.diagnosed:%B %Y} "
            f"with stage IV disease (bone marrow and splenic involvement, MIPI intermediate), "
            f"t(11;14) confirmed by FISH, Ki-67 about 35%, TP53 not mutated."
        )
        paras.append(
            f"{p.he.capitalize()} received first-line {first.name} with rituximab maintenance, "
            f"then a covalent BTK inhibitor at relapse, with progression on therapy. Current "
            f"PET/CT shows generalized lymphadenopathy and splenomegaly, and the restaging marrow "
            f"shows about 20% involvement."
        )
    else:
        paras.append(
            f"{t} is a {age}-year-old {p.man} with {name}, diagnosed in {case.diagnosed:%B %Y} "
            f"(R-ISS stage II) with high-risk cytogenetics, t(4;14) and gain of 1q21. "
            f"{p.he.capitalize()} has received {len(case.regimens)} prior lines of therapy "
            f"including a proteasome inhibitor, an immunomodulatory agent and an anti-CD38 "
            f"monoclonal antibody, and is refractory to lenalidomide."
        )
        paras.append(
            f"{p.he.capitalize()} now has progressive disease by IMWG criteria with a rising "
            f"M-protein, an abnormal free light chain ratio and new FDG-avid lytic lesions; the "
            f"restaging marrow shows about 40% clonal plasma cells."
        )
    if mention_marrow is not None:
        paras.append(
            f"A restaging bone marrow biopsy was performed on {fmt(mention_marrow, 'mdy')} and "
            f"showed no marrow involvement (formal report to follow under separate cover)."
        )
    return paras


def current_status(case: Case) -> str:
    p = case.patient
    return (
        f"{p.he.capitalize()} has an ECOG performance status of {case.extra.get('ecog', '1')}, "
        f"adequate organ function (left ventricular ejection fraction normal on recent "
        f"echocardiogram, creatinine clearance above 60 mL/min, oxygen saturation 97% on room "
        f"air), no active infection and no active CNS disease. Infectious disease screening and "
        f"pre-treatment testing have been completed and are enclosed."
    )


def social_history(case: Case) -> str:
    p = case.patient
    h = case.habits
    cg1, cg2 = case.caregivers
    return (
        f"{p.title_name} is {h.get('marital', 'married')} and lives {case.residence}. "
        f"{p.he.capitalize()} {case.occupation}. {h.get('tobacco', 'Never smoker')}. "
        f"{h.get('alcohol', 'Drinks alcohol rarely')}. "
        f"{h.get('drugs', 'Denies illicit drug use')}. "
        f"{p.he.capitalize()} will stay within two hours of the treatment center for at least four "
        f"weeks after infusion, with {cg1.name} ({cg1.relation}) as primary caregiver and "
        f"{cg2.name} ({cg2.relation}) as secondary caregiver."
    )


def indication(case: Case) -> str:
    pr = case.product
    p = case.patient
    key = pr.brand.lower()
    return (
        f"{pr.brand} ({pr.generic}) is FDA-approved for adult patients with {INDICATION[key]}. "
        f"{p.title_name} meets this indication and the plan's criteria: {p.he} has "
        f"{'relapsed/refractory disease after ' + str(len(case.regimens)) + ' prior regimens'}, "
        f"adequate performance status and organ function, and no contraindication to "
        f"lymphodepleting chemotherapy. Further salvage chemotherapy is not expected to produce "
        f"durable remission, whereas CAR T-cell therapy offers a realistic chance of long-term "
        f"disease control."
    )


def plan(case: Case) -> str:
    pr = case.product
    return (
        f"We request authorization for a single intravenous infusion of {pr.brand} "
        f"({pr.generic}, HCPCS {pr.hcpcs}), target dose {pr.dose}, following leukapheresis and "
        f"lymphodepleting chemotherapy with fludarabine and cyclophosphamide, to be administered "
        f"at {case.facility.name}."
    )
