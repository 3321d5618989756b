"""`burdenshare history`: the SMA record as tables, JSON or a figure."""

from __future__ import annotations

import json
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from burdenshare.cli._common import atomic_output, fail, reports_input_errors

if TYPE_CHECKING:
    from burdenshare.history.dataset import AnnualAmount, SmaRecord

US_ASK_2019_USD = Decimal(5) * 10**9
"""The US demand reported at the fifth round, Dec 2019 (Seoul Shinmun, facts §2)."""
US_ASK_SOURCE = "https://seoul.co.kr/news/newsView.php?id=20191218008028"
DEFAULT_PLOT_BASE = 2019


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
        _plot(record, plot, real if real is not None else DEFAULT_PLOT_BASE)
    if as_json:
        print(json.dumps(_as_json(record, currency.value, real), ensure_ascii=False, indent=2))
    else:
        _print_tables(record, currency.value, real)


def _number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when integral, else a float."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _round_unit(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal(1))


def _as_json(record: SmaRecord, currency: str, real: int | None) -> dict[str, Any]:
    """The record as one JSON-ready object; amounts in currency units (not millions)."""
    from burdenshare.history.dataset import format_amount

    agreements = [
        {
            "number": a.number,
            "years": list(a.years),
            "duration_years": a.duration_years,
            "first_year_amount": _number(a.first_year_full),
            "currency": a.currency,
            "first_year_amount_text": format_amount(a.first_year_amount, a.currency, a.scale),
            "escalation_rule": a.escalation_rule,
            "escalation_params": dict(a.escalation_params),
            "escalation_from_year": a.escalation_from_year,
            "escalation_text": a.escalation_text,
            "negotiation_start": str(a.negotiation_start or "") or None,
            "agreed": str(a.agreed or "") or None,
            "signed": str(a.signed or "") or None,
            "assembly_consent": str(a.assembly_consent or "") or None,
            "in_force": str(a.in_force or "") or None,
            "votes": {
                "for": a.votes.for_,
                "against": a.votes.against,
                "abstain": a.votes.abstain,
                "present": a.votes.present,
            },
            "notable": a.notable,
            "unverified": a.unverified or None,
            "sources": list(a.sources),
        }
        for a in record.agreements
    ]
    series = []
    for row in record.series:
        other = "USD" if row.currency == "KRW" else "KRW"
        item: dict[str, Any] = {
            "year": row.year,
            "amount": _number(row.full_amount),
            "currency": row.currency,
            "amount_text": format_amount(row.amount, row.currency, row.scale),
            "status": row.status,
            "agreement": row.agreement,
            "source": "; ".join(row.sources),
            "sources": list(row.sources),
            "note": row.note,
            "in_other_currency": {
                "amount": _number(_round_unit(record.express(row, other).amount)),
                "currency": other,
            },
        }
        if real is not None:
            item["real"] = {
                "amount": _number(_round_unit(record.express(row, currency, real).amount)),
                "currency": currency,
                "constant_won_of": real,
            }
        series.append(item)
    return {
        "agreements": agreements,
        "series": series,
        "exchange_rates": [
            {"year": y, "krw_per_usd": float(r.krw_per_usd), "source": r.source}
            for y, r in sorted(record.exchange_rates.items())
        ],
        "cpi": [
            {"year": y, "inflation_pct": float(c.inflation_pct), "source": c.source}
            for y, c in sorted(record.cpi.items())
        ],
        "defense_budget": [
            {
                "year": y,
                "budget_krw": _number(d.budget_krw),
                "growth_pct": float(d.growth_pct),
                "source": d.source,
            }
            for y, d in sorted(record.defense_budget.items())
        ],
    }


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


def _series_points(
    record: SmaRecord, currency: str, base: int | None
) -> tuple[list[int], list[float], list[AnnualAmount]]:
    """Years and amounts (in bn KRW or M USD) that can be expressed, with their rows."""
    unit = Decimal(10) ** (9 if currency == "KRW" else 6)
    years, values, rows = [], [], []
    for row in record.series:
        amount = record.express(row, currency, base).amount
        if amount is not None:
            years.append(row.year)
            values.append(float(amount / unit))
            rows.append(row)
    return years, values, rows


def _plot(record: SmaRecord, path: Path, base: int) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 1, figsize=(11, 9), sharex=True, constrained_layout=True)
    ask_krw = US_ASK_2019_USD * record.krw_per_usd(2019)
    for ax, currency, unit_label, ask in (
        (axes[0], "KRW", "KRW bn", float(ask_krw / 10**9)),
        (axes[1], "USD", "USD M", float(US_ASK_2019_USD / 10**6)),
    ):
        for i, a in enumerate(record.agreements):
            ax.axvspan(
                a.start_year - 0.5, a.end_year + 0.5, color="0.92" if i % 2 else "0.97", zorder=0
            )
            ax.text(
                (a.start_year + a.end_year) / 2,
                0.97,
                f"{a.number}",
                transform=ax.get_xaxis_transform(),
                ha="center",
                va="top",
                fontsize=8,
                color="0.35",
            )
        real_label = f"real (constant {base} won" + (
            f", at the {base} rate)" if currency == "USD" else ")"
        )
        for base_year, style, label in ((None, "-", "nominal"), (base, "--", real_label)):
            years, values, rows = _series_points(record, currency, base_year)
            ax.plot(
                years,
                values,
                style,
                color="C0" if base_year is None else "C1",
                label=label,
                zorder=2,
            )
            for status, marker in (("published", "o"), ("computed", "^"), ("unverified", "x")):
                pts = [
                    (y, v)
                    for y, v, r in zip(years, values, rows, strict=True)
                    if r.status == status
                ]
                if pts:
                    xs, ys = zip(*pts, strict=True)
                    ax.scatter(
                        xs,
                        ys,
                        marker=marker,
                        s=22,
                        zorder=3,
                        facecolors="none" if status == "computed" else None,
                        color="C0" if base_year is None else "C1",
                        label=f"{status}" if base_year is None else None,
                    )
        ax.axhline(ask, color="C3", linestyle=":", linewidth=1.5)
        scale_note = f"KRW {ask:,.0f} bn at the 2019 rate" if currency == "KRW" else "USD 5,000 M"
        ax.annotate(
            f"2019 US ask: USD 5 bn ({scale_note})",
            xy=(1991, ask),
            xytext=(0, -12),
            textcoords="offset points",
            color="C3",
            fontsize=9,
        )
        ax.set_ylabel(unit_label)
        ax.set_ylim(0, ask * 1.08)
        ax.grid(axis="y", color="0.85", linewidth=0.6)
        ax.legend(loc="center left", fontsize=8, frameon=False)
    axes[0].set_title(
        "ROK contributions under the SMAs, 1991–2030 (numbers at top: SMA; "
        "USD until 2004, KRW from 2005; the other currency at each year's rate)",
        fontsize=10,
    )
    axes[1].set_xlabel(
        "year    (missing points: no exchange rate or CPI for the year yet; 2028–30 await the CPI "
        "inflation the 12th SMA rule needs)"
    )
    axes[1].set_xlim(1990, 2031)
    with atomic_output(path) as tmp:
        fig.savefig(tmp, format=path.suffix.lower().lstrip("."), dpi=120)
    plt.close(fig)
