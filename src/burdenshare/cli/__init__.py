"""Command line interface (an edge: parses, calls the core, renders)."""
