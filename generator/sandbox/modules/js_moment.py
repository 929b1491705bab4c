"""``moment`` module: construction, parsing (ISO 8601 and format strings), formatting, calendar
arithmetic, comparison, ``utc``/``local``/``utcOffset`` modes and a basic ``duration``.
Local time is the process's time zone (JavaScript's ``Date``); English locale only."""

SOURCE = r"""
'use strict';
var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
var DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
var UNITS = {
  ms: 'millisecond', millisecond: 'millisecond', milliseconds: 'millisecond',
  s: 'second', second: 'second', seconds: 'second',
  m: 'minute', minute: 'minute', minutes: 'minute',
  h: 'hour', hour: 'hour', hours: 'hour',
  d: 'day', day: 'day', days: 'day', D: 'date', date: 'date', dates: 'date',
  w: 'week', week: 'week', weeks: 'week', W: 'isoWeek', isoWeek: 'isoWeek', isoWeeks: 'isoWeek',
  M: 'month', month: 'month', months: 'month',
  Q: 'quarter', quarter: 'quarter', quarters: 'quarter',
  y: 'year', year: 'year', years: 'year'
};
function normUnit(u) {
  if (u === undefined || u === null) return undefined;
  u = String(u);
  return UNITS[u] || UNITS[u.toLowerCase()] || UNITS[u.toLowerCase().replace(/s$/, '')];
}
function pad(n, w) { var s = String(Math.abs(n)); while (s.length < w) s = '0' + s; return (n < 0 ? '-' : '') + s; }
function daysInMonth(y, m) { return new Date(Date.UTC(y, m + 1, 0)).getUTCDate(); }
function absFloor(n) { return n < 0 ? Math.ceil(n) || 0 : Math.floor(n); }

// ---- the Moment object: an instant (_t, ms) plus a display mode (local / utc / fixed offset) ----
function Moment(t, mode, offset) {
  this._t = t; this._isUTC = mode !== 'local'; this._offset = mode === 'local' ? null : (offset || 0);
  this._isAMomentObject = true;
}
var proto = Moment.prototype;
// Wall-clock fields in the moment's mode.
proto._fields = function () {
  if (!this._isUTC) {
    var d = new Date(this._t);
    return { y: d.getFullYear(), M: d.getMonth(), D: d.getDate(), h: d.getHours(), m: d.getMinutes(), s: d.getSeconds(), ms: d.getMilliseconds(), dow: d.getDay() };
  }
  var u = new Date(this._t + this._offset * 60000);
  return { y: u.getUTCFullYear(), M: u.getUTCMonth(), D: u.getUTCDate(), h: u.getUTCHours(), m: u.getUTCMinutes(), s: u.getUTCSeconds(), ms: u.getUTCMilliseconds(), dow: u.getUTCDay() };
};
// Wall-clock fields in the process time zone to an instant. Not new Date(y, m, d, ...):
// QuickJS picks the offset at the wrong instant near a DST change in zones east of UTC
// (Australia/Sydney's spring-forward day, say). The UTC-to-local direction is right, so the
// offset is found from it: a time in a DST gap is read with the offset before the change
// (so it moves forward), an ambiguous one is the earlier instant, as moment does under V8.
function offsetAt(t) { return -new Date(t).getTimezoneOffset(); }
function localMs(y, M, D, h, mi, s, ms) {
  var t0 = Date.UTC(y, M, D, h, mi, s, ms);
  if (y >= 0 && y < 100) { var x = new Date(t0); x.setUTCFullYear(x.getUTCFullYear() - 1900); t0 = x.getTime(); }
  // The offsets a day before and after; candidates are the instants each would give.
  var oa = offsetAt(t0 - 864e5), ob = offsetAt(t0 + 864e5);
  var ta = t0 - oa * 60000, tb = t0 - ob * 60000;
  var va = offsetAt(ta) === oa, vb = offsetAt(tb) === ob;
  if (va && vb) return Math.min(ta, tb);
  if (vb) return tb;
  return ta; // valid, or in a gap: read with the offset before the change
}
proto._setFields = function (f) {
  if (!this._isUTC) {
    this._t = localMs(f.y, f.M, f.D, f.h, f.m, f.s, f.ms);
  } else {
    var t = Date.UTC(f.y, f.M, f.D, f.h, f.m, f.s, f.ms);
    if (f.y >= 0 && f.y < 100) { var x = new Date(t); x.setUTCFullYear(f.y); t = x.getTime(); }
    this._t = t - this._offset * 60000;
  }
  return this;
};
proto.utcOffset = function (input, keepLocalTime) {
  if (input === undefined) {
    if (this._isUTC) return this._offset;
    return -Math.round(new Date(this._t).getTimezoneOffset());
  }
  var off = typeof input === 'string' ? parseOffset(input) : Number(input);
  if (off === null) return this;
  if (Math.abs(off) < 16 && typeof input !== 'string') off *= 60;
  var f = keepLocalTime ? this._fields() : null;
  this._isUTC = true; this._offset = off;
  if (f) this._setFields(f);
  return this;
};
function parseOffset(s) {
  var m = /([+-]|Z)(\d\d)?:?(\d\d)?\s*$/i.exec(String(s));
  if (!m) return null;
  if (m[1].toUpperCase() === 'Z') return 0;
  var v = parseInt(m[2] || '0', 10) * 60 + parseInt(m[3] || '0', 10);
  return m[1] === '-' ? -v : v;
}
proto.utc = function (keepLocalTime) { return this.utcOffset(0, keepLocalTime); };
proto.local = function (keepLocalTime) {
  var f = keepLocalTime ? this._fields() : null;
  this._isUTC = false; this._offset = null;
  if (f) this._setFields(f);
  return this;
};
proto.isUTC = proto.isUtc = function () { return this._isUTC && this._offset === 0; };
proto.isLocal = function () { return !this._isUTC; };
proto.isUtcOffset = function () { return this._isUTC; };
proto.isDST = function () {
  if (this._isUTC) return false;
  var y = this.year(), jan = -new Date(y, 0, 1).getTimezoneOffset(), jul = -new Date(y, 6, 1).getTimezoneOffset();
  return jan !== jul && this.utcOffset() === Math.max(jan, jul);
};
proto.clone = function () { var c = new Moment(this._t, this._isUTC ? 'fixed' : 'local', this._offset); c._invalid = this._invalid; return c; };
proto.isValid = function () { return !this._invalid && isFinite(this._t); };
proto.valueOf = function () { return this._t; };
proto.unix = function () { return Math.floor(this._t / 1000); };
proto.toDate = function () { return new Date(this._t); };
proto.toISOString = function (keepOffset) {
  if (!this.isValid()) return null;
  if (keepOffset) return this.format('YYYY-MM-DDTHH:mm:ss.SSSZ');
  var y = new Date(this._t).getUTCFullYear();
  if (y < 0 || y > 9999) return this.clone().utc().format('YYYYYY-MM-DD[T]HH:mm:ss.SSS[Z]');
  return new Date(this._t).toISOString();
};
proto.toJSON = function () { return this.isValid() ? this.toISOString() : null; };
proto.toString = function () { return this.isValid() ? this.clone().locale('en').format('ddd MMM DD YYYY HH:mm:ss [GMT]ZZ') : 'Invalid date'; };
proto.inspect = function () { return 'moment(' + (this._isUTC && !this._offset ? '.utc' : '') + '"' + this.format() + '")'; };
proto.toArray = function () { var f = this._fields(); return [f.y, f.M, f.D, f.h, f.m, f.s, f.ms]; };
proto.toObject = function () { var f = this._fields(); return { years: f.y, months: f.M, date: f.D, hours: f.h, minutes: f.m, seconds: f.s, milliseconds: f.ms }; };
proto.locale = function (l) { return l === undefined ? 'en' : this; };
proto.lang = proto.locale;
proto.localeData = function () { return moment.localeData(); };

// ---- getters/setters ----
function accessor(key, setterFix) {
  return function (v) {
    if (v === undefined) return this._fields()[key];
    var f = this._fields();
    f[key] = Number(v);
    if (setterFix) setterFix(f);
    return this._setFields(f);
  };
}
// Setting year or month keeps the day within the target month, as moment does.
function clampDay(f) { var n = daysInMonth(f.y + Math.floor(f.M / 12), ((f.M % 12) + 12) % 12); if (f.D > n) f.D = n; }
proto.year = proto.years = accessor('y', clampDay);
proto.month = proto.months = function (v) {
  if (v === undefined) return this._fields().M;
  if (typeof v === 'string') { var i = monthIndex(v); if (i < 0) return this; v = i; }
  var f = this._fields(); f.M = Number(v); clampDay(f); return this._setFields(f);
};
proto.date = proto.dates = accessor('D');
proto.hour = proto.hours = accessor('h');
proto.minute = proto.minutes = accessor('m');
proto.second = proto.seconds = accessor('s');
proto.millisecond = proto.milliseconds = accessor('ms');
proto.day = proto.days = function (v) {
  var dow = this._fields().dow;
  if (v === undefined) return dow;
  if (typeof v === 'string') { v = DAYS.findIndex(function (d) { return d.toLowerCase().indexOf(String(v).toLowerCase()) === 0; }); if (v < 0) return this; }
  return this.add(v - dow, 'day');
};
proto.weekday = function (v) { return v === undefined ? this.day() : this.day(v); };
proto.isoWeekday = function (v) { var d = this.day() || 7; return v === undefined ? d : this.day(this.day() % 7 ? v : v - 7); };
proto.dayOfYear = function (v) {
  var f = this._fields(), doy = Math.round((Date.UTC(f.y, f.M, f.D) - Date.UTC(f.y, 0, 1)) / 864e5) + 1;
  return v === undefined ? doy : this.add(v - doy, 'day');
};
proto.quarter = proto.quarters = function (v) {
  var q = Math.floor(this.month() / 3) + 1;
  return v === undefined ? q : this.month((v - 1) * 3 + (this.month() % 3));
};
function isoWeekInfo(f) {
  var d = new Date(Date.UTC(f.y, f.M, f.D)), dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  var y = d.getUTCFullYear(), start = Date.UTC(y, 0, 1);
  return { year: y, week: Math.ceil(((d - start) / 864e5 + 1) / 7) };
}
// Locale weeks (en: weeks start on Sunday, the week with Jan 1 is week 1).
function localeWeekInfo(f) {
  var d = new Date(Date.UTC(f.y, f.M, f.D)), dow = d.getUTCDay();
  d.setUTCDate(d.getUTCDate() + 6 - dow);
  var y = d.getUTCFullYear(), start = Date.UTC(y, 0, 1);
  return { year: y, week: Math.ceil(((d - start) / 864e5 + 1) / 7) };
}
proto.isoWeek = proto.isoWeeks = function (v) { var w = isoWeekInfo(this._fields()).week; return v === undefined ? w : this.add((v - w) * 7, 'day'); };
proto.week = proto.weeks = function (v) { var w = localeWeekInfo(this._fields()).week; return v === undefined ? w : this.add((v - w) * 7, 'day'); };
proto.isoWeekYear = function () { return isoWeekInfo(this._fields()).year; };
proto.weekYear = function () { return localeWeekInfo(this._fields()).year; };
proto.isoWeeksInYear = function () { return isoWeekInfo({ y: this.year(), M: 11, D: 28 }).week; };
proto.weeksInYear = function () { return localeWeekInfo({ y: this.year(), M: 11, D: 31 }).week === 1 ? 52 : localeWeekInfo({ y: this.year(), M: 11, D: 31 }).week; };
proto.daysInMonth = function () { var f = this._fields(); return daysInMonth(f.y, f.M); };
proto.isLeapYear = function () { var y = this.year(); return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; };
proto.get = function (u) { var n = normUnit(u); if (n === 'date') return this.date(); return n && this[n] ? this[n]() : undefined; };
proto.set = function (u, v) {
  if (typeof u === 'object') {
    var order = ['year', 'month', 'date', 'day', 'hour', 'minute', 'second', 'millisecond'], self = this;
    var norm = {};
    Object.keys(u).forEach(function (k) { norm[normUnit(k) === 'day' && k !== 'day' && k !== 'days' && k !== 'd' ? 'date' : normUnit(k)] = u[k]; });
    order.forEach(function (k) { if (norm[k] !== undefined) self.set(k, norm[k]); });
    return this;
  }
  var n = normUnit(u);
  if (n === 'date') return this.date(v);
  return n && this[n] ? this[n](v) : this;
};

// ---- arithmetic ----
function addUnit(m, n, unit, sign) {
  n = Number(n) * sign;
  if (!isFinite(n)) return m;
  switch (unit) {
    case 'millisecond': m._t += n; return m;
    case 'second': m._t += n * 1000; return m;
    case 'minute': m._t += n * 60000; return m;
    case 'hour': m._t += n * 3600000; return m;
    case 'day': case 'date': { var f = m._fields(); f.D += Math.round(n); return m._setFields(f); }
    case 'week': case 'isoWeek': { var g = m._fields(); g.D += Math.round(n) * 7; return m._setFields(g); }
    case 'month': case 'quarter': case 'year': {
      var months = Math.round(unit === 'year' ? n * 12 : unit === 'quarter' ? n * 3 : n);
      var h = m._fields(), total = h.y * 12 + h.M + months;
      h.y = Math.floor(total / 12); h.M = total - h.y * 12;
      var dim = daysInMonth(h.y, h.M); if (h.D > dim) h.D = dim;
      return m._setFields(h);
    }
  }
  return m;
}
function addAny(m, a, b, sign) {
  if (a === null || a === undefined) return m;
  if (isDuration(a)) { var d = a._data; ['year', 'month', 'day', 'millisecond'].forEach(function (u) { if (d[u]) addUnit(m, d[u], u, sign); }); return m; }
  if (typeof a === 'object') {
    Object.keys(a).forEach(function (k) { var u = normUnit(k); if (u) addUnit(m, a[k], u, sign); });
    return m;
  }
  // Both (number, unit) and the deprecated (unit, number) orders.
  if (typeof a === 'string' && isNaN(Number(a)) && normUnit(a)) { var t = a; a = b; b = t; }
  var unit = normUnit(b === undefined ? 'ms' : b);
  if (!unit) return m;
  return addUnit(m, a, unit, sign);
}
proto.add = function (a, b) { return addAny(this, a, b, 1); };
proto.subtract = function (a, b) { return addAny(this, a, b, -1); };
proto.startOf = function (u) {
  var unit = normUnit(u), f = this._fields();
  if (!unit) return this;
  switch (unit) {
    case 'year': f.M = 0; /* falls through */
    case 'quarter': if (unit === 'quarter') f.M = f.M - (f.M % 3); /* falls through */
    case 'month': f.D = 1; /* falls through */
    case 'week': case 'isoWeek': case 'day': case 'date':
      if (unit === 'week') f.D -= f.dow;
      if (unit === 'isoWeek') f.D -= (f.dow + 6) % 7;
      f.h = 0; /* falls through */
    case 'hour': f.m = 0; /* falls through */
    case 'minute': f.s = 0; /* falls through */
    case 'second': f.ms = 0;
  }
  return this._setFields(f);
};
proto.endOf = function (u) {
  var unit = normUnit(u);
  if (!unit || unit === 'millisecond') return this;
  this.startOf(unit);
  addUnit(this, 1, unit === 'date' ? 'day' : unit, 1);
  this._t -= 1;
  return this;
};

// ---- comparison and difference ----
function toMoment(x) { return isMoment(x) ? x : moment(x); }
function cmpUnit(self, other, unit, op) {
  var o = toMoment(other), u = normUnit(unit) || 'millisecond';
  if (u === 'millisecond') return op(self._t, self._t, o._t);
  var start = self.clone().startOf(u)._t, end = self.clone().endOf(u)._t;
  return op(start, end, o._t);
}
proto.isBefore = function (o, u) { return cmpUnit(this, o, u, function (s, e, t) { return e < t; }); };
proto.isAfter = function (o, u) { return cmpUnit(this, o, u, function (s, e, t) { return s > t; }); };
proto.isSame = function (o, u) { return cmpUnit(this, o, u, function (s, e, t) { return s <= t && t <= e; }); };
proto.isSameOrBefore = function (o, u) { return this.isSame(o, u) || this.isBefore(o, u); };
proto.isSameOrAfter = function (o, u) { return this.isSame(o, u) || this.isAfter(o, u); };
proto.isBetween = function (a, b, u, incl) {
  incl = incl || '()';
  var after = incl[0] === '(' ? this.isAfter(a, u) : !this.isBefore(a, u);
  var before = incl[1] === ')' ? this.isBefore(b, u) : !this.isAfter(b, u);
  return after && before;
};
function monthDiff(a, b) {
  // moment's monthDiff: whole months plus a fraction of the month around the anchor.
  var wholeMonthDiff = (b.year() - a.year()) * 12 + (b.month() - a.month());
  var anchor = a.clone().add(wholeMonthDiff, 'months'), anchor2, adjust;
  if (b._t - anchor._t < 0) {
    anchor2 = a.clone().add(wholeMonthDiff - 1, 'months');
    adjust = (b._t - anchor._t) / (anchor._t - anchor2._t);
  } else {
    anchor2 = a.clone().add(wholeMonthDiff + 1, 'months');
    adjust = (b._t - anchor._t) / (anchor2._t - anchor._t);
  }
  return -(wholeMonthDiff + adjust) || 0;
}
proto.diff = function (input, unit, asFloat) {
  var that = toMoment(input), u = normUnit(unit) || 'millisecond', out;
  if (u === 'year' || u === 'month' || u === 'quarter') {
    out = monthDiff(this, that);
    if (u === 'quarter') out /= 3; else if (u === 'year') out /= 12;
  } else {
    var zoneDelta = (that.utcOffset() - this.utcOffset()) * 6e4, delta = this._t - that._t;
    switch (u) {
      case 'second': out = delta / 1e3; break;
      case 'minute': out = delta / 6e4; break;
      case 'hour': out = delta / 36e5; break;
      case 'day': case 'date': out = (delta - zoneDelta) / 864e5; break;
      case 'week': case 'isoWeek': out = (delta - zoneDelta) / 6048e5; break;
      default: out = delta;
    }
  }
  return asFloat ? out : absFloor(out);
};
proto.from = function (other, withoutSuffix) { return humanize(this._t - toMoment(other)._t, withoutSuffix); };
proto.fromNow = function (withoutSuffix) { return humanize(this._t - Date.now(), withoutSuffix); };
proto.to = function (other, withoutSuffix) { return humanize(toMoment(other)._t - this._t, withoutSuffix); };
proto.toNow = function (withoutSuffix) { return humanize(Date.now() - this._t, withoutSuffix); };
function relText(ms) {
  var s = Math.round(Math.abs(ms) / 1000), m = Math.round(s / 60), h = Math.round(m / 60), d = Math.round(h / 24), mo = Math.round(d / 30.4375), y = Math.round(d / 365.25);
  if (s < 45) return 'a few seconds';
  if (s < 90) return 'a minute';
  if (m < 45) return m + ' minutes';
  if (m < 90) return 'an hour';
  if (h < 22) return h + ' hours';
  if (h < 36) return 'a day';
  if (d < 26) return d + ' days';
  if (d < 46) return 'a month';
  if (d < 320) return mo + ' months';
  if (d < 548) return 'a year';
  return y + ' years';
}
function humanize(ms, withoutSuffix) {
  var t = relText(ms);
  return withoutSuffix ? t : (ms > 0 ? 'in ' + t : t + ' ago');
}
proto.calendar = function () { return this.format('L'); };

// ---- formatting ----
function ordinal(n) {
  var b = n % 10, t = n % 100;
  return n + (t >= 11 && t <= 13 ? 'th' : b === 1 ? 'st' : b === 2 ? 'nd' : b === 3 ? 'rd' : 'th');
}
function offsetStr(mins, sep) {
  var sign = mins < 0 ? '-' : '+';
  mins = Math.abs(mins);
  return sign + pad(Math.floor(mins / 60), 2) + sep + pad(mins % 60, 2);
}
var LONG = { LTS: 'h:mm:ss A', LT: 'h:mm A', L: 'MM/DD/YYYY', LL: 'MMMM D, YYYY', LLL: 'MMMM D, YYYY h:mm A', LLLL: 'dddd, MMMM D, YYYY h:mm A',
             l: 'M/D/YYYY', ll: 'MMM D, YYYY', lll: 'MMM D, YYYY h:mm A', llll: 'ddd, MMM D, YYYY h:mm A' };
var TOKEN_RE = /(\[[^\[]*\])|(\\)?(Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|w[o|w]?|W[o|W]?|Qo?|N{1,5}|YYYYYY|YYYYY|YYYY|YY|y{2,4}|yo?|gg(ggg?)?|GG(GGG?)?|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|LTS|LT|LL?L?L?|l{1,4}|.)/g;
function formatMoment(m, fmt) {
  if (!m.isValid()) return 'Invalid date';
  fmt = String(fmt).replace(/(\[[^\[]*\])|(LTS|LT|LL?L?L?|l{1,4})/g, function (all, esc, tok) { return esc || LONG[tok] || tok; });
  var f = m._fields(), off = m.utcOffset();
  return fmt.replace(TOKEN_RE, function (all, esc, backslash, tok) {
    if (esc) return esc.slice(1, -1);
    if (backslash) return tok;
    switch (tok) {
      case 'YYYYYY': return (f.y < 0 ? '-' : '+') + pad(Math.abs(f.y), 6);
      case 'YYYYY': return pad(f.y, 5);
      case 'YYYY': return f.y <= 9999 ? pad(f.y, 4) : '+' + f.y;
      case 'YY': return pad(((f.y % 100) + 100) % 100, 2);
      case 'Y': return String(f.y);
      case 'Q': return String(Math.floor(f.M / 3) + 1);
      case 'Qo': return ordinal(Math.floor(f.M / 3) + 1);
      case 'M': return String(f.M + 1);
      case 'Mo': return ordinal(f.M + 1);
      case 'MM': return pad(f.M + 1, 2);
      case 'MMM': return MONTHS[f.M].slice(0, 3);
      case 'MMMM': return MONTHS[f.M];
      case 'D': return String(f.D);
      case 'Do': return ordinal(f.D);
      case 'DD': return pad(f.D, 2);
      case 'DDD': return String(m.dayOfYear());
      case 'DDDo': return ordinal(m.dayOfYear());
      case 'DDDD': return pad(m.dayOfYear(), 3);
      case 'd': return String(f.dow);
      case 'do': return ordinal(f.dow);
      case 'dd': return DAYS[f.dow].slice(0, 2);
      case 'ddd': return DAYS[f.dow].slice(0, 3);
      case 'dddd': return DAYS[f.dow];
      case 'e': return String(f.dow);
      case 'E': return String(f.dow || 7);
      case 'w': return String(localeWeekInfo(f).week);
      case 'wo': return ordinal(localeWeekInfo(f).week);
      case 'ww': return pad(localeWeekInfo(f).week, 2);
      case 'W': return String(isoWeekInfo(f).week);
      case 'Wo': return ordinal(isoWeekInfo(f).week);
      case 'WW': return pad(isoWeekInfo(f).week, 2);
      case 'gg': return pad(localeWeekInfo(f).year % 100, 2);
      case 'gggg': return pad(localeWeekInfo(f).year, 4);
      case 'GG': return pad(isoWeekInfo(f).year % 100, 2);
      case 'GGGG': return pad(isoWeekInfo(f).year, 4);
      case 'A': return f.h < 12 ? 'AM' : 'PM';
      case 'a': return f.h < 12 ? 'am' : 'pm';
      case 'H': return String(f.h);
      case 'HH': return pad(f.h, 2);
      case 'h': return String(f.h % 12 || 12);
      case 'hh': return pad(f.h % 12 || 12, 2);
      case 'k': return String(f.h || 24);
      case 'kk': return pad(f.h || 24, 2);
      case 'm': return String(f.m);
      case 'mm': return pad(f.m, 2);
      case 's': return String(f.s);
      case 'ss': return pad(f.s, 2);
      case 'X': return String(Math.floor(m._t / 1000));
      case 'x': return String(m._t);
      case 'Z': return offsetStr(off, ':');
      case 'ZZ': return offsetStr(off, '');
      case 'z': case 'zz': return m._isUTC && !m._offset ? 'UTC' : '';
      case 'N': case 'NN': case 'NNN': return f.y > 0 ? 'AD' : 'BC';
      case 'NNNN': return f.y > 0 ? 'Anno Domini' : 'Before Christ';
      case 'y': return String(f.y > 0 ? f.y : 1 - f.y);
    }
    if (/^S{1,9}$/.test(tok)) return (pad(f.ms, 3) + '000000').slice(0, tok.length);
    return tok;
  });
}
proto.format = function (fmt) {
  if (fmt === undefined || fmt === null || fmt === '') fmt = this._isUTC && !this._offset ? moment.defaultFormatUtc : moment.defaultFormat;
  return formatMoment(this, fmt);
};

// ---- parsing ----
function monthIndex(name) {
  name = String(name).toLowerCase();
  for (var i = 0; i < 12; i++) if (MONTHS[i].toLowerCase() === name || MONTHS[i].slice(0, 3).toLowerCase() === name) return i;
  return -1;
}
var ISO_RE = /^\s*([+-]\d{6}|\d{4})(?:-?(\d\d)(?:-?(\d\d))?|-?W(\d\d)(?:-?(\d))?|-?(\d{3}))?(?:[T ](\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d+))?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?)?\s*$/i;
function fromParts(p, utcMode, offset) {
  // p: {y, M, D, h, m, s, ms}; offset (minutes) when the input named one.
  if (p.M < 0 || p.M > 11 || p.D < 1 || p.D > daysInMonth(p.y, p.M) || p.h > 24 || p.m > 59 || p.s > 59) return invalid();
  var t;
  if (offset !== undefined && offset !== null) t = Date.UTC(p.y, p.M, p.D, p.h, p.m, p.s, p.ms) - offset * 60000;
  else if (utcMode) t = Date.UTC(p.y, p.M, p.D, p.h, p.m, p.s, p.ms);
  else return new Moment(localMs(p.y, p.M, p.D, p.h, p.m, p.s, p.ms), 'local', 0);
  if (p.y >= 0 && p.y < 100) { var d = new Date(t); d.setUTCFullYear(d.getUTCFullYear() - 1900); t = d.getTime(); }
  return new Moment(t, utcMode ? 'fixed' : 'local', 0);
}
function invalid() { var m = new Moment(NaN, 'local'); m._invalid = true; return m; }
function parseISO(s, utcMode) {
  var r = ISO_RE.exec(s);
  if (!r) return null;
  var p = { y: parseInt(r[1], 10), M: r[2] ? parseInt(r[2], 10) - 1 : 0, D: r[3] ? parseInt(r[3], 10) : 1, h: r[7] ? parseInt(r[7], 10) : 0,
            m: r[8] ? parseInt(r[8], 10) : 0, s: r[9] ? parseInt(r[9], 10) : 0, ms: r[10] ? Math.floor(parseFloat('0.' + r[10]) * 1000 + 1e-7) : 0 };
  if (r[6]) { var doy = parseInt(r[6], 10); var dd = new Date(Date.UTC(p.y, 0, doy)); p.M = dd.getUTCMonth(); p.D = dd.getUTCDate(); }
  if (r[4]) {
    var jan4 = new Date(Date.UTC(p.y, 0, 4)), wd = jan4.getUTCDay() || 7;
    var day = new Date(Date.UTC(p.y, 0, 4 - wd + 1 + (parseInt(r[4], 10) - 1) * 7 + (r[5] ? parseInt(r[5], 10) - 1 : 0)));
    p.y = day.getUTCFullYear(); p.M = day.getUTCMonth(); p.D = day.getUTCDate();
  }
  var off = r[11] ? parseOffset(r[11]) : null;
  if (p.h === 24) { if (p.m || p.s || p.ms) return invalid(); }
  var m = fromParts(p, utcMode, off);
  if (off !== null && !utcMode) m.local();
  return m;
}
var RFC2822_RE = /^\s*(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s)?(\d{1,2})\s(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s(\d{2,4})\s(\d\d):(\d\d)(?::(\d\d))?\s(?:(UT|GMT|[ECMP][SD]T)|([Zz])|([+-]\d{4}))\s*$/;
var NAMED_OFF = { UT: 0, GMT: 0, EDT: -240, EST: -300, CDT: -300, CST: -360, MDT: -360, MST: -420, PDT: -420, PST: -480 };
function parseRFC2822(s, utcMode) {
  var r = RFC2822_RE.exec(s.replace(/\([^)]*\)|[\n\t]/g, ' ').replace(/(\s\s+)/g, ' '));
  if (!r) return null;
  var y = parseInt(r[4], 10); if (r[4].length === 2) y += y < 50 ? 2000 : 1900;
  var off = r[8] ? NAMED_OFF[r[8]] : r[9] ? 0 : (r[10][0] === '-' ? -1 : 1) * (parseInt(r[10].slice(1, 3), 10) * 60 + parseInt(r[10].slice(3), 10));
  var m = fromParts({ y: y, M: monthIndex(r[3]), D: parseInt(r[2], 10), h: parseInt(r[5], 10), m: parseInt(r[6], 10), s: r[7] ? parseInt(r[7], 10) : 0, ms: 0 }, utcMode, off);
  if (!utcMode) m.local();
  return m;
}
var PARSE_TOKENS = /(\[[^\[]*\])|(YYYYYY|YYYY|YY|Y|MMMM|MMM|MM|M|Do|DDDD|DD|D|dddd|ddd|dd|d|HH|H|hh|h|kk|k|mm|m|ss|s|S{1,9}|A|a|X|x|ZZ|Z|Q|E|e|GGGG|gggg|WW|W|ww|w)/g;
var TOKEN_PATTERNS = {
  YYYYYY: '[+-]\\d{6}', YYYY: '[+-]?\\d{1,4}', YY: '\\d{1,2}', Y: '[+-]?\\d+', MMMM: '[A-Za-z]+', MMM: '[A-Za-z]+', MM: '\\d{1,2}', M: '\\d{1,2}',
  Do: '\\d{1,2}(?:st|nd|rd|th)?', DDDD: '\\d{1,3}', DD: '\\d{1,2}', D: '\\d{1,2}', dddd: '[A-Za-z]+', ddd: '[A-Za-z]+', dd: '[A-Za-z]+', d: '\\d',
  HH: '\\d{1,2}', H: '\\d{1,2}', hh: '\\d{1,2}', h: '\\d{1,2}', kk: '\\d{1,2}', k: '\\d{1,2}', mm: '\\d{1,2}', m: '\\d{1,2}', ss: '\\d{1,2}', s: '\\d{1,2}',
  A: '[AaPp]\\.?[Mm]?\\.?', a: '[AaPp]\\.?[Mm]?\\.?', X: '[+-]?\\d+(?:\\.\\d{1,3})?', x: '[+-]?\\d+', ZZ: 'Z|[+-]\\d\\d:?\\d\\d', Z: 'Z|[+-]\\d\\d:?\\d\\d',
  Q: '\\d', E: '\\d', e: '\\d', GGGG: '\\d{4}', gggg: '\\d{4}', WW: '\\d{1,2}', W: '\\d{1,2}', ww: '\\d{1,2}', w: '\\d{1,2}'
};
function parseWithFormat(s, fmt, utcMode, strict) {
  s = String(s);
  fmt = String(fmt).replace(/(\[[^\[]*\])|(LTS|LT|LL?L?L?|l{1,4})/g, function (all, esc, tok) { return esc || LONG[tok] || tok; });
  var p = { y: null, M: null, D: null, h: 0, m: 0, s: 0, ms: 0 }, pm = null, off = null, ts = null, pos = 0, last = 0, tokRe = new RegExp(PARSE_TOKENS.source, 'g'), r;
  function literal(text) {
    // Non-strict parsing skips separators; strict parsing needs them verbatim.
    if (strict) { if (s.substr(pos, text.length) !== text) throw 0; pos += text.length; return; }
    for (var i = 0; i < text.length; i++) {
      if (/[A-Za-z0-9]/.test(text[i])) { if (s[pos] === text[i]) pos++; }
      else if (s[pos] !== undefined && !/[A-Za-z0-9]/.test(s[pos])) pos++;
    }
  }
  try {
    while ((r = tokRe.exec(fmt))) {
      literal(fmt.slice(last, r.index));
      last = tokRe.lastIndex;
      if (r[1]) { literal(r[1].slice(1, -1)); continue; }
      var tok = r[2];
      if (!strict) while (pos < s.length && /[^A-Za-z0-9+\-]/.test(s[pos]) && tok !== 'A' && tok !== 'a') pos++;
      var pat = /^S{1,9}$/.test(tok) ? (strict ? '\\d{' + tok.length + '}' : '\\d+') : TOKEN_PATTERNS[tok];
      if (strict && /^(MM|DD|HH|hh|mm|ss|kk|WW|ww)$/.test(tok)) pat = '\\d\\d';
      if (strict && tok === 'YYYY') pat = '\\d{4}';
      var mm = new RegExp('^(?:' + pat + ')').exec(s.slice(pos));
      if (!mm) { if (strict) throw 0; continue; }
      var v = mm[0]; pos += v.length;
      switch (tok) {
        case 'YYYYYY': case 'YYYY': case 'Y': p.y = parseInt(v, 10); break;
        case 'YY': p.y = parseInt(v, 10) + (parseInt(v, 10) > 68 ? 1900 : 2000); break;
        case 'MMMM': case 'MMM': p.M = monthIndex(v); if (p.M < 0 && strict) throw 0; break;
        case 'MM': case 'M': p.M = parseInt(v, 10) - 1; break;
        case 'Do': case 'DD': case 'D': p.D = parseInt(v, 10); break;
        case 'DDDD': p.doy = parseInt(v, 10); break;
        case 'HH': case 'H': case 'kk': case 'k': p.h = parseInt(v, 10) % (tok[0] === 'k' ? 24 : 25); break;
        case 'hh': case 'h': p.h = parseInt(v, 10); break;
        case 'mm': case 'm': p.m = parseInt(v, 10); break;
        case 'ss': case 's': p.s = parseInt(v, 10); break;
        case 'A': case 'a': pm = v[0].toLowerCase() === 'p'; break;
        case 'X': ts = parseFloat(v) * 1000; break;
        case 'x': ts = parseInt(v, 10); break;
        case 'Z': case 'ZZ': off = parseOffset(v); break;
        case 'Q': p.M = (parseInt(v, 10) - 1) * 3; break;
        default: if (/^S+$/.test(tok)) p.ms = Math.floor(parseFloat('0.' + v) * 1000 + 1e-7);
      }
    }
    literal(fmt.slice(last));
    if (strict && pos !== s.length) throw 0;
  } catch (e) { if (e === 0) return invalid(); throw e; }
  if (ts !== null) return new Moment(ts, utcMode ? 'fixed' : 'local', 0);
  if (pm !== null) { if (pm && p.h < 12) p.h += 12; if (!pm && p.h === 12) p.h = 0; }
  var now = utcMode ? moment.utc() : moment();
  // Missing parts: moment defaults to the current year, month 0 and day 1 once a larger part is given.
  if (p.y === null) p.y = now.year();
  if (p.M === null) p.M = p.D === null ? 0 : (p.y === now.year() ? now.month() : 0);
  if (p.D === null) p.D = 1;
  if (p.doy) { var dd = new Date(Date.UTC(p.y, 0, p.doy)); p.M = dd.getUTCMonth(); p.D = dd.getUTCDate(); }
  var m = fromParts(p, utcMode, off);
  if (off !== null && !utcMode) m.local();
  return m;
}
function create(input, fmt, strict, utcMode) {
  if (typeof fmt === 'boolean') { strict = fmt; fmt = undefined; }
  // moment(undefined) is now, but with a format moment parses the text "undefined": invalid
  if (input === undefined && (fmt === undefined || fmt === null)) return new Moment(Date.now(), utcMode ? 'fixed' : 'local', 0);
  if (input === undefined || input === null || input === '') return invalid();
  if (isMoment(input)) { var c = input.clone(); if (utcMode) c.utc(); return c; }
  if (input instanceof Date) return new Moment(input.getTime(), utcMode ? 'fixed' : 'local', 0);
  if (typeof input === 'number') return new Moment(input, utcMode ? 'fixed' : 'local', 0);
  if (Array.isArray(input)) {
    if (input.length === 0) return create(undefined, undefined, false, utcMode);
    return fromParts({ y: input[0], M: input[1] || 0, D: input[2] === undefined ? 1 : input[2], h: input[3] || 0, m: input[4] || 0, s: input[5] || 0, ms: input[6] || 0 }, utcMode, null);
  }
  if (typeof input === 'object') {
    var o = {};
    Object.keys(input).forEach(function (k) { var u = normUnit(k); o[u === 'day' ? 'date' : u] = input[k]; });
    return fromParts({ y: o.year === undefined ? new Date().getFullYear() : o.year, M: o.month || 0, D: o.date === undefined ? 1 : o.date,
                       h: o.hour || 0, m: o.minute || 0, s: o.second || 0, ms: o.millisecond || 0 }, utcMode, null);
  }
  var s = String(input);
  if (fmt !== undefined && fmt !== null) {
    if (Array.isArray(fmt)) {
      for (var i = 0; i < fmt.length; i++) { var r = parseWithFormat(s, fmt[i], utcMode, strict); if (r.isValid()) return r; }
      return invalid();
    }
    if (fmt === moment.ISO_8601) return parseISO(s, utcMode) || invalid();
    return parseWithFormat(s, fmt, utcMode, strict);
  }
  var iso = parseISO(s, utcMode);
  if (iso) return iso;
  var rfc = parseRFC2822(s, utcMode);
  if (rfc) return rfc;
  // moment falls back to the Date constructor (with a deprecation warning).
  var t = new Date(s).getTime();
  if (!isFinite(t)) return invalid();
  return new Moment(t, utcMode ? 'fixed' : 'local', 0);
}
function isMoment(x) { return x instanceof Moment || (x !== null && typeof x === 'object' && x._isAMomentObject === true); }

// ---- durations ----
function Duration(input, unit) {
  var ms = 0, months = 0, days = 0, self = this;
  function addPart(v, u) {
    u = normUnit(u) || 'millisecond'; v = Number(v) || 0;
    if (u === 'year') months += v * 12; else if (u === 'quarter') months += v * 3; else if (u === 'month') months += v;
    else if (u === 'week' || u === 'isoWeek') days += v * 7; else if (u === 'day' || u === 'date') days += v;
    else ms += v * { millisecond: 1, second: 1e3, minute: 6e4, hour: 36e5 }[u];
  }
  if (isDuration(input)) { ms = input._data.millisecond; days = input._data.day; months = input._data.month; }
  else if (typeof input === 'number') addPart(input, unit);
  else if (typeof input === 'string') {
    var iso = /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(input);
    var hms = /^(-)?(?:(\d+)\.)?(\d+):(\d+)(?::(\d+)(?:\.(\d+))?)?$/.exec(input);
    if (iso) { var sg = iso[1] ? -1 : 1; addPart(sg * (iso[2] || 0), 'y'); addPart(sg * (iso[3] || 0), 'M'); addPart(sg * (iso[4] || 0), 'w'); addPart(sg * (iso[5] || 0), 'd'); addPart(sg * (iso[6] || 0), 'h'); addPart(sg * (iso[7] || 0), 'm'); addPart(sg * (iso[8] || 0), 's'); }
    else if (hms) { var sg2 = hms[1] ? -1 : 1; addPart(sg2 * (hms[2] || 0), 'd'); addPart(sg2 * hms[3], 'h'); addPart(sg2 * hms[4], 'm'); addPart(sg2 * (hms[5] || 0), 's'); addPart(sg2 * (hms[6] ? parseFloat('0.' + hms[6]) * 1000 : 0), 'ms'); }
    else if (!isNaN(Number(input))) addPart(Number(input), unit);
  } else if (input && typeof input === 'object') Object.keys(input).forEach(function (k) { addPart(input[k], k); });
  this._data = { millisecond: ms, day: days, month: months, year: 0 };
  this._isDuration = true;
  void self;
}
function isDuration(x) { return x instanceof Duration; }
var dproto = Duration.prototype;
dproto.asMilliseconds = function () { var d = this._data; return d.millisecond + d.day * 864e5 + d.month * (146097 / 4800) * 864e5; };
dproto.valueOf = dproto.asMilliseconds;
dproto.as = function (u) {
  u = normUnit(u) || 'millisecond';
  var d = this._data;
  if (u === 'month' || u === 'quarter' || u === 'year') {
    var months = d.month + (d.day + d.millisecond / 864e5) * 4800 / 146097;
    return u === 'month' ? months : u === 'quarter' ? months / 3 : months / 12;
  }
  var days = d.day + d.month * 146097 / 4800, msTotal = d.millisecond;
  switch (u) {
    case 'week': return days / 7 + msTotal / 6048e5;
    case 'day': case 'date': return days + msTotal / 864e5;
    case 'hour': return days * 24 + msTotal / 36e5;
    case 'minute': return days * 1440 + msTotal / 6e4;
    case 'second': return days * 86400 + msTotal / 1000;
    default: return Math.floor(days * 864e5) + msTotal;
  }
};
['Milliseconds', 'Seconds', 'Minutes', 'Hours', 'Days', 'Weeks', 'Months', 'Years'].forEach(function (n) {
  if (n !== 'Milliseconds') dproto['as' + n] = function () { return this.as(n.toLowerCase()); };
});
function bubble(d) {
  var ms = d.millisecond, days = d.day, months = d.month, out = {};
  var sign = ms + days * 864e5 + months * 2592e6 < 0 ? -1 : 1;
  ms *= sign; days *= sign; months *= sign;
  out.milliseconds = ms % 1000; var secs = absFloor(ms / 1000);
  out.seconds = secs % 60; var mins = absFloor(secs / 60);
  out.minutes = mins % 60; var hours = absFloor(mins / 60);
  out.hours = hours % 24; days += absFloor(hours / 24);
  var extraMonths = absFloor(days * 4800 / 146097); months += extraMonths; days -= absFloor(extraMonths * 146097 / 4800);
  out.days = days; out.months = months % 12; out.years = absFloor(months / 12);
  Object.keys(out).forEach(function (k) { out[k] *= sign; });
  return out;
}
['milliseconds', 'seconds', 'minutes', 'hours', 'days', 'months', 'years'].forEach(function (n) {
  dproto[n] = function () { return bubble(this._data)[n] || 0; };
});
dproto.weeks = function () { return absFloor(this.days() / 7); };
dproto.get = function (u) { u = normUnit(u); return this[u + 's'] ? this[u + 's']() : 0; };
dproto.add = function (v, u) { var o = new Duration(v, u); this._data.millisecond += o._data.millisecond; this._data.day += o._data.day; this._data.month += o._data.month; return this; };
dproto.subtract = function (v, u) { var o = new Duration(v, u); this._data.millisecond -= o._data.millisecond; this._data.day -= o._data.day; this._data.month -= o._data.month; return this; };
dproto.clone = function () { return new Duration(this); };
dproto.humanize = function (withSuffix) { var ms = this.asMilliseconds(); return withSuffix ? humanize(ms, false) : relText(ms); };
dproto.toISOString = function () {
  var b = bubble(this._data), total = this.asMilliseconds();
  if (!total) return 'P0D';
  var abs = function (x) { return Math.abs(x); }, s = abs(b.seconds) + abs(b.milliseconds) / 1000;
  var out = (total < 0 ? '-' : '') + 'P' + (b.years ? abs(b.years) + 'Y' : '') + (b.months ? abs(b.months) + 'M' : '') + (b.days ? abs(b.days) + 'D' : '');
  if (b.hours || b.minutes || s) out += 'T' + (b.hours ? abs(b.hours) + 'H' : '') + (b.minutes ? abs(b.minutes) + 'M' : '') + (s ? +s.toFixed(3) + 'S' : '');
  return out;
};
dproto.toJSON = dproto.toString = dproto.toISOString;
dproto.isValid = function () { return true; };

// ---- the moment function ----
function moment(input, fmt, strict) { return create(input, fmt, strict, false); }
moment.utc = function (input, fmt, strict) { return create(input, fmt, strict, true); };
moment.unix = function (s) { return new Moment(Number(s) * 1000, 'local'); };
moment.parseZone = function (input, fmt) {
  var s = String(input), off = parseOffset(s);
  var m = moment.utc(input, fmt);
  if (off !== null && /([+-]\d\d:?\d\d|Z)\s*$/i.test(s)) m.utcOffset(off);
  return m;
};
moment.now = function () { return Date.now(); };
moment.isMoment = isMoment;
moment.isDate = function (d) { return d instanceof Date; };
moment.isDuration = isDuration;
moment.duration = function (v, u) { return new Duration(v, u); };
moment.invalid = invalid;
moment.max = function () { var a = Array.isArray(arguments[0]) ? arguments[0] : Array.from(arguments); return a.reduce(function (x, y) { return toMoment(y).isAfter(x) ? y : x; }); };
moment.min = function () { var a = Array.isArray(arguments[0]) ? arguments[0] : Array.from(arguments); return a.reduce(function (x, y) { return toMoment(y).isBefore(x) ? y : x; }); };
moment.locale = function () { return 'en'; };
moment.locales = function () { return ['en']; };
moment.localeData = function () {
  return { months: function (m) { return m ? MONTHS[m.month()] : MONTHS.slice(); }, monthsShort: function (m) { return m ? MONTHS[m.month()].slice(0, 3) : MONTHS.map(function (x) { return x.slice(0, 3); }); },
           weekdays: function (m) { return m ? DAYS[m.day()] : DAYS.slice(); }, weekdaysShort: function () { return DAYS.map(function (x) { return x.slice(0, 3); }); },
           weekdaysMin: function () { return DAYS.map(function (x) { return x.slice(0, 2); }); }, firstDayOfWeek: function () { return 0; }, ordinal: ordinal,
           longDateFormat: function (k) { return LONG[k]; } };
};
moment.months = function () { return MONTHS.slice(); };
moment.monthsShort = function () { return MONTHS.map(function (x) { return x.slice(0, 3); }); };
moment.weekdays = function () { return DAYS.slice(); };
moment.weekdaysShort = function () { return DAYS.map(function (x) { return x.slice(0, 3); }); };
moment.normalizeUnits = normUnit;
moment.defaultFormat = 'YYYY-MM-DDTHH:mm:ssZ';
moment.defaultFormatUtc = 'YYYY-MM-DDTHH:mm:ss[Z]';
moment.ISO_8601 = function () {};
moment.RFC_2822 = function () {};
moment.version = '2.30.1';
moment.fn = proto;
moment.prototype = proto;
moment.deprecationHandler = null;
moment.suppressDeprecationWarnings = true;
module.exports = moment;
"""
