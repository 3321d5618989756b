"""The scenario file format (TOML), as pydantic models: structure, types and unknown keys.

These models describe the file, not the domain: `build.py` turns a validated document into
immutable model values and checks what spans several fields (names, dates, ranges).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    WithJsonSchema,
    create_model,
    field_validator,
)
from pydantic_core import PydanticCustomError

from burdenshare.limits import MAX_OFFERS
from burdenshare.model.kinds.base import REQUIRED, TomlKey, TomlTable
from burdenshare.model.kinds.registry import BUILT_IN, kind_names, kind_of
from burdenshare.scenario.stakeholders_schema import StakeholdersDoc

Number = float
TermValue = float | str | list[str] | dict[str, float]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _kind(value: Any) -> str:
    """A registered kind's name (`model.kinds.registry`), else the error a `Literal` gives."""
    if isinstance(value, str) and kind_of(value) is not None:
        return value
    names = [repr(name) for name in kind_names()]
    expected = " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    raise PydanticCustomError("literal_error", "Input should be {expected}", {"expected": expected})


KindName = Annotated[
    str, PlainValidator(_kind), WithJsonSchema({"enum": list(BUILT_IN), "type": "string"})
]
"""The name of an issue kind: one built in (listed in the JSON Schema) or one registered."""


class IssueBase(_Strict):
    """What every issue's table has; the keys of its kind come from the kind's module."""

    name: str = Field(min_length=1, description="Identifier used in offers and field paths.")
    kind: KindName
    label: str = ""
    source: str = ""


_TYPES: dict[str, Any] = {"number": Number, "text": str, "texts": list[str], "flag": bool}


def _annotation(key: TomlKey) -> Any:
    """The Python type of a kind's key (a nested table: a list of its model)."""
    if isinstance(key.type, TomlTable):
        model = _table_model(key.type)
        return list[model]  # type: ignore[valid-type]
    return _TYPES[key.type]


def _table_model(table: TomlTable) -> type[BaseModel]:
    """The model of a table nested in an issue's table (e.g. `CategoryDoc`), from its keys."""
    fields: dict[str, Any] = {}
    for key in table.keys:
        if key.default is REQUIRED:
            info = Field(min_length=1, description=key.description)
        elif isinstance(key.default, tuple):
            info = Field(default_factory=list, description=key.description)
        else:
            info = Field(key.default, description=key.description)
        fields[key.name] = (_annotation(key), info)
    model: type[BaseModel] = create_model(table.name, __base__=_Strict, __doc__=table.doc, **fields)
    return model


def _issue_model() -> type[IssueBase]:
    """`IssueDoc`: the common keys and every built-in kind's own (`IssueKind.keys`). A key two
    kinds share has one type; its description says which kind reads it how, e.g.
    `money, percent, count: lowest admissible value.`"""
    types: dict[str, Any] = {}
    told: dict[str, dict[str, list[str]]] = {}
    for name in BUILT_IN:
        kind = kind_of(name)
        assert kind is not None
        for key in kind.keys:
            annotation = _annotation(key)
            if types.setdefault(key.name, annotation) != annotation:
                raise TypeError(f"kinds disagree on the type of {key.name!r}")
            told.setdefault(key.name, {}).setdefault(key.description, []).append(name)
    fields: dict[str, Any] = {
        key: (
            types[key] | None,
            Field(
                None,
                description=" ".join(f"{', '.join(k)}: {d}" for d, k in told[key].items()),
            ),
        )
        for key in types
    }
    model: type[IssueBase] = create_model(
        "IssueDoc",
        __base__=IssueBase,
        __doc__="One negotiated issue. `kind` decides which other fields apply.",
        **fields,
    )
    return model


if TYPE_CHECKING:
    IssueDoc = IssueBase
else:
    IssueDoc = _issue_model()


class ExchangeRateDoc(_Strict):
    """`rate` units of `quote` per unit of `base` (e.g. 1180 KRW per USD)."""

    base: str
    quote: str
    rate: Annotated[float, Field(gt=0)]
    source: str = ""


class StatusQuoDoc(_Strict):
    """The expiring deal."""

    terms: dict[str, TermValue]
    expiry: dt.date
    label: str = Field("", description="Short label used in `1.13× 2019`.")
    source: str = ""


class StagesDoc(_Strict):
    """Deals in stages: which agreements are stop-gaps, after which the talks go on."""

    issue: str = Field(
        min_length=1, description="The count issue giving an agreement's years, e.g. `duration`."
    )
    max_years: Annotated[float, Field(ge=1)] = Field(
        description="An agreement running at most this many years is a stop-gap."
    )
    interim: dict[str, TermValue] | None = Field(
        None,
        description="Stop-gap terms put to the parties when the last meeting before a deadline "
        "ends without a deal; an issue left out keeps the status quo's value.",
    )
    label: str = Field("stop-gap", description="The status quo's label after a stop-gap.")
    rationale: str = ""
    source: str = ""


