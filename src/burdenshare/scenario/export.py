"""Writing a scenario document back out as TOML that loads to an equal scenario."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from burdenshare.scenario.load import LoadedScenario
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


def changed_document(loaded: LoadedScenario) -> tuple[ScenarioDoc, tuple[str, ...]]:
    """`loaded`'s document after its `--set` overrides, less the `[[uncertainty]]` entries on a
    field that no longer exists (a deleted ratifier), with a note for each; a range a `--set`
    pins is kept (the file is the same scenario, same hash), with a note that `montecarlo` on
    the file draws it again."""
    from burdenshare.model.paths import PathError, resolve
    from burdenshare.scenario.uncertainty import pinned

    doc = loaded.document
    notes: list[str] = []
    dropped: set[int] = set()
    for i, entry in enumerate(doc.uncertainty):
        try:
            resolve(loaded.scenario, entry.path)
        except PathError as exc:
            dropped.add(i)
            notes.append(f"note: [[uncertainty]] on {entry.path} dropped from the export: {exc}")
    for pin in pinned(loaded):
        if pin.index not in dropped:
            notes.append(
                f"note: the exported file keeps the [[uncertainty]] range on {pin.path}: "
                "montecarlo on it draws the field again (drop the entry to keep the value set)"
            )
    if not dropped:
        return doc, tuple(notes)
    kept = [entry for i, entry in enumerate(doc.uncertainty) if i not in dropped]
    return doc.model_copy(update={"uncertainty": kept}), tuple(notes)
