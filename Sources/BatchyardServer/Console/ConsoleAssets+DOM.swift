// The console's `dom.js`, served at `/console/dom.js`: the text between the delimiters is the file.
extension ConsoleAssets {
    /// `dom.js`: builds elements from server data with text nodes only (never HTML parsing), and formats values.
    static let domJS = #"""
// Building DOM from server data without ever parsing it as HTML: every value becomes a text node
// or an attribute set through the DOM, so nothing the server sends can inject markup.

const SVG_NS = "http://www.w3.org/2000/svg";

function setAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
}

function appendChildren(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: `h("td", {class: "num"}, "42")`. Strings become text nodes. */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  appendChildren(element, children);
  return element;
}

/** An SVG element, built the same way. */
export function svg(tag, attributes, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, attributes);
  appendChildren(element, children);
  return element;
}

/** A link to a console page (hash routing); ids are encoded so they cannot leave the page. */
export function pageLink(kind, id, ...children) {
  return h("a", { href: `#/${kind}/${encodeURIComponent(id)}` }, children.length ? children : id);
}

export function isNumber(value) {
  return typeof value === "number" && Number.isFinite(value);
}

/** A number that may arrive as a string (Data Access writes `"records": "12"`). */
export function toNumber(value) {
  if (isNumber(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

export function formatCount(value) {
  const number = toNumber(value);
  return number === null ? "—" : number.toLocaleString("en-US");
}

/** Epoch milliseconds as `2026-11-29 19:40:12 UTC`. */
export function formatTime(value) {
  const number = toNumber(value);
  if (number === null || number <= 0) return "—";
  return new Date(number).toISOString().replace("T", " ").slice(0, 19) + " UTC";
}

/**
 * A time for a table cell (UTC, without the suffix: the column says so); only the time of day
 * when it falls on the same day as `sameDayAs`. The full time is the cell's tooltip.
 */
export function timeCell(value, sameDayAs) {
  const full = formatTime(value);
  if (full === "—") return full;
  const text = full.slice(0, 19);
  const short = sameDayAs !== undefined && formatTime(sameDayAs).slice(0, 10) === text.slice(0, 10) ? text.slice(11) : text;
  return h("span", { title: full }, short);
}

export function formatDuration(milliseconds) {
  if (!isNumber(milliseconds) || milliseconds < 0) return "—";
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** The time between two epoch-millisecond fields, when both are there. */
export function between(start, end) {
  const from = toNumber(start);
  const to = toNumber(end);
  return from !== null && to !== null && to >= from ? to - from : null;
}

export function formatBytes(value) {
  const number = toNumber(value);
  if (number === null) return "—";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let size = number;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${number} B` : `${size.toFixed(size < 10 ? 2 : 1)} ${units[unit]}`;
}

const STATUS_KINDS = {
  success: "ok", active: "ok",
  failed: "bad", failure: "bad", aborted: "bad", abandoned: "bad", stalled: "bad",
  loading: "busy", loaded: "busy", staging: "busy", staged: "busy", processing: "busy", queued: "busy", retrying: "busy",
  inactive: "muted", deleted: "muted", archived: "muted", retained: "muted",
};

/** A batch status as a coloured badge (`data-status` keeps the raw value for tests). */
export function statusBadge(status) {
  if (typeof status !== "string" || status === "") return h("span", { class: "badge badge-muted" }, "none");
  return h("span", { class: `badge badge-${STATUS_KINDS[status] || "muted"}`, "data-status": status }, status);
}

export function isFailedStatus(status) {
  return status === "failed" || status === "failure";
}

export function isSuccessStatus(status) {
  return status === "success" || status === "active";
}

/** A boxed message: kind is `info`, `empty` or `error`. */
export function notice(kind, title, ...body) {
  return h("div", { class: `notice notice-${kind}`, role: kind === "error" ? "alert" : "status" },
    h("strong", null, title), body.length ? h("div", null, body) : null);
}

/** An API failure explained, with a hint where the fix usually is. */
export function errorNotice(error, what) {
  const status = error && typeof error.status === "number" ? error.status : 0;
  const code = error && error.code ? ` ${error.code}` : "";
  const message = error && error.message ? error.message : String(error);
  let hint = null;
  if (status === 401 || status === 403) {
    hint = "Check the token, API key and org in Settings.";
  } else if (status === 404) {
    hint = "It may belong to another org or sandbox: check Settings.";
  } else if (status === 0) {
    hint = "Is the server running?";
  }
  const head = status ? `${what}: HTTP ${status}${code}` : `${what} failed`;
  return notice("error", head, h("p", null, message), hint ? h("p", { class: "hint" }, hint) : null);
}

/** A titled section of a page. */
export function section(title, ...children) {
  return h("section", { class: "panel" }, h("h2", null, title), children);
}

/**
 * A table of rows: columns are `{label, value: row => text or node, class}`; with no rows the
 * `empty` message is shown instead.
 */
export function table(columns, rows, empty, attributes = {}) {
  if (!rows.length) return notice("empty", empty);
  const head = h("thead", null, h("tr", null, columns.map((column) => h("th", { class: column.class }, column.label))));
  const body = h("tbody", null, rows.map((row) =>
    h("tr", null, columns.map((column) => {
      const value = column.value(row);
      return h("td", { class: column.class }, value === null || value === undefined || value === "" ? "—" : value);
    }))));
  return h("div", { class: "table-wrap" }, h("table", attributes, head, body));
}

/** Label/value pairs as a definition list (kind `code`: labels are field names); null values are left out. */
export function facts(pairs, kind) {
  return h("dl", { class: kind ? `facts facts-${kind}` : "facts" }, pairs.filter(([, value]) => value !== null && value !== undefined)
    .map(([label, value]) => h("div", null, h("dt", null, label), h("dd", null, value))));
}

/** A big number with a label, for the summary row of a page. */
export function stat(label, value, kind) {
  return h("div", { class: `stat${kind ? ` stat-${kind}` : ""}` }, h("div", { class: "stat-value" }, value), h("div", { class: "stat-label" }, label));
}

/** Any JSON value as short text (objects and arrays as JSON). */
export function valueText(value) {
  if (value === null || value === undefined) return "null";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function shortId(id) {
  const text = String(id);
  return text.length > 14 ? `${text.slice(0, 6)}…${text.slice(-6)}` : text;
}
"""#
}