class ProtocolDoc(_Strict):
    """How the parties negotiate: stacked alternating offers, or a single negotiating text."""

    kind: Literal["alternating-offers", "single-text"] = Field(
        "alternating-offers",
        description="`alternating-offers` (the default) or `single-text`: a chair tables one "
        "text, the parties accept it or ask for amendments, the chair revises it.",
    )
    chair: str = Field(
        "neutral",
        min_length=1,
        description="single-text: the party who chairs (its name), or `neutral` for a chair "
        "who is not a party.",
    )
    chair_label: str = Field(
        "chair", min_length=1, description="single-text: how a neutral chair is named."
    )
    step: Annotated[float, Field(gt=0, le=1)] = Field(
        0.5,
        description="single-text: the fraction of the way the first revision moves the text "
        "toward the objectors' mean amendment.",
    )
    shrink: Annotated[float, Field(gt=0, le=1)] = Field(
        0.95, description="single-text: each later revision's step is the previous one's × this."
    )
    rationale: str = ""
    source: str = ""


class ValueFunctionDoc(_Strict):
    """Weight and value function of one issue in a valuation."""

    weight: Annotated[float, Field(ge=0)]
    shape: Literal["linear", "power", "piecewise", "scope", "choice"] | None = Field(
        None,
        description="Default `scope` for scope issues, `choice` for choice issues; else required.",
    )
    direction: Literal["rising", "falling"] | None = None
    exponent: Annotated[float, Field(gt=0)] | None = None
    points: list[tuple[float, float]] | None = None
    categories: dict[str, float] | None = None
    options: dict[str, float] | None = None
    payer: str | None = Field(None, description="share: whose share the function scores.")
    rationale: str = ""


class ReservationEventDoc(_Strict):
    """A dated change to the reservation value."""

    date: dt.date
    change: float
    label: str = ""
    source: str = ""


class LapseDoc(_Strict):
    """How the reservation value moves after the deadline."""

    per_month: float = Field(0.0, description="Change per month of lapse (negative: costly).")
    events: list[ReservationEventDoc] = Field(default_factory=list)
    rationale: str = ""


class StrategyDoc(_Strict):
    """A strategy by registered name with parameters."""

    name: str
    params: dict[str, float | int | str] = Field(default_factory=dict)


class SideIssueDoc(_Strict):
    """A linked issue valued by the party but off the table."""

    name: str
    value: float
    label: str = ""
    source: str = ""


class PartyDoc(_Strict):
    """A negotiating party."""

    name: str = Field(min_length=1)
    label: str = ""
    valuation: dict[str, ValueFunctionDoc]
    reservation_value: Annotated[float, Field(ge=0, lt=1)]
    monthly_discount: Annotated[float, Field(gt=0, le=1)] = 1.0
    deadline: dt.date | None = Field(
        None, description="The party's own deadline for conceding (default: the calendar's end)."
    )
    lapse: LapseDoc = Field(default_factory=LapseDoc)
    opening: dict[str, TermValue] | None = None
    strategy: StrategyDoc
    side_issues: list[SideIssueDoc] = Field(default_factory=list)
    rationale: str = ""
    source: str = ""


class LimitDoc(_Strict):
    """A ratifier's hard limit on one issue."""

    issue: str
    min: float | None = None
    max: float | None = None
    min_change_pct: float | None = None
    max_change_pct: float | None = None
    requires: list[str] = Field(default_factory=list)
    excludes: list[str] = Field(default_factory=list)
    source: str = ""


class RatifierDoc(_Strict):
    """A domestic veto player."""

    name: str = Field(min_length=1)
    party: str
    label: str = ""
    limits: list[LimitDoc] = Field(default_factory=list)
    min_utility: Annotated[float, Field(ge=0, le=1)] | None = None
    valuation: dict[str, ValueFunctionDoc] | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    rationale: str = ""
    source: str = ""


class ThreatDoc(_Strict):
    """A threat lowering another party's no-deal value."""

    name: str
    by: str
    against: str
    change: float
    credibility: Annotated[float, Field(ge=0, le=1)] = 1.0
    start: dt.date | None = None
    label: str = ""
    source: str = ""


class MeetingDoc(_Strict):
    """A round of talks."""

    date: dt.date
    place: str
    label: str = ""
    days: Annotated[int, Field(ge=1)] = 1
    offers: Annotated[int, Field(ge=1)] = 2
    source: str = ""


