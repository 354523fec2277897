// The console's `api.js`, served at `/console/api.js`: the text between the delimiters is the file.
extension ConsoleAssets {
    /// `api.js`: settings in localStorage and API calls with the four gateway headers.
    static let apiJS = #"""
// The console's settings (kept in localStorage) and its API client: every call carries the four
// gateway headers, exactly like any other AEP client.

const STORAGE_KEY = "batchyard.console.settings";
export const CATALOG = "/data/foundation/catalog";
export const EXPORT = "/data/foundation/export";
export const REGISTRY = "/data/foundation/schemaregistry";

let config = { authMode: "dev", tokenPath: "/ims/token/v3", defaults: {} };

/** An API answer that was not a success, with the AEP error code and message when there is one. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Reads `/console/config.json`: the auth mode and the default org, sandbox, API key and token. */
export async function loadConfig() {
  let response;
  try {
    response = await fetch("/console/config.json", { cache: "no-store" });
  } catch (error) {
    throw new ApiError(0, "", `The server could not be reached (${error.message}).`);
  }
  if (!response.ok) {
    throw new ApiError(response.status, "", `The console configuration could not be loaded (HTTP ${response.status}).`);
  }
  config = await response.json();
  return config;
}

export function authMode() {
  return config.authMode === "strict" ? "strict" : "dev";
}

export function tokenPath() {
  return config.tokenPath || "/ims/token/v3";
}

/** The defaults of this server; in dev mode they work as they are. */
export function defaults() {
  const given = config.defaults || {};
  return {
    org: given.org || "",
    sandbox: given.sandbox || "prod",
    apiKey: given.apiKey || "batchyard-console",
    token: given.token || "",
  };
}

function stored() {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) || "{}");
    return value && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}

/** The settings in effect: what the user saved, else this server's defaults. */
export function settings() {
  const base = defaults();
  const saved = stored();
  const pick = (name) => (typeof saved[name] === "string" && saved[name] !== "" ? saved[name] : base[name]);
  return { org: pick("org"), sandbox: pick("sandbox"), apiKey: pick("apiKey"), token: pick("token") };
}

export function saveSettings(values) {
  const clean = {};
  for (const name of ["org", "sandbox", "apiKey", "token"]) {
    clean[name] = typeof values[name] === "string" ? values[name].trim() : "";
  }
  localStorage.setItem(STORAGE_KEY, JSON.stringify(clean));
}

export function resetSettings() {
  localStorage.removeItem(STORAGE_KEY);
}

function errorFrom(status, raw) {
  let body = null;
  try {
    body = JSON.parse(raw);
  } catch {
    body = null;
  }
  if (body && typeof body === "object") {
    const code = body.error_code || (typeof body.type === "string" ? body.type.split("/").pop() : "") || body.error || "";
    const message = body.message || body.detail || body.error_description || body.title || `HTTP ${status}`;
    return new ApiError(status, String(code), String(message));
  }
  return new ApiError(status, "", raw.trim().slice(0, 300) || `HTTP ${status}`);
}

/**
 * Calls the API with the gateway headers. Answers parsed JSON (or the text with `text: true`);
 * throws an ApiError for anything but a 2xx.
 */
export async function api(path, { accept = "application/json", text = false, method = "GET", body, headers = {} } = {}) {
  const current = settings();
  const all = {
    Authorization: `Bearer ${current.token}`,
    "x-api-key": current.apiKey,
    "x-gw-ims-org-id": current.org,
    "x-sandbox-name": current.sandbox,
    Accept: accept,
    ...headers,
  };
  let response;
  try {
    response = await fetch(path, { method, headers: all, body, cache: "no-store" });
  } catch (error) {
    throw new ApiError(0, "", `The request could not be sent (${error.message}). Check the server and the settings.`);
  }
  if (!response.ok) throw errorFrom(response.status, await response.text());
  if (text) return response.text();
  const raw = await response.text();
  if (raw === "") return null;
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError(response.status, "", "The server answered with something that is not JSON.");
  }
}

/** Downloads a file with the gateway headers and hands it to the browser under `name`. */
export async function download(path, name) {
  const current = settings();
  const response = await fetch(path, {
    headers: {
      Authorization: `Bearer ${current.token}`,
      "x-api-key": current.apiKey,
      "x-gw-ims-org-id": current.org,
      "x-sandbox-name": current.sandbox,
    },
  });
  if (!response.ok) throw errorFrom(response.status, await response.text());
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name.split("/").pop() || "download";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** A Catalog list (`{id: object, …}`) as an array of objects that carry their `id`. */
export async function catalogList(collection, params) {
  const query = new URLSearchParams(params).toString();
  const answer = await api(`${CATALOG}/${collection}${query ? `?${query}` : ""}`);
  if (!answer || typeof answer !== "object" || Array.isArray(answer)) return [];
  return Object.entries(answer)
    .filter(([, value]) => value && typeof value === "object" && !Array.isArray(value))
    .map(([id, value]) => ({ ...value, id: typeof value.id === "string" ? value.id : id }));
}

/** One Catalog object by id (`GET /{collection}/{id}` answers `{id: object}`). */
export async function catalogObject(collection, id) {
  const answer = await api(`${CATALOG}/${collection}/${encodeURIComponent(id)}`);
  const value = answer && typeof answer === "object" ? answer[id] || Object.values(answer)[0] : null;
  if (!value || typeof value !== "object") throw new ApiError(404, "", `No ${collection} object '${id}'.`);
  return { ...value, id };
}

/** The batches of a dataset, newest first (at most 100: the Catalog's page size). */
export function datasetBatches(datasetId) {
  return catalogList("batches", { dataSet: datasetId, orderBy: "desc:created", limit: "100" });
}

/** `$id` → title of the tenant's schemas and the built-in classes; empty if the registry says no. */
export async function schemaTitles() {
  const titles = new Map();
  const lists = [`${REGISTRY}/tenant/schemas`, `${REGISTRY}/global/classes`];
  await Promise.all(
    lists.map(async (path) => {
      try {
        const answer = await api(path, { accept: "application/vnd.adobe.xed-id+json" });
        for (const item of (answer && answer.results) || []) {
          if (item && typeof item.title === "string") {
            if (typeof item.$id === "string") titles.set(item.$id, item.title);
            if (typeof item["meta:altId"] === "string") titles.set(item["meta:altId"], item.title);
          }
        }
      } catch {
        // Titles are a nicety: without them the console shows schema ids.
      }
    }),
  );
  return titles;
}

/** The claims inside a token this server issued (`by1.{payload}.{signature}`), or null. */
export function tokenClaims(token) {
  const parts = String(token || "").split(".");
  if (parts.length !== 3 || parts[0] !== "by1") return null;
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(base64 + "===".slice((base64.length + 3) % 4)), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}
"""#
}
