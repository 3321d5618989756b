"""Writing a scenario document back out as TOML that loads to an equal scenario."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from burdenshare.scenario.schema import ScenarioDoc


def _clean(value: Any) -> Any:
    """Tuples to lists (TOML arrays), recursively."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def to_toml(doc: ScenarioDoc) -> str:
    """The document as TOML (fields at their default values are left out)."""
    import tomli_w

    data = _clean(doc.model_dump(mode="python", exclude_defaults=True))
    return tomli_w.dumps(data)
