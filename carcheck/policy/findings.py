"""What the policy's criteria and coding section say about a packet beyond items A-F.

WNC.CP.192 Criteria I-III and coding: the product must be FDA-approved (II.A) and used for
an approved indication (II.B); the center must be authorized (I.B, a public list is
enough); repeat CAR T (II.D), a concurrent rescue transplant (III) and documented
non-compliance (II.E/F) are exclusions; under-21 members fall under EPSDT; the claim
carries revenue code 0636 with the product's HCPCS code (C9399 when it has none yet).
Pure: documents, knowledge and the as-of date in, findings out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from carcheck.extract.context import Context, context_of, in_history
from carcheck.model import Document, FacilityContent, Flag, ItemId, Role
from carcheck.policy import Center, Knowledge, Product

EPSDT_AGE = 21


@dataclass(frozen=True, slots=True)
class PolicyFindings:
    product: str | None  # brand name when known, else as named
    facility: str | None
    listed_center: Center | None
    flags: tuple[Flag, ...]


_DISEASE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("LBCL", re.compile(
        r"\bd?lbcl\b|large\s+b-?\s*cell\s+lymphoma|diffuse\s+large|primary\s+mediastinal|"
        r"high-?grade\s+b-?\s*cell|transformed\s+follicular", re.I)),
    ("MCL", re.compile(r"mantle\s+cell\s+lymphoma|\bMCL\b")),
    ("B-ALL", re.compile(r"acute\s+lymphoblastic\s+leuk|\bB-?ALL\b|\bALL\b")),
    ("CLL/SLL", re.compile(
        r"chronic\s+lymphocytic\s+leuk|small\s+lymphocytic\s+lymphoma|\bCLL\b|\bSLL\b", re.I)),
    ("MZL", re.compile(r"marginal\s+zone\s+lymphoma|\bMZL\b", re.I)),
    ("MM", re.compile(r"multiple\s+myeloma|plasma\s+cell\s+myeloma|\bRRMM\b", re.I)),
    ("FL", re.compile(r"(?<!transformed\s)follicular\s+lymphoma|\bFL\b")),
)  # fmt: skip
# A CAR T product name not in the knowledge base: "-cel", "-leucel", "...cabtagene ...".
_PRODUCT_LIKE = re.compile(
    r"\b[a-z]+-cel\b|\b[a-z]+cabtagene\s+[a-z]+leucel\b|\b[a-z]+leucel\b", re.I
)
_NEGATION = re.compile(
    r"\b(no|not|never|denies|denied|without|none|negative\s+for|free\s+of|naive|na[iï]ve|"
    r"rather\s+than|instead\s+of|ruled\s+out)\b",
    re.I,
)
_CAR_T = (
    r"car[\s-]?t\b|chimeric\s+antigen|\b[a-z]+-cel\b|\b[a-z]+leucel\b|kymriah|yescarta|"
    r"tecartus|breyanzi|abecma|carvykti|aucatzyl"
)
_PRIOR_CART = re.compile(
    r"\b(prior(?!\s+auth)|previous(ly)?|received|history\s+of|status\s+post|s/p|"
    r"treated\s+with|(relapsed|progressed|progression|recurrence)\s+(after|following|on))\b"
    rf"(?P<gap>[^.;]{{0,40}}?)({_CAR_T})",
    re.I,
)
# Words between "received ..." and the product that make it a request, not a history.
_REQUEST_WORDS = re.compile(r"\b(for|request|refer|candidate|plan|consider|eligib|evaluat|now)")
_RESCUE = re.compile(
    r"\b(rescue|salvage|back-?up)\s+((allogeneic|autologous|stem[\s-]+cell|hematopoietic)\s+)*"
    r"(transplant|transplantation|sct|hsct)\b|\bconcurrent\s+(allogeneic\s+|stem[\s-]+cell\s+)?"
    r"transplant",
    re.I,
)
_NON_COMPLIANCE = re.compile(
    r"\bnon-?\s*(compliance|compliant|adherence|adherent)\b|\bpoor(ly)?\s+(compliance|"
    r"adherence|adherent|compliant)\b|\bmissed\s+(multiple|several|many|numerous)\s+"
    r"(appointments|visits|doses)\b|\bunable\s+to\s+(adhere|comply)\b",
    re.I,
)


def evaluate(
    documents: Sequence[Document],
    knowledge: Knowledge,
    as_of: dt.date,
    product_option: str | None = None,
    facility_option: str | None = None,
) -> PolicyFindings:
    letters = [d for d in documents if d.item is ItemId.A]
    letter_text = [(d, page, text) for d in letters for page, text in d.lines]
    flags: list[Flag] = []
    named = _products_named(letter_text, knowledge)
    product: Product | None = None
    product_name: str | None = None
    if product_option:
        product = find_product(product_option, knowledge)
        product_name = product.brand if product else product_option.strip()
        if product is None:
            flags.append(Flag("product-not-fda-approved",
                              f"{product_name} (--product) is not an FDA-approved CAR T product "
                              "in carcheck's product list (policy II.A)"))  # fmt: skip
        others = sorted({p.brand for p in named if p is not product})
        if others:
            flags.append(Flag("product-mismatch",
                              f"--product {product_name} but the letter names "
                              f"{', '.join(others)}"))  # fmt: skip
    elif named:
        product = named[0]
        product_name = product.brand
    else:
        unknown = _unknown_products(letter_text, knowledge)
        if unknown:
            product_name = unknown[0]
            flags.append(
                Flag(
                    "product-not-fda-approved",
                    f"the letter requests {unknown[0]}, which is not an FDA-approved CAR T "
                    "product in carcheck's product list (policy II.A)",
                )
            )
        elif letters:
            flags.append(Flag("product-not-found",
                              "the letter names no CAR T product (brand, generic name or "
                              "abbreviation); give it with --product"))  # fmt: skip
    age = _age(letters, as_of)
    if product is not None:
        flags += _indication_flags(product, _diagnosis(letter_text), age)
        flags.append(_coding(product))
        if product.rems == "required" or (product.rems_until and as_of < product.rems_until):
            flags.append(Flag("rems", f"{product.brand} has a REMS in force: the center must be "
                                      "REMS-certified for it"))  # fmt: skip
    if age is not None and age < EPSDT_AGE:
        flags.append(Flag("epsdt", f"member is {age} years old (under {EPSDT_AGE}): EPSDT "
                                   "applies; prior approval is still required"))  # fmt: skip
    flags += _exclusions(documents)
    facility, center = _facility(documents, knowledge, facility_option)
    return PolicyFindings(product_name, facility, center, tuple(flags))


def find_product(name: str, knowledge: Knowledge) -> Product | None:
    wanted = _norm(name)
    for product in knowledge.products:
        if any(_norm(n) == wanted for n in product.names):
            return product
    return None


def _products_named(lines: list[tuple[Document, int, str]], knowledge: Knowledge) -> list[Product]:
    """Products the letter names, the most named first (one pass for all the names)."""
    by_name = {name.lower(): p for p in knowledge.products for name in p.names}
    names = sorted(by_name, key=len, reverse=True)  # "axi-cel" before a shorter overlap
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.I
    )
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    text = "\n".join(t for _, _, t in lines)
    for m in pattern.finditer(text):
        brand = by_name[m.group(1).lower()].brand
        counts[brand] += 1
        first.setdefault(brand, m.start())
    by_brand = {p.brand: p for p in knowledge.products}
    return [by_brand[b] for b in sorted(counts, key=lambda b: (-counts[b], first[b]))]


def _unknown_products(lines: list[tuple[Document, int, str]], knowledge: Knowledge) -> list[str]:
    known = {_norm(n) for p in knowledge.products for n in p.names}
    found = []
    for _, _, text in lines:
        for m in _PRODUCT_LIKE.finditer(text):
            if _norm(m.group(0)) not in known and m.group(0) not in found:
                found.append(m.group(0))
    return found


def _diagnosis(lines: list[tuple[Document, int, str]]) -> str | None:
    counts: Counter[str] = Counter()
    text = "\n".join(t for _, _, t in lines)
    for disease, pattern in _DISEASE_PATTERNS:
        counts[disease] += len(pattern.findall(text))
    if not counts or max(counts.values()) == 0:
        return None
    return max(DISEASE_ORDER, key=lambda d: (counts[d], -DISEASE_ORDER.index(d)))


DISEASE_ORDER = [d for d, _ in _DISEASE_PATTERNS]


def _indication_flags(product: Product, disease: str | None, age: int | None) -> list[Flag]:
    if disease is None:
        return []
    matching = [i for i in product.indications if i.disease == disease]
    if not matching:
        approved = ", ".join(sorted({i.disease for i in product.indications}))
        return [Flag("indication-mismatch",
                     f"the letter's diagnosis ({disease}) is not among {product.brand}'s approved "
                     f"indications ({approved}) (policy II.B)")]  # fmt: skip
    flags = []
    if age is not None and all(
        (i.max_age is not None and age > i.max_age) or (i.min_age is not None and age < i.min_age)
        for i in matching
    ):
        limits = "; ".join(
            f"{i.disease} ages {i.min_age or 0}-{i.max_age if i.max_age else 'any'}"
            for i in matching
        )
        flags.append(Flag("indication-mismatch",
                          f"member is {age} years old, outside {product.brand}'s approved ages "
                          f"({limits}) (policy II.B)"))  # fmt: skip
    if product.brand == "Kymriah" and disease == "B-ALL":
        flags.append(Flag("kymriah-all-30-day-response",
                          "Kymriah for B-ALL: the claim must carry documentation of the "
                          "30-day response"))  # fmt: skip
    return flags


def _coding(product: Product) -> Flag:
    if product.hcpcs:
        note = "" if product.hcpcs_verified else " (code not yet checked against a primary source)"
        return Flag("coding", f"bill revenue code 0636 with HCPCS {product.hcpcs} "
                              f"({product.brand}){note}")  # fmt: skip
    return Flag("coding", f"bill revenue code 0636 with C9399 ({product.brand} has no "
                          "product-specific HCPCS code yet)")  # fmt: skip


def _age(letters: list[Document], as_of: dt.date) -> int | None:
    for letter in letters:
        for mention in letter.dates:
            if mention.role is Role.BIRTH and not mention.impossible and mention.date <= as_of:
                born = mention.date
                return as_of.year - born.year - ((as_of.month, as_of.day) < (born.month, born.day))
    return None


def _exclusions(documents: Sequence[Document]) -> list[Flag]:
    flags: list[Flag] = []
    checks = (
        ("prior-car-t", _PRIOR_CART, (ItemId.A,), "repeat CAR T-cell therapy (policy II.D)"),
        ("concurrent-rescue-transplant", _RESCUE, (ItemId.A,),
         "a concurrent rescue transplant (policy III)"),
        ("non-compliance", _NON_COMPLIANCE, (ItemId.A, ItemId.F),
         "documented non-compliance (policy II.E/F)"),
    )  # fmt: skip
    for code, pattern, items, what in checks:
        for doc in documents:
            if doc.item not in items:
                continue
            hit = _prior_car_t(doc) if code == "prior-car-t" else _affirmed(doc, pattern)
            if hit:
                page, sentence = hit
                flags.append(Flag(code, f'{what}: {doc.file} p. {page}: "{sentence}"'))
                break
    return flags


def _affirmed(doc: Document, pattern: re.Pattern[str]) -> tuple[int, str] | None:
    """The first sentence that states the pattern without negating it."""
    for page, sentence in _sentences(doc):
        for m in pattern.finditer(sentence):
            if "gap" in pattern.groupindex and _REQUEST_WORDS.search(m.group("gap") or ""):
                continue
            if _NEGATION.search(sentence[: m.start()]) or _NEGATION.search(
                sentence[m.end() : m.end() + 40]
            ):
                continue
            return page, sentence[:200]
    return None


def _sentences(doc: Document) -> list[tuple[int, str]]:
    return [(page, sentence) for page, sentence, _ in _sentences_in_context(doc)]


def _sentences_in_context(doc: Document) -> list[tuple[int, str, bool]]:
    """The document's text in sentences, each with whether it stands in a treatment
    history. A line joins the next only when the sentence runs on (no closing
    punctuation, and the next line starts in lower case): letterheads, headers and
    fields stay on their own."""
    out: list[tuple[int, str, bool]] = []
    current: list[str] = []
    page_of = 0
    lines = list(doc.lines)
    history = in_history([text for _, text in lines])
    past = False
    for index, (page, text) in enumerate(lines):
        if not current:
            page_of, past = page, history[index]
        parts = re.split(r"(?<=[.;!?])\s+", text)
        for part in parts[:-1]:
            current.append(part)
            out.append((page_of, " ".join(current), past))
            current, page_of, past = [], page, history[index]
        current.append(parts[-1])
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        runs_on = not re.search(r"[.;!?:]\s*$", parts[-1]) and following[:1].islower()
        if not runs_on:
            out.append((page_of, " ".join(current), past))
            current = []
    return [(page, sentence.strip(), h) for page, sentence, h in out if sentence.strip()]


def _prior_car_t(doc: Document) -> tuple[int, str] | None:
    """The first sentence that places a CAR T therapy in the patient's past."""
    for page, sentence, history in _sentences_in_context(doc):
        for m in _CAR_T_MENTION.finditer(sentence):
            if context_of(sentence, m.start(), m.end(), history) is Context.PAST:
                return page, sentence[:200]
    return None


