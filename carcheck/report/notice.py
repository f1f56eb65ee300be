"""The deficiency notice: per packet not complete, a plain-text request for what to send.

Intake staff paste it into a fax to the provider; provider offices read it as a to-do
list. The wording is in `notice.txt.j2` beside this file, one template a plan can change;
this module only picks what to ask for, in what order, from the serialised report.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from carcheck.report.text import patient_text

if TYPE_CHECKING:
    import jinja2

TEMPLATE = "notice.txt.j2"


@cache
def _template() -> jinja2.Template:
    import jinja2  # only when a notice is asked for: it costs every other run nothing

    source = resources.files("carcheck.report").joinpath(TEMPLATE).read_text(encoding="utf-8")
    # Plain text, not HTML: nothing is escaped; undefined names fail loudly in tests.
    environment = jinja2.Environment(
        autoescape=False,  # noqa: S701 - plain text for a fax, never shown as HTML
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
    )
    return environment.from_string(source)


def asks(packet: dict[str, Any]) -> list[str]:
    """What the provider is asked to send or do, in order: each required item not
    present, then files to send again, then other patients' documents to remove."""
    # The macros, with the page itself rendered for a complete packet (nothing asked).
    module = _template().make_module(
        {
            "packet": {**packet, "complete": True},
            "as_of": "",
            "patient": None,
            "asks": [],
            "questions": [],
        }  # fmt: skip
    )
    out = [
        _flat(module.request(item, packet))  # type: ignore[attr-defined]
        for item in packet["items"]
        if item["required"] and item["status"] != "present"
    ]
    out += [_flat(module.resend(error)) for error in packet["errors"]]  # type: ignore[attr-defined]
    out += [
        _flat(module.remove(flag))  # type: ignore[attr-defined]
        for flag in packet["flags"]
        if flag["code"] == "patient-mismatch"
    ]
    return out


def questions(packet: dict[str, Any]) -> list[str]:
    """The needs-review points: for the reviewer to look at, not for the provider."""
    return [flag["message"] for flag in packet["flags"] if flag["code"] == "needs-review"]


def _flat(text: str) -> str:
    return " ".join(str(text).split())


def render(records: dict[str, Any]) -> str:
    parts = [
        _template().render(
            packet=packet,
            as_of=records["as_of"],
            patient=patient_text(packet.get("patient")),
            asks=asks(packet),
            questions=questions(packet),
        )
        for packet in records["packets"]
    ]
    return ("\n" + "-" * 78 + "\n\n").join(parts)
