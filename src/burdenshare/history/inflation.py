"""Annual consumer-price inflation of the currencies the backtest's money issues are paid in,
for the baseline "status quo plus inflation".

Korean won: the SMA record's CPI series (`SmaRecord.cpi`, each year sourced). Japanese yen: the
same World Bank series (FP.CPI.TOTL.ZG, annual average change) as packaged by datasets/cpi at
the commit the Korean figures cite, for the years a Japanese case needs.
"""

from __future__ import annotations

from burdenshare.history.dataset import SmaRecord

WORLD_BANK_CPI = (
    "https://github.com/datasets/cpi/blob/1b9b760a9257fb5b5d863ff69134681bbe7a06ad/data/cpi.csv"
)

JAPAN_CPI_PCT: dict[int, float] = {
    2010: -0.728243207517779,
    2011: -0.27245561610124,
    2012: -0.0440645104432602,
    2013: 0.335037912184741,
    2014: 2.75922671353253,
    2015: 0.795279630579839,
    2016: -0.127258844489754,
    2017: 0.484199796126385,
    2018: 0.989094598021848,
    2019: 0.46877615938395,
    2020: -0.024995834027731,
    2021: -0.233352779398264,
    2022: 2.49770278172255,
    2023: 3.26813365933163,
    2024: 2.73853681635241,
}
"""Japan, CPI inflation (annual %), World Bank via WORLD_BANK_CPI (rows `Japan,JPN,year`)."""


def inflation(record: SmaRecord, currency: str, year: int) -> tuple[float, str] | None:
    """Inflation (%) of `currency`'s country in `year` and its source, None when not held."""
    if currency == "KRW" and year in record.cpi:
        row = record.cpi[year]
        return float(row.inflation_pct), row.source
    if currency == "JPY" and year in JAPAN_CPI_PCT:
        return JAPAN_CPI_PCT[year], WORLD_BANK_CPI
    return None
