// The console's `settings.js`, served at `/console/settings.js`: the text between the delimiters is the file.
extension ConsoleAssets {
    /// `settings.js`: the settings panel and, in strict mode, the token prompt.
    static let settingsJS = #"""
// The settings panel (org, sandbox, API key, token in localStorage) and, with `--auth strict`,
// the page that asks for a token and can fetch one with client credentials.

import { authMode, defaults, resetSettings, saveSettings, settings, tokenClaims, tokenPath, ApiError } from "./api.js";
import { h, notice } from "./dom.js";

function field(label, name, value, { type = "text", hint = null, required = false } = {}) {
  return h("label", { class: "field" },
    h("span", null, label),
    h("input", { name, type, value, autocomplete: "off", spellcheck: "false", required }),
    hint ? h("small", null, hint) : null);
}

function formValues(form) {
  const data = new FormData(form);
  return Object.fromEntries(["org", "sandbox", "apiKey", "token"].map((name) => [name, String(data.get(name) || "")]));
}

/** Fills a token's client and org into the settings, as strict mode requires them to match. */
function withClaims(values) {
  const claims = tokenClaims(values.token);
  if (!claims) return values;
  const orgs = Array.isArray(claims.orgs) ? claims.orgs.filter((org) => typeof org === "string") : [];
  return {
    ...values,
    apiKey: typeof claims.cid === "string" && claims.cid ? claims.cid : values.apiKey,
    org: orgs.length && !orgs.includes(values.org) ? orgs[0] : values.org,
  };
}

/** The settings form; `onSaved` runs after the values are stored. */
export function settingsForm(onSaved) {
  const current = settings();
  const strict = authMode() === "strict";
  const form = h("form", { class: "settings-form", id: "settings-form" },
    field("Org (x-gw-ims-org-id)", "org", current.org, { required: true }),
    field("Sandbox (x-sandbox-name)", "sandbox", current.sandbox, { required: true }),
    field("API key (x-api-key)", "apiKey", current.apiKey, {
      required: true, hint: strict ? "Must be the client id the token was issued to." : null,
    }),
    field("Access token (Authorization: Bearer)", "token", current.token, {
      type: "password", required: true,
      hint: strict ? `From POST ${tokenPath()}.` : "Dev mode: any non-empty token is accepted.",
    }),
    h("div", { class: "actions" },
      h("button", { type: "submit" }, "Save"),
      h("button", {
        type: "button", class: "secondary",
        onclick: () => {
          resetSettings();
          onSaved();
        },
      }, "Reset to defaults")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    saveSettings(withClaims(formValues(form)));
    onSaved();
  });
  return form;
}

/** The one-line summary in the top bar: where the console is looking. */
export function contextLine() {
  const current = settings();
  return [
    h("span", { title: "x-gw-ims-org-id" }, current.org || "no org"),
    " · ",
    h("span", { title: "x-sandbox-name" }, current.sandbox || "no sandbox"),
    " · ",
    h("span", { class: `mode mode-${authMode()}` }, `auth ${authMode()}`),
  ];
}

async function requestToken(clientId, clientSecret) {
  const body = new URLSearchParams({
    grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, scope: "openid",
  });
  let response;
  try {
    response = await fetch(tokenPath(), { method: "POST", body, cache: "no-store" });
  } catch (error) {
    throw new ApiError(0, "", `The token request could not be sent (${error.message}).`);
  }
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    answer = null;
  }
  if (!response.ok || !answer || typeof answer.access_token !== "string") {
    const reason = (answer && (answer.error_description || answer.error)) || `HTTP ${response.status}`;
    throw new ApiError(response.status, (answer && answer.error) || "", String(reason));
  }
  return answer.access_token;
}

/** Strict mode without a token: explains where tokens come from and takes one. */
export function tokenPrompt(onSaved) {
  const origin = location.origin;
  const status = h("div", { class: "token-status" });
  const credentials = h("form", { class: "settings-form", id: "credentials-form" },
    h("label", { class: "field" }, h("span", null, "Client id"), h("input", { name: "clientId", required: true, autocomplete: "username" })),
    h("label", { class: "field" }, h("span", null, "Client secret"),
      h("input", { name: "clientSecret", type: "password", required: true, autocomplete: "current-password" })),
    h("label", { class: "field" }, h("span", null, "Sandbox"), h("input", { name: "sandbox", value: settings().sandbox, required: true })),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Get a token")));
  credentials.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(credentials);
    status.replaceChildren(h("p", { class: "loading" }, "Asking for a token…"));
    try {
      const token = await requestToken(String(data.get("clientId") || ""), String(data.get("clientSecret") || ""));
      saveSettings(withClaims({ ...settings(), token, sandbox: String(data.get("sandbox") || defaults().sandbox) }));
      onSaved();
    } catch (error) {
      status.replaceChildren(notice("error", "No token", h("p", null, error.message)));
    }
  });
  return h("div", { class: "token-prompt", id: "token-prompt" },
    h("h1", null, "Sign in with an access token"),
    notice("info", "This server runs with --auth strict: the console needs an access token.",
      h("p", null, "Tokens come from ", h("code", null, `POST ${tokenPath()}`),
        " with the client-credentials grant of a client made by ", h("code", null, "batchyard credentials add"), ":"),
      h("pre", null,
        "batchyard credentials add --data-dir ./batchyard-data --client-id acme-client --org 4F3BB22C5631222A7F000101@AdobeOrg\n" +
        `curl -s -X POST ${origin}${tokenPath()} \\\n  -d grant_type=client_credentials -d client_id=acme-client \\\n` +
        "  -d client_secret=p8e-… -d scope=openid")),
    h("div", { class: "columns" },
      h("section", { class: "panel" }, h("h2", null, "Get a token with client credentials"), credentials, status),
      h("section", { class: "panel" }, h("h2", null, "Or paste a token"), settingsForm(onSaved))));
}
"""#
}
