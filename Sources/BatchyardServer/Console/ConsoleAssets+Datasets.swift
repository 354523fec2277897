// The console's `datasets.js`, served at `/console/datasets.js`: the text between the delimiters is the file.
extension ConsoleAssets {
    /// `datasets.js`: the datasets list and a dataset's page (batches, chart, preview).
    static let datasetsJS = #"""
// The datasets list and a dataset's page: its batches, the ingest chart and a preview table.

import { api, catalogList, catalogObject, datasetBatches, schemaTitles, settings, EXPORT } from "./api.js";
import { ingestChart, ingestedRecords } from "./chart.js";
import {
  between, errorNotice, facts, formatCount, formatDuration, formatTime, h, isFailedStatus, notice, pageLink,
  section, stat, statusBadge, table, timeCell, toNumber, valueText,
} from "./dom.js";

/** Totals over a dataset's batches. */
export function summarize(batches) {
  const total = { batches: batches.length, records: 0, failedRecords: 0, failedBatches: 0 };
  for (const batch of batches) {
    total.records += ingestedRecords(batch);
    total.failedRecords += toNumber((batch.metrics || {}).failedRecordCount) ?? 0;
    if (isFailedStatus(batch.status)) total.failedBatches += 1;
  }
  return total;
}

function schemaCell(dataset, titles) {
  const id = dataset.schemaRef && typeof dataset.schemaRef.id === "string" ? dataset.schemaRef.id : null;
  if (!id) return h("span", { class: "muted" }, "no schema");
  const title = titles.get(id);
  return h("span", { class: "schema" }, title ? h("span", null, title) : null, h("code", { class: "small" }, id));
}

function newestFirst(items) {
  return [...items].sort((a, b) => (toNumber(b.created) ?? 0) - (toNumber(a.created) ?? 0));
}

/** `#/datasets`: every dataset of the org and sandbox with its last batch and record counts. */
export async function datasetsPage(target) {
  const [datasets, titles] = await Promise.all([
    catalogList("dataSets", { orderBy: "desc:created", limit: "100" }), schemaTitles(),
  ]);
  const current = settings();
  target.append(h("h1", null, "Datasets"),
    h("p", { class: "lead" }, `In org ${current.org}, sandbox ${current.sandbox}.`));
  if (!datasets.length) {
    target.append(notice("empty", "No datasets yet in this org and sandbox.",
      h("p", null, "Create one with ", h("code", null, "POST /data/foundation/catalog/dataSets"),
        ", or check the org and sandbox in Settings.")));
    return;
  }
  const rows = await Promise.all(newestFirst(datasets).map(async (dataset) => {
    try {
      const batches = await datasetBatches(dataset.id);
      return { dataset, batches, total: summarize(batches) };
    } catch (error) {
      return { dataset, batches: [], total: null, error };
    }
  }));
  target.append(table([
    { label: "Name", value: (row) => pageLink("datasets", row.dataset.id, row.dataset.name || row.dataset.id) },
    { label: "Schema", value: (row) => schemaCell(row.dataset, titles) },
    { label: "Last batch", value: (row) => statusBadge(row.dataset.lastBatchStatus || (row.batches[0] || {}).status) },
    { label: "Batches", class: "num", value: (row) => (row.total ? formatCount(row.total.batches) : "?") },
    { label: "Records", class: "num", value: (row) => (row.total ? formatCount(row.total.records) : "?") },
    { label: "Failed records", class: "num", value: (row) => (row.total ? formatCount(row.total.failedRecords) : "?") },
    { label: "Failed batches", class: "num", value: (row) => (row.total ? formatCount(row.total.failedBatches) : "?") },
    { label: "Created (UTC)", class: "time", value: (row) => timeCell(row.dataset.created) },
  ], rows, "No datasets.", { id: "datasets-table" }));
  const failures = rows.filter((row) => row.error);
  if (failures.length) target.append(errorNotice(failures[0].error, "Loading the batches of some datasets"));
  if (datasets.length >= 100) target.append(h("p", { class: "hint" }, "Showing the newest 100 datasets."));
}

/** The batches table of a dataset page (and of nothing else). */
function batchesTable(batches) {
  const metric = (batch, name) => formatCount((batch.metrics || {})[name]);
  return table([
    { label: "Batch", value: (batch) => pageLink("batches", batch.id, h("code", null, batch.id)) },
    { label: "Status", value: (batch) => statusBadge(batch.status) },
    { label: "Created (UTC)", class: "time", value: (batch) => timeCell(batch.created) },
    { label: "Started", class: "time", value: (batch) => timeCell(batch.started, batch.created) },
    { label: "Completed", class: "time", value: (batch) => timeCell(batch.completed, batch.created) },
    { label: "Processing", class: "num", value: (batch) => formatDuration(between(batch.started, batch.completed)) },
    { label: "Total", class: "num", value: (batch) => formatDuration(between(batch.created, batch.completed)) },
    { label: "Files in", class: "num", value: (batch) => metric(batch, "inputFileCount") },
    { label: "Records in", class: "num", value: (batch) => metric(batch, "inputRecordCount") },
    { label: "Records out", class: "num", value: (batch) => metric(batch, "outputRecordCount") },
    { label: "Failed", class: "num", value: (batch) => metric(batch, "failedRecordCount") },
  ], batches, "No batches in this dataset yet. Create one with POST /data/foundation/import/batches.",
  { id: "batches-table" });
}

/** Nested objects as dotted columns (`_tenant.loyalty.points`); arrays stay JSON text. */
function flatten(value, prefix, into) {
  if (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into[prefix || "value"] = value;
  }
  return into;
}

/** The preview rows (`GET /export/datasets/{id}/preview`) as a table. */
export function previewTable(rows) {
  if (!rows.length) {
    return notice("empty", "No data to preview yet.",
      h("p", null, "The preview shows the first 100 rows that successful batches published."));
  }
  const flat = rows.map((row) => flatten(row, "", {}));
  const all = [];
  for (const row of flat) for (const key of Object.keys(row)) if (!all.includes(key)) all.push(key);
  // Schema columns no row fills (the class's own fields, say) would crowd out the data.
  const isEmpty = (name) => flat.every((row) => row[name] === null || row[name] === undefined);
  const columns = all.filter((name) => !isEmpty(name));
  const hidden = all.filter(isEmpty);
  return h("div", null,
    h("p", { class: "hint" }, `${rows.length} row${rows.length === 1 ? "" : "s"}, ${columns.length} column${columns.length === 1 ? "" : "s"}` +
      (hidden.length ? `; ${hidden.length} column${hidden.length === 1 ? "" : "s"} empty in every row not shown: ${hidden.join(", ")}.` : ".")),
    table(columns.map((name) => ({
      label: name,
      value: (row) => (name in row ? (row[name] === null ? h("span", { class: "muted" }, "null") : valueText(row[name])) : ""),
    })), flat, "No rows.", { id: "preview-table", class: "preview" }));
}

async function previewSection(datasetId) {
  try {
    const answer = await api(`${EXPORT}/datasets/${encodeURIComponent(datasetId)}/preview`);
    return previewTable(Array.isArray(answer && answer.data) ? answer.data : []);
  } catch (error) {
    return errorNotice(error, "Loading the preview");
  }
}

/** `#/datasets/{id}`: one dataset, its batches over time, and a preview of its data. */
export async function datasetPage(target, id) {
  const [dataset, batches, titles, preview] = await Promise.all([
    catalogObject("dataSets", id), datasetBatches(id), schemaTitles(), previewSection(id),
  ]);
  const total = summarize(batches);
  document.title = `${dataset.name || id} · Batchyard console`;
  target.append(
    h("p", { class: "crumbs" }, h("a", { href: "#/datasets" }, "Datasets"), " / ", dataset.name || id),
    h("h1", null, dataset.name || id),
    facts([
      ["Id", h("code", null, id)],
      ["Schema", schemaCell(dataset, titles)],
      ["Description", typeof dataset.description === "string" && dataset.description ? dataset.description : null],
      ["Last batch", statusBadge(dataset.lastBatchStatus || (batches[0] || {}).status)],
      ["Created", formatTime(dataset.created)],
      ["Updated", formatTime(dataset.updated)],
    ]),
    h("div", { class: "stats" },
      stat("batches", formatCount(total.batches)),
      stat("records ingested", formatCount(total.records), "ok"),
      stat("failed records", formatCount(total.failedRecords), total.failedRecords ? "bad" : null),
      stat("failed batches", formatCount(total.failedBatches), total.failedBatches ? "bad" : null)),
    section("Ingest over time", ingestChart(batches)),
    section(`Batches (${batches.length}${batches.length >= 100 ? ", newest 100" : ""})`, batchesTable(batches)),
    section("Preview", preview));
}
"""#
}
