"""Per-run random words for many runs at once: `numpy.random.SeedSequence`, vectorised.

Run i of an experiment with seed s reads the words `SeedSequence(s, spawn_key=(i,))
.generate_state(n)` — the i-th child of `SeedSequence(s).spawn(…)` — so its draws depend on
(s, i) alone, whatever the executor, chunking or number of workers. Building one SeedSequence
object per run costs about 10 µs in Python; this computes the same words for a whole block of
runs with numpy's wrapping uint32 arithmetic (O'Neill's hash mixing, as numpy's
`bit_generator.pyx` implements it), tested equal to numpy word for word.
"""

from __future__ import annotations

import numpy as np

_INIT_A = np.uint32(0x43B0D7E5)
_MULT_A = np.uint32(0x931E8875)
_INIT_B = np.uint32(0x8B51F9DD)
_MULT_B = np.uint32(0x58F38DED)
_MIX_MULT_L = np.uint32(0xCA01F9DD)
_MIX_MULT_R = np.uint32(0x4973F715)
_XSHIFT = np.uint32(16)
_POOL = 4


def _words32(value: int) -> list[int]:
    """A non-negative integer as little-endian 32-bit words (at least one), as numpy coerces
    entropy."""
    if value < 0:
        raise ValueError(f"seeds must be non-negative integers, got {value}")
    words = []
    while True:
        words.append(value & 0xFFFFFFFF)
        value >>= 32
        if value == 0:
            return words


def _hashmix(value: np.ndarray, const: list[np.uint32]) -> np.ndarray:
    value = value ^ const[0]
    const[0] = np.uint32(const[0] * _MULT_A)
    value = (value * const[0]).astype(np.uint32)
    mixed: np.ndarray = value ^ (value >> _XSHIFT)
    return mixed


def _mix(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    result = (_MIX_MULT_L * x - _MIX_MULT_R * y).astype(np.uint32)
    mixed: np.ndarray = result ^ (result >> _XSHIFT)
    return mixed


def spawn_words(seed: int, runs: np.ndarray, count: int) -> np.ndarray:
    """uint32[len(runs), count]: row k holds `SeedSequence(seed, spawn_key=(runs[k],))
    .generate_state(count)`."""
    runs = np.asarray(runs, dtype=np.int64)
    if runs.size and (runs.min() < 0 or runs.max() >= 2**32):
        raise ValueError("run indices must lie in [0, 2**32)")
    entropy_words = _words32(seed)
    entropy_words += [0] * max(0, _POOL - len(entropy_words))  # pad before the spawn key
    n = runs.size
    with np.errstate(over="ignore"):
        columns = [np.full(n, w, dtype=np.uint32) for w in entropy_words]
        columns.append(runs.astype(np.uint32))
        const = [_INIT_A]
        pool = [_hashmix(columns[i], const) for i in range(_POOL)]
        for src in range(_POOL):
            for dst in range(_POOL):
                if src != dst:
                    pool[dst] = _mix(pool[dst], _hashmix(pool[src], const))
        for src in range(_POOL, len(columns)):
            for dst in range(_POOL):
                pool[dst] = _mix(pool[dst], _hashmix(columns[src], const))
        out = np.empty((n, count), dtype=np.uint32)
        hash_const = _INIT_B
        for i in range(count):
            value = pool[i % _POOL] ^ hash_const
            hash_const = np.uint32(hash_const * _MULT_B)
            value = value * hash_const
            out[:, i] = value ^ (value >> _XSHIFT)
    return out


def uniforms(words: np.ndarray) -> np.ndarray:
    """float64[n, count // 2] in [0, 1): each pair of words as a 53-bit fraction (numpy's
    `random_standard_uniform` from two 32-bit outputs: (a >> 5) · 2²⁶ + (b >> 6), over 2⁵³)."""
    a = (words[:, 0::2] >> np.uint32(5)).astype(np.float64)
    b = (words[:, 1::2] >> np.uint32(6)).astype(np.float64)
    return (a * 67108864.0 + b) / 9007199254740992.0
