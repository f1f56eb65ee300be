"""Policy knowledge: products by every name, flags and their negated twins, centers, config."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from carcheck.model import DateMention, Document, ItemId, Role
from carcheck.policy import PolicyError, load
from carcheck.policy.findings import evaluate, find_product, match_center

AS_OF = dt.date(2026, 10, 15)
KNOWLEDGE = load()
ROOT = Path(__file__).resolve().parents[2]


def letter(*sentences: str, born: dt.date | None = dt.date(1960, 3, 14)) -> Document:
    dates = (DateMention(born, Role.BIRTH, 1, 0, "DOB"),) if born else ()
    return Document(
        file="lmn.pdf",
        pages=(1,),
        item=ItemId.A,
        title="Letter of medical necessity",
        date=None,
        dates=dates,
        lines=tuple((1, s) for s in sentences),
    )


def evaluation(*sentences: str) -> Document:
    return Document("psy.pdf", (1,), ItemId.F, "Psychosocial evaluation", None, (),
                    lines=tuple((1, s) for s in sentences))  # fmt: skip


def codes(*docs: Document, **options: str) -> dict[str, str]:
    found = evaluate(list(docs), KNOWLEDGE, AS_OF, **options)  # type: ignore[arg-type]
    return {f.code: f.message for f in found.flags}


REQUEST = "We request {name} for relapsed diffuse large B-cell lymphoma after two lines."


def test_knowledge_base_loads_and_validates() -> None:
    assert [p.brand for p in KNOWLEDGE.products] == [
        "Kymriah", "Yescarta", "Tecartus", "Breyanzi", "Abecma", "Carvykti", "Aucatzyl",
    ]  # fmt: skip
    codes_by_brand = {p.brand: p.hcpcs for p in KNOWLEDGE.products}
    assert codes_by_brand == {
        "Kymriah": "Q2042", "Yescarta": "Q2041", "Tecartus": "Q2053", "Breyanzi": "Q2054",
        "Abecma": "Q2055", "Carvykti": "Q2056", "Aucatzyl": "Q2058",
    }  # fmt: skip
    unverified = {p.brand for p in KNOWLEDGE.products if not p.hcpcs_verified}
    assert unverified == {"Abecma", "Carvykti"}
    assert all(i.source for p in KNOWLEDGE.products for i in p.indications)
    aucatzyl = find_product("obe-cel", KNOWLEDGE)
    assert aucatzyl is not None and aucatzyl.rems == "none"
    assert all(p.rems_until == dt.date(2025, 6, 26) for p in KNOWLEDGE.products
               if p.brand != "Aucatzyl")  # fmt: skip
    assert {c.city for c in KNOWLEDGE.centers} >= {"Durham, NC", "Chapel Hill, NC"}
    assert all(c.source for c in KNOWLEDGE.centers)


@pytest.mark.parametrize(
    "name",
    [n for p in KNOWLEDGE.products for n in p.names] + ["YESCARTA", "Axi-Cel"],
)
def test_every_product_is_recognised_by_every_name(name: str) -> None:
    product = find_product(name, KNOWLEDGE)
    assert product is not None
    found = evaluate([letter(REQUEST.format(name=name))], KNOWLEDGE, AS_OF)
    assert found.product == product.brand


@pytest.mark.parametrize(
    ("sentences", "code", "fires"),
    [
        (["The patient received axi-cel in 2024 and relapsed."], "prior-car-t", True),
        (["Status post prior CAR T-cell therapy in 2023."], "prior-car-t", True),
        (["No prior CAR T-cell therapy."], "prior-car-t", False),
        (["She has not received CAR T-cell therapy before."], "prior-car-t", False),
        (["Re: Prior Authorization Request - CAR T-cell Therapy"], "prior-car-t", False),
        (["He received R-CHOP and R-ICE and is referred for CAR T."], "prior-car-t", False),
        (["He relapsed after two lines; we request axi-cel."], "prior-car-t", False),
        (["A rescue allogeneic transplant is planned concurrently."],
         "concurrent-rescue-transplant", True),
        (["A rescue transplant is not planned."], "concurrent-rescue-transplant", False),
        (["No concurrent transplant is planned."], "concurrent-rescue-transplant", False),
        (["He has a history of non-compliance with clinic visits."], "non-compliance", True),
        (["Missed several appointments in 2025 due to poor adherence."], "non-compliance", True),
        (["There is no history of non-compliance."], "non-compliance", False),
        (["He denies non-adherence to medications."], "non-compliance", False),
    ],
)  # fmt: skip
def test_exclusion_flags_and_negated_twins(sentences: list[str], code: str, fires: bool) -> None:
    found = codes(letter(REQUEST.format(name="Yescarta"), *sentences))
    assert (code in found) is fires
    if fires:
        assert "lmn.pdf p. 1" in found[code] and sentences[0][:20] in found[code]


def test_non_compliance_from_the_psychosocial_evaluation() -> None:
    twin = evaluation("Adherence: no concerns; he keeps all appointments.")
    found = evaluation("Adherence: documented non-compliance with oral chemotherapy.")
    base = letter(REQUEST.format(name="Yescarta"))
    assert "non-compliance" in codes(base, found)
    assert "non-compliance" not in codes(base, twin)


def test_product_not_found_and_not_approved() -> None:
    assert "product-not-found" in codes(letter("We request CAR T-cell therapy for DLBCL."))
    found = codes(letter("We request zamtocabtagene autoleucel (zamto-cel) for DLBCL."))
    assert "zamtocabtagene" in found["product-not-fda-approved"]
    assert "product-not-fda-approved" in codes(letter("DLBCL."), product_option="Foo-cel")


def test_product_option_wins_and_a_different_letter_product_is_flagged() -> None:
    doc = letter(REQUEST.format(name="Yescarta"))
    found = evaluate([doc], KNOWLEDGE, AS_OF, product_option="liso-cel")
    assert found.product == "Breyanzi"
    assert any(f.code == "product-mismatch" and "Yescarta" in f.message for f in found.flags)
    same = evaluate([doc], KNOWLEDGE, AS_OF, product_option="axicabtagene ciloleucel")
    assert not any(f.code == "product-mismatch" for f in same.flags)


@pytest.mark.parametrize(
    ("product", "diagnosis", "mismatch"),
    [
        ("Yescarta", "relapsed diffuse large B-cell lymphoma", False),
        ("Yescarta", "relapsed/refractory multiple myeloma", True),
        ("Abecma", "relapsed/refractory multiple myeloma", False),
        ("Tecartus", "relapsed mantle cell lymphoma", False),
        ("Carvykti", "relapsed mantle cell lymphoma", True),
        ("Breyanzi", "CLL after a BTK inhibitor and venetoclax", False),
    ],
)
def test_indication_mismatch(product: str, diagnosis: str, mismatch: bool) -> None:
    found = codes(letter(f"We request {product} for {diagnosis}."))
    assert ("indication-mismatch" in found) is mismatch


def test_kymriah_for_b_all_needs_30_day_response_and_an_age_limit() -> None:
    young = letter("We request Kymriah for B-ALL in second relapse.", born=dt.date(2004, 1, 1))
    found = codes(young)
    assert "kymriah-all-30-day-response" in found and "indication-mismatch" not in found
    older = letter("We request Kymriah for B-ALL in second relapse.", born=dt.date(1990, 1, 1))
    assert "member is 36 years old" in codes(older)["indication-mismatch"]


def test_epsdt_under_21_only() -> None:
    assert "epsdt" in codes(letter(REQUEST.format(name="Kymriah"), born=dt.date(2006, 10, 16)))
    assert "epsdt" not in codes(letter(REQUEST.format(name="Kymriah"), born=dt.date(2005, 10, 15)))


def test_coding_reminder_and_c9399_for_a_product_without_a_code(tmp_path: Path) -> None:
    assert "Q2041" in codes(letter(REQUEST.format(name="Yescarta")))["coding"]
    config = tmp_path / "c.toml"
    config.write_text(
        '[[product]]\nbrand = "Newcel"\ngeneric = "novacabtagene autoleucel"\n'
        'indications = [{ disease = "LBCL", line = "third line", source = "label" }]\n'
    )
    knowledge = load(config)
    found = evaluate([letter(REQUEST.format(name="Newcel"))], knowledge, AS_OF)
    assert found.product == "Newcel"
    assert "C9399" in {f.code: f.message for f in found.flags}["coding"]


ATRIUM = "Atrium Health Wake Forest Baptist Comprehensive Cancer Center"
NOVANT = "Novant Health Presbyterian Medical Center"


@pytest.mark.parametrize(
    ("name", "listed"),
    [
        ("Duke University Hospital", "Duke University Hospital"),
        ("DUKE CANCER INSTITUTE", "Duke University Hospital"),
        ("UNC Lineberger Comprehensive Cancer Center", "UNC Hospitals / N.C. Cancer Hospital"),
        ("Atrium Health Wake Forest Baptist", ATRIUM),
        ("Novant Health Presbyterian Medical Center, Charlotte", NOVANT),
        ("Example Cancer Center", None),
        ("Saint Brendan's Health Cancer Institute", None),
    ],
)  # fmt: skip
def test_centers_match_tolerantly(name: str, listed: str | None) -> None:
    center = match_center(name, KNOWLEDGE)
    assert (center.name if center else None) == listed


def test_center_named_in_the_letter_makes_b_present_without_a_document() -> None:
    doc = letter(REQUEST.format(name="Yescarta"), "It will be given at Duke Cancer Institute.")
    found = evaluate([doc], KNOWLEDGE, AS_OF)
    assert found.listed_center is not None and found.facility == "Duke University Hospital"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[product]]\nbrand = "X"\n', "generic"),
        ('[[product]]\nbrand = "X"\ngeneric = "x"\nindications = []\n', "indication"),
        ('[[product]]\nbrand = "X"\ngeneric = "x"\nhcpcs = "12"\n'
         'indications = [{disease = "LBCL"}]\n', "hcpcs"),
        ('[[product]]\nbrand = "X"\ngeneric = "x"\nindications = [{disease = "AML"}]\n', "disease"),
        ('[[product]]\nbrand = "Yescarta"\ngeneric = "x"\nindications = [{disease = "LBCL"}]\n',
         "twice"),
        ("[limits]\nserology_months = 0\n", "months"),
        ("[limits]\nbogus = 3\n", "bogus"),
        ("not toml [", "TOML"),
    ],
)  # fmt: skip
def test_bad_config_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(text)
    with pytest.raises(PolicyError, match=message):
        load(config)


def test_config_adding_a_center_turns_b_from_missing_to_present(run_cli, tmp_path: Path) -> None:
    packet = ROOT / "sample_packets" / "no-facility-verification"
    args = ["check", packet, "--as-of", "2026-10-15", "--format", "json",
            "--facility", "Example Cancer Center"]  # fmt: skip
    before = json.loads(run_cli(args).stdout)["packets"][0]
    assert before["items"][1]["status"] == "missing"
    config = tmp_path / "carcheck.toml"
    config.write_text('[[center]]\nname = "Example Cancer Center"\ncity = "Raleigh, NC"\n'
                      'source = "plan network list"\n')  # fmt: skip
    after_result = run_cli([*args, "--config", config])
    after = json.loads(after_result.stdout)["packets"][0]
    assert after["items"][1]["status"] == "present"
    assert "public list" in after["items"][1]["reasons"][0]
    assert after["facility"] == "Example Cancer Center"


def test_config_overrides_the_serology_limit(run_cli, tmp_path: Path) -> None:
    config = tmp_path / "carcheck.toml"
    config.write_text("[limits]\nserology_months = 1\n")
    packet = ROOT / "sample_packets" / "complete"
    result = run_cli(["check", packet, "--as-of", "2026-10-15", "--format", "json",
                      "--config", config])  # fmt: skip
    serology = json.loads(result.stdout)["packets"][0]["items"][2]
    assert serology["status"] == "stale" and "under 1 months" in serology["reasons"][0]
    shown = run_cli(["rules", "--config", config]).stdout
    assert (
        str(config) in " ".join(shown.split()).replace("│ ", "").replace(" │", "")
        or "1 months" in shown
    )


def test_flags_show_in_every_format(run_cli) -> None:
    packet = ROOT / "sample_packets" / "complete"
    base = ["check", packet, "--as-of", "2026-10-15", "--product", "Breyanzi"]
    as_json = json.loads(run_cli([*base, "--format", "json"]).stdout)["packets"][0]
    assert {"product-mismatch", "coding"} <= {f["code"] for f in as_json["flags"]}
    assert "product-mismatch" in run_cli([*base, "--format", "markdown"]).stdout
    assert 'name="flag:product-mismatch"' in run_cli([*base, "--format", "junit"]).stdout
    assert "product-mismatch" in run_cli([*base, "--format", "table"]).stdout


@pytest.mark.parametrize(
    "name", ["University Medical Center", "Medical Center", "Cancer Institute", "Duke"]
)
def test_a_part_of_a_listed_name_is_not_that_center(name: str) -> None:
    assert match_center(name, KNOWLEDGE) is None


def test_a_listed_system_mentioned_in_passing_does_not_verify_the_facility() -> None:
    doc = letter(
        REQUEST.format(name="Yescarta"),
        "He was previously seen at Duke Cancer Institute for a second opinion.",
        "He will be treated at Example Cancer Center.",
    )
    found = evaluate([doc], KNOWLEDGE, AS_OF)
    assert found.listed_center is None
