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
"""

from __future__ import annotations

import queue
import threading
import time
from typing import Any

_ATTEMPTS = 100


class _Flipper:
    """One daemon thread that switches contexts' limits off once they are inside ``arm``."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def request(self, ctx: Any) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._loop, name="pmgen-sandbox-limit", daemon=True
                )
                self._thread.start()
        self._queue.put(ctx)

    def _loop(self) -> None:
        while True:
            ctx = self._queue.get()
            # Leave the requesting thread time to enter the engine (it installs the handler
            # there); an early switch is detected by arm() and retried.
            time.sleep(0.00005)
            ctx.set_time_limit(-1)


_FLIPPER = _Flipper()


class ArmFailed(RuntimeError):
    pass


def arm(ctx: Any, seconds: float) -> None:
    """Install a fresh deadline of ``seconds`` CPU seconds on ``ctx`` (Python calls allowed)."""
    for _ in range(_ATTEMPTS):
        ctx.set_time_limit(max(seconds, 0.001))
        _FLIPPER.request(ctx)
        try:
            refused = ctx.eval("__pmgen.arm()")
        finally:
            ctx.set_time_limit(-1)
        if isinstance(refused, int) and refused >= 1:
            return
    raise ArmFailed("could not install the script time limit")


_verified: bool | None = None
_verify_lock = threading.Lock()


def verify(ctx: Any, jsexception: type[BaseException]) -> bool:
    """Once per process: an armed context stops an endless loop and still calls Python."""
    global _verified
    with _verify_lock:
        if _verified is None:
            ok = False
            try:
                arm(ctx, 0.05)
                ctx.eval(
                    "(function () { const t = Date.now(); while (Date.now() - t < 2000) {} })()"
                )
            except jsexception as exc:
                ok = "interrupted" in str(exc)
            except ArmFailed:
                ok = False
            _verified = ok
        return _verified
