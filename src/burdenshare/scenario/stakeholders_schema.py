"""The `[stakeholders]` part of a scenario file (TOML), as pydantic models.

Structure, types and unknown keys only; `stakeholders_build.py` checks ranges, saliences, sides
and the mapping of dimensions to the scenario's issues, and converts to a `StakeholderSet`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StakeholderDimensionDoc(_Strict):
    """One dimension the actors take positions on, in real units.

    Mapped to a numeric issue (`issue = "amount"`) it takes the issue's range and unit unless
    `low`/`high`/`unit` narrow or rename them; unmapped it needs `low` and `high`.
    """

    name: str = Field(min_length=1, description="Identifier used in actors' positions.")
    issue: str | None = Field(None, description="The scenario issue it measures, e.g. `amount`.")
    label: str = ""
    low: float | None = Field(None, description="Low end of the range (default: the issue's).")
    high: float | None = Field(None, description="High end of the range (default: the issue's).")
    unit: str | None = Field(None, description="Unit shown with values (default: the issue's).")
    source: str = ""


class StakeholderActorDoc(_Strict):
    """A stakeholder: capability, and per dimension a position (real units) and a salience.

    Saliences are fractions in [0, 1] that sum to at most 1 per actor (KTAB's percentages / 100).
    """

    name: str = Field(min_length=1)
    label: str = ""
    side: str | None = Field(None, description="The party the actor belongs to, or none.")
    capability: float = Field(description="Relative power to push its position (> 0).")
    position: dict[str, float] = Field(description="Dimension name -> position in real units.")
    salience: dict[str, float] = Field(
        description="Dimension name -> salience in [0, 1]; an actor's saliences sum to <= 1."
    )
    source: str = Field("", description="Where the positions come from.")
    rationale: str = Field("", description="Why this capability and salience (assumptions).")


class StakeholdersDoc(_Strict):
    """Many actors bargaining over the scenario's issues (the stakeholder lens)."""

    description: str = ""
    dimensions: list[StakeholderDimensionDoc] = Field(min_length=1)
    actors: list[StakeholderActorDoc]
