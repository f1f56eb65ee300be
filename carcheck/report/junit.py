"""JUnit XML: a testsuite per packet, a testcase per item, a failing case per unreadable file."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from carcheck.report.text import patient_text

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def render(records: dict[str, Any]) -> str:
    suites = ET.Element("testsuites", name="carcheck")
    for packet in records["packets"]:
        items = packet["items"]
        errors = packet["errors"]
        failures = sum(1 for i in items if i["status"] in ("missing", "stale", "incomplete"))
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=xml_safe(packet["path"]),
            tests=str(len(items) + len(errors)),
            failures=str(failures + len(errors)),
            errors="0",
            skipped=str(sum(1 for i in items if i["status"] == "not_provided")),
        )
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", name="as_of", value=records["as_of"])
        ET.SubElement(props, "property", name="complete", value=str(packet["complete"]).lower())
        for key in ("product", "facility"):
            if packet.get(key):
                ET.SubElement(props, "property", name=key, value=xml_safe(packet[key]))
        if who := patient_text(packet.get("patient")):
            ET.SubElement(props, "property", name="patient", value=xml_safe(who))
        for flag in packet["flags"]:
            ET.SubElement(
                props, "property", name=f"flag:{flag['code']}", value=xml_safe(flag["message"])
            )
        for item in items:
            case = ET.SubElement(
                suite,
                "testcase",
                classname="carcheck.items",
                name=xml_safe(f"{item['id']} {item['title']}"),
            )
            reasons = "; ".join(item["reasons"])
            if item["status"] in ("missing", "stale", "incomplete"):
                failure = ET.SubElement(
                    case,
                    "failure",
                    type=item["status"],
                    message=xml_safe(reasons or item["status"]),
                )
                failure.text = xml_safe("\n".join(item["reasons"]))
            elif item["status"] == "not_provided":
                ET.SubElement(case, "skipped", message="optional item not provided")
        for error in errors:
            case = ET.SubElement(
                suite,
                "testcase",
                classname="carcheck.files",
                name=xml_safe(f"file {error['file']}"),
            )
            ET.SubElement(case, "failure", type="unreadable", message=xml_safe(error["message"]))
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )
