"""What a request's pre-request scripts do to it, as data for the snippets (no scripts run
here: `pmgen.script_effects` runs them at generation time and hands this over).

    effects = script_effects.analyse(collection)      # {operation id: Effects}
    wire = build_request(collection, op, effects=effects.get(op.id))

`Effects.request` is the request as the chain leaves it (Postman templates). Text that is
not the same on every run is written there as a placeholder `{{$pmgen.local.NAME}}` (a
value the snippet computes when it runs: `Local`) or `{{$pmgen.env.PM_NAME}}` (a value
the snippet reads from the environment: `Fallback`); the placeholders resolve only
through `Scope` with these effects, into `local` and `env` parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pmgen.model import RequestSpec

LOCAL_PREFIX = "$pmgen.local."
ENV_PREFIX = "$pmgen.env."
# the snippet variables pmgen names (never collection text)
LOCAL_NAME = re.compile(r"pm_[a-z0-9_]{1,40}")
ENV_NAME = re.compile(r"PM_[A-Z0-9_]{1,60}")

LocalKind = Literal[
    "now_ms", "now_s", "now_iso", "now_iso_s", "now_http", "date", "hmac"
]


def local_ref(name: str) -> str:
    return "{{" + LOCAL_PREFIX + name + "}}"


def env_ref(name: str) -> str:
    return "{{" + ENV_PREFIX + name + "}}"


@dataclass(frozen=True)
class Local:
    """A value the snippet computes when it runs, as the script computed it.

    `now_ms`/`now_s`/`now_iso`/`now_iso_s`/`now_http`: the current time (`Date.now()`,
    whole seconds, ISO 8601 with milliseconds or with `.000`, `toUTCString()`); `hmac`:
    HMAC over `message` keyed with `key` (templates: variables and other locals),
    `algorithm` a hashlib name, `encoding` hex, HEX (upper case) or base64; `date`: the
    local date `offset` days from today, `YYYY-MM-DD`.
    """

    name: str
    kind: LocalKind
    algorithm: str = ""
    encoding: str = ""
    key: str = ""
    message: str = ""
    offset: int = 0
    why: str = ""  # what it stands for, for the snippet's comment


@dataclass(frozen=True)
class Fallback:
    """A value only the script can make (random, from a response, ...): read from `env_var`."""

    env_var: str
    description: str  # "`signature`, set by the collection's pre-request script"


@dataclass(frozen=True)
class Effects:
    request: RequestSpec  # the request as the chain leaves it (templates)
    variables: dict[str, str] = field(default_factory=dict)  # set by the chain
    locals: tuple[Local, ...] = ()  # in the order they are computed
    fallbacks: tuple[Fallback, ...] = ()
    notes: tuple[str, ...] = ()
    stopped_by: str = ""  # the sandbox limit the chain hit, if it hit one


@dataclass(frozen=True)
class CollectionEffects:
    """Every request's `Effects` (by operation id; none for requests without a
    pre-request script) and the variables earlier requests' scripts capture (`captured`:
    name -> env var), which no static source provides."""

    by_operation: dict[str, Effects] = field(default_factory=dict)
    captured: dict[str, str] = field(default_factory=dict)

    def get(self, operation_id: str) -> Effects | None:
        return self.by_operation.get(operation_id)
