"""The application layer: JSON shapes, figures, sweeps and flows that the CLI (and any other
face: a notebook, the web app) share. It computes and shapes, and reads or writes no file:
figure functions return a matplotlib `Figure`, which the caller saves.

Modules import matplotlib and numpy inside functions, so importing one costs little.
"""
