// pmgen script sandbox: runtime (loaded once per engine context, inside a closure that
// receives `config` and `native`; see _core.py for the order of the pieces).
// Everything a script may reach is rebuilt per script; this closure's state is private.

const G = globalThis;
const intrinsicEval = G.eval;
const IntrinsicFunction = G.Function;
const jsonStringify = JSON.stringify;
const jsonParse = JSON.parse;
const objectKeys = Object.keys;
const defineProperty = Object.defineProperty;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const ownKeys = Reflect.ownKeys;
const getPrototypeOf = Object.getPrototypeOf;
const setPrototypeOf = Object.setPrototypeOf;

// Line offsets that tell apart, in an error's stack, the script (lines SCRIPT_BASE+1...), code
// the script eval'd (small lines) and this runtime / module shims (lines >= 300000). The
// script's offset is paid on every compile, so it is kept small.
const SCRIPT_BASE = 10000;
// A script compiles to a factory (cached by source: compiling the padded text is most of a
// small script's cost); each run calls the factory for a fresh function object, so nothing
// a script hangs on its function survives into the next run.
const SCRIPT_PREFIX = "\n".repeat(SCRIPT_BASE) + "(function () { return async function __pmgen_script__() {";
const SCRIPT_SUFFIX = "\n} })";
const SCRIPT_CACHE_SIZE = 32;
const scriptFactories = new Map();
function scriptFunction(source) {
  let factory = scriptFactories.get(source);
  if (factory === undefined) {
    factory = intrinsicEval(SCRIPT_PREFIX + source + SCRIPT_SUFFIX);
    if (scriptFactories.size >= SCRIPT_CACHE_SIZE) scriptFactories.delete(scriptFactories.keys().next().value);
    scriptFactories.set(source, factory);
  }
  return factory();
}
const GLOBALS_PAD = "\n".repeat(400000);
const MODULE_PAD = "\n".repeat(500000);

let state = null; // per script execution; see begin()

// ---------------------------------------------------------------- remote code refusal
function refuseTainted(code) {
  if (state && state.anyTaint && typeof code === "string" && code.length && native.tainted(code)) {
    throw new EvalError(
      "pmgen refused to run code downloaded with pm.sendRequest " +
        "(create the client with allow_remote_code=True to allow it)"
    );
  }
}

// Until the first response body is tainted, scripts get the engine's own eval and Function
// (a direct eval sees the script's local variables). From then on they get these wrappers:
// the eval is indirect (the code runs at global scope; its declarations become globals of
// this script's scope, removed afterwards).
function sandboxEval(code) {
  if (typeof code !== "string") return code;
  refuseTainted(code);
  return intrinsicEval(code);
}
defineProperty(sandboxEval, "name", { value: "eval" });

const constructorWrappers = []; // [prototype, wrapper]
function wrapConstructor(Intrinsic) {
  const Wrapper = function Function(...args) {
    if (args.length) refuseTainted(String(args[args.length - 1]));
    return Intrinsic(...args);
  };
  Wrapper.prototype = Intrinsic.prototype;
  constructorWrappers.push([Intrinsic.prototype, Wrapper]);
  return Wrapper;
}
const FunctionWrapper = wrapConstructor(IntrinsicFunction);
wrapConstructor(Object.getPrototypeOf(async function () {}).constructor);
wrapConstructor(Object.getPrototypeOf(function* () {}).constructor);
wrapConstructor(Object.getPrototypeOf(async function* () {}).constructor);

function enableTaintChecks() {
  if (state.taintChecks) return;
  state.taintChecks = true;
  state.anyTaint = true;
  defineProperty(G, "eval", { value: sandboxEval, writable: true, configurable: true });
  defineProperty(G, "Function", { value: FunctionWrapper, writable: true, configurable: true });
  for (const [proto, W] of constructorWrappers) {
    defineProperty(proto, "constructor", { value: W, writable: true, configurable: true });
  }
}

