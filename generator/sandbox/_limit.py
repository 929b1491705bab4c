"""A time limit that coexists with Python callables.

quickjs-ng's ``set_time_limit`` installs its interrupt handler (CPU time, C ``clock()``) when a
JS call starts, but while a limit is set it refuses every call into Python ("Can not call
into Python with a time limit set"), and the library shims need Python (hashlib, hmac).
The handler stays installed when the limit is switched off during a call, so ``arm``:

1. sets the limit, which installs a fresh handler (start = now) when the next call begins;
2. runs ``__pmgen.arm()``: JS that probes a Python callable until the probe is accepted;
3. meanwhile a helper thread switches the limit off (only a flag of the Context object);
   the probe then succeeds and the call ends with the handler still installed.

From then on every JS call of that context runs under the handler (deadline = start +
seconds of process CPU time) and may call Python. ``arm`` only counts an attempt when at least
one probe was refused, which proves the limit was on while the handler was installed.
``verify`` checks once per process that the installed quickjs-ng behaves this way.

Arming costs a thread hand-off (~0.1 ms), more than a small script's run. ``Deadline`` arms
each context with ``SLACK`` more than the limit and re-arms only when the time used since
then would leave the next run less than its full limit: a run may use between ``seconds``
and ``seconds * (1 + SLACK)`` of CPU time before the engine stops it.
"""

from __future__ import annotations

import queue
import threading
import time
from typing import Any

_ATTEMPTS = 100
_PAUSE = 0.00002  # seconds; grows by this much per failed attempt


class _Flipper:
    """One daemon thread that switches contexts' limits off once they are inside ``arm``."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def request(self, ctx: Any, pause: float) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._loop, name="pmgen-sandbox-limit", daemon=True
                )
                self._thread.start()
        self._queue.put((ctx, pause))

    def _loop(self) -> None:
        # never set: wait() is a sleep that works under libfaketime
        pause = threading.Event()
        while True:
            ctx, seconds = self._queue.get()
            # Leave the requesting thread time to enter the engine (it installs the handler
            # there); an early switch is detected by arm() and retried with a longer pause.
            pause.wait(seconds)
            try:
                ctx.set_time_limit(-1)
            except Exception:  # a context being torn down: nothing to switch off
                continue


_FLIPPER = _Flipper()


class ArmFailed(RuntimeError):
    pass


def arm(ctx: Any, seconds: float) -> None:
    """Install a fresh deadline of ``seconds`` CPU seconds on ``ctx`` (Python calls allowed)."""
    for attempt in range(_ATTEMPTS):
        ctx.set_time_limit(max(seconds, 0.001))
        # short first (most of an idle machine's arm is this pause), longer when too early
        _FLIPPER.request(ctx, _PAUSE * (1 + attempt))
        try:
            refused = ctx.eval("__pmgen.arm()")
        finally:
            ctx.set_time_limit(-1)
        if isinstance(refused, int) and refused >= 1:
            return
    raise ArmFailed("could not install the script time limit")


SLACK = 0.1
# Covers the rounding between C clock() and Python's clocks.
_MARGIN = 0.002


class Deadline:
    """The engine deadline of one context, kept across runs while it leaves a full limit."""

    def __init__(self) -> None:
        self._cpu = 0.0
        self._wall = 0.0
        self._budget = 0.0  # seconds the installed handler allows from _cpu/_wall on

    def ensure(self, ctx: Any, seconds: float) -> bool:
        """Make sure the next ``seconds`` of CPU time run under the handler; True if it armed.

        Elapsed time is the larger of process CPU time (what C ``clock()`` measures on
        POSIX) and wall time (what it measures on Windows), read before arming, so the
        estimate never falls short of what the handler counts."""
        cpu, wall = time.process_time(), time.perf_counter()
        used = max(cpu - self._cpu, wall - self._wall)
        if self._budget and used + seconds + _MARGIN <= self._budget:
            return False
        budget = seconds * (1 + SLACK)
        self._budget = 0.0  # a failed arm leaves nothing to reuse
        arm(ctx, budget)
        self._cpu, self._wall, self._budget = cpu, wall, budget
        return True


_verified: dict[str, bool] = {}  # "ok" once checked in this process
_verify_lock = threading.Lock()


def verify(ctx: Any, jsexception: type[BaseException]) -> bool:
    """Once per process: an armed context stops an endless loop and still calls Python."""
    with _verify_lock:
        if "ok" not in _verified:
            _verified["ok"] = _check(ctx, jsexception)
        return _verified["ok"]


def _check(ctx: Any, jsexception: type[BaseException]) -> bool:
    # A busy machine may need more than the smallest budget just to arm.
    for budget in (0.03, 0.3, 2.0):
        try:
            arm(ctx, budget)
        except (jsexception, ArmFailed):
            continue
        # Bounded by iterations, not Date.now(): under a frozen clock (libfaketime) the date
        # does not move. A few seconds at most if the interrupt never comes.
        try:
            ctx.eval(
                "(function () { let x = 0; for (let i = 0; i < 3e8; i++) x += i; })()"
            )
        except jsexception as exc:
            return "interrupted" in str(exc)
        return False
    return False
