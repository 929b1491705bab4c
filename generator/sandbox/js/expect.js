// pmgen script sandbox: a chai-style `expect` covering what real collections use, plus the
// response assertions of Postman's chai plugin (status, header, body, jsonBody, ...).
// Written for pmgen; messages follow chai's wording ("expected 1 to equal 2").

class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = "AssertionError";
  }
}

function typeName(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (v instanceof Date) return "date";
  if (v instanceof RegExp) return "regexp";
  if (v instanceof Error) return "error";
  if (typeof v === "object" && typeof v.then === "function") return "promise";
  return typeof v;
}

function display(v) {
  if (typeof v === "string") return `'${v}'`;
  if (typeof v === "number" && Object.is(v, -0)) return "-0";
  if (v instanceof PmResponse) return "response";
  const s = inspect(v, 1);
  if (s.length >= 40) {
    if (Array.isArray(v)) return `[ Array(${v.length}) ]`;
    if (v && typeof v === "object" && !(v instanceof Error)) {
      const keys = objectKeys(v);
      const shown = keys.length > 2 ? keys.slice(0, 2).join(", ") + ", ..." : keys.join(", ");
      return `{ Object (${shown}) }`;
    }
  }
  return s;
}

function deepEqual(a, b, seen) {
  if (a === b) return a !== 0 || 1 / a === 1 / b;
  if (a !== a && b !== b) return true; // NaN
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  seen = seen || [];
  for (const [x, y] of seen) if (x === a && y === b) return true;
  seen.push([a, b]);
  if (a instanceof Map || a instanceof Set) {
    if (a.size !== b.size) return false;
    const ea = [...a.entries()];
    const eb = [...b.entries()];
    return ea.every((e, i) => deepEqual(e, eb[i], seen));
  }
  const ka = objectKeys(a);
  const kb = objectKeys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!deepEqual(a[k], b[k], seen)) return false;
  }
  return true;
}

function getPath(obj, path) {
  const parts = [];
  String(path).replace(/\[(\d+)\]|([^.[\]]+)/g, (m, idx, key) => {
    parts.push(idx !== undefined ? Number(idx) : key.replace(/\\([.[\]])/g, "$1"));
    return "";
  });
  let cur = obj;
  for (const p of parts) {
    if (cur === null || cur === undefined || !(p in Object(cur))) return { exists: false };
    cur = cur[p];
  }
  return { exists: true, value: cur };
}

function Assertion(obj, message, flags) {
  this._obj = obj;
  this._flags = flags || { message };
  if (message !== undefined) this._flags.message = message;
}

const A = Assertion.prototype;

