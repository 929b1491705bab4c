"""moment shim against hand-written expectations for fixed instants (UTC), and in other process
time zones (a subprocess per zone, since the engine reads TZ at start)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .modhost import ModHost

REPO = Path(__file__).resolve().parents[2]

# 1700000000123 ms = Tuesday 2023-11-14 22:13:20.123 UTC, day 318 of the year, ISO week 46.
T1 = "moment.utc(1700000000123)"
# 2024-03-15 10:20:30.456 UTC, a Friday.
T2 = "moment.utc('2024-03-15T10:20:30.456Z')"

UTC_CASES = [
    (f"{T1}.format('YYYY-MM-DD HH:mm:ss.SSS')", "2023-11-14 22:13:20.123"),
    (f"{T1}.format('YY M D H h hh A a')", "23 11 14 22 10 10 PM pm"),
    (f"{T1}.format('Do MMM MMMM ddd dddd')", "14th Nov November Tue Tuesday"),
    (f"{T1}.format('X x')", "1700000000 1700000000123"),
    (f"{T1}.format('Z ZZ')", "+00:00 +0000"),
    (f"{T1}.format('[Today is] dddd [at] HH[h]')", "Today is Tuesday at 22h"),
    (f"{T1}.format('DDD DDDD W WW Q')", "318 318 46 46 4"),
    (f"{T1}.format('dd d E m s S SS')", "Tu 2 2 13 20 1 12"),
    (f"{T1}.format()", "2023-11-14T22:13:20Z"),
    (f"{T1}.toISOString()", "2023-11-14T22:13:20.123Z"),
    (f"{T1}.toJSON()", "2023-11-14T22:13:20.123Z"),
    (f"{T1}.valueOf()", 1700000000123),
    (f"{T1}.unix()", 1700000000),
    (f"{T1}.toDate().getTime()", 1700000000123),
    (f"{T1}.utcOffset(330).format()", "2023-11-15T03:43:20+05:30"),
    (f"{T1}.utcOffset(-300).format('YYYY-MM-DD HH:mm Z')", "2023-11-14 17:13 -05:00"),
    (f"{T1}.utcOffset('+09:00').format('HH:mm ZZ')", "07:13 +0900"),
    (f"{T1}.utcOffset(-5).utcOffset()", -300),
    (f"{T1}.toString()", "Tue Nov 14 2023 22:13:20 GMT+0000"),
    (
        "moment.utc([2020, 1, 29, 13, 5]).format('LLLL')",
        "Saturday, February 29, 2020 1:05 PM",
    ),
    ("moment.utc([2020, 1, 29, 13, 5]).format('L LT')", "02/29/2020 1:05 PM"),
    ("moment.utc([2020, 0, 1, 0, 0]).format('h:mm a k')", "12:00 am 24"),
    ("moment.utc([2021, 0, 3]).format('W GGGG w')", "53 2020 2"),
    ("moment.utc([2024, 0, 1]).format('Do Mo Qo')", "1st 1st 1st"),
    ("moment.utc([2024, 0, 22]).format('Do')", "22nd"),
    ("moment.utc([2024, 0, 13]).format('Do')", "13th"),
    # calendar arithmetic
    ("moment.utc('2024-01-31').add(1, 'month').format('YYYY-MM-DD')", "2024-02-29"),
    ("moment.utc('2023-01-31').add(1, 'M').format('YYYY-MM-DD')", "2023-02-28"),
    ("moment.utc('2024-02-29').add(1, 'years').format('YYYY-MM-DD')", "2025-02-28"),
    (
        "moment.utc('2024-03-31').subtract(1, 'months').format('YYYY-MM-DD')",
        "2024-02-29",
    ),
    (f"{T2}.add(2, 'months').toISOString()", "2024-05-15T10:20:30.456Z"),
    (f"{T2}.add(14, 'days').toISOString()", "2024-03-29T10:20:30.456Z"),
    (f"{T2}.add(212, 'day').format('YYYY-MM-DD')", "2024-10-13"),
    (f"{T2}.add({{ days: 1, hours: 2 }}).toISOString()", "2024-03-16T12:20:30.456Z"),
    (f"{T2}.add(-1, 'week').format('YYYY-MM-DD')", "2024-03-08"),
    (f"{T2}.add(1, 'quarter').format('YYYY-MM-DD')", "2024-06-15"),
    (f"{T2}.add(90, 'minutes').format('HH:mm:ss')", "11:50:30"),
    (f"{T2}.add('days', 2).format('YYYY-MM-DD')", "2024-03-17"),
    (f"{T2}.add('3', 'h').format('HH:mm')", "13:20"),
    (f"{T2}.subtract(25, 'days').toISOString()", "2024-02-19T10:20:30.456Z"),
    (
        f"{T2}.add(moment.duration(36, 'hours')).toISOString()",
        "2024-03-16T22:20:30.456Z",
    ),
    (f"{T2}.startOf('year').toISOString()", "2024-01-01T00:00:00.000Z"),
    (f"{T2}.startOf('quarter').toISOString()", "2024-01-01T00:00:00.000Z"),
    (f"{T2}.startOf('month').toISOString()", "2024-03-01T00:00:00.000Z"),
    (f"{T2}.startOf('week').toISOString()", "2024-03-10T00:00:00.000Z"),
    (f"{T2}.startOf('isoWeek').toISOString()", "2024-03-11T00:00:00.000Z"),
    (f"{T2}.startOf('day').toISOString()", "2024-03-15T00:00:00.000Z"),
    (f"{T2}.startOf('hour').toISOString()", "2024-03-15T10:00:00.000Z"),
    (f"{T2}.endOf('month').toISOString()", "2024-03-31T23:59:59.999Z"),
    (f"{T2}.endOf('year').toISOString()", "2024-12-31T23:59:59.999Z"),
    (f"{T2}.endOf('week').toISOString()", "2024-03-16T23:59:59.999Z"),
    (f"{T2}.endOf('d').toISOString()", "2024-03-15T23:59:59.999Z"),
    # getters and setters
    (
        f"[{T2}.year(), {T2}.month(), {T2}.date(), {T2}.day(), {T2}.hours(), {T2}.dayOfYear()]",
        [2024, 2, 15, 5, 10, 75],
    ),
    (f"{T2}.year(2023).month(1).date(28).format('YYYY-MM-DD')", "2023-02-28"),
    (f"{T2}.set('hour', 5).set({{ minute: 1 }}).format('HH:mm')", "05:01"),
    (f"{T2}.get('month')", 2),
    (f"{T2}.daysInMonth()", 31),
    (f"{T2}.isoWeekday()", 5),
    # comparison and difference
    ("moment.utc('2024-03-01').diff(moment.utc('2024-02-01'), 'days')", 29),
    ("moment.utc('2024-03-01').diff('2024-02-01', 'months')", 1),
    ("moment.utc('2024-03-01T12:00:00Z').diff('2024-03-01T00:00:00Z', 'hours')", 12),
    ("moment.utc('2024-02-29').diff(moment.utc('2020-02-29'), 'years')", 4),
    ("moment.utc('2024-01-01').diff(moment.utc('2024-01-02'), 'days')", -1),
    (
        "moment.utc('2024-01-02T12:00:00Z').diff(moment.utc('2024-01-01'), 'days', true)",
        1.5,
    ),
    ("moment.utc(2000).diff(moment.utc(1000))", 1000),
    (f"{T2}.isBefore('2024-03-16')", True),
    (f"{T2}.isAfter('2024-03-16')", False),
    (f"{T2}.isSame('2024-03-15T23:00:00Z', 'day')", True),
    (f"{T2}.isSame('2024-03-15T23:00:00Z')", False),
    (f"{T2}.isSameOrBefore('2024-03-15T10:20:30.456Z')", True),
    (f"{T2}.isBetween('2024-03-01', '2024-04-01')", True),
    ("moment.utc('2024-01-01').isAfter(moment.utc('2023-12-31'), 'year')", True),
    # parsing
    ("moment.utc('2024-03-15', 'YYYY-MM-DD').format()", "2024-03-15T00:00:00Z"),
    (
        "moment.utc('15/03/2024 14:05', 'DD/MM/YYYY HH:mm').toISOString()",
        "2024-03-15T14:05:00.000Z",
    ),
    (
        "moment.utc('March 5, 2024 3:07 PM', 'MMMM D, YYYY h:mm A').format('YYYY-MM-DD HH:mm')",
        "2024-03-05 15:07",
    ),
    ("moment.utc('2024-3-5', 'YYYY-MM-DD').format('YYYY-MM-DD')", "2024-03-05"),
    ("moment.utc('2024-3-5', 'YYYY-MM-DD', true).isValid()", False),
    ("moment.utc('1710498030', 'X').toISOString()", "2024-03-15T10:20:30.000Z"),
    (
        "moment.utc('2024-03-15T10:20:30+02:00').toISOString()",
        "2024-03-15T08:20:30.000Z",
    ),
    ("moment.utc('2024-03-15T10:20:30.5Z').valueOf()", 1710498030500),
    ("moment.utc('20240315T102030Z').toISOString()", "2024-03-15T10:20:30.000Z"),
    ("moment.utc('2024-W11-5').format('YYYY-MM-DD')", "2024-03-15"),
    (
        "moment.utc('Fri, 15 Mar 2024 10:20:30 GMT').toISOString()",
        "2024-03-15T10:20:30.000Z",
    ),
    (
        "moment.parseZone('2024-03-15T10:20:30+02:00').format()",
        "2024-03-15T10:20:30+02:00",
    ),
    ("moment.unix(1710498030).utc().format()", "2024-03-15T10:20:30Z"),
    ("moment.utc(new Date(1710498030000)).format()", "2024-03-15T10:20:30Z"),
    ("moment.utc(moment.utc(5)).valueOf()", 5),
    (
        "moment.utc({ year: 2024, month: 2, day: 15, hour: 1 }).toISOString()",
        "2024-03-15T01:00:00.000Z",
    ),
    ("moment.utc('not a date').isValid()", False),
    ("moment.utc([50, 5, 15]).format('YYYY-MM-DD')", "0050-06-15"),
    ("moment.utc('0050-06-15T00:00:00Z').year()", 50),
    ("moment([50, 5, 15]).year()", 50),
    ("moment.utc('not a date').format()", "Invalid date"),
    ("moment.utc('2024-02-30', 'YYYY-MM-DD').isValid()", False),
    ("moment.isMoment(moment()) && !moment.isMoment(new Date())", True),
    # durations
    ("moment.duration(90, 'minutes').asHours()", 1.5),
    ("moment.duration({ hours: 1, minutes: 30 }).asMinutes()", 90),
    ("moment.duration('PT1H30M').asSeconds()", 5400),
    (
        "moment.duration(3723000).hours() + ':' + moment.duration(3723000).minutes()",
        "1:2",
    ),
    ("moment.duration(2, 'days').toISOString()", "P2D"),
]


@pytest.fixture(scope="module")
def host() -> ModHost:
    h = ModHost()
    h.eval("var moment = require('moment');")
    return h


@pytest.mark.parametrize(
    ("expr", "want"), UTC_CASES, ids=[c[0][:70] for c in UTC_CASES]
)
def test_moment_utc_table(host: ModHost, expr: str, want: object) -> None:
    assert host.json(expr) == want


def test_now_and_default_construction(host: ModHost) -> None:
    before, got, after = host.json("[Date.now(), moment().valueOf(), Date.now()]")
    assert before <= got <= after
    assert host.json("moment.utc().isUTC() && !moment().isUTC()") is True
    assert host.json("moment(moment.utc(0)).valueOf()") == 0


def test_corpus_patterns(host: ModHost) -> None:
    """Calls as the corpora make them (brightspace, sabre)."""
    host.eval("var dateNow = new Date(Date.UTC(2024, 0, 31, 9, 30));")
    assert (
        host.json("moment(dateNow).add(2,'months').toISOString()")
        == "2024-03-31T09:30:00.000Z"
    )
    assert host.json("moment(dateNow).subtract(25,'days').toISOString()") == (
        "2024-01-06T09:30:00.000Z"
    )
    assert host.json(
        "moment.utc('2024-05-01','YYYY-MM-DD').add(3, 'day').format('YYYY-MM-DD')"
    ) == ("2024-05-04")


_ZONE_SCRIPT = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from tests.sandbox.modhost import ModHost
h = ModHost()
h.eval("var moment = require('moment');")
print(json.dumps([h.json(e) for e in json.loads(sys.argv[2])]))
"""

ZONE_CASES = {
    "UTC": [
        ("moment(1700000000123).format()", "2023-11-14T22:13:20+00:00"),
        ("moment('2024-03-15T10:20:30').toISOString()", "2024-03-15T10:20:30.000Z"),
    ],
    "America/New_York": [
        ("moment(1710498030000).format()", "2024-03-15T06:20:30-04:00"),
        ("moment(1700000000000).format()", "2023-11-14T17:13:20-05:00"),
        (
            "moment('2024-03-09T12:00:00').add(1, 'day').format()",
            "2024-03-10T12:00:00-04:00",
        ),
        (
            "moment('2024-03-09T12:00:00').add(24, 'hours').format()",
            "2024-03-10T13:00:00-04:00",
        ),
        (
            "moment('2024-03-10T12:00:00').startOf('day').format()",
            "2024-03-10T00:00:00-05:00",
        ),
        ("moment('2024-03-15T06:20:30').utc().format()", "2024-03-15T10:20:30Z"),
        (
            "moment.utc('2024-01-01T00:00:00Z').local().format()",
            "2023-12-31T19:00:00-05:00",
        ),
        ("moment('2024-01-15').utcOffset()", -300),
        ("[moment('2024-07-01').isDST(), moment('2024-01-01').isDST()]", [True, False]),
        (
            "moment('2024-03-15', 'YYYY-MM-DD').toISOString()",
            "2024-03-15T04:00:00.000Z",
        ),
        ("moment('2024-03-15T10:20:30Z').format('HH:mm Z')", "06:20 -04:00"),
        (
            "moment('2024-11-03T00:00:00').add(1, 'day').diff(moment('2024-11-03T00:00:00'), 'hours')",
            25,
        ),
        ("moment('2024-11-04').diff(moment('2024-11-03'), 'days')", 1),
        # a wall time in the spring-forward gap moves forward; an ambiguous one is the earlier
        ("moment('2024-03-10T02:30:00').format()", "2024-03-10T03:30:00-04:00"),
        ("moment('2024-11-03T01:30:00').format()", "2024-11-03T01:30:00-04:00"),
    ],
    # East of UTC, where QuickJS's own local-to-UTC conversion misses DST changes.
    "Australia/Sydney": [
        ("moment('2024-10-06T00:00:00').toISOString()", "2024-10-05T14:00:00.000Z"),
        (
            "moment('2024-10-06T12:00:00').startOf('day').format()",
            "2024-10-06T00:00:00+10:00",
        ),
        ("moment('2024-10-06T02:30:00').format()", "2024-10-06T03:30:00+11:00"),
        ("moment('2024-04-07T02:30:00').format()", "2024-04-07T02:30:00+11:00"),
        (
            "moment('2024-10-05T12:00:00').add(1, 'day').format()",
            "2024-10-06T12:00:00+11:00",
        ),
        (
            "moment('2024-10-06T12:00:00').diff(moment('2024-10-05T12:00:00'), 'hours')",
            23,
        ),
    ],
    "Asia/Kolkata": [
        (
            "moment(1700000000123).format('YYYY-MM-DD HH:mm:ss.SSS ZZ')",
            "2023-11-15 03:43:20.123 +0530",
        ),
        ("moment(0).startOf('day').toISOString()", "1969-12-31T18:30:00.000Z"),
    ],
}