// ---------------------------------------------------------------- legacy native extensions
// Postman's sandbox still ships a few Sugar.js extensions of the built-ins that old scripts
// rely on (`responseBody.has('x')`, `new Date().addDays(7)`); these are the ones real
// collections use, with Sugar's meaning.
function addHidden(proto, name, fn) {
  defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });
}
addHidden(String.prototype, "has", function has(find) {
  return find instanceof RegExp ? find.test(String(this)) : String(this).indexOf(String(find)) !== -1;
});
for (const [unit, get, set, factor] of [
  ["Milliseconds", "getMilliseconds", "setMilliseconds", 1],
  ["Seconds", "getSeconds", "setSeconds", 1],
  ["Minutes", "getMinutes", "setMinutes", 1],
  ["Hours", "getHours", "setHours", 1],
  ["Days", "getDate", "setDate", 1],
  ["Weeks", "getDate", "setDate", 7],
  ["Months", "getMonth", "setMonth", 1],
  ["Years", "getFullYear", "setFullYear", 1],
]) {
  addHidden(Date.prototype, "add" + unit, function (n) {
    this[set](this[get]() + Number(n) * factor);
    return this;
  });
}

// Postman's JSON.parse of an empty text fails with its parser's words (Newman's console shows
// them for `JSON.parse(responseBody)` on an empty body).
const EMPTY_JSON = "No data, empty input at 1:1\n\n^";
const parseJson = function parse(text, reviver) {
  if (text === "") throw new SyntaxError(EMPTY_JSON);
  return jsonParse(text, reviver);
};
defineProperty(JSON, "parse", { value: parseJson, writable: true, configurable: true });

// ---------------------------------------------------------------- module loader
const factories = new Map(); // compiled once per context, instantiated once per script

function moduleName(name) {
  let n = String(name);
  if (n.startsWith("npm:")) {
    n = n.slice(4);
    const at = n.lastIndexOf("@");
    if (at > 0) n = n.slice(0, at);
  }
  return n;
}

function makeRequire() {
  const cache = new Map();
  const require = function require(name) {
    const key = moduleName(name);
    if (cache.has(key)) return cache.get(key).exports;
    let factory = factories.get(key);
    if (!factory) {
      const src = native.moduleSource(key);
      if (typeof src !== "string") {
        if (Object.prototype.hasOwnProperty.call(builtinModules, key)) {
          const module = { exports: builtinModules[key]() };
          cache.set(key, module);
          return module.exports;
        }
        throw new Error(`module ${key} is not available in pmgen's sandbox`);
      }
      factory = intrinsicEval(MODULE_PAD + "(function (module, exports, require) {" + src + "\n})");
      factories.set(key, factory);
    }
    const module = { exports: {} };
    cache.set(key, module);
    try {
      factory.call(module.exports, module, module.exports, require);
    } catch (e) {
      cache.delete(key);
      throw e;
    }
    return module.exports;
  };
  return require;
}

// ---------------------------------------------------------------- isolation between scripts
// Scripts of a chain share variables and the request, not JavaScript globals: what a script
// adds to or changes on the global object or the built-in prototypes is undone after it.
// Checked in full after every script (the objects scripts do change in practice):
const FULL = [
  "Object", "Array", "String", "Number", "Boolean", "Function", "Date", "RegExp", "Promise",
  "Error", "JSON", "Math",
];
// Only checked for added or removed properties (a full check of every intrinsic doubled the
// cost of a run); changing an existing property of these is not undone.
const KEYS_ONLY = [
  "TypeError", "RangeError", "SyntaxError", "ReferenceError", "Map", "Set", "WeakMap", "WeakSet",
  "Symbol", "BigInt", "ArrayBuffer", "Uint8Array", "DataView", "Reflect",
];

function guardedObjects(names) {
  const list = [];
  for (const name of names) {
    const C = G[name];
    if (C && (typeof C === "object" || typeof C === "function")) {
      list.push(C);
      if (typeof C === "function" && C.prototype) list.push(C.prototype);
    }
  }
  return list;
}

function snapshot(obj) {
  const descriptors = Object.setPrototypeOf(Object.getOwnPropertyDescriptors(obj), null);
  const keys = ownKeys(obj);
  const dataKeys = [];
  const values = [];
  const accessorKeys = [];
  for (const k of keys) {
    const d = descriptors[k];
    if ("value" in d) {
      dataKeys.push(k);
      values.push(d.value);
    } else accessorKeys.push(k);
  }
  const stringCount = keys.filter((k) => typeof k !== "symbol").length;
  return { extensible: Object.isExtensible(obj), proto: getPrototypeOf(obj), descriptors, keys, stringCount, dataKeys, values, accessorKeys };
}

