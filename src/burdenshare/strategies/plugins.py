"""Strategies installed by other packages, found through the `burdenshare.strategies` entry point
group (importlib.metadata): a package declares `my-name = "my_package.my_module:MyStrategy"`.

Loading a plugin imports its module, which registers its strategies (`@register`); an entry point
naming a class that is not registered yet is registered under the entry point's name. A plugin
that fails to import is reported as one `InputError` naming it, not a traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from burdenshare.errors import InputError, Problem

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

GROUP = "burdenshare.strategies"
"""The entry point group user packages declare their strategies in."""


def installed() -> tuple[EntryPoint, ...]:
    """The entry points of the group, in name order (reads installed packages' metadata;
    importlib.metadata is imported only here, when first asked: ~25 ms)."""
    from importlib.metadata import entry_points

    return tuple(sorted(entry_points(group=GROUP), key=lambda ep: (ep.name, ep.value)))


def load(ep: EntryPoint) -> object:
    """Import what `ep` names; any failure becomes one `InputError` naming the plugin."""
    where = f" (package {ep.dist.name})" if ep.dist is not None else ""
    try:
        return ep.load()
    except Exception as exc:  # a plugin's import may fail in any way: report it, do not crash
        raise InputError(
            Problem(
                f"plugin {ep.name}",
                f"entry point {ep.value!r}{where} in group {GROUP} failed to load: "
                f"{type(exc).__name__}: {exc}",
            )
        ) from None
