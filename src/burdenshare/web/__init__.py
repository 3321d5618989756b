"""The local web app (`burdenshare serve`): an edge over the application layer.

`app` holds the routes, `pages` the HTML pieces built from `reports`, `scenarios` the library
and the checks (the command line's own), `jobs` the Monte Carlo jobs and the results store,
`game` a side played in the browser, `safety` the token, origin, size and path guards;
`templates/` and `static/` ship in the package (nothing is fetched from the network).
"""