// Set when a script calls the define family (or captureStackTrace) on a guarded object: the
// only ways to add a non-enumerable property, to change attributes or to turn a property
// into an accessor (or back); cleared after each restore. Without it, the quick check below
// holds and data properties can be compared by reading them (no getter can run), which is
// several times cheaper than building a descriptor per property. The calls that change a
// prototype or extensibility (setPrototypeOf, the __proto__ setter, preventExtensions, seal,
// freeze; Object's and Reflect's) set it too, so the quick check reads neither.
let definedOnGuarded = true;
const guardedSet = new Set();
function noteDefine(target) {
  if (guardedSet.has(target)) definedOnGuarded = true;
}
function wrapDefiner(owner, name, length, wrapper) {
  defineProperty(wrapper, "name", { value: name });
  defineProperty(wrapper, "length", { value: length });
  defineProperty(owner, name, { value: wrapper, writable: true, configurable: true, enumerable: false });
}
{
  const objectDefine = Object.defineProperty;
  const objectDefineAll = Object.defineProperties;
  const reflectDefine = Reflect.defineProperty;
  const defineGetter = Object.prototype.__defineGetter__;
  const defineSetter = Object.prototype.__defineSetter__;
  const defineVia = (define, o, k, d) => {
    noteDefine(o);
    return define(o, k, d);
  };
  wrapDefiner(Object, "defineProperty", 3, function (o, k, d) {
    return defineVia(objectDefine, o, k, d);
  });
  wrapDefiner(Object, "defineProperties", 2, function (o, d) {
    noteDefine(o);
    return objectDefineAll(o, d);
  });
  wrapDefiner(Reflect, "defineProperty", 3, function (o, k, d) {
    return defineVia(reflectDefine, o, k, d);
  });
  wrapDefiner(Object.prototype, "__defineGetter__", 2, function (k, f) {
    noteDefine(this);
    return defineGetter.call(this, k, f);
  });
  wrapDefiner(Object.prototype, "__defineSetter__", 2, function (k, f) {
    noteDefine(this);
    return defineSetter.call(this, k, f);
  });
  // The only ways to change an existing object's prototype or extensibility.
  for (const [owner, name] of [[Object, "setPrototypeOf"], [Reflect, "setPrototypeOf"],
    [Object, "preventExtensions"], [Reflect, "preventExtensions"], [Object, "seal"], [Object, "freeze"]]) {
    const original = owner[name];
    wrapDefiner(owner, name, original.length, function (o, proto) {
      noteDefine(o);
      return original(o, proto); // the one-argument ones ignore the second
    });
  }
  const reflectApply = Reflect.apply;
  const protoAccessor = getOwnPropertyDescriptor(Object.prototype, "__proto__");
  if (protoAccessor && typeof protoAccessor.set === "function") {
    const setProto = protoAccessor.set;
    const setter = function (proto) {
      noteDefine(this);
      return reflectApply(setProto, this, [proto]);
    };
    defineProperty(setter, "name", { value: setProto.name });
    defineProperty(Object.prototype, "__proto__", { get: protoAccessor.get, set: setter,
      enumerable: protoAccessor.enumerable, configurable: protoAccessor.configurable });
  }
  // The engine's V8 extension defines a non-enumerable `stack` on its target.
  const captureStackTrace = Error.captureStackTrace;
  if (typeof captureStackTrace === "function") {
    const wrapper = function (o, constructorOpt) {
      noteDefine(o);
      // without the caller's own cut-off, the stack starts at the caller (not this wrapper)
      return captureStackTrace(o, constructorOpt === undefined ? wrapper : constructorOpt);
    };
    wrapDefiner(Error, "captureStackTrace", captureStackTrace.length, wrapper);
  }
}

// NaN (globalThis.NaN, Number.NaN) is the same NaN
const same = (a, b) => a === b || (a !== a && b !== b);

// Same values: data properties compared by identity, accessors by their functions.
function unchanged(obj, snap) {
  const { dataKeys, values, accessorKeys, descriptors } = snap;
  if (definedOnGuarded) {
    for (let i = 0; i < dataKeys.length; i++) {
      const d = getOwnPropertyDescriptor(obj, dataKeys[i]);
      if (!("value" in d) || !same(d.value, values[i])) return false;
    }
  } else {
    for (let i = 0; i < dataKeys.length; i++) if (!same(obj[dataKeys[i]], values[i])) return false;
  }
  for (const k of accessorKeys) {
    const d = getOwnPropertyDescriptor(obj, k);
    if (d.get !== descriptors[k].get || d.set !== descriptors[k].set) return false;
  }
  return true;
}

function sameDescriptor(a, b) {
  return (
    a.value === b.value &&
    a.get === b.get &&
    a.set === b.set &&
    a.writable === b.writable &&
    a.enumerable === b.enumerable &&
    a.configurable === b.configurable
  );
}

