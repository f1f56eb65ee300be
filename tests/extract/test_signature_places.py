"""Where a signature may be: labelled lines, closing blocks, lines with a typed name under them.

A form's box edges, a table's rules, a letterhead logo and a check mark are not signatures.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from carcheck.extract.signatures import find_signatures
from carcheck.model import Box, Geometry, SignatureKind
from tests.pagefactory import make_page, text_line

SCRIBBLE = Box(100.0, 300.0, 220.0, 330.0)  # a signature-sized mark above y=332


def page_with(lines: list[tuple[str, float]], rules=(), images=(), strokes=()):
    page = make_page("Riverbend Oncology Group")
    return replace(
        page,
        lines=tuple(text_line(t, top) for t, top in lines),
        geometry=Geometry(rules=tuple(rules), images=tuple(images), strokes=tuple(strokes)),
    )


def kinds(page) -> list[tuple[SignatureKind, str | None]]:
    return [(s.kind, s.signer) for s in find_signatures(page, [])]


RULE = Box(90.0, 332.0, 300.0, 333.0)


def test_a_mark_on_a_labelled_signature_line_is_a_signature() -> None:
    page = page_with([("Physician signature", 336.0)], rules=[RULE], images=[SCRIBBLE])
    assert kinds(page) == [(SignatureKind.IMAGE, None)]


def test_a_mark_on_a_line_with_a_typed_name_under_it_is_signed_by_that_name() -> None:
    page = page_with([("Omar Haddad, MD", 336.0)], rules=[RULE], images=[SCRIBBLE])
    assert kinds(page) == [(SignatureKind.IMAGE, "Omar Haddad, MD")]


def test_a_box_edge_with_nothing_saying_signature_is_no_signature_line() -> None:
    page = page_with([("Member Information Provider Information", 336.0)], rules=[RULE],
                     images=[SCRIBBLE])  # fmt: skip
    assert kinds(page) == []


def test_a_logo_in_the_letterhead_band_is_not_a_signature() -> None:
    logo = Box(40.0, 10.0, 180.0, 60.0)
    page = page_with([("Prescriber signature", 66.0)], rules=[Box(40, 62, 300, 63)], images=[logo])
    assert kinds(page) == []


def test_a_check_mark_on_a_signature_line_is_too_small_to_be_one() -> None:
    tick = Box(100.0, 318.0, 116.0, 331.0)
    page = page_with([("Physician signature", 336.0)], rules=[RULE], images=[tick])
    assert kinds(page) == []


def test_strokes_are_judged_together() -> None:
    segments = [Box(100.0 + 12 * i, 310.0, 110.0 + 12 * i, 328.0) for i in range(8)]
    page = page_with([("Physician signature", 336.0)], rules=[RULE], strokes=segments)
    assert kinds(page) == [(SignatureKind.IMAGE, None)]


def test_an_image_between_the_closing_and_the_typed_name_is_a_signature() -> None:
    page = page_with([("Sincerely,", 280.0), ("Omar Haddad, MD", 336.0)],
                     images=[Box(80.0, 296.0, 200.0, 330.0)])  # fmt: skip
    assert kinds(page) == [(SignatureKind.IMAGE, "Omar Haddad, MD")]


def test_a_name_above_a_bare_statement_signs_it() -> None:
    page = page_with([("Julie Terry", 600.0), ("Electronically Signed, Case Manager", 612.0)])
    assert kinds(page) == [(SignatureKind.ELECTRONIC, "Julie Terry")]


def test_a_co_signature_statement_is_a_signature() -> None:
    page = page_with([("Electronically co-signed by Priyanka N. Ostrowski, MD (Attending)", 600)])
    assert kinds(page) == [(SignatureKind.ELECTRONIC, "Priyanka N. Ostrowski, MD")]


def test_a_statement_by_a_department_has_no_signer() -> None:
    page = page_with([("Electronically signed by Cellular Therapy Program", 600.0)])
    assert kinds(page) == [(SignatureKind.ELECTRONIC, None)]


def test_a_placeholder_statement_is_no_signature() -> None:
    page = page_with([("Electronically Signed/Dated By . . .", 600.0)])
    assert kinds(page) == []


@pytest.mark.parametrize(
    "statement",
    [
        "Not yet electronically signed by Omar Haddad, MD",
        "Pending: electronically signed by Omar Haddad, MD",
        "Requires e-signature by Omar Haddad, MD",
        "UNSIGNED DRAFT - E-signature by Omar Haddad, MD: (none)",
        "E-signature by Omar Haddad, MD: (none)",
        "To be electronically signed by Omar Haddad, MD",
    ],
)
def test_a_statement_that_says_the_opposite_is_no_signature(statement: str) -> None:
    assert kinds(page_with([(statement, 600.0)])) == []


def test_the_honest_statement_still_signs() -> None:
    page = page_with([("Electronically signed by Omar Haddad, MD on 03/03/2026", 600.0)])
    assert kinds(page) == [(SignatureKind.ELECTRONIC, "Omar Haddad, MD")]
