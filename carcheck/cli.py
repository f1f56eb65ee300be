"""The command line (Typer): the only module that prints or exits."""

from __future__ import annotations

import datetime as dt
import enum
import gc
import logging
import os
import re
import signal
import sys
import time
import warnings
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from carcheck import __version__, ocrcache, workers
from carcheck.engine import Settings, check_packets
from carcheck.errors import Terminated, UsageError
from carcheck.extract import identity
from carcheck.extract.ocr import INSTALL_HINT, NO_ENGINE
from carcheck.extract.scanned import OcrMode
from carcheck.ingest import display_name, identities
from carcheck.items import RULES
from carcheck.limits import DEFAULT_LIMITS, DESCRIPTIONS, with_overrides
from carcheck.model import Patient, RunReport
from carcheck.policy import load as load_knowledge
from carcheck.report import RENDERERS, Format, html, html_pictures, table
from carcheck.report.records import as_records

EXIT_COMPLETE, EXIT_INCOMPLETE, EXIT_USAGE = 0, 1, 2
# Stopped by a signal: the shell's convention, 128 + the signal's number.
EXIT_INTERRUPTED, EXIT_TERMINATED = 128 + signal.SIGINT, 128 + signal.SIGTERM
EARLIEST_AS_OF = dt.date(1900, 1, 1)
log = logging.getLogger("carcheck")
# Whether carcheck was started with its standard output closed (`>&-`).
_stdout_closed = False