class CalendarDoc(_Strict):
    """Meetings, the deadline and the last date."""

    deadline: dt.date
    end: dt.date
    meetings: list[MeetingDoc] = Field(min_length=1)

    @field_validator("meetings")
    @classmethod
    def _bounded(cls, meetings: list[MeetingDoc]) -> list[MeetingDoc]:
        """At most `MAX_OFFERS` offers in all, so that a run ends in seconds (limits.py)."""
        total = sum(m.offers for m in meetings)
        if total > MAX_OFFERS:
            raise PydanticCustomError(
                "too_many_offers",
                "the meetings exchange {total} offers in all; at most {most} are supported "
                "(a run takes about 1.5 ms an offer)",
                {"total": f"{total:,}", "most": f"{MAX_OFFERS:,}"},
            )
        return meetings


class ElectionDoc(_Strict):
    """An election whose date was fixed in advance: who holds the office next is unknown."""

    ratifier: str = Field(description="The incumbent: a ratifier whose `end` is his term's end.")
    successor: str = Field(min_length=1, description="Name of the ratifier after that end.")
    label: str = ""
    incumbent_wins: Annotated[float, Field(ge=0, le=1)] = Field(
        description="Prior probability that the incumbent holds the office again (his limit)."
    )
    challenger: LimitDoc = Field(
        description="The challenger's limit: one bound on an issue the incumbent limits."
    )
    rationale: str = Field(min_length=1, description="One line: why this prior and limit.")
    source: str = ""


class ProjectionDoc(_Strict):
    """The forecaster's assumption about the meetings after the information date (backtest)."""

    every_days: Annotated[int, Field(ge=1)] = Field(
        description="A projected meeting every this many days after the information date."
    )
    days: Annotated[int, Field(ge=1)] = Field(2, description="Days of each projected meeting.")
    offers: Annotated[int, Field(ge=1)] = Field(4, description="Offers in each projected meeting.")
    place: str = Field("projected", description="Place shown for projected meetings.")
    until: dt.date | None = Field(
        None, description="Last date of a projected meeting (default: the calendar's end)."
    )
    rationale: str = Field(min_length=1, description="One line: why this cadence.")
    source: str = ""
    meetings: list[MeetingDoc] = Field(
        default_factory=list,
        description="Meetings announced by the information date (a summit's dates), with a "
        "source dated by then; they replace the cadence's meetings they overlap.",
    )
    elections: list[ElectionDoc] = Field(
        default_factory=list,
        description="Offices changing hands on a date fixed in advance, the next holder "
        "unknown at the information date.",
    )


class UncertaintyDoc(_Strict):
    """A distribution over one scenario field (the `--set` path), drawn anew for every run."""

    path: str = Field(
        min_length=1, description="Field path as for `--set`: `parties.ROK.reservation_value`."
    )
    dist: Literal["uniform", "normal", "triangular", "choice"]
    low: float | None = Field(None, description="uniform/triangular: lower end; normal: bound.")
    high: float | None = Field(None, description="uniform/triangular: upper end; normal: bound.")
    mode: float | None = Field(None, description="triangular: the most likely value.")
    mean: float | None = Field(None, description="normal: mean (truncated to [low, high]).")
    sd: Annotated[float, Field(gt=0)] | None = Field(None, description="normal: std. deviation.")
    values: list[float | int | str] | None = Field(
        None, description="choice: numbers or strategy names, equally likely unless weighted."
    )
    weights: list[Annotated[float, Field(ge=0)]] | None = None
    rationale: str = Field("", description="One line: why this range.")
    source: str = ""


class ScenarioDoc(_Strict):
    """A whole scenario file."""

    name: str = Field(min_length=1)
    title: str = ""
    description: str = ""
    sources: dict[str, str] = Field(default_factory=dict)
    exchange_rate: ExchangeRateDoc | None = None
    issues: list[IssueDoc] = Field(min_length=1)
    status_quo: StatusQuoDoc
    parties: list[PartyDoc] = Field(min_length=2)
    ratifiers: list[RatifierDoc] = Field(default_factory=list)
    threats: list[ThreatDoc] = Field(default_factory=list)
    calendar: CalendarDoc
    stakeholders: StakeholdersDoc | None = Field(
        None, description="Actors behind the parties, for `burdenshare forecast`."
    )
    uncertainty: list[UncertaintyDoc] = Field(
        default_factory=list, description="Inputs an analyst cannot know, as distributions."
    )
    information_date: dt.date | None = Field(
        None,
        description="What the scenario could know: the last date of the information it uses.",
    )
    projection: ProjectionDoc | None = Field(
        None, description="Assumed meetings after the information date, for forecasts."
    )
    stages: StagesDoc | None = Field(
        None, description="Deals in stages: a stop-gap, then talks go on toward the long deal."
    )
    protocol: ProtocolDoc | None = Field(
        None,
        description="How the parties negotiate (default: stacked alternating offers).",
    )
