"""The SMA record (agreements 1st-12th, the annual series 1991-2030, exchange rates, CPI, the ROK
defense budget) and the escalation rules as code.

`record.load_record()` reads the package data; `escalation` holds the pure rules and their registry.
"""
