"""burdenshare: model, simulate, analyze and forecast cost-sharing negotiations between allies."""

from __future__ import annotations

__version__ = "0.1.0"
