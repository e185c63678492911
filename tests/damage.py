"""Damaged copies of parsed files, for tests that readers fail cleanly on bad input.

Import with ``from damage import mutations`` (``tests/`` is put on sys.path by conftest).
"""

from __future__ import annotations

import copy


def mutations(base, rng, n):
    """``n`` copies of ``base``, each with a few keys or items replaced or removed."""
    junk = [None, 1, -3, 2.5, True, "", "x", [], {}, [1], {"a": 1}, "RA", "CA", "I", "L", "YA"]

    def mutate(d):
        if isinstance(d, dict) and d:
            k = rng.choice(list(d))
            r = rng.random()
            if r < 0.3:
                d[k] = copy.deepcopy(rng.choice(junk))
            elif r < 0.4:
                del d[k]
            else:
                mutate(d[k])
        elif isinstance(d, list) and d:
            i = rng.randrange(len(d))
            r = rng.random()
            if r < 0.2:
                d[i] = copy.deepcopy(rng.choice(junk))
            elif r < 0.3:
                del d[i]
            elif r < 0.4:
                d.append(copy.deepcopy(d[i]))
            else:
                mutate(d[i])

    for _ in range(n):
        data = copy.deepcopy(base)
        for _ in range(rng.randint(1, 4)):
            mutate(data)
        yield data