_CAR_T_MENTION = re.compile(_CAR_T, re.I)


def _facility(
    documents: Sequence[Document], knowledge: Knowledge, option: str | None
) -> tuple[str | None, Center | None]:
    if option:
        return option.strip(), match_center(option, knowledge)
    # A listed center counts where a line says the therapy is given there ("will be infused
    # at Duke Cancer Institute", "Treatment center: ..."), not where it is only mentioned
    # ("previously seen at", "records from"). Normalised once per line.
    lines = [
        f" {_norm(t)} "
        for d in documents
        if d.item in (ItemId.A, ItemId.B)
        for _, t in d.lines
        if _ADMINISTERED_AT.search(t) and not _ONLY_MENTIONED.search(t)
    ]
    for center in knowledge.centers:
        names = [f" {_norm(alias)} " for alias in center.names]
        if any(name in line for line in lines for name in names):
            return center.name, center
    for doc in documents:
        if isinstance(doc.content, FacilityContent) and doc.content.facility:
            return doc.content.facility, match_center(doc.content.facility, knowledge)
    return None, None


_ADMINISTERED_AT = re.compile(
    r"\b(administ\w*|infus\w*|(will|to)\s+be\s+(given|treated|performed)|given\s+at|"
    r"treatment\s+(cent(er|re)|site|facility)|facility|site\s+of\s+(care|service)|"
    r"authori[sz]ed\s+(treatment\s+)?(cent(er|re)|site)|certified|qualified\s+treatment|"
    r"perform\w*\s+at|receive\s+\w*\s*(therapy|treatment|cells?)?\s*at|apheresis|"
    r"leukapheresis)\b",
    re.IGNORECASE,
)
_ONLY_MENTIONED = re.compile(
    r"\b(previously|formerly|prior\s+to|records?\s+from|transferred\s+from|referred\s+by|"
    r"seen\s+at|second\s+opinion|not\s+(at|an?\s+authori[sz]ed))\b",
    re.IGNORECASE,
)


def match_center(name: str, knowledge: Knowledge) -> Center | None:
    """The listed center a facility name is: its whole normalised name or a declared
    alias, with a trailing ", City" or ", City, ST" allowed; never a part of a name
    ("University Medical Center" is not "Duke University Medical Center")."""
    forms = {_norm(name), _norm(name.split(",")[0])} - {""}
    for center in knowledge.centers:
        if any(_norm(alias) in forms for alias in center.names):
            return center
    return None


def _norm(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(w for w in text.split() if w not in ("the", "of", "inc", "llc"))
