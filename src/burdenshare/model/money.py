"""Money amounts with their currency, and the exchange rate that converts between two currencies."""

from __future__ import annotations

from dataclasses import dataclass

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "M"))


def format_money(amount: float, currency: str, digits: int = 2) -> str:
    """Render an amount in its currency with a readable scale, e.g. `KRW 1.17 tn`, `USD 925 M`."""
    sign = "-" if amount < 0 else ""
    value = abs(amount)
    for scale, suffix in _SCALES:
        if value >= scale:
            scaled = value / scale
            text = f"{scaled:.0f}" if suffix == "M" and scaled >= 100 else f"{scaled:.{digits}f}"
            return f"{currency} {sign}{text} {suffix}"
    return f"{currency} {sign}{value:,.0f}"


@dataclass(frozen=True)
class ExchangeRate:
    """`rate` units of `quote` currency per one unit of `base` currency (e.g. 1,180 KRW per USD)."""

    base: str
    quote: str
    rate: float
    source: str = ""

    def convert(self, amount: float, from_currency: str, to_currency: str) -> float:
        """Convert `amount` between the two currencies of this rate (identity for the same one)."""
        if from_currency == to_currency:
            return amount
        if (from_currency, to_currency) == (self.base, self.quote):
            return amount * self.rate
        if (from_currency, to_currency) == (self.quote, self.base):
            return amount / self.rate
        raise ValueError(f"exchange rate {self.base}/{self.quote} cannot convert {from_currency}")

    def other(self, currency: str) -> str | None:
        """The other currency of this rate, or None if `currency` is not one of its two."""
        if currency == self.base:
            return self.quote
        if currency == self.quote:
            return self.base
        return None
