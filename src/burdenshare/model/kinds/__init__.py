"""Issue kinds, one module each, behind one protocol (`base.Issue`); `registry` finds a kind by
the name scenario files give it.

Adding a kind: one module with its issue class (the `Issue` protocol) and a `build` of its
scenario-file table, registered with `registry.register(IssueKind(name, build))` (see
CONTRIBUTING.md, "Adding an issue kind").
"""
