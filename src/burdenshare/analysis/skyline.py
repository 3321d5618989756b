"""The Pareto frontier of many outcomes for three or more parties, in O(N log N) (three
parties) and O(N log² N) (four), compiled: enough for every split of a bill among four allies
at 1 % steps (176,851 outcomes, every one of them on the frontier when each ally cares only
for its own share, where comparing each point with every frontier point costs O(N²)).

Method (Kung, Luccio & Preparata 1975, "On finding the maxima of a set of vectors", JACM 22(4);
the divide-and-conquer over the sequence is Bentley's, 1980, CACM 23(4)). Keep one outcome per
distinct utility vector (the lowest index) and replace each utility by its rank among that
party's distinct utilities (exact integer comparisons, no rounding). Visit the vectors in
lexicographically descending order: a dominator (≥ everywhere, > somewhere) is always visited
before what it dominates, and a vector is dominated iff some earlier one is ≥ in parties 2..n.
Three parties: a Fenwick tree over party 2's rank keeps the best party-3 rank seen, a prefix
maximum answers each query. Four: the earlier/later split is cut in halves level by level;
at each level the earlier half of every block is swept against the later half by party 2,
with the Fenwick tree over party 3 keeping the best party-4 rank. Five or more: each vector
in descending order of its sum is compared with the frontier kept so far (O(N·F)).
"""

from __future__ import annotations

import numba
import numpy as np


@numba.njit(cache=True, nogil=True)
def _sweep3(a: np.ndarray, b: np.ndarray, size: int) -> np.ndarray:  # pragma: no cover - jit
    """Dominated flags, visiting in order: a[k] is party 2's rank from the top (0 = best),
    b[k] party 3's rank from the bottom; dominated iff an earlier point has a' ≤ a, b' ≥ b."""
    n = a.shape[0]
    tree = np.full(size + 1, -1, dtype=np.int64)
    out = np.zeros(n, dtype=np.bool_)
    for k in range(n):
        i = a[k] + 1
        best = -1
        while i > 0:
            if tree[i] > best:
                best = tree[i]
            i -= i & (-i)
        out[k] = best >= b[k]
        i = a[k] + 1
        while i <= size:
            if tree[i] < b[k]:
                tree[i] = b[k]
            i += i & (-i)
    return out


@numba.njit(cache=True, nogil=True)
def _halves4(
    by2: np.ndarray, a3: np.ndarray, b4: np.ndarray, size: int
) -> np.ndarray:  # pragma: no cover - jit
    """Dominated flags in visiting order for four parties (party 1 is the visiting order):
    `by2` lists the positions by party 2's rank, best first, ties by position; a3 is party 3's
    rank from the top, b4 party 4's from the bottom.

    At each level the positions are dealt to their blocks in `by2` order (a stable counting
    sort), so within a block the earlier half comes first on ties of party 2: an equal rank is
    at least as good."""
    n = by2.shape[0]
    out = np.zeros(n, dtype=np.bool_)
    tree = np.full(size + 1, -1, dtype=np.int64)
    dealt = np.empty(n, dtype=np.int64)
    width = 1
    while width < n:
        span = 2 * width
        blocks = (n + span - 1) // span
        starts = np.zeros(blocks + 1, dtype=np.int64)
        for k in range(n):
            starts[k // span + 1] += 1
        for b in range(blocks):
            starts[b + 1] += starts[b]
        fill = starts[:blocks].copy()
        for j in range(n):
            k = by2[j]
            b = k // span
            dealt[fill[b]] = k
            fill[b] += 1
        for b in range(blocks):
            mid = b * span + width
            if mid >= n:
                continue
            for j in range(starts[b], starts[b + 1]):
                k = dealt[j]
                if k < mid:
                    i = a3[k] + 1
                    while i <= size:
                        if tree[i] < b4[k]:
                            tree[i] = b4[k]
                        i += i & (-i)
                elif not out[k]:
                    i = a3[k] + 1
                    best = -1
                    while i > 0:
                        if tree[i] > best:
                            best = tree[i]
                        i -= i & (-i)
                    if best >= b4[k]:
                        out[k] = True
            for j in range(starts[b], starts[b + 1]):  # empty the tree for the next block
                k = dealt[j]
                if k < mid:
                    i = a3[k] + 1
                    while i <= size:
                        tree[i] = -1
                        i += i & (-i)
        width *= 2
    return out


@numba.njit(cache=True, nogil=True)
def _kept_by_sum(ranks: np.ndarray) -> np.ndarray:  # pragma: no cover - jit
    """Frontier flags for any number of parties: rows visited in the given order (descending
    sum first), each compared with the rows kept so far."""
    n, d = ranks.shape
    kept = np.empty(n, dtype=np.int64)
    count = 0
    out = np.zeros(n, dtype=np.bool_)
    for k in range(n):
        dominated = False
        for f in range(count):
            q = kept[f]
            ok = True
            for j in range(d):
                if ranks[q, j] < ranks[k, j]:
                    ok = False
                    break
            if ok:
                dominated = True
                break
        if not dominated:
            kept[count] = k
            count += 1
            out[k] = True
    return out


def _dense_ranks(column: np.ndarray) -> tuple[np.ndarray, int]:
    """Each value's rank among the column's distinct values (0 = lowest), and their number."""
    distinct, inverse = np.unique(column, return_inverse=True)
    return inverse.astype(np.int64).ravel(), int(distinct.size)


def frontier_many(utilities: np.ndarray) -> np.ndarray:
    """Indices of the Pareto frontier of an (N, n) utility matrix with n ≥ 3: one (the lowest)
    index per distinct frontier vector, in ascending index order."""
    utilities = np.ascontiguousarray(utilities, dtype=float)
    count, parties = utilities.shape
    if count == 0:
        return np.zeros(0, dtype=np.int64)
    # one row per distinct vector, the lowest index (np.unique sorts stably)
    _, first = np.unique(utilities, axis=0, return_index=True)
    first = np.sort(first)
    rows = utilities[first]
    ranks = np.empty(rows.shape, dtype=np.int64)
    sizes = []
    for j in range(parties):
        ranks[:, j], size = _dense_ranks(rows[:, j])
        sizes.append(size)
    if parties in (3, 4):
        # lexicographically descending: party 1 first, then 2, …
        order = np.lexsort(tuple(-ranks[:, j] for j in reversed(range(parties))))
        ordered = ranks[order]
        if parties == 3:
            a = sizes[1] - 1 - ordered[:, 1]
            dominated = _sweep3(
                np.ascontiguousarray(a), np.ascontiguousarray(ordered[:, 2]), sizes[1]
            )
        else:
            by2 = np.argsort(-ordered[:, 1], kind="stable").astype(np.int64)
            a3 = sizes[2] - 1 - ordered[:, 2]
            dominated = _halves4(
                by2,
                np.ascontiguousarray(a3),
                np.ascontiguousarray(ordered[:, 3]),
                sizes[2],
            )
        keep = order[~dominated]
    else:
        # a dominator has a strictly larger sum of ranks (integers: no rounding ties)
        order = np.lexsort((np.arange(rows.shape[0]), -ranks.sum(axis=1)))
        keep = order[_kept_by_sum(np.ascontiguousarray(ranks[order]))]
    return np.sort(first[keep]).astype(np.int64)
