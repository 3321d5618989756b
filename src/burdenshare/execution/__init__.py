"""Where experiments run (serial, local processes, a Dask cluster) and where their results
are kept (a DuckDB file): the edge around `burdenshare.experiments`.
"""