app = typer.Typer(
    name="carcheck",
    help="Check CAR T-cell therapy prior-authorization packets against WNC.CP.192 (I.A-F).",
    add_completion=True,  # --install-completion and --show-completion for bash, zsh, fish
    no_args_is_help=True,
    # Pretty tracebacks print local variables, which may hold patient text.
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        print(f"carcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Check CAR T-cell therapy prior-authorization packets against WNC.CP.192 (I.A-F)."""


CHECK_EXAMPLES = """Examples:

\b
  carcheck check ~/packets/brennan
  carcheck check ~/packets/* --format json -o report.json
  carcheck check packet.pdf --as-of 2026-10-15 --patient "Harold Brennan, 1958-06-23"
  carcheck check ~/packets/brennan --format notice > request-for-information.txt

Exit codes: 0 every packet complete, 1 some packet not complete, 2 usage error."""


@app.command(epilog=CHECK_EXAMPLES)
def check(
    packets: Annotated[
        list[Path],
        typer.Argument(
            help="Packet folders (walked recursively) or single files.",
            show_default=False,
            metavar="PACKET",
        ),
    ],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="Judge the packet as of this date, YYYY-MM-DD [default: today].",
        ),
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="Output format: table, json, markdown, junit, notice (a letter asking the "
            "provider for what is missing) or html.",
            case_sensitive=False,
        ),
    ] = Format.TABLE,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to this file instead of standard output.",
        ),
    ] = None,
    product: Annotated[
        str | None,
        typer.Option(
            "--product",
            metavar="NAME",
            help="The CAR T product requested (brand, generic or abbreviation); "
            "takes precedence over what the packet names.",
        ),
    ] = None,
    facility: Annotated[
        str | None,
        typer.Option(
            "--facility", metavar="NAME", help="The administering facility; takes precedence."
        ),
    ] = None,
    patient: Annotated[
        str | None,
        typer.Option(
            "--patient",
            metavar="NAME[, YYYY-MM-DD]",
            help="The patient the packet is for, optionally with the date of birth; takes "
            "precedence over the patient the letter names.",
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="A TOML file adding products or treatment centers and overriding the age "
            "limits of items C and D [default: ./carcheck.toml when present].",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Worker processes [default: the cores this process may use]; "
            "the report is the same whatever the number.",
            show_default=False,
        ),
    ] = None,
    ocr: Annotated[
        OcrMode,
        typer.Option(
            "--ocr",
            metavar="MODE",
            case_sensitive=False,
            help="Read scanned pages by OCR: auto (pages with no usable text layer), "
            "always (every page), never.",
        ),
    ] = OcrMode.AUTO,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Neither read nor write the OCR cache [default folder: $CARCHECK_CACHE_DIR, "
            "else ~/.cache/carcheck].",
        ),
    ] = False,
    limit: Annotated[
        list[str] | None,
        typer.Option(
            "--limit",
            metavar="NAME=VALUE",
            help="Raise or lower a per-file limit (repeatable); `carcheck rules` lists them.",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Log internal errors with their stack traces to stderr.")
    ] = False,
) -> None:
    """Check packets and report, item by item, what is present, stale, incomplete or missing."""
    _configure_logging(debug)
    when = parse_as_of(as_of) if as_of is not None else dt.date.today()
    for packet in packets:
        try:
            found = packet.exists() or packet.is_symlink()
        except OSError as exc:  # a folder on the way that may not be entered
            why = exc.strerror or "error"
            raise UsageError(f"cannot open {display_name(str(packet))}: {why}") from None
        if not found:
            raise UsageError(f"no such file or folder: {display_name(str(packet))}")
    if output is not None:
        _check_output(output, packets)
    elif _stdout_closed:
        raise UsageError("standard output is closed: give --output PATH for the report")
    limits = with_overrides(DEFAULT_LIMITS, limit or [])
    knowledge = load_knowledge(config, search=Path.cwd())
    settings = Settings(
        as_of=when,
        limits=limits,
        jobs=jobs or workers.default_jobs(),
        knowledge=knowledge,
        product=product,
        facility=facility,
        patient=_patient_option(patient),
        ocr=ocr,
        cache=None if no_cache or ocr is OcrMode.NEVER else _cache_folder(packets),
    )
    with _Progress() as progress:
        reports = tuple(
            check_packets([(p, display_name(str(p))) for p in packets], settings, progress.update)
        )
    run = RunReport(as_of=when, packets=reports)
    records = as_records(run)
    unread = sum(1 for r in reports for e in r.errors if NO_ENGINE in e.message)
    if unread:  # once a run, not once a file
        were = "files were" if unread != 1 else "file was"
        _note(f"{unread} scanned {were} not read: {INSTALL_HINT}")
    if output is None and fmt is Format.TABLE and sys.stdout.isatty():
        width = terminal_width()
        Console(highlight=False, width=width).print(table.renderable(records, width))
    elif output is None and fmt is Format.TABLE:  # piped: plain text, no trailing blanks
        sys.stdout.write(table.render(records, width=terminal_width()))
    elif fmt is Format.TABLE and output is not None:
        _write(output, table.render(records, width=terminal_width()))
    else:
        text = (  # the HTML report shows the packets' pages, drawn in the workers
            html.render(records, html_pictures.collect(reports, packets, settings.jobs, limits))
            if fmt is Format.HTML
            else RENDERERS[fmt](records)
        )
        if output is None:
            sys.stdout.write(text)
        else:
            _write(output, text)
    raise typer.Exit(EXIT_COMPLETE if all(r.complete for r in reports) else EXIT_INCOMPLETE)


def _write(output: Path, text: str) -> None:
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(
            f"cannot write the report to {display_name(str(output))}: {exc.strerror or 'error'}"
        ) from None