A.assert = function (ok, msg, negMsg, expected, actual) {
  const pass = this._flags.negate ? !ok : !!ok;
  if (!pass) {
    let m = this._flags.negate ? negMsg : msg;
    m = m.replace(/#\{this\}/g, () => display(this._obj))
      .replace(/#\{exp\}/g, () => display(expected))
      .replace(/#\{act\}/g, () => display(actual));
    if (this._flags.message) m = this._flags.message + ": " + m;
    throw new AssertionError(m);
  }
};

function chain(name) {
  defineProperty(A, name, { get() { return this; }, configurable: true });
}
for (const w of ["to", "be", "been", "is", "that", "which", "and", "has", "have", "with", "at",
  "of", "same", "but", "does", "still", "also"]) chain(w);

function flag(name, key, value) {
  defineProperty(A, name, {
    get() {
      this._flags[key] = value === undefined ? true : value;
      return this;
    },
    configurable: true,
  });
}
defineProperty(A, "not", {
  get() {
    this._flags.negate = !this._flags.negate;
    return this;
  },
  configurable: true,
});
flag("deep", "deep");
flag("nested", "nested");
flag("own", "own");
flag("any", "any");
flag("all", "all");
flag("ordered", "ordered");
flag("itself", "itself");

function property(name, fn) {
  defineProperty(A, name, {
    get() {
      fn.call(this);
      return this;
    },
    configurable: true,
  });
}

function method(names, fn) {
  for (const n of [].concat(names)) A[n] = function (...args) {
    fn.apply(this, args);
    return this;
  };
}

// A word usable both as a chain and as a call: `to.include(x)`, `to.include.members(...)`.
function chainable(names, fn, onChain) {
  for (const n of [].concat(names)) {
    defineProperty(A, n, {
      get() {
        if (onChain) onChain.call(this);
        const self = this;
        const callable = function (...args) {
          fn.apply(self, args);
          return self;
        };
        Object.setPrototypeOf(callable, self);
        return callable;
      },
      configurable: true,
    });
  }
}

function isResponse(v) {
  return v instanceof PmResponse;
}

property("ok", function () {
  if (isResponse(this._obj)) return statusIs.call(this, 200);
  this.assert(this._obj, "expected #{this} to be truthy", "expected #{this} to be falsy");
});
property("true", function () {
  this.assert(this._obj === true, "expected #{this} to be true", "expected #{this} to be false");
});
property("false", function () {
  this.assert(this._obj === false, "expected #{this} to be false", "expected #{this} to be true");
});
property("null", function () {
  this.assert(this._obj === null, "expected #{this} to be null", "expected #{this} not to be null");
});
property("undefined", function () {
  this.assert(this._obj === undefined, "expected #{this} to be undefined",
    "expected #{this} not to be undefined");
});
property("NaN", function () {
  this.assert(Number.isNaN(this._obj), "expected #{this} to be NaN", "expected #{this} not to be NaN");
});
property("exist", function () {
  this.assert(this._obj !== null && this._obj !== undefined, "expected #{this} to exist",
    "expected #{this} to not exist");
});
property("exists", function () {
  this.assert(this._obj !== null && this._obj !== undefined, "expected #{this} to exist",
    "expected #{this} to not exist");
});
property("empty", function () {
  const v = this._obj;
  let size;
  if (typeof v === "string" || Array.isArray(v)) size = v.length;
  else if (v instanceof Map || v instanceof Set) size = v.size;
  else if (v && typeof v === "object") size = objectKeys(v).length;
  else throw new AssertionError(`.empty was passed non-string primitive ${display(v)}`);
  this.assert(size === 0, "expected #{this} to be empty", "expected #{this} not to be empty");
});
property("finite", function () {
  this.assert(Number.isFinite(this._obj), "expected #{this} to be a finite number",
    "expected #{this} to not be a finite number");
});

// chai's `.a(type)` / `.an(type)`
chainable(["a", "an"], function (type, msg) {
  if (msg) this._flags.message = msg;
  type = String(type).toLowerCase();
  const article = /^[aeiou]/.test(type) ? "an " : "a ";
  this.assert(typeName(this._obj) === type, `expected #{this} to be ${article}${type}`,
    `expected #{this} not to be ${article}${type}`);
});
for (const [word, type] of [["string", "string"], ["number", "number"], ["array", "array"],
  ["object", "object"], ["boolean", "boolean"], ["function", "function"]]) {
  if (word === "string") continue; // `.string(substr)` is a method below
  property(word, function () {
    const article = /^[aeiou]/.test(type) ? "an " : "a ";
    this.assert(typeName(this._obj) === type, `expected #{this} to be ${article}${type}`,
      `expected #{this} not to be ${article}${type}`);
  });
}

function includes(obj, val, deep) {
  if (typeof obj === "string") return obj.includes(String(val));
  if (Array.isArray(obj)) return obj.some((x) => (deep ? deepEqual(x, val) : x === val || (x !== x && val !== val)));
  if (obj instanceof Set) return [...obj].some((x) => (deep ? deepEqual(x, val) : x === val));
  if (obj instanceof Map) return [...obj.values()].some((x) => (deep ? deepEqual(x, val) : x === val));
  if (obj && typeof obj === "object" && val && typeof val === "object") {
    return objectKeys(val).every((k) => (deep ? deepEqual(obj[k], val[k]) : obj[k] === val[k]));
  }
  return false;
}
chainable(["include", "includes", "contain", "contains"], function (val, msg) {
  if (msg) this._flags.message = msg;
  const obj = this._obj;
  if (obj === null || obj === undefined || (typeof obj !== "object" && typeof obj !== "string")) {
    throw new AssertionError(`object tested must be an array, a map, an object, a set, a string, or a weakset, but ${typeName(obj)} given`);
  }
  this.assert(includes(obj, val, this._flags.deep), `expected #{this} to ${this._flags.deep ? "deep " : ""}include #{exp}`,
    `expected #{this} to not ${this._flags.deep ? "deep " : ""}include #{exp}`, val);
}, function () {
  this._flags.contains = true;
});

function equal(val, msg) {
  if (msg) this._flags.message = msg;
  if (this._flags.deep) return eql.call(this, val);
  const o = this._obj;
  this.assert(o === val || (o !== o && val !== val), "expected #{this} to equal #{exp}",
    "expected #{this} to not equal #{exp}", val, o);
}
function eql(val, msg) {
  if (msg) this._flags.message = msg;
  this.assert(deepEqual(this._obj, val), "expected #{this} to deeply equal #{exp}",
    "expected #{this} to not deeply equal #{exp}", val, this._obj);
}
method(["equal", "equals", "eq"], equal);
method(["eql", "eqls"], eql);

function measured(self, what) {
  if (self._flags.doLength) {
    const v = self._obj;
    const n = v instanceof Map || v instanceof Set ? v.size : v.length;
    return { n, label: `#{this} to have a ${v instanceof Map || v instanceof Set ? "size" : "length"} ${what}`, actual: n };
  }
  return { n: self._obj, label: `#{this} to be ${what}` };
}
function compare(word, test, negWord) {
  return function (val, msg) {
    if (msg) this._flags.message = msg;
    const m = measured(this, `${word} ${display(val)}`);
    if (!this._flags.doLength && typeof this._obj !== "number" && !(this._obj instanceof Date)) {
      throw new AssertionError(
        `${this._flags.message ? this._flags.message + ": " : ""}expected ${display(this._obj)} to be a number or a date`
      );
    }
    const neg = m.label.replace(`${word} `, `${negWord} `);
    this.assert(test(m.n, val), `expected ${m.label}${m.actual !== undefined ? " but got " + m.actual : ""}`,
      `expected ${neg}`, val);
  };
}
method(["above", "gt", "greaterThan"], compare("above", (a, b) => a > b, "at most"));
method(["below", "lt", "lessThan"], compare("below", (a, b) => a < b, "at least"));
method(["least", "gte", "greaterThanOrEqual"], compare("at least", (a, b) => a >= b, "below"));
method(["most", "lte", "lessThanOrEqual"], compare("at most", (a, b) => a <= b, "above"));
method("within", function (lo, hi, msg) {
  if (msg) this._flags.message = msg;
  const m = measured(this, `within ${lo}..${hi}`);
  this.assert(m.n >= lo && m.n <= hi, `expected ${m.label}`, `expected ${m.label.replace("to be", "to not be")}`);
});
method(["closeTo", "approximately"], function (exp, delta, msg) {
  if (msg) this._flags.message = msg;
  this.assert(Math.abs(this._obj - exp) <= delta, `expected #{this} to be close to ${exp} +/- ${delta}`,
    `expected #{this} not to be close to ${exp} +/- ${delta}`);
});

chainable(["length", "lengthOf"], function (n, msg) {
  if (msg) this._flags.message = msg;
  const v = this._obj;
  const len = v instanceof Map || v instanceof Set ? v.size : v && v.length;
  this.assert(len === n, `expected #{this} to have a length of #{exp} but got ${len}`,
    "expected #{this} to not have a length of #{exp}", n);
}, function () {
  this._flags.doLength = true;
});

method(["instanceof", "instanceOf"], function (C, msg) {
  if (msg) this._flags.message = msg;
  const name = (C && C.name) || "constructor";
  this.assert(this._obj instanceof C, `expected #{this} to be an instance of ${name}`,
    `expected #{this} to not be an instance of ${name}`);
});

method("property", function (name, ...rest) {
  const hasVal = rest.length > 0 && rest[0] !== undefined;
  if (rest.length > 1) this._flags.message = rest[1];
  const obj = this._obj;
  let found;
  if (this._flags.nested) found = getPath(obj, name);
  else if (this._flags.own) {
    found = obj !== null && obj !== undefined && Object.prototype.hasOwnProperty.call(obj, name)
      ? { exists: true, value: obj[name] } : { exists: false };
  } else {
    found = obj !== null && obj !== undefined && name in Object(obj)
      ? { exists: true, value: obj[name] } : { exists: false };
  }
  const desc = (this._flags.deep ? "deep " : "") + (this._flags.nested ? "nested " : "") +
    (this._flags.own ? "own " : "") + "property ";
  if (!hasVal || !this._flags.negate) {
    this.assert(found.exists, `expected #{this} to have ${desc}${display(name)}`,
      `expected #{this} to not have ${desc}${display(name)}`);
  }
  if (hasVal) {
    const val = rest[0];
    const same = this._flags.deep ? deepEqual(found.value, val) : found.value === val;
    this.assert(found.exists && same,
      `expected #{this} to have ${desc}${display(name)} of #{exp}, but got #{act}`,
      `expected #{this} to not have ${desc}${display(name)} of #{act}`, val, found.value);
  }
  this._obj = found.value;
});
method(["ownProperty", "haveOwnProperty"], function (name, ...rest) {
  this._flags.own = true;
  A.property.call(this, name, ...rest);
});
method(["nestedProperty"], function (name, ...rest) {
  this._flags.nested = true;
  A.property.call(this, name, ...rest);
});

method(["keys", "key"], function (...args) {
  let keys = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  if (args.length === 1 && args[0] && typeof args[0] === "object" && !Array.isArray(args[0])) {
    keys = objectKeys(args[0]);
  }
  keys = keys.map(String);
  const obj = this._obj;
  const actual = obj instanceof Map ? [...obj.keys()].map(String) : objectKeys(Object(obj));
  let ok;
  let word;
  if (this._flags.any) {
    ok = keys.some((k) => actual.includes(k));
    word = "any of";
  } else {
    ok = keys.every((k) => actual.includes(k));
    if (!this._flags.contains) ok = ok && actual.length === keys.length;
    word = this._flags.contains ? "contain" : "have";
  }
  const list = keys.map((k) => `'${k}'`).join(", ");
  const label = keys.length > 1 ? "keys" : "key";
  const verb = this._flags.any ? "have any of" : word;
  this.assert(ok, `expected #{this} to ${verb} ${label} ${list}`,
    `expected #{this} to not ${verb} ${label} ${list}`);
});

method(["match", "matches"], function (re, msg) {
  if (msg) this._flags.message = msg;
  this.assert(re.test(String(this._obj)), `expected #{this} to match ${re}`,
    `expected #{this} not to match ${re}`);
});
method("string", function (sub, msg) {
  if (msg) this._flags.message = msg;
  this.assert(typeof this._obj === "string" && this._obj.includes(sub),
    "expected #{this} to contain #{exp}", "expected #{this} to not contain #{exp}", sub);
});
method("oneOf", function (list, msg) {
  if (msg) this._flags.message = msg;
  const ok = list.some((x) => (this._flags.deep ? deepEqual(x, this._obj) : x === this._obj));
  this.assert(ok, "expected #{this} to be one of #{exp}", "expected #{this} to not be one of #{exp}", list);
});
method("members", function (set, msg) {
  if (msg) this._flags.message = msg;
  const obj = this._obj;
  const eq = this._flags.deep ? deepEqual : (a, b) => a === b;
  const has = (arr, x) => arr.some((y) => eq(x, y));
  let ok;
  if (this._flags.contains) ok = set.every((x) => has(obj, x));
  else if (this._flags.ordered) ok = obj.length === set.length && set.every((x, i) => eq(x, obj[i]));
  else ok = obj.length === set.length && set.every((x) => has(obj, x)) && obj.every((x) => has(set, x));
  const what = this._flags.contains ? "be a superset of" : "have the same members as";
  this.assert(ok, `expected #{this} to ${what} #{exp}`, `expected #{this} to not ${what} #{exp}`, set);
});
method(["satisfy", "satisfies"], function (fn, msg) {
  if (msg) this._flags.message = msg;
  this.assert(fn(this._obj), `expected #{this} to satisfy ${display(fn)}`,
    `expected #{this} to not satisfy ${display(fn)}`);
});
method(["throw", "throws", "Throw"], function (errLike, msgLike) {
  let thrown = null;
  let threw = false;
  try {
    this._obj();
  } catch (e) {
    threw = true;
    thrown = e;
  }
  let ok = threw;
  if (threw && errLike instanceof RegExp) ok = errLike.test(thrown && thrown.message);
  else if (threw && typeof errLike === "string") ok = String(thrown && thrown.message).includes(errLike);
  else if (threw && typeof errLike === "function") ok = thrown instanceof errLike;
  if (ok && threw && msgLike !== undefined) {
    ok = msgLike instanceof RegExp ? msgLike.test(thrown.message) : String(thrown.message).includes(msgLike);
  }
  this.assert(ok, "expected #{this} to throw an error", "expected #{this} to not throw an error but #{act} was thrown",
    undefined, thrown);
});

// ------------------------------------------------ Postman response assertions (chai plugin)
function statusIs(code) {
  const r = this._obj;
  if (typeof code === "string") {
    this.assert(r.status === code, `expected response to have status reason '${code}' but got '${r.status}'`,
      `expected response to not have status reason '${code}'`);
  } else {
    this.assert(r.code === code, `expected response to have status code ${code} but got ${r.code}`,
      `expected response to not have status code ${code}`);
  }
}
method("status", function (code) {
  statusIs.call(this, code);
});
for (const [word, lo, hi, label] of [["info", 100, 199, "1XX"], ["success", 200, 299, "2XX"],
  ["redirection", 300, 399, "3XX"], ["clientError", 400, 499, "4XX"], ["serverError", 500, 599, "5XX"],
  ["error", 400, 599, "4XX or 5XX"]]) {
  property(word, function () {
    const c = this._obj.code;
    this.assert(c >= lo && c <= hi, `expected response code to be ${label} but found ${c}`,
      `expected response code to not be ${label} but found ${c}`);
  });
}
for (const [word, code] of [["accepted", 202], ["badRequest", 400], ["unauthorized", 401],
  ["unauthorised", 401], ["forbidden", 403], ["notFound", 404], ["rateLimited", 429]]) {
  property(word, function () {
    statusIs.call(this, code);
  });
}
method("header", function (key, value) {
  const r = this._obj;
  const headers = isResponse(r) || r instanceof PmRequest ? r.headers : null;
  const has = headers ? headers.has(key) : false;
  if (value === undefined || !has) {
    this.assert(has, `expected response to have header with key '${key}'`,
      `expected response to not have header with key '${key}'`);
  }
  if (value !== undefined) {
    const actual = headers.get(key);
    this.assert(actual === value, `expected '${key}' response header to be '${value}' but got '${actual}'`,
      `expected '${key}' response header to not be '${value}'`);
  }
});
method("body", function (expected) {
  const text = this._obj.text();
  if (expected === undefined) {
    this.assert(text.length > 0, "expected response to have content in body", "expected response to not have content in body");
  } else if (expected instanceof RegExp) {
    this.assert(expected.test(text), `expected response body text to match ${expected}`,
      `expected response body text to not match ${expected}`);
  } else if (typeof expected === "string") {
    this.assert(text === expected, `expected response body to equal '${expected}' but got '${text}'`,
      `expected response body to not equal '${expected}'`);
  } else {
    let json;
    try {
      json = jsonParse(text);
    } catch (e) {
      json = undefined;
    }
    this.assert(deepEqual(json, expected), "expected response body json to equal #{exp} but got #{act}",
      "expected response body json to not equal #{exp}", expected, json);
  }
});
method("jsonBody", function (path, value) {
  let json;
  let ok = true;
  try {
    json = jsonParse(this._obj.text());
  } catch (e) {
    ok = false;
  }
  if (path === undefined) {
    return this.assert(ok, "expected response body to be a valid json", "expected response body not to be a valid json");
  }
  if (typeof path === "object") {
    return this.assert(ok && deepEqual(json, path), "expected response body json to equal #{exp} but got #{act}",
      "expected response body json to not equal #{exp}", path, json);
  }
  const found = ok ? getPath(json, path) : { exists: false };
  if (arguments.length < 2) {
    return this.assert(found.exists, `expected #{act} in response to contain property '${path}'`,
      `expected #{act} in response to not contain property '${path}'`, undefined, json);
  }
  this.assert(found.exists && deepEqual(found.value, value),
    `expected response body json at "${path}" to contain #{exp} but got #{act}`,
    `expected response body json at "${path}" to not contain #{exp}`, value, found.value);
});
property("json", function () {
  let ok = true;
  try {
    jsonParse(this._obj.text());
  } catch (e) {
    ok = false;
  }
  this.assert(ok, "expected response body to be a valid json", "expected response body not to be a valid json");
});
property("withBody", function () {
  this.assert(this._obj.text().length > 0, "expected response to have content in body",
    "expected response to not have content in body");
});
method("responseTime", function (ms) {
  this.assert(this._obj.responseTime === ms, `expected response to have a response time of ${ms}ms`,
    `expected response to not have a response time of ${ms}ms`);
});

function expect(value, message) {
  return new Assertion(value, message);
}
expect.fail = function (actual, expected, message) {
  if (arguments.length < 2) message = actual;
  throw new AssertionError(message === undefined ? "expect.fail()" : String(message));
};
