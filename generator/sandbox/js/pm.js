// pmgen script sandbox: the `pm` object, the legacy `postman` API and the per-script driver.
// Shapes follow the Postman collection v2.1 JSON; behaviour follows Postman's documentation.

// ---------------------------------------------------------------- properties and lists
const STD_ITEM_KEYS = ["key", "value", "disabled"];

class Property {
  constructor(def) {
    this._extra = {};
    this.update(def);
  }
  update(def) {
    if (def === undefined || def === null) return;
    if (typeof def !== "object") def = { key: String(def), value: "" };
    // indexed loops here and below: a for-of allocates an iterator (these run per parameter)
    const keys = objectKeys(def);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === "key" || k === "value" || k === "disabled") this[k] = def[k];
      else if (k !== "_extra") this._extra[k] = def[k];
    }
    if (this.key === undefined) this.key = null;
  }
  valueOf() {
    return this.value;
  }
  toJSON() {
    const out = { key: this.key, value: this.value === undefined ? null : this.value };
    // v2.1 lists of headers, query and body parameters carry `disabled`; others only if given
    if (this.constructor.listsDisabled || this.disabled !== undefined) out.disabled = !!this.disabled;
    const extra = this._extra;
    const keys = objectKeys(extra);
    for (let i = 0; i < keys.length; i++) if (!STD_ITEM_KEYS.includes(keys[i])) out[keys[i]] = extra[keys[i]];
    return out;
  }
}

class Header extends Property {
  static get listsDisabled() {
    return true;
  }
  constructor(def, value) {
    if (typeof def === "string" && value !== undefined) def = { key: def, value };
    else if (typeof def === "string") {
      const i = def.indexOf(":");
      def = i < 0 ? { key: def.trim(), value: "" } : { key: def.slice(0, i).trim(), value: def.slice(i + 1).trim() };
    }
    super(def);
  }
  toString() {
    return `${this.key}: ${this.value}`;
  }
}

class QueryParam extends Property {
  static get listsDisabled() {
    return true;
  }
  constructor(def) {
    if (typeof def === "string") {
      const i = def.indexOf("=");
      def = i < 0 ? { key: def, value: null } : { key: def.slice(0, i), value: def.slice(i + 1) };
    }
    super(def);
  }
  toString() {
    return unparseParam(this);
  }
}

class FormParam extends Property {
  static get listsDisabled() {
    return true;
  }
}
class Variable extends Property {}

function unparseParam(p) {
  const key = p.key === null || p.key === undefined ? "" : String(p.key);
  if (p.value === null || p.value === undefined) return key;
  return `${key}=${p.value}`;
}

