"""The SMA record (`history`) as one JSON-ready dict, and as a figure of the annual amounts in
both currencies, nominal and real, against the 2019 US ask."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from burdenshare.history.dataset import AnnualAmount, SmaRecord

US_ASK_2019_USD = Decimal(5) * 10**9
"""The US demand reported at the fifth round, Dec 2019 (Seoul Shinmun, facts §2)."""
US_ASK_SOURCE = "https://seoul.co.kr/news/newsView.php?id=20191218008028"
DEFAULT_PLOT_BASE = 2019
"""Base year of the figure's real (constant-won) series when none is asked for."""


def _number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when integral, else a float."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _round_unit(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal(1))


def history_dict(record: SmaRecord, currency: str, real: int | None) -> dict[str, Any]:
    """`history --json`: agreements, the annual series (with the other currency and, given
    `real`, constant won of that year in `currency`) and the inputs, each with its sources;
    amounts in currency units (not millions)."""
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


def history_figure(record: SmaRecord, base: int = DEFAULT_PLOT_BASE) -> Figure:
    """Two panels (KRW bn, USD M): each year's amount, nominal and in constant won of `base`,
    marked published / computed / unverified, over bands per SMA and the 2019 US ask."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(11, 9), constrained_layout=True)
    axes = fig.subplots(2, 1, sharex=True)
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
    return fig