let baseline = null;
let unchangedChecks = null; // one compiled check per baseline entry; see compileChecks()
let allUnchanged = null; // the same checks in one function
let withoutEnumerable = null; // the guarded objects that had no enumerable own property

// The quick check after a run, valid while no define-family call touched a guarded object
// (definedOnGuarded false): without those, a script can only add enumerable properties
// (assignment, Object.assign, declarations in an indirect eval), replace or delete existing
// ones (prototype and extensibility stay as they were: see noteDefine). So an object passes
// when it has no enumerable own property it did not have (one Object.assign of all of them
// into an empty object: a tenth of the cost of listing their keys), the same data values and
// still its accessors (a deleted one added back by assignment is enumerable); then nothing needs
// restoring. takeBaseline makes the global object's few enumerable properties non-enumerable
// so that every guarded object takes part; one that still has some counts its keys and
// compares its accessors' functions.
const objectAssign = Object.assign;
const objectCreate = Object.create;
const hasOwn = Object.hasOwn;
let assignSink = objectCreate(null);
function noEnumerableAdded(objects) {
  objectAssign(assignSink, ...objects);
  if (ownKeys(assignSink).length === 0) return true;
  assignSink = objectCreate(null);
  return false;
}

// One function per guarded object, compiled once per context: true when the object still has
// its snapshot's data values (read by literal name where possible: several
// times cheaper than a loop over computed keys) and accessors. No getter can run during the
// reads: only the define family (flagged) turns a data property into an accessor. Values and
// keys are closure variables of the compiled code. Values that cannot change (non-writable
// and non-configurable, such as NaN) are skipped. A last function holds all the checks: after
// most runs nothing changed, and one call answers for every object (the per-object ones then
// tell which objects to restore).
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
function hasEnumerable(snap) {
  return snap.keys.some((k) => snap.descriptors[k].enumerable);
}
function compileChecks(entries) {
  const values = [];
  const keys = [];
  const value = (v) => `v${values.push(v) - 1}`;
  const key = (k) => `k${keys.push(k) - 1}`;
  const checks = entries.map(([obj, snap], i) => {
    const counted = hasEnumerable(snap);
    // prototype and extensibility: unchanged unless definedOnGuarded (see noteDefine)
    const lines = [];
    if (counted) lines.push(`if (ownKeys(o${i}).length !== ${snap.keys.length}) return false;`);
    snap.dataKeys.forEach((k, j) => {
      const d = snap.descriptors[k];
      if (!d.writable && !d.configurable) return;
      const read = typeof k === "string" && IDENTIFIER.test(k) ? `o${i}.${k}` : `o${i}[${key(k)}]`;
      lines.push(`if (${read} !== ${value(snap.values[j])}) return false;`);
    });
    for (const k of snap.accessorKeys) {
      const d = snap.descriptors[k];
      if (!counted) lines.push(`if (!hasOwn(o${i}, ${key(k)})) return false;`);
      else {
        lines.push(`d = gopd(o${i}, ${key(k)});`,
          `if (d === undefined || d.get !== ${value(d.get)} || d.set !== ${value(d.set)}) return false;`);
      }
    }
    return lines.join("\n");
  });
  const bind = (name, count, list) => Array.from({ length: count }, (_, n) => `${name}${n} = ${list}[${n}]`).join(", ");
  const make = intrinsicEval(GLOBALS_PAD + "(function (O, V, K, gopd, ownKeys, hasOwn) {\n" +
    `const ${bind("o", entries.length, "O")};\n` +
    (values.length ? `const ${bind("v", values.length, "V")};\n` : "") +
    (keys.length ? `const ${bind("k", keys.length, "K")};\n` : "") +
    "return [" + checks.map((c) => "function () { let d; " + c + "\nreturn true; }").join(",\n") + ",\n" +
    // all of them in one function: the common case (nothing changed) is one call
    "function () { let d; " + checks.join("\n") + "\nreturn true; }]; })");
  return make(entries.map((e) => e[0]), values, keys, getOwnPropertyDescriptor, ownKeys, hasOwn);
}