@pytest.mark.parametrize("zone", sorted(ZONE_CASES))
def test_local_time_follows_the_process_time_zone(zone: str) -> None:
    if not Path("/usr/share/zoneinfo", zone).exists():
        pytest.skip(f"no tzdata for {zone}")
    cases = ZONE_CASES[zone]
    env = dict(os.environ, TZ=zone)
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            _ZONE_SCRIPT,
            str(REPO),
            json.dumps([c[0] for c in cases]),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    got = json.loads(out.stdout)
    for (expr, want), value in zip(cases, got):
        assert value == want, expr


def _py_format(dt: "datetime.datetime") -> str:
    off = dt.utcoffset()
    assert off is not None
    mins = int(off.total_seconds() // 60)
    sign = "-" if mins < 0 else "+"
    mins = abs(mins)
    return (
        dt.strftime("%Y-%m-%d %H:%M:%S.")
        + f"{dt.microsecond // 1000:03d} {sign}{mins // 60:02d}:{mins % 60:02d} "
        + dt.strftime("%a %b %j")
    )


_RANDOM_ZONE_SCRIPT = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from tests.sandbox.modhost import ModHost
h = ModHost()
h.eval("var moment = require('moment');")
stamps = json.loads(sys.argv[2])
print(json.dumps(h.json("%s.map(function (t) { var m = moment(t); return [m.format('YYYY-MM-DD HH:mm:ss.SSS Z ddd MMM DDDD'),"
                        " m.clone().add(1, 'day').format('YYYY-MM-DD HH:mm'), m.clone().startOf('day').valueOf()]; })" % json.dumps(stamps))))
"""


@pytest.mark.parametrize(
    "zone", ["UTC", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"]
)
def test_random_instants_match_zoneinfo(zone: str) -> None:
    """Local formatting, day arithmetic and startOf('day') against Python's zoneinfo."""
    import datetime
    import random
    from zoneinfo import ZoneInfo

    if not Path("/usr/share/zoneinfo", zone).exists():
        pytest.skip(f"no tzdata for {zone}")
    rng = random.Random(zone)
    stamps = [rng.randrange(0, 4102444800000) for _ in range(300)]
    env = dict(os.environ, TZ=zone)
    out = subprocess.run(
        [sys.executable, "-c", _RANDOM_ZONE_SCRIPT, str(REPO), json.dumps(stamps)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    tz = ZoneInfo(zone)
    for t, (fmt, plus_day, start) in zip(stamps, json.loads(out.stdout)):
        dt = datetime.datetime.fromtimestamp(t / 1000, tz)
        assert fmt == _py_format(dt), (t, zone)
        wall = dt.replace(tzinfo=None) + datetime.timedelta(days=1)
        assert plus_day == wall.strftime("%Y-%m-%d %H:%M") or _in_gap(wall, tz), (
            t,
            zone,
        )
        midnight = datetime.datetime(dt.year, dt.month, dt.day, tzinfo=tz)
        assert start == int(midnight.timestamp() * 1000) or _in_gap(
            midnight.replace(tzinfo=None), tz
        ), (t, zone)


def _in_gap(wall: "datetime.datetime", tz: object) -> bool:
    """A wall time that does not exist in the zone (DST gap): moment moves it, Python does not."""
    import datetime

    aware = wall.replace(tzinfo=tz)  # type: ignore[arg-type]
    back = datetime.datetime.fromtimestamp(aware.timestamp(), tz)  # type: ignore[arg-type]
    return back.replace(tzinfo=None) != wall
