"""The contents of diagnostic (item D) and other (item E) reports, by disease."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from .cast import (
    CARDIOLOGISTS,
    IMAGING,
    PATH_LABS,
    PATHOLOGISTS,
    PULMONOLOGISTS,
    RADIOLOGISTS,
    Case,
)
from .dates import age_on, fmt, fmt_time
from .reports import DATE_STYLE, Report


def _acc(rng: random.Random, prefix: str, d: dt.date) -> str:
    return f"{prefix}{d:%y}-{rng.randint(10000, 39999)}"


def _t(rng: random.Random, lo: int = 8, hi: int = 17) -> int:
    return rng.randint(lo * 60, hi * 60)


def _age(case: Case, d: dt.date) -> str:
    return f"{age_on(case.patient.dob, d)}-year-old {case.patient.man}"


DX_SHORT = {
    "dlbcl": "relapsed/refractory diffuse large B-cell lymphoma",
    "mcl": "relapsed/refractory mantle cell lymphoma",
    "mm": "relapsed/refractory multiple myeloma",
}


# --- bone marrow biopsy -------------------------------------------------------------


def bm_path(
    case: Case,
    family: str,
    rng: random.Random,
    *,
    procedure: dt.date,
    received: dt.date,
    signed_out: dt.date,
    printed: dt.date,
    addendum: dt.date | None = None,
) -> Report:
    ds = DATE_STYLE[family]
    side = rng.choice(("left", "right"))
    doc = rng.choice(PATHOLOGISTS)
    length = rng.choice(("1.6", "1.8", "2.1"))
    att = case.attending
    specimen = f"Bone marrow, {side} posterior iliac crest, core biopsy and aspirate"
    findings = {
        "dlbcl": (
            [
                f"A. BONE MARROW, {side.upper()} POSTERIOR ILIAC CREST, CORE BIOPSY AND ASPIRATE:",
                "- NORMOCELLULAR BONE MARROW (40%) WITH TRILINEAGE HEMATOPOIESIS.",
                "- NO MORPHOLOGIC OR IMMUNOHISTOCHEMICAL EVIDENCE OF LARGE B-CELL LYMPHOMA.",
                "- FLOW CYTOMETRY: NO MONOTYPIC B-CELL POPULATION (SEE SEPARATE REPORT).",
                "B. PERIPHERAL BLOOD: MILD NORMOCYTIC ANEMIA.",
            ],
            "The core biopsy is adequate, with approximately 12 evaluable intertrabecular spaces, "
            "and shows a cellularity of about 40%. Megakaryocytes are adequate in number with "
            "normal morphology. There are no paratrabecular or interstitial lymphoid aggregates. "
            "The aspirate smears are cellular and spicular; the myeloid-to-erythroid ratio is "
            "about 2.5:1 with orderly maturation. Blasts account for 1% and plasma cells for 2% "
            "of a 500-cell differential. No large atypical lymphoid cells are identified.",
            [
                ("CD20", "Rare scattered small B cells; no aggregates"),
                ("PAX5", "Concordant with CD20"),
                ("CD3", "Scattered small T cells"),
                ("Reticulin", "MF-0 (no increase)"),
                ("Iron", "Adequate storage iron; no ring sideroblasts"),
            ],
        ),
        "mcl": (
            [
                f"BONE MARROW, {side.upper()} POSTERIOR ILIAC CREST, CORE BIOPSY AND ASPIRATE:",
                "- MANTLE CELL LYMPHOMA INVOLVING APPROXIMATELY 20% OF MARROW CELLULARITY.",
                "- CYCLIN D1 AND SOX11 POSITIVE; KI-67 APPROXIMATELY 35%.",
                "- BACKGROUND TRILINEAGE HEMATOPOIESIS WITH MATURATION.",
            ],
            "Sections of the core biopsy show a 50% cellular marrow with multiple nodular and "
            "interstitial aggregates of small to intermediate lymphoid cells with irregular "
            "nuclear contours, occupying about 20% of the cellularity. The aspirate contains 14% "
            "atypical lymphoid cells. Residual hematopoiesis is trilineage.",
            [
                ("CD20", "Positive in the lymphoid aggregates"),
                ("CD5", "Positive (co-expressed)"),
                ("Cyclin D1", "Positive (nuclear)"),
                ("SOX11", "Positive"),
                ("Ki-67", "Approximately 35%"),
                ("p53", "Wild-type pattern"),
            ],
        ),
        "mm": (
            [
                f"BONE MARROW, {side.upper()} POSTERIOR ILIAC CREST, CORE BIOPSY AND ASPIRATE:",
                "- HYPERCELLULAR MARROW (70%) WITH PLASMA CELL MYELOMA.",
                "- PLASMA CELLS APPROXIMATELY 40% BY CD138 IMMUNOHISTOCHEMISTRY.",
                "- KAPPA LIGHT CHAIN RESTRICTED BY IN SITU HYBRIDIZATION.",
            ],
            "The core biopsy shows a hypercellular marrow (about 70%) with interstitial and "
            "focally sheet-like infiltrates of plasma cells, some with prominent nucleoli and "
            "binucleation. The aspirate differential shows 31% plasma cells. Erythropoiesis and "
            "granulopoiesis are decreased but maturing.",
            [
                ("CD138", "Approximately 40% plasma cells"),
                ("Kappa ISH", "Positive in the majority of plasma cells"),
                ("Lambda ISH", "Rare cells"),
                ("CD56", "Aberrantly positive"),
                ("Cyclin D1", "Negative"),
                ("BCMA (IHC)", "Positive, membranous, >90% of plasma cells"),
            ],
        ),
    }[case.disease]
    diagnosis, micro, stains = findings
    history = (
        f"{_age(case, procedure)} with {DX_SHORT[case.disease]}; restaging marrow prior to "
        f"planned CAR T-cell therapy ({case.product.brand})."
    )
    gross = (
        f"Received in formalin, labeled with the patient's name and medical record number, is a "
        f"tan-red core of bone measuring {length} x 0.2 cm, entirely submitted after "
        f"decalcification (A1). Also received: six aspirate smears, two touch preparations, a "
        f"clot section (A2) and one peripheral blood smear."
    )
    case_no = _acc(rng, {"academic": "S", "ehr": "BM", "community": "SH"}[family], procedure)
    t_sign = fmt_time(_t(rng, 13, 18))
    if family == "academic":
        org = dataclasses.replace(
            case.facility, dept="Department of Pathology & Laboratory Medicine"
        )
        header = [
            ("Case #", case_no),
            ("Procedure Date", fmt(procedure, ds)),
            ("Received", fmt(received, ds)),
            ("Signed Out", fmt(signed_out, ds)),
            ("Submitting MD", att.full),
            ("Location", "Cellular Therapy Clinic"),
        ]
        title, subtitle = "Surgical Pathology Report", "Bone marrow biopsy and aspirate"
        sign = [f"Electronically signed out by {doc.full} on {fmt(signed_out, ds)} {t_sign}"]
        foot = f"Printed {fmt(printed, ds)} {fmt_time(_t(rng))} by HIM"
        spec_head, dx_head = "Specimen(s) Received", "Final Diagnosis"
    elif family == "ehr":
        org = dataclasses.replace(case.facility, dept="Hematopathology Laboratory")
        header = [
            ("Accession No", case_no),
            ("Date of Procedure", fmt(procedure, ds)),
            ("Date Received", fmt(received, ds)),
            ("Date Reported", fmt(signed_out, ds)),
            ("Requesting MD", att.full),
            ("Report Status", "FINAL"),
        ]
        title, subtitle = "Bone Marrow Pathology Report", ""
        sign = [f"PATHOLOGIST: {doc.full.upper()}", f"(ELECTRONIC SIGNATURE {fmt(signed_out, ds)})"]
        foot = f"Report printed: {fmt(printed, ds)} {fmt_time(_t(rng), '24c')}"
        spec_head, dx_head = "Specimen", "Diagnosis"
    else:
        org = PATH_LABS["summit"]
        header = [
            ("Our case number", case_no),
            ("Client case", f"{case.facility.short[:4]}-{rng.randint(1000, 9999)}"),
            ("Date collected", fmt(procedure, ds)),
            ("Date received", fmt(received, ds)),
            ("Date of report", fmt(signed_out, ds)),
            ("Referring physician", f"{att.full}, {case.facility.name}"),
        ]
        title, subtitle = "Hematopathology Consultation", "Bone Marrow Aspirate and Trephine Biopsy"
        sign = [
            f"{doc.full}, Hematopathologist",
            f"Electronically signed {fmt(signed_out, ds)} at {fmt_time(_t(rng, 13, 18), 'ampm')}",
        ]
        foot = f"Printed: {fmt(printed, ds)}"
        spec_head, dx_head = "Specimen", "Diagnosis"
    blocks = [
        ("h", "Clinical History"),
        ("p", history),
        ("h", spec_head),
        ("p", f"A. {specimen}.  B. Peripheral blood smear."),
        ("h", dx_head),
        ("caps", diagnosis),
        ("h", "Microscopic Description"),
        ("p", micro),
        ("h", "Immunohistochemistry / Special Stains"),
        ("table", ("Stain", "Result"), stains, (1, 3)),
        ("h", "Gross Description"),
        ("p", gross),
    ]
    if addendum is not None:
        blocks += [
            ("h", f"Addendum ({fmt(addendum, ds)})"),
            (
                "p",
                "Next-generation sequencing (myeloid/lymphoid panel) on the aspirate specimen "
                "has been completed and is reported separately. The diagnosis is unchanged.",
            ),
        ]
    return Report(org, title, header, blocks, sign, foot, subtitle)


# --- imaging ----------------------------------------------------------------------------


def pet_ct(
    case: Case,
    family: str,
    rng: random.Random,
    *,
    exam: dt.date,
    prior: dt.date,
    printed: dt.date,
    mention_marrow: bool = False,
) -> Report:
    ds = DATE_STYLE[family]
    rad = rng.choice(RADIOLOGISTS)
    title = {
        "academic": "PET/CT Skull Base to Mid-Thigh",
        "ehr": "NM PET/CT Tumor Imaging, Subsequent",
        "community": "FDG PET-CT, Whole Body",
    }[family]
    date_label = {"academic": "Exam Date", "ehr": "Date of Exam", "community": "Study date"}[family]
    glucose = rng.randint(86, 118)
    dose = rng.choice(("10.2", "11.4", "9.8", "12.1"))
    uptake = rng.randint(58, 72)
    findings, impression = {
        "dlbcl": (
            [
                "HEAD/NECK: No hypermetabolic cervical or supraclavicular lymph nodes.",
                "CHEST: Hypermetabolic left axillary nodes measuring up to 2.4 cm, SUVmax 14.2 "
                "(previously 1.8 cm, SUVmax 9.6). No pulmonary nodules. No pleural effusion.",
                "ABDOMEN/PELVIS: Conglomerate mesenteric nodal mass measuring 5.6 x 4.1 cm, SUVmax "
                "21.3 (previously 4.2 x 3.0 cm, SUVmax 15.8). Right external iliac node 1.9 cm, "
                "SUVmax 11.0. Spleen normal in size without focal uptake.",
                "MUSCULOSKELETAL: No focal osseous FDG uptake.",
                "Reference: liver SUVmean 2.1; mediastinal blood pool SUVmean 1.7.",
            ],
            "1. Progressive metabolic disease (Lugano PMD) above and below the diaphragm, "
            "Deauville 5, with interval increase in size and avidity of the mesenteric mass.\n"
            "2. No FDG-avid osseous or extranodal disease.",
        ),
        "mcl": (
            [
                "HEAD/NECK: Bilateral cervical lymph nodes up to 1.6 cm, SUVmax 5.9.",
                "CHEST: Mediastinal and bilateral axillary adenopathy up to 2.8 cm, SUVmax 6.8.",
                "ABDOMEN/PELVIS: Splenomegaly (15.2 cm craniocaudal) with diffusely increased "
                "uptake. Retroperitoneal nodes up to 3.1 cm, SUVmax 7.2.",
                "MUSCULOSKELETAL: Mildly heterogeneous marrow uptake.",
            ],
            "1. Generalized FDG-avid lymphadenopathy and splenomegaly, increased since the prior "
            "study, consistent with progressive mantle cell lymphoma.",
        ),
        "mm": (
            [
                "SKELETON: Multiple FDG-avid lytic lesions: L2 vertebral body SUVmax 8.4, right "
                "iliac wing 3.2 cm SUVmax 7.1, left 6th rib SUVmax 5.0. No pathologic fracture.",
                "SOFT TISSUES: No extramedullary plasmacytoma.",
                "CHEST/ABDOMEN/PELVIS: No hypermetabolic lymphadenopathy. Liver and spleen normal.",
            ],
            "1. Multiple new and enlarging FDG-avid lytic osseous lesions consistent with active "
            "myeloma. 2. No extramedullary disease.",
        ),
    }[case.disease]
    if mention_marrow:
        impression += (
            "\n3. Diffuse marrow uptake is nonspecific; correlation with bone marrow biopsy is "
            "recommended if clinically indicated."
        )
    header = [
        (date_label, f"{fmt(exam, ds)} {fmt_time(_t(rng, 7, 11))}"),
        ("Accession", f"NM{exam:%y%m%d}{rng.randint(1000, 9999)}"),
        ("Ordering", case.attending.full),
        ("Facility", IMAGING["highlands"].name),
    ]
    dict_t, sign_t = _t(rng, 12, 15), _t(rng, 15, 18)
    blocks = [
        ("h", "Clinical Indication"),
        ("p", f"{DX_SHORT[case.disease].capitalize()}; evaluation prior to CAR T-cell therapy."),
        ("h", "Technique"),
        (
            "p",
            f"{dose} mCi F-18 FDG administered intravenously. Fasting blood glucose "
            f"{glucose} mg/dL. Imaging from skull base to mid-thigh after a {uptake}-minute "
            f"uptake period; low-dose CT for attenuation correction and localization.",
        ),
        ("h", "Comparison"),
        ("p", f"PET/CT {fmt(prior, ds)}."),
        ("h", "Findings"),
        ("bullets", findings),
        ("h", "Impression"),
    ] + [("p", s) for s in impression.split("\n")]
    sign = [
        f"Dictated by: {rad.full}  {fmt(exam, ds)} {fmt_time(dict_t)}",
        f"Electronically signed: {rad.full}  {fmt(exam, ds)} {fmt_time(sign_t)}",
    ]
    org = IMAGING["highlands"] if family != "ehr" else case.facility
    foot = f"Printed {fmt(printed, ds)}"
    return Report(org, title, header, blocks, sign, foot)


# --- flow cytometry ------------------------------------------------------------------


def flow(
    case: Case,
    family: str,
    rng: random.Random,
    *,
    collected: dt.date,
    reported: dt.date,
    specimen: str,
) -> Report:
    ds = DATE_STYLE[family]
    doc = rng.choice(PATHOLOGISTS)
    marrow = "marrow" in specimen.lower()
    if case.disease == "dlbcl" and marrow:
        rows = [
            ("CD45 / SSC gating", "Lymphocytes 14% of events", ""),
            ("CD19 / CD20", "B cells 1.2% of lymphocytes", "Polytypic"),
            ("Kappa : Lambda", "1.6 : 1", "Normal"),
            ("CD10 on B cells", "Hematogones only", ""),
            ("CD3 / CD4 / CD8", "T cells 82%; CD4:CD8 0.9", ""),
        ]
        interp = "No monotypic B-cell population or abnormal T-cell population identified."
    elif case.disease == "dlbcl":
        rows = [
            ("CD45 / SSC gating", "Large cells 64% of events", ""),
            ("CD19 / CD20", "Positive (bright CD20)", "Abnormal"),
            ("CD10", "Positive", "Abnormal"),
            ("Surface kappa / lambda", "Kappa restricted", "Monotypic"),
            ("CD5 / CD23", "Negative", ""),
            ("CD3 / CD7", "Residual reactive T cells 22%", ""),
        ]
        interp = (
            "Kappa-restricted CD10-positive large B-cell population (64% of events), consistent "
            "with involvement by the patient's known large B-cell lymphoma."
        )
    elif case.disease == "mcl":
        rows = [
            ("CD19 / CD20", "Positive (CD20 bright)", "Abnormal"),
            ("CD5", "Positive", "Abnormal"),
            ("CD23 / CD200", "Negative / Negative", ""),
            ("Surface kappa / lambda", "Lambda restricted", "Monotypic"),
            ("Abnormal B cells", "9.8% of total events", ""),
        ]
        interp = "CD5-positive, CD23/CD200-negative lambda-restricted B cells, consistent with MCL."
    else:
        rows = [
            ("CD38 / CD138", "Bright / Positive", ""),
            ("CD19 / CD45", "Negative / Dim", "Abnormal"),
            ("CD56 / CD117", "Positive / Negative", "Abnormal"),
            ("Cytoplasmic kappa / lambda", "Kappa restricted", "Monotypic"),
            ("Abnormal plasma cells", "12% of total events", ""),
            ("BCMA (CD269)", "Positive on abnormal plasma cells", ""),
        ]
        interp = "Abnormal kappa-restricted plasma cells (12% of events), consistent with myeloma."
    title = {
        "academic": "Flow Cytometry Immunophenotyping",
        "ehr": "Flow Cytometry - Leukemia/Lymphoma Panel",
        "community": "Flow Cytometric Analysis",
    }[family]
    coll_label = {"academic": "Collected", "ehr": "Coll Date", "community": "Date obtained"}[family]
    header = [
        ("Specimen", specimen),
        (coll_label, fmt(collected, ds)),
        ("Received", fmt(collected, ds)),
        ("Reported", fmt(reported, ds)),
        ("Case", _acc(rng, "FC", collected)),
    ]
    blocks = [
        ("h", "Results"),
        ("table", ("Marker(s)", "Finding", "Comment"), rows, (1.6, 2.4, 1)),
        ("h", "Interpretation"),
        ("p", interp),
        (
            "p",
            "Antibodies: CD2, CD3, CD4, CD5, CD7, CD8, CD10, CD11c, CD19, CD20, CD22, CD23, "
            "CD25, CD38, CD45, CD56, CD103, CD138, CD200, FMC7, kappa, lambda.",
        ),
    ]
    sign = [f"Interpreted by {doc.full} - electronically signed {fmt(reported, ds)}"]
    return Report(
        case.facility if family != "community" else PATH_LABS["summit"],
        title,
        header,
        blocks,
        sign,
        f"Printed {fmt(reported, ds)}",
    )


# --- cytogenetics / FISH ---------------------------------------------------------------


def fish(
    case: Case,
    family: str,
    rng: random.Random,
    *,
    collected: dt.date,
    reported: dt.date,
    specimen: str,
) -> Report:
    ds = DATE_STYLE[family]
    if case.disease == "dlbcl":
        rows = [
            ("MYC (8q24) break-apart", "Not rearranged", "0/200 nuclei"),
            ("BCL2 (18q21) break-apart", "Rearranged", "142/200 nuclei"),
            ("BCL6 (3q27) break-apart", "Not rearranged", "2/200 nuclei"),
        ]
        result = "nuc ish(MYCx2)[200],(BCL2x2)(5'BCL2 sep 3'BCL2x1)[142/200],(BCL6x2)[200]"
        interp = "BCL2 rearrangement without MYC rearrangement; not a double-hit lymphoma."
    elif case.disease == "mcl":
        rows = [
            ("CCND1/IGH dual fusion", "Fusion present", "176/200 nuclei"),
            ("TP53 (17p13) / CEP17", "No deletion", "4/200 nuclei"),
        ]
        result = "nuc ish(CCND1,IGH)x3(CCND1 con IGHx2)[176/200],(TP53,D17Z1)x2[200]"
        interp = "t(11;14)(q13;q32) CCND1::IGH fusion, consistent with mantle cell lymphoma."
    else:
        rows = [
            ("TP53 (17p13) deletion", "Not detected", "3/200 nuclei"),
            ("FGFR3/IGH t(4;14)", "Detected", "88/200 nuclei"),
            ("CCND1/IGH t(11;14)", "Not detected", "0/200 nuclei"),
            ("MAF/IGH t(14;16)", "Not detected", "1/200 nuclei"),
            ("1q21 (CKS1B) gain", "Detected (3-4 copies)", "104/200 nuclei"),
        ]
        result = "nuc ish(FGFR3,IGH)x3(FGFR3 con IGHx2)[88/200],(CKS1Bx3~4)[104/200]"
        interp = "High-risk cytogenetics: t(4;14) and gain of 1q21 on CD138-enriched cells."
    title = {
        "academic": "Cytogenetics - FISH Report",
        "ehr": "Molecular Cytogenetics (FISH)",
        "community": "Fluorescence In Situ Hybridization",
    }[family]
    header = [
        ("Specimen", specimen),
        ("Collected", fmt(collected, ds)),
        ("Reported", fmt(reported, ds)),
        ("Lab #", _acc(rng, "CG", collected)),
    ]
    blocks = [
        ("h", "Probe Results"),
        ("table", ("Probe", "Result", "Nuclei scored"), rows, (2.2, 1.6, 1.2)),
        ("h", "Result (ISCN 2024)"),
        ("p", result),
        ("h", "Interpretation"),
        ("p", interp),
    ]
    sign = [f"Reviewed by: {rng.choice(PATHOLOGISTS).full}, Cytogenetics  {fmt(reported, ds)}"]
    org = PATH_LABS["summit"] if family == "academic" else case.facility
    return Report(org, title, header, blocks, sign, f"Report date {fmt(reported, ds)}")


# --- old diagnostic lymph node biopsy --------------------------------------------------


def ln_path(
    case: Case, family: str, rng: random.Random, *, procedure: dt.date, signed_out: dt.date
) -> Report:
    ds = DATE_STYLE[family]
    header = [
        ("Case #", _acc(rng, "S", procedure)),
        ("Procedure Date", fmt(procedure, ds)),
        ("Signed Out", fmt(signed_out, ds)),
        ("Submitting MD", case.referring.full),
    ]
    blocks = [
        ("h", "Specimen"),
        ("p", "Lymph node, right inguinal, excisional biopsy."),
        ("h", "Final Diagnosis"),
        (
            "caps",
            [
                "LYMPH NODE, RIGHT INGUINAL, EXCISION:",
                "- DIFFUSE LARGE B-CELL LYMPHOMA, NOT OTHERWISE SPECIFIED,",
                "  GERMINAL CENTER B-CELL TYPE (HANS ALGORITHM).",
            ],
        ),
        ("h", "Immunohistochemistry"),
        (
            "table",
            ("Stain", "Result"),
            [
                ("CD20 / PAX5", "Positive, diffuse"),
                ("CD10 / BCL6", "Positive / Positive"),
                ("MUM1", "Negative"),
                ("BCL2", "Positive (70%)"),
                ("MYC", "Positive (30%)"),
                ("Ki-67", "Approximately 80%"),
                ("EBER ISH", "Negative"),
            ],
            (1, 2),
        ),
        ("h", "Microscopic Description"),
        (
            "p",
            "The nodal architecture is effaced by sheets of large atypical lymphoid cells with "
            "vesicular chromatin and prominent nucleoli; mitoses and apoptotic bodies are "
            "numerous.",
        ),
    ]
    sign = [f"Electronically signed out by {rng.choice(PATHOLOGISTS).full} {fmt(signed_out, ds)}"]
    org = dataclasses.replace(case.facility, dept="Department of Pathology")
    return Report(
        org, "Surgical Pathology Report", header, blocks, sign, f"Printed {fmt(signed_out, ds)}"
    )


# --- item E: organ function ----------------------------------------------------------


def echo(case: Case, family: str, rng: random.Random, *, study: dt.date) -> Report:
    ds = DATE_STYLE[family]
    ef = rng.choice((55, 58, 60, 62))
    cardio = rng.choice(CARDIOLOGISTS)
    title = {
        "academic": "Transthoracic Echocardiogram Report",
        "ehr": "Echo 2D Complete w/ Doppler",
        "community": "Echocardiography Report",
    }[family]
    header = [
        ("Date of Study", fmt(study, ds)),
        ("Indication", "Pre-CAR T cardiac evaluation"),
        ("Height / Weight", f"{rng.randint(160, 185)} cm / {rng.randint(58, 96)} kg"),
        (
            "BP / HR",
            f"{rng.randint(112, 136)}/{rng.randint(68, 84)} mmHg, {rng.randint(62, 88)} bpm",
        ),
    ]
    rows = [
        ("LV ejection fraction (biplane)", f"{ef}%", "52-72%"),
        ("LVIDd", f"{rng.randint(42, 52)} mm", "42-58 mm"),
        ("IVSd", f"{rng.randint(8, 11)} mm", "6-10 mm"),
        ("Global longitudinal strain", f"-{rng.randint(18, 21)}.{rng.randint(0, 9)}%", "< -18%"),
        ("TAPSE", f"{rng.randint(19, 25)} mm", "> 17 mm"),
        ("RVSP", f"{rng.randint(22, 32)} mmHg", "< 35 mmHg"),
    ]
    blocks = [
        ("h", "Measurements"),
        ("table", ("Parameter", "Value", "Normal"), rows, (2.2, 1, 1)),
        ("h", "Findings"),
        (
            "p",
            "Normal left ventricular size and wall thickness with normal systolic function; no "
            "regional wall motion abnormalities. Normal right ventricular size and function. No "
            "significant valvular disease. No pericardial effusion.",
        ),
        ("h", "Conclusion"),
        ("p", f"Normal biventricular systolic function, LVEF {ef}%."),
    ]
    sign = [f"Interpreted and electronically signed by {cardio.full} on {fmt(study, ds)}"]
    return Report(case.facility, title, header, blocks, sign, f"Printed {fmt(study, ds)}")


def pft(case: Case, family: str, rng: random.Random, *, test: dt.date) -> Report:
    ds = DATE_STYLE[family]
    doc = PULMONOLOGISTS[0]
    rows = [
        ("FVC (L)", "3.68", f"{rng.uniform(3.0, 3.6):.2f}", f"{rng.randint(82, 96)}"),
        ("FEV1 (L)", "2.91", f"{rng.uniform(2.3, 2.8):.2f}", f"{rng.randint(80, 95)}"),
        ("FEV1/FVC (%)", "78", f"{rng.randint(74, 81)}", ""),
        ("TLC (L)", "5.82", f"{rng.uniform(4.9, 5.6):.2f}", f"{rng.randint(84, 97)}"),
        ("DLCO corr. for Hb", "22.4", f"{rng.uniform(15.5, 19.5):.1f}", f"{rng.randint(70, 86)}"),
    ]
    header = [("Test Date", fmt(test, ds)), ("Technologist", "K. Ruiz, RRT"), ("Effort", "Good")]
    blocks = [
        ("h", "Spirometry, Lung Volumes and Diffusion"),
        ("table", ("Parameter", "Predicted", "Actual", "% Pred"), rows, (2, 1, 1, 1)),
        ("h", "Interpretation"),
        (
            "p",
            "Normal spirometry without bronchodilator response. Lung volumes normal. Mildly "
            "reduced diffusing capacity, corrected for hemoglobin. No contraindication to "
            "cellular therapy from a pulmonary standpoint.",
        ),
    ]
    sign = [f"Reviewed by {doc.full} {fmt(test, ds)}"]
    return Report(
        case.facility,
        "Pulmonary Function Test Report",
        header,
        blocks,
        sign,
        f"Printed {fmt(test, ds)}",
    )


def ecg(case: Case, family: str, rng: random.Random, *, acquired: dt.date) -> Report:
    ds = DATE_STYLE[family]
    cardio = rng.choice(CARDIOLOGISTS)
    rate = rng.randint(64, 88)
    qtc = rng.randint(405, 438)
    header = [
        ("Acquired", f"{fmt(acquired, ds)} {fmt_time(_t(rng, 8, 12))}"),
        ("Location", "Cellular Therapy Clinic"),
        ("Device", "12-lead resting ECG"),
    ]
    blocks = [
        ("h", "Measurements"),
        (
            "kv",
            [
                ("Vent. rate", f"{rate} bpm"),
                ("PR interval", f"{rng.randint(150, 180)} ms"),
                ("QRS duration", f"{rng.randint(84, 100)} ms"),
                ("QT/QTc", f"{rng.randint(360, 400)}/{qtc} ms"),
                (
                    "P-R-T axes",
                    f"{rng.randint(30, 60)} {rng.randint(-10, 60)} {rng.randint(20, 60)}",
                ),
            ],
            120,
        ),
        ("h", "Interpretation"),
        ("p", "Normal sinus rhythm. Normal ECG. No prior ECG available for comparison."),
    ]
    sign = [f"Confirmed by {cardio.full} on {fmt(acquired + dt.timedelta(days=1), ds)}"]
    return Report(
        case.facility,
        "Electrocardiogram (ECG) Report",
        header,
        blocks,
        sign,
        f"Printed {fmt(acquired + dt.timedelta(days=1), ds)}",
    )
