"""A ratio check of how time grows with hostile input (never a bound in seconds: speed is bench/'s)."""
from __future__ import annotations

import time
from typing import Callable


def assert_grows_linearly(scan: Callable[[bytes], object], unit: bytes | Callable[[int], bytes], small: int = 20_000,
                          large: int = 80_000) -> None:
    """``scan`` of ``unit`` repeated (or made by ``unit(size)``) to ``large`` bytes costs about ``large / small`` times its cost at ``small`` (4x:
    linear; quadratic work is ~16x). CPU time of this process, best of 3, up to 3 attempts: on a loaded machine one
    ratio can be off by 2x, but quadratic work fails every attempt. Below 50 ms for the large input the clock of a busy
    machine says nothing (the check passes)."""
    def best(data: bytes) -> float:
        times = []
        for _ in range(3):
            start = time.process_time()
            scan(data)
            times.append(time.process_time() - start)
        return min(times)

    if callable(unit):  # input of about that many bytes, each part its own (distinct values: twenty-third review, 01)
        short, long = unit(small), unit(large)
    else:
        short, long = unit * (small // len(unit)), unit * (large // len(unit))
    ratios = []
    for _ in range(3):
        t_small, t_large = best(short), best(long)
        if t_large < 0.05 or t_large / max(t_small, 1e-6) < 9.0:
            return
        ratios.append((t_small, t_large))
    raise AssertionError(ratios)