def terminal_width() -> int:
    """The width to lay tables out in: COLUMNS, else the terminal's (of standard output,
    error or input, so that a piped table keeps the terminal's width), else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return max(columns, MIN_WIDTH)
    for fd in (1, 2, 0):
        try:
            return max(os.get_terminal_size(fd).columns, MIN_WIDTH)
        except (OSError, ValueError):
            continue
    return 80


MIN_WIDTH = 40


def _cache_folder(packets: list[Path]) -> Path | None:
    """The OCR cache folder, unless it lies inside a packet (carcheck never writes there)
    or cannot be trusted; a cache not used for want of a home or trust is noted once."""
    folder = ocrcache.default_folder()
    if folder is None:
        _note(
            "no home folder to keep the OCR cache in (HOME is not set); running without it "
            "(set CARCHECK_CACHE_DIR to keep one)"
        )
        return None
    if _inside_packet(folder, packets):
        log.debug("the OCR cache folder is inside a packet: not used")
        return None
    why = ocrcache.distrust(folder)
    if why is not None:
        _note(f"the OCR cache folder {display_name(str(folder))} {why}; running without it")
        return None
    return folder


def _note(message: str) -> None:
    print(f"carcheck: note: {message}", file=sys.stderr)


@app.command()
def rules(
    config: Annotated[
        Path | None,
        typer.Option("--config", help="A TOML configuration to show the limits of."),
    ] = None,
) -> None:
    """List the items A-F, what each needs, the limits in force and where they come from."""
    knowledge = load_knowledge(config, search=Path.cwd())
    in_force = {
        "C": (knowledge.serology_months, knowledge.sources["serology_months"]),
        "D": (knowledge.biopsy_months, knowledge.sources["biopsy_months"]),
    }
    width = terminal_width()
    rows = []
    for item, rule in RULES.items():
        limit = rule.LIMIT
        if item.value in in_force:
            months, source = in_force[item.value]
            limit = limit.replace(f"{rule.MONTHS} calendar months", f"{months} calendar months")
            limit += f" [in force: {months} months, from {source}]"
        rows.append(
            (f"{item.value} {rule.TITLE}", "yes" if rule.REQUIRED else "no", rule.NEEDS, limit)
        )
    grid: Any
    if width >= table.WIDE:  # the width from which the check's table has its columns
        grid = Table(title="WNC.CP.192 Background I.A-F", show_lines=True)
        grid.add_column("Item", no_wrap=True)
        grid.add_column("Required", no_wrap=True)
        grid.add_column("Needs", ratio=3)
        grid.add_column("Limit on age", ratio=2)
        for row in rows:
            grid.add_row(*row)
    else:  # narrow: each item's needs and limit on lines of their own
        parts: list[Any] = [Text("WNC.CP.192 Background I.A-F", style="bold")]
        for title, required, needs, limit in rows:
            parts.append(
                Text(f"{title} ({'required' if required == 'yes' else 'optional'})", style="bold")
            )
            parts.append(Padding(Text(f"needs: {needs}"), (0, 0, 0, 4), expand=False))
            parts.append(Padding(Text(f"limit on age: {limit}"), (0, 0, 0, 4), expand=False))
        grid = Group(*parts)
    limits = Table(title="Per-file limits (change with --limit NAME=VALUE)")
    limits.add_column("Name", no_wrap=True)
    limits.add_column("Value", justify="right", no_wrap=True)
    limits.add_column("What it counts")
    for name, text in DESCRIPTIONS.items():
        limits.add_row(name, f"{getattr(DEFAULT_LIMITS, name):,}", text)
    console = Console(highlight=False, width=width)
    console.print(grid)
    console.print(limits)
    console.print(
        f"Limits in force: C {knowledge.serology_months} months (from "
        f"{knowledge.sources['serology_months']}); D {knowledge.biopsy_months} months (from "
        f"{knowledge.sources['biopsy_months']})",
        markup=False,
    )
    console.print(
        f"Products: {', '.join(p.brand for p in knowledge.products)} "
        f"(from {knowledge.sources['products']})",
        markup=False,
    )
    console.print(
        f"Treatment centers: {len(knowledge.centers)} listed (from {knowledge.sources['centers']})",
        markup=False,
    )


class _Progress:
    """A progress bar on stderr, only on a terminal and only once a run takes a moment."""

    DELAY = 0.7  # seconds before the bar appears

    def __init__(self) -> None:
        self.console = Console(stderr=True)
        self.started = time.monotonic()
        self.bar: Any = None  # rich's Progress, imported only when a bar is shown
        self.task: Any = None

    def __enter__(self) -> _Progress:
        return self

    def update(self, done: int, total: int) -> None:
        if not self.console.is_terminal:
            return
        if self.bar is None:
            if time.monotonic() - self.started < self.DELAY or done >= total:
                return
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bar = Progress(
                TextColumn("reading files"), BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn(), console=self.console, transient=True,
            )  # fmt: skip
            self.bar.start()
            self.task = self.bar.add_task("files", total=total)
        self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _patient_option(text: str | None) -> Patient | None:
    if text is None:
        return None
    try:
        return identity.parse_option(text)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _configure_logging(debug: bool) -> None:
    """carcheck's own messages; the PDF libraries' chatter about damaged files only with --debug."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("carcheck: %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if debug else logging.ERROR)
    for noisy in ("pdfminer", "pdfplumber", "PIL"):
        logging.getLogger(noisy).setLevel(logging.WARNING if debug else logging.CRITICAL)
    # The libraries' warnings (Pillow's DecompressionBombWarning on a large scan, pdfminer's
    # on odd fonts) are log messages with --debug and nothing without it; the workers,
    # forked from here, inherit the filter.
    if debug:
        logging.captureWarnings(True)
    else:
        warnings.simplefilter("ignore")


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_as_of(text: str) -> dt.date:
    if not _ISO_DATE.fullmatch(text):
        raise UsageError(f"--as-of must be a date as YYYY-MM-DD, not {text!r}")
    try:
        when = dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of is not a real date: {text}") from None
    if when < EARLIEST_AS_OF:  # the age limits count months back from it
        raise UsageError(f"--as-of must be {EARLIEST_AS_OF.isoformat()} or later, not {text}")
    return when


