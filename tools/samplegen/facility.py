"""Item B: verification that the facility is an authorized treatment center.

mfr_letter   -- the manufacturer's authorized-treatment-center confirmation letter
agreement    -- excerpt of the facility-manufacturer treatment center agreement (2 pages)
verification -- manufacturer access-program site verification printout (form/table)
"""

from __future__ import annotations

import datetime as dt
import random

from .cast import MANUFACTURER_SIGNERS, PRODUCTS, Case
from .common import footer
from .dates import fmt, fmt_time
from .writer import GREY, NAVY, TEAL, Writer, letterhead

ATC_FAMILIES = ("mfr_letter", "agreement", "verification")


def _products_of(case: Case) -> list[str]:
    maker = case.product.maker
    return [p.brand for p in PRODUCTS.values() if p.maker == maker]


def render_atc(
    w: Writer, case: Case, family: str, rng: random.Random, *, issued: dt.date, effective: dt.date
) -> None:
    {"mfr_letter": _letter, "agreement": _agreement, "verification": _verification}[family](
        w, case, rng, issued, effective
    )


def _letter(w: Writer, case: Case, rng: random.Random, issued: dt.date, effective: dt.date) -> None:
    maker = case.product.maker
    fac = case.facility
    pr = case.product
    signer = rng.choice(MANUFACTURER_SIGNERS)
    site_id = f"{maker.short[:3]}-ATC-{rng.randint(100, 999):04d}"
    w.begin(family="Helvetica", footer=footer("of", left=f"{maker.name}  |  Confidential"))
    letterhead(w, maker, "logo", TEAL)
    w.line(fmt(issued, "long"), size=10.5)
    w.gap(8)
    for s in (
        f"{case.attending.full}",
        f"{fac.dept}",
        fac.name,
        fac.street,
        fac.city,
    ):
        w.line(s, size=10.5, h=13.5)
    w.gap(10)
    w.line(
        f"Re: Authorized Treatment Center Confirmation - {pr.brand.upper()}(R) ({pr.generic})",
        size=10.5,
        style="B",
    )
    w.line(f"Site ID: {site_id}", size=10.5)
    w.gap(6)
    w.para(f"Dear Dr. {case.attending.last},", size=10.5)
    w.para(
        f"This letter confirms that {fac.name}, {fac.street}, {fac.city}, has completed "
        f"{maker.name}'s treatment center qualification process and is an Authorized Treatment "
        f"Center (ATC) for {', '.join(_products_of(case))}, effective {fmt(effective, 'long')}.",
        size=10.5,
    )
    w.para(
        "Qualification included review of the site's cell therapy program, staff training on "
        "cytokine release syndrome and neurologic toxicities, REMS certification, chain of "
        "identity and chain of custody procedures, apheresis collection and product receipt, "
        "storage and infusion.",
        size=10.5,
    )
    w.para(
        "As an authorized treatment center, the site may order, receive and administer the "
        "products named above to eligible patients. This authorization remains in effect while "
        "the treatment center agreement is in force and the site maintains its REMS "
        "certification. A current list of authorized treatment centers is available from our "
        "treatment center network team.",
        size=10.5,
    )
    w.para(
        "Please share this letter with payers that request verification of ATC status.", size=10.5
    )
    w.gap(8)
    w.line("Sincerely,", size=10.5)
    w.gap(14)
    w.line(signer.name, size=10.5, style="B")
    w.line(signer.title, size=10)
    w.line(maker.name, size=10)
    w.gap(6)
    w.line(f"Electronically signed by {signer.name} on {fmt(issued, 'mdy')}", size=9, style="I")
    w.end()