function takeBaseline() {
  // see noEnumerableAdded (quickjs-ng's `performance` is the one such global)
  for (const k of ownKeys(G)) {
    const d = getOwnPropertyDescriptor(G, k);
    if (d.enumerable && d.configurable) defineProperty(G, k, { enumerable: false });
  }
  const full = [G].concat(guardedObjects(FULL));
  for (const f of [async function () {}, function* () {}, async function* () {}]) {
    full.push(Object.getPrototypeOf(f));
  }
  const keysOnly = guardedObjects(KEYS_ONLY);
  keysOnly.push(Object.getPrototypeOf(Uint8Array.prototype), Object.getPrototypeOf(Uint8Array));
  baseline = full
    .map((o) => [o, snapshot(o), true])
    .concat(keysOnly.map((o) => [o, snapshot(o), false]));
  for (const [o] of baseline) guardedSet.add(o);
  unchangedChecks = compileChecks(baseline);
  allUnchanged = unchangedChecks.pop();
  withoutEnumerable = baseline.filter(([, snap]) => !hasEnumerable(snap)).map(([o]) => o);
  definedOnGuarded = false;
}

// Keys added since the snapshot, or null when a snapshot key is gone or moved. ownKeys lists
// strings then symbols, each in creation order: additions come after each group's own.
function addedKeys(obj, snap) {
  const keys = ownKeys(obj);
  const base = snap.keys;
  const n = base.length;
  const strings = snap.stringCount;
  if (keys.length < n) return null;
  for (let i = 0; i < strings; i++) if (keys[i] !== base[i]) return null;
  const added = [];
  let j = strings;
  while (j < keys.length && typeof keys[j] !== "symbol") added.push(keys[j++]);
  for (let i = strings; i < n; i++, j++) if (keys[j] !== base[i]) return null;
  while (j < keys.length) added.push(keys[j++]);
  return added;
}

// Returns false when something could not be undone (the host then drops the context).
function restoreBaseline() {
  let ok = true;
  const quick = !definedOnGuarded && noEnumerableAdded(withoutEnumerable);
  if (quick && allUnchanged()) return true;
  for (let i = 0; i < baseline.length; i++) {
    if (quick && unchangedChecks[i]()) continue;
    const [obj, snap, full] = baseline[i];
    if (snap.extensible && !Object.isExtensible(obj)) ok = false;
    if (getPrototypeOf(obj) !== snap.proto) {
      try {
        setPrototypeOf(obj, snap.proto);
      } catch (e) {
        ok = false;
      }
    }
    const added = addedKeys(obj, snap);
    if (added !== null && full && !definedOnGuarded) {
      // No accessor was defined: only the properties that differ are put back (globalThis
      // differs in every run: the per-script bindings and the lazy library globals).
      try {
        for (const k of added) if (!delete obj[k]) ok = false;
        const { dataKeys, values, accessorKeys, descriptors } = snap;
        for (let i = 0; i < dataKeys.length; i++) {
          const k = dataKeys[i];
          if (!same(obj[k], values[i])) defineProperty(obj, k, descriptors[k]);
        }
        for (const k of accessorKeys) {
          const d = getOwnPropertyDescriptor(obj, k);
          const saved = descriptors[k];
          if (!d || d.get !== saved.get || d.set !== saved.set) defineProperty(obj, k, saved);
        }
      } catch (e) {
        ok = false;
      }
      continue;
    }
    if (added !== null && (!full || unchanged(obj, snap))) {
      for (const k of added) {
        try {
          if (!delete obj[k]) ok = false;
        } catch (e) {
          ok = false; // non-configurable: the host drops the context
        }
      }
      continue;
    }
    try {
      const now = Object.getOwnPropertyDescriptors(obj);
      const saved = snap.descriptors;
      for (const k of ownKeys(now)) {
        if (!(k in saved) && !delete obj[k]) ok = false;
      }
      for (const k of snap.keys) {
        const cur = now[k];
        if (!cur || !sameDescriptor(cur, saved[k])) defineProperty(obj, k, saved[k]);
      }
    } catch (e) {
      ok = false;
    }
  }
  definedOnGuarded = false;
  return ok;
}

// ---------------------------------------------------------------- console
// Postman runs V8: uncaught errors and logged errors read as V8 words them where QuickJS's
// wording differs only in form (the message on the error object itself is left alone).
function v8Message(message) {
  return String(message)
    .replace(/^cannot read property '(.*)' of (undefined|null)$/, "Cannot read properties of $2 (reading '$1')")
    .replace(/^cannot set property '(.*)' of (undefined|null)$/, "Cannot set properties of $2 (setting '$1')");
}