def _inside_packet(path: Path, packets: list[Path]) -> bool:
    """Whether writing `path` would write into a packet (a packet folder, or a packet file)."""
    target = path.resolve()
    for packet in packets:
        folder = packet.resolve() if packet.is_dir() else packet.resolve().parent
        if target.is_relative_to(folder) and (packet.is_dir() or target == packet.resolve()):
            return True
    return False


def _check_output(output: Path, packets: list[Path]) -> None:
    if _inside_packet(output, packets) or _is_a_packet_file(output, packets):
        raise UsageError(
            "--output may not point inside a packet folder (carcheck never writes there)"
        )
    try:
        folder = output.is_dir()
    except OSError as exc:  # a folder on the way that may not be entered
        why = exc.strerror or "error"
        raise UsageError(f"cannot write the report to {display_name(str(output))}: {why}") from None
    if folder:
        raise UsageError(f"--output is a folder: {display_name(str(output))}")


def _is_a_packet_file(output: Path, packets: list[Path]) -> bool:
    """Whether `output`, or a folder it would be written in, is by another name (a hard
    link, a bind mount) a file or folder of a packet: compared by device and inode."""
    taken = set().union(*(identities(packet) for packet in packets))
    where = output.absolute()
    for path in (where, *where.parents):
        try:
            info = path.stat()
        except OSError:  # not there yet
            continue
        if (info.st_dev, info.st_ino) in taken:
            return True
    return False