def _agreement(
    w: Writer, case: Case, rng: random.Random, issued: dt.date, effective: dt.date
) -> None:
    maker = case.product.maker
    fac = case.facility
    products = _products_of(case)
    w.begin(
        family="Times",
        running=_agreement_running,
        footer=lambda w, i, n: _agreement_footer(w, i),
    )
    w.line("CONFIDENTIAL - EXECUTION VERSION", size=8, align="R", rgb=GREY)
    w.line(
        "[Excerpt provided for payer verification: pages 1 and 14 of 22]",
        size=8,
        align="R",
        rgb=GREY,
    )
    w.gap(20)
    w.line("TREATMENT CENTER AGREEMENT", size=15, style="B", align="C")
    w.gap(10)
    w.para(
        f'This Treatment Center Agreement (the "Agreement") is entered into as of '
        f'{fmt(effective, "long")} (the "Effective Date") by and between {maker.name}, having '
        f'its principal place of business at {maker.street}, {maker.city} ("Company"), and '
        f'{fac.name}, located at {fac.street}, {fac.city} ("Treatment Center").',
        size=11,
        align="J",
    )
    w.line("RECITALS", size=11, style="B", align="C")
    w.gap(4)
    for s in (
        "WHEREAS, Company manufactures and commercializes autologous CAR T-cell therapies "
        "that may be administered only at treatment centers qualified and authorized by Company;",
        "WHEREAS, Treatment Center operates a cellular therapy program accredited for immune "
        "effector cell therapy and wishes to be designated as an authorized treatment center;",
        "NOW, THEREFORE, in consideration of the mutual covenants herein, the parties agree as "
        "follows:",
    ):
        w.para(s, size=11, align="J")
    w.line("1. DEFINITIONS", size=11, style="B")
    w.para(
        f'1.1 "Product" means each of the following Company products: '
        f"{'; '.join(p.upper() + '(R)' for p in products)}.",
        size=11,
        align="J",
    )
    w.para(
        '1.2 "Authorized Treatment Center" means a facility that has completed Company\'s '
        "site qualification, training and REMS requirements and has been designated by Company "
        "to order, receive and administer Product.",
        size=11,
        align="J",
    )
    w.line("2. DESIGNATION", size=11, style="B")
    w.para(
        "2.1 Subject to the terms of this Agreement, Company hereby designates Treatment Center "
        "as an Authorized Treatment Center for the Product, for administration at the site "
        "address stated above, commencing on the Effective Date.",
        size=11,
        align="J",
    )
    w.para("* * *", size=11, align="C")
    w.new_page()
    w.gap(14)
    w.line("14. TERM AND TERMINATION", size=11, style="B")
    w.para(
        "14.1 This Agreement shall commence on the Effective Date and continue for an initial "
        "term of three (3) years, renewing automatically for successive one (1) year terms "
        "unless either party gives written notice of non-renewal at least ninety (90) days "
        "before the end of the then-current term.",
        size=11,
        align="J",
    )
    w.para(
        "14.2 Company may suspend Treatment Center's designation as an Authorized Treatment "
        "Center upon written notice if Treatment Center fails to maintain REMS certification.",
        size=11,
        align="J",
    )
    w.gap(8)
    w.para(
        "IN WITNESS WHEREOF, the parties have caused this Agreement to be executed by their duly "
        "authorized representatives as of the Effective Date.",
        size=11,
        align="J",
    )
    w.gap(10)
    top = w.y
    signer = rng.choice(MANUFACTURER_SIGNERS)
    left_x = w.pdf.l_margin
    right_x = w.pdf.l_margin + w.width / 2 + 10
    blocks = [
        (left_x, maker.name.upper(), f"/s/ {signer.name}", signer.name, signer.title),
        (
            right_x,
            fac.name.upper(),
            "/s/ Margaret A. Lyle",
            "Margaret A. Lyle",
            "Chief Executive Officer",
        ),
    ]
    signed_on = effective - dt.timedelta(days=rng.randint(3, 20))
    for x, party, by, nm, title in blocks:
        w.pdf.set_xy(x, top)
        w.font("B", 10)
        w.pdf.multi_cell(w.width / 2 - 10, 12, party, align="L", new_x="LEFT", new_y="NEXT")
        w.font("", 10)
        for s in (f"By: {by}", f"Name: {nm}", f"Title: {title}", f"Date: {fmt(signed_on, 'mdy')}"):
            w.pdf.set_x(x)
            w.pdf.cell(w.width / 2 - 10, 16, s, new_x="LEFT", new_y="NEXT")
    w.pdf.set_x(w.pdf.l_margin)
    w.end()


def _agreement_running(w: Writer) -> None:
    w.line("CONFIDENTIAL - EXECUTION VERSION", size=8, align="R", rgb=GREY)
    w.gap(6)


def _agreement_footer(w: Writer, i: int) -> None:
    pdf = w.pdf
    pdf.set_font("Times", "", 9)
    pdf.set_text_color(*GREY)
    pdf.set_xy(pdf.l_margin, pdf.h - 42)
    pdf.cell(pdf.w - pdf.l_margin - pdf.r_margin, 10, f"- {1 if i == 1 else 14} -", align="C")
    pdf.set_text_color(0)


def _verification(
    w: Writer, case: Case, rng: random.Random, issued: dt.date, effective: dt.date
) -> None:
    maker = case.product.maker
    fac = case.facility
    verifier = rng.choice(MANUFACTURER_SIGNERS)
    w.begin(
        family="Helvetica",
        footer=footer(
            "of",
            left=f"Report generated {fmt(issued, 'mdy')} {fmt_time(rng.randint(540, 1000))} ET",
            right=maker.web,
        ),
    )
    letterhead(w, maker, "banner", NAVY)
    w.line("AUTHORIZED TREATMENT CENTER VERIFICATION", size=13, style="B", rgb=NAVY)
    w.line("Site status record - for payer and benefits verification", size=9, style="I")
    w.gap(6)
    w.kv_columns(
        [
            [
                ("Site name:", fac.name),
                ("Program:", fac.dept.split(" and ")[0]),
                ("Address:", fac.street),
                ("", fac.city),
            ],
            [
                ("Site ID:", f"{maker.short[:3]}-{rng.randint(1000, 9999)}"),
                (fac.ids[0][0] + ":", fac.ids[0][1]),
                ("Phone:", fac.phone),
                ("Site contact:", case.attending.full),
            ],
        ],
        label_w=70,
        size=9,
        box=True,
    )
    rows = []
    for brand in _products_of(case):
        rows.append((brand.upper(), "Authorized - Active", fmt(effective, "mdy"), "Certified"))
    w.table(
        ("Product", "Treatment center status", "Effective date", "REMS"),
        rows,
        widths=(1.5, 2, 1.3, 1),
        size=9,
    )
    w.kv(
        [
            ("Apheresis site:", "Qualified (same address)"),
            ("Infusion site:", "Qualified (same address)"),
            ("Last re-verification:", fmt(issued, "mdy")),
        ],
        label_w=130,
        size=9.5,
    )
    w.gap(8)
    w.para(
        f"{maker.name} confirms that the site above is an authorized treatment center for the "
        f"products listed with status 'Authorized - Active' as of the verification date.",
        size=9.5,
    )
    w.gap(8)
    w.kv(
        [
            ("Verified by:", f"{verifier.name}, {verifier.title}"),
            ("Date verified:", fmt(issued, "mdy")),
            ("Reference #:", f"VR-{issued:%y}{rng.randint(10000, 99999)}"),
        ],
        label_w=100,
        size=9.5,
    )
    w.end()
