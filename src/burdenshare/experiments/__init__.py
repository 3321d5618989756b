"""Experiments as plans and summaries: Monte Carlo over uncertain inputs, strategy tournaments.

Pure: what to run, with which seeds, and how results are summarised or scored; where runs
execute is `burdenshare.execution`'s business.
"""
