"""Issue kinds, one module each, behind one protocol (`base.Issue`); `registry` finds a kind by
the name scenario files give it.

Adding a kind: one module with its issue class (the `Issue` protocol), the keys of its
scenario-file table and a `build` of it, registered as `IssueKind(name, build, keys)` (see
CONTRIBUTING.md, "Adding an issue kind"); the file format's schema is assembled from the keys.
"""