def main(argv: list[str] | None = None) -> None:
    """Console entry point: usage errors are one line on stderr and exit 2, never a traceback."""
    previous = _prepare_process()
    if argv is None:  # the program itself, not a call from a test or another program
        # What is alive now (modules, compiled patterns, classes) lives as long as the
        # process: the collector need not scan it again, here or in the forked workers.
        # Its scans of these objects were an eighth of a long file's time.
        gc.freeze()
    try:
        _main(argv)
    finally:  # called in-process (tests), the caller gets its own SIGTERM handling back
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _main(argv: list[str] | None) -> None:
    try:
        code = app(args=argv, prog_name="carcheck", standalone_mode=False)
    except UsageError as exc:
        _usage(exc.message)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    except Terminated:
        print("carcheck: terminated", file=sys.stderr)
        sys.exit(EXIT_TERMINATED)
    except Exception as exc:
        # Click's usage errors (bad option, missing argument) carry a message and exit code 2.
        if hasattr(exc, "format_message") and getattr(exc, "exit_code", None) == EXIT_USAGE:
            if type(exc).__name__ == "NoArgsIsHelpError":  # bare `carcheck`: show the help
                print(exc.format_message(), file=sys.stderr)
                sys.exit(EXIT_USAGE)
            _usage(_plain(exc))
        print("carcheck: internal error (re-run with --debug for details)", file=sys.stderr)
        logging.getLogger(__name__).debug("internal error", exc_info=True)
        sys.exit(EXIT_INCOMPLETE)
    if code == EXIT_INTERRUPTED:  # Typer turns Ctrl-C into exit code 130
        print("carcheck: interrupted", file=sys.stderr)
    sys.exit(code if isinstance(code, int) else EXIT_COMPLETE)


def _plain(exc: Exception) -> str:
    """A command-line error in a plain sentence: what the option takes, not how a
    validator words its failure ("Input should be greater than or equal to 1")."""
    message = str(exc.format_message())  # type: ignore[attr-defined]
    try:
        if type(exc).__name__ == "MissingParameter" and "packet" in message.lower():
            return "give at least one packet folder or file: carcheck check PACKET..."
        param = getattr(exc, "param", None)
        opts = [o for o in getattr(param, "opts", None) or [] if o.startswith("--")]
        if type(exc).__name__ != "BadParameter" or not opts:
            return message
        # Typer before 0.29 hands Click a Choice or an IntRange; 0.29 and later keep the
        # annotation and validate with pydantic.
        kind = getattr(getattr(param, "type_descriptor", None), "annotation", None)
        click_type = getattr(param, "type", None)
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            choices = [str(m.value) for m in kind]
        else:
            choices = [str(c) for c in getattr(click_type, "choices", None) or []]
        if choices:
            given = re.search(r"'([^']*)' is not one of", message)
            got = f" (not {given.group(1)!r})" if given else ""
            return f"{opts[0]} must be one of: {', '.join(choices)}{got}"
        if kind is int or getattr(click_type, "name", None) in ("integer", "int range"):
            low = getattr(param, "min", None) or getattr(click_type, "min", None)
            return f"{opts[0]} takes a whole number" + (f", {low} or more" if low else "")
        return f"{opts[0]}: {str(getattr(exc, 'message', message)).removeprefix('Value error, ')}"
    except Exception:  # noqa: BLE001 - the library's own words, rather than none
        return message


def _prepare_process() -> Any:
    """Standard streams that cannot fail and a SIGTERM that unwinds, before anything runs;
    the SIGTERM handler replaced, if one was."""
    global _stdout_closed
    # A closed descriptor 0, 1 or 2 would be taken by the next file or pipe opened (a
    # worker's pipe as "standard output"): hold each with /dev/null.
    closed = []
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
            except OSError:
                continue
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            closed.append(fd)
    _stdout_closed = 1 in closed or sys.stdout is None
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # for the process's life
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # for the process's life
    # A stream that cannot encode a character (PYTHONIOENCODING=ascii, a Latin-1 locale)
    # gets it escaped rather than failing the run.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass
    if signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        return None  # ignored or handled by whoever started carcheck: left so
    try:
        return signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # called in-process off the main thread: signals are not ours
        return None


def _terminate(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one must not cut the clean-up short
    raise Terminated("terminated")


def _usage(message: str) -> None:
    line = " ".join(message.split())
    print(f"carcheck: error: {line}", file=sys.stderr)
    sys.exit(EXIT_USAGE)
