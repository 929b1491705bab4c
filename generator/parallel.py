"""One independent piece of a run in a forked child while this process does the rest.

    with forked(lambda: build_client(collection)) as client_files:
        docs = build_docs(collection)          # meanwhile, on the other core
        files = {**client_files(), **docs}     # waits for the child's result

`generate` on a 2-core machine: the client (datamodel-code-generator, black on what is
not black-stable) and the snippets + docs each take seconds and share nothing but the
loaded collection, which a fork hands to the child for free.

The result is the same with or without a child: without `fork` (not POSIX, threads
running, one CPU, `PMGEN_NO_FORK=1`) the function runs when its result is asked for, and
a child that fails in any way (an exception, a crash, a result that cannot be pickled)
makes this process run the function itself, so errors are reported exactly as without a
child. A child still running when the block is left (an error here) is killed.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Forking a process that runs threads can deadlock the child (a lock held by
    another thread at the fork is never released)."""
    return (
        hasattr(os, "fork")
        and threading.active_count() == 1
        and (os.cpu_count() or 1) > 1
        and not os.environ.get("PMGEN_NO_FORK")
    )


@contextmanager
def forked(func: Callable[[], T]) -> Iterator[Callable[[], T]]:
    """Start `func` in a child now; the yielded function waits for and returns its result."""
    if not can_fork():
        yield func
        return
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, send the pickled result, exit without cleanup
        os.close(read_end)
        _run_child(func, write_end)
    os.close(write_end)
    waited = False

    def result() -> T:
        nonlocal waited
        # read before waitpid: the child blocks until its result is read
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        waited = True
        try:
            ok, value = pickle.loads(data)
        except Exception:
            ok, value = False, None
        # a failed child: run it again here, to fail as this process would
        return value if ok else func()

    try:
        yield result
    finally:
        if not waited:
            _kill(pid, read_end)


def _run_child(func: Callable[[], object], write_end: int) -> None:
    status = 0
    gc.freeze()  # its collections must not touch (and so copy) the heap it shares
    try:
        try:
            data = pickle.dumps((True, func()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            data, status = pickle.dumps((False, None)), 1
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
    finally:
        # no atexit handlers, no flushing of buffers the parent also holds
        os._exit(status)


def _kill(pid: int, read_end: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
    try:
        os.close(read_end)
    except OSError:
        pass  # already closed by a result() that was interrupted


@contextmanager
def prewarmed(
    preload: Callable[[], object],
) -> Iterator[Callable[[Callable[[], T]], AbstractContextManager[Callable[[], T]]]]:
    """A child started now that runs `preload` (imports, warm caches) while this process
    goes on; it yields a drop-in for `forked` whose first call hands its function (pickled)
    to that child instead of forking a cold one. `pmgen client`: the child imports
    datamodel-code-generator (~0.7 s) while this process loads and plans the collection.

    Same results as `forked`: a function that cannot be pickled, a second call, a child
    that fails or no fork at all fall back to `forked` or to running here. An unused
    child is killed when the block is left."""
    if not can_fork():
        yield forked
        return
    request_read, request_write = os.pipe()
    result_read, result_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(request_write)
        os.close(result_read)
        _serve(preload, request_read, result_write)
    os.close(request_read)
    os.close(result_write)
    state = {"used": False, "waited": False}

    @contextmanager
    def beside(func: Callable[[], T]) -> Iterator[Callable[[], T]]:
        data = None
        if not state["used"]:
            try:
                data = pickle.dumps(func, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:
                data = None
        if data is None:
            with forked(func) as cold:
                yield cold
            return
        state["used"] = True
        try:
            with os.fdopen(request_write, "wb") as pipe:  # the child reads it meanwhile
                pipe.write(data)
        except OSError:  # the child is gone: its result() runs `func` here
            pass

        def result() -> T:
            with os.fdopen(result_read, "rb") as pipe:
                answer = pipe.read()
            os.waitpid(pid, 0)
            state["waited"] = True
            try:
                ok, value = pickle.loads(answer)
            except Exception:
                ok, value = False, None
            return value if ok else func()  # type: ignore[no-any-return]

        yield result

    try:
        yield beside
    finally:
        if not state["waited"]:
            if not state["used"]:
                os.close(request_write)
            _kill(pid, result_read)


def _serve(preload: Callable[[], object], request: int, result: int) -> None:
    """The prewarmed child: read the request while `preload` runs, then run it."""
    status = 0
    gc.freeze()
    chunks: list[bytes] = []

    def read() -> None:  # a thread: the parent's write must never wait for `preload`
        with os.fdopen(request, "rb") as pipe:
            chunks.append(pipe.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        try:
            preload()
        except BaseException:
            pass  # the request runs all the same, just colder
        reader.join()
        data = b"".join(chunks)
        if not data:  # not used: the parent closed the pipe
            os._exit(0)
        try:
            func = pickle.loads(data)
            answer = pickle.dumps((True, func()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            answer, status = pickle.dumps((False, None)), 1
        with os.fdopen(result, "wb") as pipe:
            pipe.write(answer)
    finally:
        os._exit(status)