// Hidden per-instance state is in private fields (defining a non-enumerable property costs
// several times an assignment, and a run builds a dozen of these objects); the read-only
// `_Type`, `_store`, ... accessors keep the names readable as before.
class PropertyList {
  #Type;
  #ci;
  constructor(Type, items, caseInsensitive) {
    this.#Type = Type;
    this.#ci = !!caseInsensitive;
    this.members = [];
    this.populate(items);
  }
  get _Type() {
    return this.#Type;
  }
  get _ci() {
    return this.#ci;
  }
  _key(k) {
    return this.#ci && typeof k === "string" ? k.toLowerCase() : k;
  }
  _make(item, value) {
    if (item instanceof this.#Type) return item;
    return value !== undefined ? new this.#Type(item, value) : new this.#Type(item);
  }
  _matches(m, key) {
    return this._key(m.key) === this._key(key);
  }
  populate(items) {
    if (!items) return;
    if (!Array.isArray(items)) {
      if (typeof items === "string") items = items.split(this._Type === Header ? /\r?\n/ : "&").filter(Boolean);
      else items = objectKeys(items).map((k) => ({ key: k, value: items[k] }));
    }
    for (let i = 0; i < items.length; i++) this.add(items[i]);
  }
  repopulate(items) {
    this.clear();
    this.populate(items);
  }
  add(item, value) {
    if (item === undefined || item === null) return;
    this.members.push(this._make(item, value));
  }
  append(item) {
    this.add(item);
  }
  prepend(item) {
    this.members.unshift(this._make(item));
  }
  insert(item, before) {
    const i = before === undefined ? -1 : this.members.findIndex((m) => m === before || this._matches(m, before));
    if (i < 0) this.add(item);
    else this.members.splice(i, 0, this._make(item));
  }
  insertAfter(item, after) {
    const i = this.members.findIndex((m) => m === after || this._matches(m, after));
    if (i < 0) this.add(item);
    else this.members.splice(i + 1, 0, this._make(item));
  }
  upsert(item, value) {
    const made = this._make(item, value);
    const existing = this.members.filter((m) => this._matches(m, made.key));
    if (!existing.length) {
      this.members.push(made);
      return null;
    }
    const patch = { key: made.key, value: made.value };
    if (made.disabled !== undefined) patch.disabled = made.disabled;
    existing[existing.length - 1].update(patch);
    return false;
  }
  remove(predicate, context) {
    let test;
    if (typeof predicate === "function") test = (m) => predicate.call(context, m);
    else if (predicate instanceof Property) test = (m) => m === predicate;
    else if (predicate && typeof predicate === "object") test = (m) => this._matches(m, predicate.key);
    else test = (m) => this._matches(m, predicate);
    this.members = this.members.filter((m) => !test(m));
  }
  clear() {
    this.members = [];
  }
  one(key) {
    let found;
    for (const m of this.members) if (this._matches(m, key) && (!m.disabled || found === undefined)) found = m;
    return found;
  }
  get(key) {
    const m = this.one(key);
    return m === undefined ? undefined : m.valueOf();
  }
  has(key, value) {
    if (key instanceof Property) return this.members.includes(key);
    return this.members.some((m) => this._matches(m, key) && (value === undefined || m.value === value));
  }
  idx(i) {
    return this.members[i];
  }
  indexOf(item) {
    return this.members.findIndex((m) => m === item || this._matches(m, typeof item === "object" ? item.key : item));
  }
  count() {
    return this.members.length;
  }
  all() {
    return this.members.slice();
  }
  each(fn, context) {
    this.members.forEach((m, i) => fn.call(context, m, i));
  }
  forEach(fn, context) {
    this.each(fn, context);
  }
  filter(fn, context) {
    return this.members.filter((m, i) => fn.call(context, m, i));
  }
  find(fn, context) {
    return this.members.find((m, i) => fn.call(context, m, i));
  }
  map(fn, context) {
    return this.members.map((m, i) => fn.call(context, m, i));
  }
  reduce(fn, acc, context) {
    return this.members.reduce((a, m) => fn.call(context, a, m), acc);
  }
  toObject(excludeDisabled, caseSensitive, multiValue) {
    const out = {};
    for (const m of this.members) {
      if (excludeDisabled && m.disabled) continue;
      const k = this._ci && !caseSensitive && typeof m.key === "string" ? m.key.toLowerCase() : m.key;
      if (multiValue && k in out) out[k] = [].concat(out[k], m.value);
      else out[k] = m.value;
    }
    return out;
  }
  toString() {
    if (this._Type === Header) return this.members.filter((m) => !m.disabled).map(String).join("\n") + (this.members.length ? "\n" : "");
    return this.members.filter((m) => !m.disabled).map(unparseParam).join("&");
  }
  toJSON() {
    return this.members.map((m) => m.toJSON());
  }
  get length() {
    return this.members.length;
  }
}

// ---------------------------------------------------------------- url
function parseUrl(raw) {
  const out = { raw, protocol: null, auth: null, host: null, port: null, path: null, query: [], hash: null };
  let s = String(raw).trim();
  const hashAt = s.indexOf("#");
  if (hashAt >= 0) {
    out.hash = s.slice(hashAt + 1);
    s = s.slice(0, hashAt);
  }
  const qAt = s.indexOf("?");
  if (qAt >= 0) {
    const qs = s.slice(qAt + 1);
    s = s.slice(0, qAt);
    out.query = qs === "" ? [] : qs.split("&").map((p) => new QueryParam(p).toJSON());
  }
  const proto = /^([^:/?#{}]+):\/\//.exec(s);
  if (proto) {
    out.protocol = proto[1];
    s = s.slice(proto[0].length);
  }
  let slash = s.indexOf("/");
  let authority = slash < 0 ? s : s.slice(0, slash);
  const rest = slash < 0 ? null : s.slice(slash + 1);
  const atSign = authority.lastIndexOf("@");
  if (atSign >= 0) {
    const cred = authority.slice(0, atSign);
    authority = authority.slice(atSign + 1);
    const colon = cred.indexOf(":");
    out.auth = colon < 0 ? { user: cred, password: null } : { user: cred.slice(0, colon), password: cred.slice(colon + 1) };
  }
  const port = /:(\d+|\{\{[^{}]*\}\})$/.exec(authority);
  if (port) {
    out.port = port[1];
    authority = authority.slice(0, port.index);
  }
  if (authority !== "") out.host = authority.split(".");
  if (rest !== null) out.path = rest.split("/");
  return out;
}

// The value of `new Url(def)._parts()` built straight from `def`, or null when `def` is not
// of the plain shape this covers (then the caller takes the parts' JSON text instead): host
// and path as strings or arrays of strings, string or number port, string protocol and hash,
// no auth, query and variables as lists of plain objects with their own key, value and
// disabled, all values strings, finite numbers, booleans or null.
const isFiniteNumber = Number.isFinite;
const CONCAT_SPREADABLE = Symbol.isConcatSpreadable;
const isNothing = (v) => v === null || v === undefined;
function plainSegments(v) {
  if (typeof v === "string") return [v];
  if (!Array.isArray(v) || getPrototypeOf(v) !== Array.prototype || v[CONCAT_SPREADABLE] !== undefined) return undefined;
  const out = [];
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== "string") return undefined;
    out.push(v[i]);
  }
  return out;
}
// Property#toJSON of `new QueryParam(item)` or `new Variable(item)` for a plain item (with
// its own `disabled`, both give it).
function plainItems(list) {
  if (isNothing(list) || list === "") return [];
  if (!Array.isArray(list)) return null;
  const out = [];
  for (let n = 0; n < list.length; n++) {
    const item = list[n];
    if (isNothing(item)) continue;
    if (typeof item !== "object" || getPrototypeOf(item) !== Object.prototype) return null;
    const json = { key: null, value: null, disabled: false };
    let extra = null;
    // key, value and disabled must be among the listed keys (else: null, and the caller
    // compares JSON texts); the value test inlined (a call per value costs more than the test)
    let seen = 0;
    const keys = objectKeys(item);
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j];
      const v = item[k];
      if (!(typeof v === "string" || v === null || typeof v === "boolean" || isFiniteNumber(v))) return null;
      if (k === "key") {
        json.key = v;
        seen |= 1;
      } else if (k === "value") {
        json.value = v;
        seen |= 2;
      } else if (k === "disabled") {
        json.disabled = !!v;
        seen |= 4;
      } else if (k !== "_extra") (extra || (extra = [])).push(k, v);
    }
    if (seen !== 7) return null;
    if (extra) for (let i = 0; i < extra.length; i += 2) json[extra[i]] = extra[i + 1];
    out.push(json);
  }
  return out;
}
function plainParts(def) {
  if (getPrototypeOf(def) !== Object.prototype || !isNothing(def.auth)) return null;
  const { protocol, port, hash } = def;
  if (!isNothing(protocol) && typeof protocol !== "string") return null;
  if (!isNothing(port) && typeof port !== "string" && !isFiniteNumber(port)) return null;
  if (!isNothing(hash) && typeof hash !== "string") return null;
  const host = isNothing(def.host) ? null : plainSegments(def.host);
  const path = isNothing(def.path) ? null : plainSegments(def.path);
  const query = plainItems(def.query);
  const variable = plainItems(def.variable);
  if (host === undefined || path === undefined || query === null || variable === null) return null;
  const portText = isNothing(port) ? "" : String(port);
  return {
    protocol: protocol || null,
    auth: null,
    host,
    port: portText === "" ? null : portText,
    path,
    query,
    variable,
    hash: isNothing(hash) ? null : hash,
  };
}
// Whether JSON.stringify(a) === JSON.stringify(b) for b built by plainParts(); undefined when
// `a` holds something this does not compare (then the caller compares the JSON texts).
function sameJson(a, b) {
  if (a === null || typeof a !== "object") {
    return typeof a === "string" || a === null || typeof a === "boolean" || isFiniteNumber(a) ? a === b : undefined;
  }
  if (typeof a.toJSON === "function") return undefined;
  const proto = getPrototypeOf(a);
  if (Array.isArray(a)) {
    if (proto !== Array.prototype) return undefined;
    if (!Array.isArray(b)) return false;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const r = sameJson(a[i], b[i]);
      if (r !== true) return r;
    }
    return true;
  }
  if (proto !== Object.prototype) return undefined;
  if (b === null || typeof b !== "object" || Array.isArray(b)) return false;
  const ka = objectKeys(a);
  const kb = objectKeys(b);
  if (ka.length !== kb.length) return undefined;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return undefined;
    const r = sameJson(a[ka[i]], b[kb[i]]);
    if (r !== true) return r;
  }
  return true;
}