function inspect(value, depth, seen) {
  depth = depth || 0;
  seen = seen || [];
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  const t = typeof value;
  if (t === "string") return depth ? `'${value}'` : value;
  if (t === "number" || t === "boolean" || t === "bigint") return String(value);
  if (t === "symbol") return value.toString();
  if (t === "function") return `[Function: ${value.name || "anonymous"}]`;
  if (value instanceof Error) return `${value.name}: ${v8Message(value.message)}`;
  if (value instanceof Date) return isNaN(value) ? "Invalid Date" : value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (seen.includes(value)) return "[Circular]";
  if (depth > 2) return Array.isArray(value) ? "[Array]" : "[Object]";
  const next = seen.concat([value]);
  if (Array.isArray(value)) {
    if (!value.length) return "[]";
    return "[ " + value.map((v) => inspect(v, depth + 1, next)).join(", ") + " ]";
  }
  const keys = objectKeys(value);
  if (!keys.length) return "{}";
  const parts = keys.map((k) => {
    const name = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`;
    return `${name}: ${inspect(value[k], depth + 1, next)}`;
  });
  return "{ " + parts.join(", ") + " }";
}

function formatArgs(args) {
  return args.map((a) => inspect(a, 0)).join(" ");
}

function makeConsole() {
  const con = {};
  for (const level of ["log", "info", "warn", "error", "debug"]) {
    con[level] = function (...args) {
      state.console.push([level, formatArgs(args)]);
    };
  }
  con.trace = con.debug;
  con.clear = function () {};
  return con;
}

// Postman's notice for a legacy name, once per script and name.
function deprecated(what, instead, message) {
  if (!state || state.warned.has(what)) return;
  state.warned.add(what);
  state.console.push(["warn", message || `Using "${what}" is deprecated. Use "${instead}" instead.`]);
}
// For the library shims' globals (`_`, `CryptoJS`, `xml2Json`): defined once per context, they
// report their use through this hook: __pmgen_deprecated(name, fullMessage).
defineProperty(G, "__pmgen_deprecated", {
  value: function __pmgen_deprecated(what, message) {
    deprecated(String(what), "", String(message));
  },
  writable: true,
  configurable: true,
  enumerable: false,
});

// ---------------------------------------------------------------- timers (virtual clock)
function addTimer(fn, delay, args, repeat) {
  if (typeof fn === "string") {
    const code = fn;
    fn = () => sandboxEval(code);
  }
  if (typeof fn !== "function") throw new TypeError("callback must be a function");
  const id = ++state.timerSeq;
  const ms = Math.max(0, Number(delay) || 0);
  state.timers.set(id, { id, fn, args, at: state.vnow + ms, ms, repeat, seq: id });
  return id;
}

function makeTimers() {
  const clear = (id) => {
    if (id && typeof id === "object" && "id" in id) id = id.id;
    state.timers.delete(id);
  };
  return {
    setTimeout: (fn, delay, ...args) => addTimer(fn, delay, args, false),
    setInterval: (fn, delay, ...args) => addTimer(fn, delay, args, true),
    setImmediate: (fn, ...args) => addTimer(fn, 0, args, false),
    clearTimeout: clear,
    clearInterval: clear,
    clearImmediate: clear,
  };
}

function nextTimer() {
  let best = null;
  for (const t of state.timers.values()) {
    if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
  }
  return best;
}

function runTimer(t) {
  state.vnow = Math.max(state.vnow, t.at);
  if (t.repeat) {
    t.at = state.vnow + Math.max(1, t.ms);
    t.seq = ++state.timerSeq;
  } else {
    state.timers.delete(t.id);
  }
  try {
    t.fn(...t.args);
  } catch (e) {
    fail(e);
  }
}

function fail(e) {
  if (!state.failed) {
    state.failed = true;
    state.error = e;
  }
}

// ---------------------------------------------------------------- error description
function describeError(e) {
  // QuickJS throws null when it runs out of memory while building the error object
  if (e === null) return { name: "InternalError", message: "out of memory", stack: "", thrownNull: true };
  if (e && typeof e === "object") {
    let name = "Error";
    let message = "";
    let stack = "";
    try {
      name = String(e.name || "Error");
      message = v8Message(e.message === undefined ? e : e.message);
      stack = typeof e.stack === "string" ? e.stack : "";
    } catch (x) {
      message = "(unprintable error)";
    }
    return { name, message, stack };
  }
  let message;
  try {
    message = String(e);
  } catch (x) {
    message = "(unprintable error)";
  }
  return { name: "Error", message, stack: "" };
}
