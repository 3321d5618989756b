"""`burdenshare history`: the SMA record as tables, JSON or a figure."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from burdenshare.cli._common import fail, json_text, reports_input_errors

if TYPE_CHECKING:
    from burdenshare.history.dataset import SmaRecord


class Currency(StrEnum):
    """Currency in which the comparable column (and the real values) are shown."""

    KRW = "KRW"
    USD = "USD"


def register(app: typer.Typer) -> None:
    """Attach the `history` command."""
    app.command("history")(history)


@reports_input_errors
def history(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object instead of tables.")
    ] = False,
    plot: Annotated[
        Path | None,
        typer.Option("--plot", help="Draw the series to FILE.png or FILE.svg.", metavar="FILE"),
    ] = None,
    real: Annotated[
        int | None,
        typer.Option(
            "--real",
            help="Also show amounts in constant won of YEAR (deflated by Korean CPI).",
            metavar="YEAR",
        ),
    ] = None,
    currency: Annotated[
        Currency,
        typer.Option("--currency", help="Currency of the comparable column and of real values."),
    ] = Currency.KRW,
) -> None:
    """Every SMA (1st to 12th) and the annual amounts 1991-2030, each traced to its sources."""
    from burdenshare.history.record import load_record
    from burdenshare.reports.history import DEFAULT_PLOT_BASE, history_dict, history_figure

    record = load_record()
    first, last = record.cpi_years
    if real is not None and not first <= real <= last:
        raise fail(
            f"--real: no Korean CPI figure for {real} in the dataset; "
            f"expected a year from {first} to {last}"
        )
    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        raise fail(f"--plot: expected a file name ending in .png or .svg, got {str(plot)!r}")
    if plot is not None:
        from burdenshare.cli._common import save_figure

        base = real if real is not None else DEFAULT_PLOT_BASE
        save_figure(history_figure(record, base), plot, dpi=120)
    if as_json:
        print(json_text(history_dict(record, currency.value, real), ensure_ascii=False))
    else:
        _print_tables(record, currency.value, real)


class _Citations:
    """Numbers each distinct source address in order of first use: `[3]`."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def refs(self, addresses: tuple[str, ...]) -> str:
        return "".join(f"[{self.numbers.setdefault(a, len(self.numbers) + 1)}]" for a in addresses)


def _print_tables(record: SmaRecord, currency: str, real: int | None) -> None:
    from rich.console import Console
    from rich.table import Table

    from burdenshare.history.dataset import format_amount, format_full

    console = Console()
    if not console.is_terminal:  # piped or captured: wide enough that amounts do not fold
        console = Console(width=160)
    cite = _Citations()

    agreements = Table(title="Special Measures Agreements (ROK-US), 1st to 12th", show_lines=True)
    for name in (
        "#",
        "years",
        "first year",
        "escalation",
        "signed",
        "Assembly consent (for/against/abstain)",
        "sources",
    ):
        agreements.add_column(name, overflow="fold")
    for a in record.agreements:
        consent = str(a.assembly_consent or "?")
        if a.votes.known:
            consent += f"\n{a.votes}"
        agreements.add_row(
            str(a.number),
            f"{a.start_year}–{a.end_year}" if a.end_year > a.start_year else str(a.start_year),
            format_amount(a.first_year_amount, a.currency, a.scale),
            f"{a.escalation_rule}: {a.escalation_text}",
            str(a.signed or "?"),
            consent,
            cite.refs(a.sources),
        )
    console.print(agreements)

    real_label = f"constant {real} won, in {currency}" if real is not None else None
    series = Table(
        title="Annual amounts 1991–2030 (nominal; converted at each year's average rate)"
    )
    for name in (
        "year",
        "SMA",
        "amount",
        "in other currency",
        *([real_label] if real_label else []),
        "status",
        "sources",
    ):
        series.add_column(
            name, justify="right" if name in ("year", "SMA") else "left", overflow="fold"
        )
    for row in record.series:
        other = "USD" if row.currency == "KRW" else "KRW"
        status = row.status if row.status == "published" else f"{row.status}: {row.note}"
        cells = [
            str(row.year),
            str(row.agreement),
            format_amount(row.amount, row.currency, row.scale),
            format_full(record.express(row, other).amount, other),
        ]
        if real is not None:
            cells.append(format_full(record.express(row, currency, real).amount, currency))
        series.add_row(*cells, status, cite.refs(row.sources))
    console.print(series)

    console.print("[bold]Sources[/bold]")
    for address, number in cite.numbers.items():
        console.print(f"[{number}] {address}", markup=False, highlight=False, soft_wrap=True)
    inputs = (
        ("exchange rates (annual average KRW per USD)", record.exchange_rates.values()),
        ("Korean CPI inflation", record.cpi.values()),
        ("ROK defense budget", record.defense_budget.values()),
    )
    for label, items in inputs:
        addresses = ", ".join(dict.fromkeys(item.source for item in items))
        console.print(f"{label}: {addresses}", markup=False, highlight=False, soft_wrap=True)