class Url {
  constructor(def) {
    this.update(def);
  }
  update(def) {
    if (def instanceof Url) def = def.toJSON();
    if (typeof def === "string" || def === undefined || def === null) def = parseUrl(def || "");
    else if (!def.host && !def.path && def.raw) def = Object.assign(parseUrl(def.raw), { variable: def.variable });
    this.protocol = def.protocol || undefined;
    this.auth = def.auth || undefined;
    this.host = def.host === null || def.host === undefined ? undefined : [].concat(def.host);
    this.port = def.port === null || def.port === undefined ? undefined : String(def.port);
    this.path = def.path === null || def.path === undefined ? undefined : [].concat(def.path);
    this.query = new PropertyList(QueryParam, def.query || []);
    this.variables = new PropertyList(Variable, def.variable || []);
    this.hash = def.hash === null || def.hash === undefined ? undefined : def.hash;
    // What the parts were, to keep `raw` while they are unchanged: for the plain shape the
    // host sends, a copy built from `def` (what _parts() gives now), compared by value in
    // toJSON; otherwise the JSON text of _parts().
    const raw = typeof def.raw === "string" ? def.raw : null;
    defineProperty(this, "_original", {
      value: { raw, parts: raw === null ? null : plainParts(def) || jsonStringify(this._parts()) },
      writable: true,
      configurable: true,
    });
  }
  getHost() {
    if (!this.host) return "";
    return Array.isArray(this.host) ? this.host.join(".") : String(this.host);
  }
  _pathSegments() {
    if (!this.path) return [];
    return Array.isArray(this.path) ? this.path : String(this.path).replace(/^\//, "").split("/");
  }
  getPath(unresolved) {
    const segs = this._pathSegments().map((seg) => {
      if (!unresolved && typeof seg === "string" && seg.startsWith(":")) {
        const v = this.variables.get(seg.slice(1));
        if (v !== undefined && v !== null && v !== "") return String(v);
      }
      return seg;
    });
    return "/" + segs.join("/");
  }
  getQueryString() {
    return this.query.members.filter((m) => !m.disabled).map(unparseParam).join("&");
  }
  getPathWithQuery() {
    const q = this.getQueryString();
    return this.getPath() + (q ? "?" + q : "");
  }
  getRemote(forcePort) {
    const port = this.port || (forcePort ? (this.protocol === "http" ? "80" : "443") : "");
    return this.getHost() + (port ? ":" + port : "");
  }
  addQueryParams(params) {
    this.query.populate(params);
  }
  removeQueryParams(params) {
    for (const p of [].concat(params)) this.query.remove(typeof p === "object" ? p.key : p);
  }
  toString(forceProtocol) {
    let s = "";
    if (this.protocol) s += this.protocol + "://";
    else if (forceProtocol) s += "http://";
    if (this.auth && (this.auth.user || this.auth.password)) {
      s += (this.auth.user || "") + (this.auth.password ? ":" + this.auth.password : "") + "@";
    }
    s += this.getHost();
    if (this.port) s += ":" + this.port;
    if (this.path) s += "/" + this._pathSegments().join("/");
    const q = this.getQueryString();
    if (q || this.query.members.some((m) => !m.disabled)) s += "?" + q;
    if (this.hash !== undefined) s += "#" + this.hash;
    return s;
  }
  _parts() {
    return {
      protocol: this.protocol || null,
      auth: this.auth || null,
      host: this.host ? (Array.isArray(this.host) ? this.host : String(this.host).split(".")) : null,
      port: this.port === undefined || this.port === null || this.port === "" ? null : String(this.port),
      path: this.path ? this._pathSegments() : null,
      query: this.query.toJSON(),
      variable: this.variables.toJSON(),
      hash: this.hash === undefined ? null : this.hash,
    };
  }
  toJSON() {
    const parts = this._parts();
    const original = this._original;
    let same = false;
    if (original.raw !== null) {
      const saved = original.parts;
      if (typeof saved === "string") same = jsonStringify(parts) === saved;
      else {
        const found = sameJson(parts, saved);
        same = found === undefined ? jsonStringify(parts) === jsonStringify(saved) : found;
      }
    }
    const out = { raw: same ? this._original.raw : this.toString() };
    for (const k of objectKeys(parts)) if (k !== "auth" || parts.auth) out[k] = parts[k];
    return out;
  }
}

// A query assigned as a string ("a=1&b=2"), an array or an object becomes a list of params,
// as the SDK's Url does when it reads it back.
defineProperty(Url.prototype, "query", {
  get() {
    return this._query;
  },
  set(v) {
    const list = v instanceof PropertyList ? v : new PropertyList(QueryParam, v || []);
    defineProperty(this, "_query", { value: list, writable: true, configurable: true });
  },
  enumerable: true,
  configurable: true,
});

Url.parse = (text) => parseUrl(String(text === undefined || text === null ? "" : text));
// The SDK's getOAuth1BaseUrl: lower-cased protocol and host, default ports dropped, no query.
Url.prototype.getOAuth1BaseUrl = function () {
  let protocol = this.protocol || "http";
  if (!protocol.endsWith("://")) protocol += "://";
  const port = this.port === undefined ? undefined : String(this.port);
  const host = port === undefined || port === "80" || port === "443" ? this.getHost() : this.getHost() + ":" + port;
  return protocol.toLowerCase() + host.toLowerCase() + this.getPath();
};
QueryParam.parse = (text) =>
  typeof text !== "string" ? [] : text.replace(/^\?/, "").split("&").map((p) => new QueryParam(p).toJSON());
Header.parse = (text) =>
  typeof text !== "string" ? [] : text.split(/\r?\n/).filter((l) => l.trim()).map((l) => new Header(l).toJSON());

// ---------------------------------------------------------------- request
const BODY_MODES = ["raw", "urlencoded", "formdata", "file", "graphql"];

const BODY_KEYS = ["mode", "raw", "urlencoded", "formdata", "file", "graphql", "options", "disabled"];
class RequestBody {
  constructor(def) {
    this.update(def);
  }
  update(def) {
    for (let i = 0; i < BODY_KEYS.length; i++) delete this[BODY_KEYS[i]];
    if (typeof def === "string") def = { mode: "raw", raw: def };
    if (!def) return;
    this.mode = def.mode;
    if (def.raw !== undefined) this.raw = def.raw;
    if (def.urlencoded !== undefined) this.urlencoded = new PropertyList(QueryParam, def.urlencoded);
    if (def.formdata !== undefined) this.formdata = new PropertyList(FormParam, def.formdata);
    if (def.file !== undefined) this.file = def.file;
    if (def.graphql !== undefined) this.graphql = def.graphql;
    if (def.options !== undefined) this.options = def.options;
    if (def.disabled !== undefined) this.disabled = def.disabled;
  }
  isEmpty() {
    const v = this[this.mode];
    if (v === undefined || v === null) return true;
    if (v instanceof PropertyList) return v.count() === 0;
    return typeof v === "string" ? v === "" : false;
  }
  toString() {
    switch (this.mode) {
      case "raw":
        return this.raw === undefined || this.raw === null ? "" : String(this.raw);
      case "urlencoded":
        return this.urlencoded ? this.urlencoded.toString() : "";
      case "graphql":
        return this.graphql ? jsonStringify(this.graphql) : "";
      case "file":
        return this.file && this.file.src ? String(this.file.src) : "";
      default:
        return "";
    }
  }
  toJSON() {
    const out = { mode: this.mode };
    for (const k of [...BODY_MODES, "options", "disabled"]) {
      const v = this[k];
      if (v === undefined) continue;
      out[k] = v instanceof PropertyList ? v.toJSON() : v;
    }
    return out;
  }
}

class RequestAuth {
  constructor(def) {
    this.update(def);
  }
  update(def, type) {
    if (!def) return;
    if (type !== undefined) {
      this.type = type;
      this[type] = new PropertyList(Variable, def);
      return;
    }
    for (const k of objectKeys(def)) {
      if (k === "type") this.type = def.type;
      else this[k] = Array.isArray(def[k]) ? new PropertyList(Variable, def[k]) : def[k];
    }
  }
  use(type, options) {
    this.update(options || [], type);
  }
  parameters() {
    if (!(this[this.type] instanceof PropertyList)) this[this.type] = new PropertyList(Variable, []);
    return this[this.type];
  }
  toJSON() {
    const out = { type: this.type };
    for (const k of objectKeys(this)) {
      if (k === "type") continue;
      out[k] = this[k] instanceof PropertyList ? this[k].toJSON() : this[k];
    }
    return out;
  }
}

const REQUEST_KEYS = ["url", "method", "header", "headers", "body", "auth"];
class PmRequest {
  constructor(def) {
    def = def || {};
    if (typeof def === "string") def = { url: def };
    let url = def.url === undefined ? "" : def.url;
    this.url = url;
    this.method = def.method ? String(def.method).toUpperCase() : "GET";
    let header = def.header !== undefined ? def.header : def.headers;
    this.headers = new PropertyList(Header, header || [], true);
    this.body = new RequestBody(def.body || undefined);
    this.auth = def.auth ? new RequestAuth(def.auth) : undefined;
    defineProperty(this, "_extra", { value: {} });
    const keys = objectKeys(def);
    for (let i = 0; i < keys.length; i++) if (!REQUEST_KEYS.includes(keys[i])) this._extra[keys[i]] = def[keys[i]];
  }
  get url() {
    return this._url;
  }
  set url(v) {
    defineProperty(this, "_url", { value: v instanceof Url ? v : new Url(v), writable: true, configurable: true });
  }
  addHeader(h, v) {
    this.headers.add(h, v);
  }
  removeHeader(key) {
    this.headers.remove(key);
  }
  upsertHeader(h, v) {
    this.headers.upsert(h, v);
  }
  getHeaders(opts) {
    const out = {};
    for (const m of this.headers.members) {
      if (opts && opts.enabled && m.disabled) continue;
      const k = opts && opts.ignoreCase ? String(m.key).toLowerCase() : m.key;
      out[k] = k in out ? [].concat(out[k], m.value) : m.value;
    }
    return out;
  }
  authorizeUsing(type, options) {
    if (type === null) {
      this.auth = undefined;
      return;
    }
    if (typeof type === "object") {
      this.auth = new RequestAuth(type);
      return;
    }
    this.auth = new RequestAuth({ type });
    this.auth.use(type, options);
  }
  toJSON() {
    const out = Object.assign({}, this._extra);
    out.method = this.method;
    out.url = this.url.toJSON();
    out.header = this.headers.toJSON();
    const body = this.body && !(this.body instanceof RequestBody) ? new RequestBody(this.body) : this.body;
    out.body = body && body.mode !== undefined ? body.toJSON() : null;
    out.auth = this.auth ? (this.auth instanceof RequestAuth ? this.auth.toJSON() : this.auth) : null;
    return out;
  }
}

// ---------------------------------------------------------------- response
function parseCookies(headers) {
  const out = [];
  for (const h of headers.members) {
    if (String(h.key).toLowerCase() !== "set-cookie") continue;
    const parts = String(h.value).split(";");
    const first = parts.shift();
    const eq = first.indexOf("=");
    if (eq < 0) continue;
    const c = { name: first.slice(0, eq).trim(), value: first.slice(eq + 1).trim() };
    for (const p of parts) {
      const i = p.indexOf("=");
      const k = (i < 0 ? p : p.slice(0, i)).trim().toLowerCase();
      const v = i < 0 ? true : p.slice(i + 1).trim();
      if (k === "httponly") c.httpOnly = true;
      else if (k === "secure") c.secure = true;
      else if (k) c[k] = v;
    }
    out.push(c);
  }
  return out;
}

class Cookie extends Property {
  constructor(c) {
    super({ key: c.name, value: c.value });
    this.name = c.name;
    for (const k of objectKeys(c)) if (k !== "name" && k !== "value") this[k] = c[k];
  }
}

class PmResponse {
  constructor(def) {
    this.code = def.code;
    this.status = def.status || "";
    this.headers = new PropertyList(Header, def.header || [], true);
    this.responseTime = def.responseTime;
    this.responseSize = def.responseSize;
    this.cookies = new PropertyList(Cookie, parseCookies(this.headers).map((c) => new Cookie(c)));
    defineProperty(this, "_text", { value: def.body_text === undefined ? "" : def.body_text });
  }
  text() {
    return this._text;
  }
  json(filter, reviver) {
    let t = this._text;
    if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
    const value = parseJson(t, reviver);
    return filter ? getPath(value, filter).value : value;
  }
  reason() {
    return this.status;
  }
  size() {
    return { body: this.responseSize, header: 0, total: this.responseSize };
  }
  contentInfo() {
    const ct = this.headers.get("Content-Type") || "";
    return { contentType: ct, mimeType: ct.split(";")[0].trim() };
  }
  get to() {
    return new Assertion(this).to;
  }
  get not() {
    return new Assertion(this).not;
  }
  get be() {
    return new Assertion(this).be;
  }
  get have() {
    return new Assertion(this).have;
  }
  toJSON() {
    return { code: this.code, status: this.status, header: this.headers.toJSON(), responseTime: this.responseTime };
  }
}

// ---------------------------------------------------------------- variables
function replaceVariables(text, lookup) {
  // no reference: the replace below would find nothing (and cost a regex pass and a closure)
  if (typeof text !== "string" || text.indexOf("{{") < 0) return text;
  for (let depth = 0; depth < 20; depth++) {
    const next = text.replace(/\{\{([^{}]*?)\}\}/g, (m, name) => {
      const found = lookup(name);
      if (found.has) return found.value === undefined ? "" : String(found.value);
      if (name.startsWith("$")) {
        const v = native.dynamic(name);
        if (typeof v === "string") return v;
      }
      return m;
    });
    if (next === text) break;
    text = next;
  }
  return text;
}

class VariableScope {
  #store;
  #name;
  constructor(store, name) {
    this.#store = store;
    this.#name = name;
  }
  get _store() {
    return this.#store;
  }
  get _name() {
    return this.#name;
  }
  get(key) {
    return this._store.get(String(key));
  }
  set(key, value) {
    if (key && typeof key === "object") {
      for (const k of objectKeys(key)) this._store.set(k, key[k]);
      return;
    }
    this._store.set(String(key), value);
  }
  unset(key) {
    this._store.delete(String(key));
  }
  has(key) {
    return this._store.has(String(key));
  }
  clear() {
    this._store.clear();
  }
  toObject() {
    return Object.fromEntries(this._store);
  }
  toJSON() {
    return [...this._store].map(([key, value]) => ({ key, value }));
  }
  replaceIn(text) {
    return replaceVariables(text, (n) => ({ has: this._store.has(n), value: this._store.get(n) }));
  }
}

class MergedScope extends VariableScope {
  #chain;
  constructor(stores) {
    super(stores[0], "variables");
    this.#chain = stores;
  }
  get _chain() {
    return this.#chain;
  }
  _lookup(key) {
    for (const s of this._chain) if (s.has(key)) return { has: true, value: s.get(key) };
    return { has: false };
  }
  get(key) {
    return this._lookup(String(key)).value;
  }
  has(key) {
    return this._lookup(String(key)).has;
  }
  toObject() {
    const merged = new Map();
    for (const s of this._chain.slice().reverse()) for (const [k, v] of s) merged.set(k, v);
    return Object.fromEntries(merged);
  }
  replaceIn(text) {
    return replaceVariables(text, (n) => this._lookup(n));
  }
}

// ---------------------------------------------------------------- built-in modules
// `require('postman-collection')`: the SDK classes scripts use (`new sdk.Url(...)`), served by
// the sandbox's own implementations (the library shims may provide a fuller one).
const builtinModules = {
  "postman-collection": () => ({
    Url,
    QueryParam,
    Header,
    PropertyList,
    Variable,
    Request: PmRequest,
    Response: PmResponse,
    RequestBody,
    RequestAuth,
    VariableScope,
  }),
};

// ---------------------------------------------------------------- sendRequest
function requestFromArg(arg) {
  if (arg instanceof PmRequest) return arg;
  if (typeof arg === "string") return new PmRequest({ url: arg, method: "GET" });
  const def = Object.assign({}, arg);
  let header = def.header !== undefined ? def.header : def.headers;
  if (header && !Array.isArray(header) && typeof header === "object" && !(header instanceof PropertyList)) {
    header = objectKeys(header).map((k) => ({ key: k, value: String(header[k]) }));
  }
  if (header instanceof PropertyList) header = header.toJSON();
  def.header = header || [];
  delete def.headers;
  if (def.body && typeof def.body === "object") {
    const b = Object.assign({}, def.body);
    for (const k of ["urlencoded", "formdata"]) {
      if (b[k] && !Array.isArray(b[k]) && !(b[k] instanceof PropertyList)) {
        b[k] = objectKeys(b[k]).map((key) => ({ key, value: b[k][key] }));
      } else if (b[k] instanceof PropertyList) b[k] = b[k].toJSON();
    }
    if (!b.mode) b.mode = BODY_MODES.find((m) => b[m] !== undefined) || "raw";
    def.body = b;
  } else if (typeof def.body === "string") def.body = { mode: "raw", raw: def.body };
  return new PmRequest(def);
}

function sendRequest(arg, callback) {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const req = requestFromArg(arg).toJSON();
  const id = ++state.sendSeq;
  state.sends.set(id, { id, req, callback, resolve, reject, queued: true });
  if (typeof callback === "function") promise.catch(() => {});
  return promise;
}

// The response is handed to the script as a timer due when it arrived, so timers shorter
// than the request's duration fire first, as they would in Postman. The host sends one
// request after the other, so concurrent requests arrive in the order they were made.
function scheduleDelivery(id, outcome, ms) {
  const at = Math.max(state.vnow, state.lastArrival) + Math.max(0, Number(ms) || 0);
  state.lastArrival = at;
  addTimer(() => deliverSend(id, outcome), at - state.vnow, [], false);
}

function deliverSend(id, outcome) {
  const s = state.sends.get(id);
  state.sends.delete(id);
  if (!s) return;
  let err = null;
  let res;
  if (outcome.error !== undefined && outcome.error !== null) err = new Error(String(outcome.error));
  else {
    res = new PmResponse(outcome.response);
    if (!state.allowRemote && res.text()) enableTaintChecks();
  }
  if (typeof s.callback === "function") {
    try {
      s.callback(err, res, { request: s.req });
    } catch (e) {
      fail(e);
    }
  }
  if (err) s.reject(err);
  else s.resolve(res);
}

// ---------------------------------------------------------------- require('postman-collection')
// The SDK classes scripts build with (`new sdk.Url(...)`, `sdk.QueryParam.parse(...)`), as this
// sandbox models them.
factories.set("postman-collection", function (module) {
  module.exports = {
    Url,
    QueryParam,
    Header,
    FormParam,
    Variable,
    Property,
    PropertyList,
    Request: PmRequest,
    RequestBody,
    RequestAuth,
    Response: PmResponse,
    Cookie,
    VariableScope,
  };
});

// ---------------------------------------------------------------- tests
function recordTest(name, fn, skipped) {
  const slot = { name: String(name), passed: true, error: null, skipped: !!skipped, pending: false };
  state.tests.push(slot);
  if (skipped || typeof fn !== "function") return;
  const failWith = (e) => {
    slot.passed = false;
    slot.error = e && e.message !== undefined ? String(e.message) : String(e);
    slot.pending = false;
  };
  try {
    if (fn.length > 0) {
      slot.pending = true;
      fn((err) => {
        if (err) failWith(err);
        else slot.pending = false;
      });
    } else {
      const r = fn();
      if (r && typeof r.then === "function") {
        slot.pending = true;
        r.then(() => {
          slot.pending = false;
        }, failWith);
      }
    }
  } catch (e) {
    failWith(e);
  }
}

// ---------------------------------------------------------------- per-script globals
function legacyGetter(name, value, instead) {
  defineProperty(G, name, {
    get() {
      if (instead) deprecated(name, instead);
      return value;
    },
    set(v) {
      defineProperty(G, name, { value: v, writable: true, configurable: true, enumerable: true });
    },
    configurable: true,
    enumerable: true,
  });
}

// ---------------------------------------------------------------- per-run globals
// `pm`, `postman`, `console`, the timers and the legacy globals are accessors on the global
// object, defined once per context (part of its baseline): each reads the current run's value
// (built on first use), so a run defines and deletes nothing on the global object. Assigning
// one keeps the new value for the rest of that run only.
const RUN_GLOBALS = ["pm", "postman", "console", "setTimeout", "setInterval", "setImmediate", "clearTimeout",
  "clearInterval", "clearImmediate", "environment", "globals", "data", "iteration", "tests", "request"];
function lazy(build) {
  let value;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
// How each is built from the run's `state.globals` (g), once per context: a run creates no
// closures for the globals it does not use. Memoized ones are built once per run.
const timersOf = (g) => g.timers || (g.timers = makeTimers());
const scopeSnapshot = (scope) => Object.fromEntries(Object.entries(scope || {}));
const RUN_GLOBAL_BUILDERS = {
  pm: (g) => g.pm,
  postman: (g) => g.postmanObject(),
  console: () => makeConsole(),
  setTimeout: (g) => timersOf(g).setTimeout,
  setInterval: (g) => timersOf(g).setInterval,
  setImmediate: (g) => timersOf(g).setImmediate,
  clearTimeout: (g) => timersOf(g).clearTimeout,
  clearInterval: (g) => timersOf(g).clearInterval,
  clearImmediate: (g) => timersOf(g).clearImmediate,
  // the values at the start of the script (the payload's objects are never changed)
  environment: (g) => scopeSnapshot(g.p.scopes.environment),
  globals: (g) => scopeSnapshot(g.p.scopes.globals),
  data: (g) => scopeSnapshot(g.p.scopes.data),
  iteration: (g) => g.iteration,
  tests: (g) => g.testsObject(),
  request: (g) => {
    deprecated("request", "pm.request");
    return g.legacyRequest();
  },
};
const MEMOIZED = new Set(["postman", "console", "environment", "globals", "data", "tests"]);
function installRunGlobals() {
  for (const name of RUN_GLOBALS) {
    const build = RUN_GLOBAL_BUILDERS[name];
    const memoized = MEMOIZED.has(name);
    defineProperty(G, name, {
      get() {
        if (!state || !state.globals) return undefined;
        if (state.assigned.has(name)) return state.assigned.get(name);
        const g = state.globals;
        if (!memoized) return build(g);
        if (!g.built) g.built = new Map();
        else if (g.built.has(name)) return g.built.get(name);
        const value = build(g);
        g.built.set(name, value);
        return value;
      },
      set(v) {
        if (state) state.assigned.set(name, v);
      },
      configurable: true,
      enumerable: false,
    });
  }
}

const SCOPE_NAMES = ["globals", "collection", "environment", "data", "local"];
function installGlobals(p, payloadText) {
  // the host sends an empty scope as null (no key listing for it here or in sameScope)
  const scopes = {};
  const counts = {};
  for (let i = 0; i < SCOPE_NAMES.length; i++) {
    const name = SCOPE_NAMES[i];
    const given = p.scopes[name];
    const map = new Map();
    if (given) {
      const keys = objectKeys(given);
      for (let j = 0; j < keys.length; j++) map.set(keys[j], given[keys[j]]);
      counts[name] = keys.length;
    }
    scopes[name] = map;
  }
  state.scopes = scopes;
  state.scopesGiven = p.scopes;
  state.scopeCounts = counts;
  const request = new PmRequest(p.request);
  state.request = request;
  const response = p.response ? new PmResponse(p.response) : undefined;
  const info = Object.assign({ iteration: 0, iterationCount: 1, requestId: "" }, p.info || {});
  const env = new VariableScope(scopes.environment, "environment");
  const globalsScope = new VariableScope(scopes.globals, "globals");
  const require = sharedRequire;

  const execution = {
    skipRequest() {
      state.skip = true;
    },
    setNextRequest(name) {
      state.next = name === null || name === undefined ? null : String(name);
      state.nextSet = true;
    },
    location: [p.requestName],
  };
  defineProperty(execution.location, "current", { value: p.requestName });

  const test = (name, fn) => recordTest(name, fn, false);
  test.skip = (name, fn) => recordTest(name, fn, true);

  const pm = {
    environment: env,
    globals: globalsScope,
    collectionVariables: new VariableScope(scopes.collection, "collectionVariables"),
    iterationData: new VariableScope(scopes.data, "iterationData"),
    variables: new MergedScope([scopes.local, scopes.data, scopes.environment, scopes.collection, scopes.globals]),
    request,
    response,
    info: {
      eventName: p.event,
      iteration: info.iteration,
      iterationCount: info.iterationCount,
      requestName: info.requestName || p.requestName,
      requestId: info.requestId,
    },
    cookies: response ? response.cookies : new PropertyList(Cookie, []),
    sendRequest,
    test,
    expect,
    execution,
    require,
    visualizer: { set() {}, clear() {} },
  };
  if (info.environmentName !== undefined) env.name = info.environmentName;
  // pm.variables.set writes the local scope only
  pm.variables.set = (k, v) => scopes.local.set(String(k), v);
  pm.variables.unset = (k) => scopes.local.delete(String(k));
  pm.variables.clear = () => scopes.local.clear();

  const postmanObject = () => {
    // Postman's notice comes when the function is looked up (before its arguments run).
    const postman = {};
    const legacy = (what, instead, fn) =>
      defineProperty(postman, what, {
        get() {
          deprecated(`postman.${what}`, instead);
          return fn;
        },
        set(v) {
          defineProperty(postman, what, { value: v, writable: true, configurable: true, enumerable: true });
        },
        configurable: true,
        enumerable: true,
      });
    legacy("setEnvironmentVariable", "pm.environment.set()", (k, v) => env.set(k, v));
    legacy("getEnvironmentVariable", "pm.environment.get()", (k) => env.get(k));
    legacy("clearEnvironmentVariable", "pm.environment.unset()", (k) => env.unset(k));
    legacy("clearEnvironmentVariables", "pm.environment.clear()", () => env.clear());
    legacy("setGlobalVariable", "pm.globals.set()", (k, v) => globalsScope.set(k, v));
    legacy("getGlobalVariable", "pm.globals.get()", (k) => globalsScope.get(k));
    legacy("clearGlobalVariable", "pm.globals.unset()", (k) => globalsScope.unset(k));
    legacy("clearGlobalVariables", "pm.globals.clear()", () => globalsScope.clear());
    legacy("setNextRequest", "pm.execution.setNextRequest()", (n) => execution.setNextRequest(n));
    legacy("getResponseHeader", "pm.response.headers.get()", (k) => (response ? response.headers.get(k) : undefined));
    legacy("getResponseCookie", "pm.cookies.get()", (name) => {
      if (!response) return undefined;
      const c = response.cookies.members.find((m) => m.name === name);
      return c ? Object.assign({}, c, { _extra: undefined }) : undefined;
    });
    return postman;
  };

  // Postman warns about `tests` when the object is used, not when the name is read: in
  // `tests[name] = responseCode.code === 200` its notice comes after responseCode's.
  state.legacyTests = {};
  const testsObject = () => {
    const testsNotice = () => deprecated("tests", "pm.test()");
    return new Proxy(state.legacyTests, {
      set(target, key, value) {
        testsNotice();
        target[key] = value;
        return true;
      },
      get(target, key) {
        testsNotice();
        return target[key];
      },
      deleteProperty(target, key) {
        testsNotice();
        return delete target[key];
      },
    });
  };
  // The legacy `request` is what the request was when the script started: built on first use
  // from the request as the host sent it (read again from the payload's text).
  const legacyRequest = lazy(() => {
    const initial = new PmRequest(jsonParse(payloadText).request);
    const reqHeaders = {};
    for (const h of initial.headers.members) if (!h.disabled) reqHeaders[h.key] = h.value;
    let reqData = {};
    if (initial.body && initial.body.mode === "raw") reqData = initial.body.raw;
    else if (initial.body && initial.body[initial.body.mode] instanceof PropertyList) {
      reqData = initial.body[initial.body.mode].toObject(true);
    }
    return {
      url: initial.url.toString(),
      method: initial.method,
      headers: reqHeaders,
      data: reqData,
      name: info.requestName || p.requestName,
      id: info.requestId,
    };
  });
  // read by RUN_GLOBAL_BUILDERS
  state.globals = { pm, postmanObject, testsObject, legacyRequest, p, iteration: info.iteration, timers: null, built: null };
  if (response) {
    const headers = {};
    for (const h of response.headers.members) headers[h.key] = h.value;
    state.responseGlobals = ["responseCode", "responseBody", "responseHeaders", "responseTime", "responseCookies"];
    legacyGetter("responseCode", { code: response.code, name: response.status, detail: response.status }, "pm.response.code");
    for (const [k, v] of [["responseBody", response.text()], ["responseHeaders", headers],
      ["responseTime", response.responseTime], ["responseCookies", response.cookies.members.map((c) => Object.assign({}, c))]]) {
      defineProperty(G, k, { value: v, writable: true, configurable: true });
    }
  }
}

// ---------------------------------------------------------------- driver (called by _core.py)
// The library shims' globals and required modules are created once per context, before the
// baseline is taken: as in Postman's sandbox, these objects are shared by the scripts run in
// that context, while the global bindings themselves are restored after each script.
let sharedRequire = null;
function installLibraries() {
  installRunGlobals();
  sharedRequire = makeRequire();
  defineProperty(G, "require", { value: sharedRequire, writable: true, configurable: true });
  if (config.globalsSource) intrinsicEval(GLOBALS_PAD + config.globalsSource);
}

// Script texts by the number the host gives them: each crosses once per context.
const scriptSources = new Map();
function scriptSource(p) {
  if (p.reset) scriptSources.clear();
  if (typeof p.source === "string") scriptSources.set(p.sid, p.source);
  const source = scriptSources.get(p.sid);
  if (typeof source !== "string") throw new Error(`pmgen: the sandbox lost script ${p.sid}`);
  return source;
}

function begin(payloadText) {
  const p = jsonParse(payloadText);
  state = {
    console: [],
    warned: new Set(),
    tests: [],
    timers: new Map(),
    timerSeq: 0,
    vnow: 0,
    sends: new Map(),
    sendSeq: 0,
    lastArrival: 0,
    error: null,
    failed: false,
    globals: null,
    assigned: new Map(),
    skip: false,
    next: null,
    nextSet: false,
    anyTaint: false,
    taintChecks: false,
    allowRemote: !!p.allowRemote,
    done: false,
  };
  try {
    installGlobals(p, payloadText);
    if (p.anyTaint) enableTaintChecks();
    const fn = scriptFunction(scriptSource(p));
    fn.call(undefined).then(
      () => {
        state.done = true;
      },
      (e) => {
        state.done = true;
        fail(e);
      }
    );
  } catch (e) {
    state.done = true;
    fail(e);
  }
}

// Probes Python until the host's helper thread lifts the engine's refusal (see _limit.py).
function arm() {
  let refused = 0;
  for (;;) {
    try {
      native.probe();
      return refused;
    } catch (e) {
      refused++;
    }
  }
}

// The next step for the host: a request to send, a timer run, or (nothing left to run) the
// script's results, as finish() gives them.
function tick() {
  if (state.failed) return finish();
  for (const s of state.sends.values()) {
    if (s.queued) {
      s.queued = false;
      return jsonStringify({ kind: "send", id: s.id, request: s.req });
    }
  }
  const t = nextTimer();
  if (t) {
    runTimer(t);
    return '{"kind":"ran"}';
  }
  return finish();
}

// A scope still holding exactly the primitive values the host sent: it is not sent back.
// (A scope holding an object is always sent: the script may have changed it in place.)
function sameScope(map, given, count) {
  if (!given) return map.size === 0;
  if (count !== map.size) return false;
  for (const [name, v] of map) {
    if (!hasOwn(given, name) || given[name] !== v || (typeof v === "object" && v !== null)) return false;
  }
  return true;
}

function finish() {
  // Built-ins are restored before the results are read: what a script did to them (a
  // replaced Array.prototype.map, a toJSON hung on Object.prototype) cannot reach this code.
  // the test script's response globals are the only ones a run defines (see RUN_GLOBALS)
  let dropped = true;
  for (const k of state.responseGlobals || []) {
    try {
      delete G[k];
    } catch (e) {
      dropped = false; // made non-configurable: the context is rebuilt
    }
  }
  const clean = restoreBaseline() && dropped;
  const tests = [];
  for (const t of state.tests) {
    if (t.pending) tests.push({ name: t.name, passed: false, error: "the test did not finish (its callback or promise never completed)", skipped: false });
    else tests.push({ name: t.name, passed: t.passed, error: t.error, skipped: t.skipped });
  }
  for (const k of objectKeys(state.legacyTests)) {
    tests.push({ name: k, passed: !!state.legacyTests[k], error: state.legacyTests[k] ? null : "", skipped: false });
  }
  const out = { kind: "done", tests, console: state.console, skip: state.skip, next: state.next, nextSet: state.nextSet, error: null };
  if (state.failed) out.error = describeError(state.error);
  const jsonable = (v) => {
    if (v === undefined || typeof v === "function" || typeof v === "symbol") return null;
    if (typeof v === "bigint") return String(v);
    return v;
  };
  try {
    if (state.scopes) {
      out.scopes = {};
      for (const k of objectKeys(state.scopes)) {
        if (sameScope(state.scopes[k], state.scopesGiven[k], state.scopeCounts[k])) continue; // the host keeps it
        const obj = Object.create(null); // a key "__proto__" stays a key
        // As Newman's runs show: an environment (globals, collection) value set to undefined
        // comes back null and is substituted "null"; a local one is substituted ""
        for (const [name, v] of state.scopes[k]) obj[name] = k === "local" && v === undefined ? "" : jsonable(v);
        out.scopes[k] = obj;
      }
    }
    if (state.request) out.request = state.request.toJSON();
  } catch (e) {
    if (!out.error) out.error = describeError(e);
  }
  state = null;
  out.clean = clean;
  try {
    try {
      return jsonStringify(out); // a replacer costs a call per value: only for BigInts
    } catch (e) {
      return jsonStringify(out, (k, v) => (typeof v === "bigint" ? String(v) : v));
    }
  } catch (e) {
    return jsonStringify({ kind: "done", tests: [], console: [], skip: false, next: null, nextSet: false, clean: out.clean,
      error: { name: "TypeError", message: "pmgen could not read the script's results: " + e.message, stack: "" } });
  }
}
