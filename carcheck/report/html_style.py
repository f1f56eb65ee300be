"""The HTML report's stylesheet: its colours in one place (each text pair passes WCAG AA)."""

from __future__ import annotations

# (text, background) of each status, verdict and label: contrast at least 4.5:1.
PAIRS: dict[str, tuple[str, str]] = {
    "body": ("#1a1a1a", "#ffffff"),
    "muted": ("#4d4d4d", "#ffffff"),
    "link": ("#0b4f9c", "#ffffff"),
    "present": ("#0d5323", "#e6f4ea"),
    "stale": ("#7a3e00", "#fff4e0"),
    "incomplete": ("#8b1111", "#fde8e8"),
    "missing": ("#8b1111", "#fde8e8"),
    "not_provided": ("#3b3b3b", "#ececec"),
    "ok": ("#ffffff", "#0d5323"),
    "bad": ("#ffffff", "#8b1111"),
    "tag": ("#ffffff", "#1a1a1a"),
    "overlay": ("#ffffff", "#202020"),
}
# Box outlines over a page, by what they show: at least 3:1 against white paper.
BOXES: dict[str, str] = {
    "sign": "#0a7a2f",
    "date": "#0b4fb0",
    "kind": "#6b2fa0",
    "empty": "#c21a1a",
    "part": "#a34f00",
}


def css() -> str:
    statuses = "\n".join(
        f".status.{name}, .legend-{name} {{ color: {fg}; background: {bg}; }}"
        for name, (fg, bg) in PAIRS.items()
        if name in ("present", "stale", "incomplete", "missing", "not_provided")
    )
    boxes = "\n".join(
        f".box.{name} {{ border-color: {colour}; }}\n"
        f".box.{name} .badge {{ color: #ffffff; background: {colour}; }}\n"
        f".legend li.{name}::marker {{ color: {colour}; }}"
        for name, colour in BOXES.items()
    )
    body, muted, link = PAIRS["body"], PAIRS["muted"], PAIRS["link"]
    ok, bad, tag, overlay = PAIRS["ok"], PAIRS["bad"], PAIRS["tag"], PAIRS["overlay"]
    return f"""\
* {{ box-sizing: border-box; }}
body {{ font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: {body[0]}; background: {body[1]}; margin: 0 auto; padding: 1rem 1.5rem 3rem;
  max-width: 80rem; }}
a {{ color: {link[0]}; }}
h1 {{ margin: 0 0 .25rem; font-size: 1.6rem; }}
h2 {{ margin: 0 0 .5rem; font-size: 1.35rem; overflow-wrap: anywhere; }}
h3 {{ margin: 1.5rem 0 .5rem; font-size: 1.1rem; border-bottom: 1px solid #767676; }}
h4 {{ margin: 1rem 0 .35rem; font-size: 1rem; }}
.meta, .more, .none {{ color: {muted[0]}; }}
.summary {{ font-size: 1.15rem; font-weight: 600; }}
.index {{ padding-left: 1.5rem; }}
.packet {{ border-top: 3px solid {body[0]}; margin-top: 2rem; padding-top: 1rem; }}
.verdict {{ font-size: 1.05rem; }}
.verdict-word {{ display: inline-block; font-weight: 700; padding: .1rem .5rem;
  border-radius: 3px; }}
.verdict-word.ok {{ color: {ok[0]}; background: {ok[1]}; }}
.verdict-word.bad {{ color: {bad[0]}; background: {bad[1]}; }}
.facts {{ display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }}
.facts dt {{ font-weight: 600; }}
.facts dd {{ margin: 0; overflow-wrap: anywhere; }}
table.checklist {{ border-collapse: collapse; width: 100%; margin-top: .75rem; }}
.checklist caption {{ text-align: left; font-weight: 600; padding-bottom: .25rem; }}
.checklist th, .checklist td {{ border: 1px solid #767676; padding: .3rem .5rem;
  vertical-align: top; text-align: left; overflow-wrap: anywhere; }}
.checklist thead th {{ background: #ececec; }}
.checklist ul {{ margin: 0; padding-left: 1.1rem; }}
.checklist .date {{ white-space: nowrap; }}
.checklist thead th:last-child {{ min-width: 12rem; }}
.status {{ display: inline-block; font-weight: 700; padding: 0 .4rem; border-radius: 3px;
  border: 1px solid currentColor; white-space: nowrap; }}
{statuses}
.file {{ font-family: ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }}
.flag {{ font-weight: 600; }}
.doc {{ margin: .35rem 0; }}
.views {{ display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }}
figure.view {{ margin: 0; width: 280px; }}
.open {{ display: block; }}
.sheet {{ position: relative; display: block; border: 1px solid #767676; }}
.sheet img {{ display: block; width: 100%; height: auto; }}
.box {{ position: absolute; border: 2px solid; }}
.badge {{ position: absolute; left: -2px; top: -1.05rem; font: 700 11px/1rem system-ui,
  sans-serif; padding: 0 3px; }}
.tag {{ display: none; }}
figcaption {{ font-size: 13px; margin-top: .25rem; }}
.legend {{ margin: .25rem 0 0; padding-left: 1.4rem; }}
.close {{ display: none; }}
figure.view:target {{ position: fixed; inset: 0; z-index: 10; width: auto; overflow: auto;
  padding: 1rem; color: {overlay[0]}; background: {overlay[1]}; }}
figure.view:target .sheet {{ width: min(96vw, 900px); margin: 1.5rem auto 0; }}
figure.view:target figcaption {{ width: min(96vw, 900px); margin: .5rem auto; font-size: 15px; }}
figure.view:target .close {{ display: inline; color: {overlay[0]}; margin-left: 1rem; }}
figure.view:target .tag {{ display: block; position: absolute; left: 1.2rem; top: -1.05rem;
  font: 12px/1rem system-ui, sans-serif; white-space: nowrap; padding: 0 4px;
  color: {tag[0]}; background: {tag[1]}; }}
{boxes}
.strip {{ display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0;
  margin: 0; }}
.strip li {{ width: 100px; font-size: 12px; line-height: 1.25; }}
.strip img {{ display: block; width: 100px; height: auto; border: 1px solid #767676; }}
.strip li.other img {{ border-style: dashed; }}
.strip .pno {{ display: block; font-weight: 600; }}
.strip .judged, .strip .ocr {{ display: block; overflow-wrap: anywhere; }}
.blank {{ display: block; width: 100px; height: 129px; border: 1px dashed #767676; }}
@media print {{
  body {{ max-width: none; padding: 0; font-size: 11pt; }}
  * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  nav, .close, .open[href] + .close {{ display: none; }}
  .packet {{ break-before: page; border-top: none; margin-top: 0; }}
  .front {{ break-inside: avoid; break-after: page; }}
  figure.view, .strip li, .item h4 {{ break-inside: avoid; }}
  figure.view {{ width: 45%; }}
  a {{ color: inherit; text-decoration: none; }}
}}
"""
