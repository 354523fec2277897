// The console's `app.js`, served at `/console/app.js`: the text between the delimiters is the file.
extension ConsoleAssets {
    /// `app.js`: loads `config.json`, then routes `#/datasets`, `#/datasets/{id}` and `#/batches/{id}` to pages.
    static let appJS = #"""
// The console's entry point: loads the server's configuration, then routes `#/…` hashes to pages.
// Each page renders into a fresh container that replaces the old one only if the user has not
// moved on meanwhile. `body[data-state]` says loading, ready, token or error (the tests read it).

import { authMode, loadConfig, settings } from "./api.js";
import { batchPage } from "./batch.js";
import { datasetPage, datasetsPage } from "./datasets.js";
import { errorNotice, h, notice } from "./dom.js";
import { contextLine, settingsForm, tokenPrompt } from "./settings.js";

const main = document.getElementById("main");
const panel = document.getElementById("settings");
const toggle = document.getElementById("settings-toggle");
const context = document.getElementById("context");
let generation = 0;

function refreshChrome() {
  context.replaceChildren(...contextLine());
  panel.replaceChildren(h("h2", null, "Settings"),
    h("p", { class: "hint" }, "Stored in this browser (localStorage) and sent as the four gateway headers with every API call."),
    settingsForm(() => {
      panel.hidden = true;
      refreshChrome();
      route();
    }));
}

function pageFor(hash) {
  if (hash === "" || hash === "#" || hash === "#/" || hash === "#/datasets") return { name: "datasets", render: datasetsPage };
  let match = hash.match(/^#\/datasets\/([^/?#]+)$/);
  if (match) return { name: "dataset", render: (target) => datasetPage(target, decodeURIComponent(match[1])) };
  match = hash.match(/^#\/batches\/([^/?#]+)$/);
  if (match) return { name: "batch", render: (target) => batchPage(target, decodeURIComponent(match[1])) };
  return null;
}

async function route() {
  const mine = ++generation;
  document.body.dataset.state = "loading";
  document.title = "Batchyard console";
  if (authMode() === "strict" && !settings().token) {
    document.body.dataset.page = "token";
    main.replaceChildren(tokenPrompt(() => {
      refreshChrome();
      route();
    }));
    document.body.dataset.state = "token";
    return;
  }
  const page = pageFor(location.hash);
  document.body.dataset.page = page ? page.name : "unknown";
  if (!page) {
    main.replaceChildren(notice("error", "There is no such page.", h("p", null, h("a", { href: "#/datasets" }, "Go to the datasets."))));
    document.body.dataset.state = "error";
    return;
  }
  main.replaceChildren(h("p", { class: "loading" }, "Loading…"));
  const target = h("div", { class: "page", id: `page-${page.name}` });
  let state = "ready";
  try {
    await page.render(target);
  } catch (error) {
    target.replaceChildren(errorNotice(error, `Loading the ${page.name === "datasets" ? "datasets" : page.name}`));
    // An expired or foreign token in strict mode: offer a new one right here.
    if (authMode() === "strict" && error && error.status === 401) {
      target.append(tokenPrompt(() => {
        refreshChrome();
        route();
      }));
    }
    state = "error";
  }
  if (mine !== generation) return;
  main.replaceChildren(target);
  document.body.dataset.state = state;
}

async function start() {
  try {
    await loadConfig();
  } catch (error) {
    main.replaceChildren(errorNotice(error, "Starting the console"));
    document.body.dataset.state = "error";
    return;
  }
  document.body.dataset.auth = authMode();
  toggle.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
  });
  refreshChrome();
  window.addEventListener("hashchange", route);
  await route();
}

start();
"""#
}
