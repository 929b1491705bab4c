"""Postman variables at run time: `{{name}}` resolution and dynamic values per call."""

from __future__ import annotations

import datetime as _dt
import random
import re
import string
import time
from collections.abc import Callable, Mapping

# Postman's pattern: `{{` then anything but braces, then `}}`.
VARIABLE_REF = re.compile(r"\{\{([^{}]+?)\}\}")
MAX_DEPTH = 19  # Postman stops substituting nested references after this many passes

_rng = random.SystemRandom()
_WORDS = (
    "alpha bravo cobalt delta ember falcon granite harbor indigo jasper kepler lumen "
    "meadow nimbus orbit pixel quartz raven sierra tundra umber velvet willow xenon "
    "yonder zephyr"
).split()
_FIRST = "Ada Alan Grace Linus Margaret Dennis Barbara Ken Radia Tim".split()
_LAST = "Lovelace Turing Hopper Torvalds Hamilton Ritchie Liskov Thompson Perlman Lee".split()


def _name_dot_name() -> str:
    return f"{_rng.choice(_FIRST)}.{_rng.choice(_LAST)}"


def _uuid() -> str:
    import uuid  # here: importing uuid costs ~3 ms (it imports platform)

    return str(uuid.uuid4())


def _word() -> str:
    return _rng.choice(_WORDS)


def _iso_now() -> str:
    now = _dt.datetime.now(_dt.timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def _date(days: int) -> str:
    when = _dt.datetime.now(_dt.timezone.utc) + _dt.timedelta(days=days)
    return when.strftime("%a %b %d %Y %H:%M:%S GMT+0000 (Coordinated Universal Time)")


_DYNAMIC: dict[str, Callable[[], str]] = {
    "$guid": _uuid,
    "$randomUUID": _uuid,
    "$timestamp": lambda: str(int(time.time())),
    "$isoTimestamp": _iso_now,
    "$randomInt": lambda: str(_rng.randint(0, 1000)),
    "$randomBoolean": lambda: _rng.choice(["true", "false"]),
    "$randomAlphaNumeric": lambda: _rng.choice(string.ascii_lowercase + string.digits),
    "$randomHexColor": lambda: f"#{_rng.randrange(0x1000000):06x}",
    "$randomIP": lambda: ".".join(str(_rng.randint(1, 254)) for _ in range(4)),
    "$randomIPV6": lambda: ":".join(f"{_rng.randrange(0x10000):x}" for _ in range(8)),
    "$randomMACAddress": lambda: ":".join(
        f"{_rng.randrange(256):02x}" for _ in range(6)
    ),
    "$randomPassword": lambda: "".join(
        _rng.choice(string.ascii_letters + string.digits) for _ in range(15)
    ),
    "$randomFirstName": lambda: _rng.choice(_FIRST),
    "$randomLastName": lambda: _rng.choice(_LAST),
    "$randomFullName": lambda: f"{_rng.choice(_FIRST)} {_rng.choice(_LAST)}",
    "$randomUserName": lambda: f"{_name_dot_name()}{_rng.randint(1, 99)}",
    "$randomEmail": lambda: f"{_name_dot_name().lower()}@example.com",
    "$randomExampleEmail": lambda: f"{_rng.choice(_FIRST).lower()}@example.com",
    "$randomUrl": lambda: f"https://{_word()}.example.com",
    "$randomDomainName": lambda: f"{_word()}.example.com",
    "$randomPhoneNumber": lambda: f"555-{_rng.randrange(1000):03d}-{_rng.randrange(10000):04d}",
    "$randomPrice": lambda: f"{_rng.randint(1, 999)}.{_rng.randrange(100):02d}",
    "$randomLatitude": lambda: f"{_rng.uniform(-90, 90):.4f}",
    "$randomLongitude": lambda: f"{_rng.uniform(-180, 180):.4f}",
    "$randomCurrencyCode": lambda: _rng.choice(["USD", "EUR", "GBP", "JPY"]),
    "$randomCountryCode": lambda: _rng.choice(["US", "DE", "FR", "JP", "BR"]),
    "$randomLocale": lambda: _rng.choice(["en", "de", "fr", "ja", "pt"]),
    "$randomSemver": lambda: f"{_rng.randint(0, 9)}.{_rng.randint(0, 9)}.{_rng.randint(0, 9)}",
    "$randomDateFuture": lambda: _date(_rng.randint(1, 365)),
    "$randomDatePast": lambda: _date(-_rng.randint(1, 365)),
    "$randomDateRecent": lambda: _date(-_rng.randint(0, 2)),
    "$randomWords": lambda: " ".join(_word() for _ in range(3)),
    "$randomLoremSentence": lambda: " ".join(_word() for _ in range(6)).capitalize()
    + ".",
}


def dynamic_value(name: str) -> str | None:
    """A fresh value for `$guid`-style names; other `$random...` names get a random word."""
    make = _DYNAMIC.get(name)
    if make is not None:
        return make()
    if name.startswith("$random"):
        return _word()
    return None


def resolve(text: str, variables: Mapping[str, str]) -> str:
    """Replace `{{name}}` like Postman: nested references, dynamic values generated,
    unknown names left as written."""
    if "{{" not in text:
        return text

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in variables:
            return variables[name]
        if name.startswith("$"):
            value = dynamic_value(name)
            if value is not None:
                return value
        return match.group(0)

    for _ in range(MAX_DEPTH):
        replaced = VARIABLE_REF.sub(substitute, text)
        if replaced == text:
            break
        text = replaced
    return text
