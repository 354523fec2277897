// The console's `batch.js`, served at `/console/batch.js`: the text between the delimiters is the file.
extension ConsoleAssets {
    /// `batch.js`: a batch's page (timings, metrics, errors, files, row diagnostics).
    static let batchJS = #"""
// A batch's page: status and timings, metrics, errors, published files, failed input files and
// the row-level diagnostics of rejected rows.

import { api, catalogObject, download, ApiError, EXPORT } from "./api.js";
import {
  between, errorNotice, facts, formatBytes, formatCount, formatDuration, formatTime, h, isFailedStatus, notice,
  pageLink, section, stat, statusBadge, table, timeCell, toNumber, valueText,
} from "./dom.js";

const MAX_DIAGNOSTIC_FILES = 10;
const MAX_ROWS_PER_FILE = 200;

/** A batch option the server keeps as a tag (`acp_enableErrorDiagnostics`), or as a field. */
function option(batch, tag, field) {
  const tags = batch.tags && typeof batch.tags === "object" ? batch.tags : {};
  const value = tag in tags ? tags[tag] : batch[field];
  return Array.isArray(value) ? value[0] : value;
}

function relatedDataset(batch) {
  const related = Array.isArray(batch.relatedObjects) ? batch.relatedObjects : [];
  const found = related.find((item) => item && item.type === "dataSet" && typeof item.id === "string");
  return found ? found.id : null;
}

function downloadButton(path, name) {
  const button = h("button", { type: "button", class: "secondary small" }, "Download");
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await download(path, name);
    } catch (error) {
      button.after(h("span", { class: "inline-error" }, ` ${error.message}`));
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

async function listed(path) {
  const answer = await api(path);
  return Array.isArray(answer && answer.data) ? answer.data : [];
}

function metricsFacts(metrics) {
  const entries = Object.entries(metrics || {});
  if (!entries.length) return notice("empty", "No metrics yet: they are written when processing ends.");
  return facts(entries.map(([name, value]) => [
    name, /ByteSize$|Bytes$/.test(name) ? `${formatBytes(value)} (${formatCount(value)} bytes)` : typeof value === "number" ? formatCount(value) : valueText(value),
  ]), "code");
}

function errorsTable(errors) {
  return table([
    { label: "Code", value: (error) => h("code", null, valueText(error.code ?? "")) },
    { label: "Description", value: (error) => valueText(error.description ?? error.message ?? "") },
    { label: "Records", class: "num", value: (error) => (error.recordCount === undefined ? "" : formatCount(error.recordCount)) },
    { label: "Rows", value: (error) => (Array.isArray(error.rows) && error.rows.length ? valueText(error.rows) : "") },
  ], Array.isArray(errors) ? errors.filter((error) => error && typeof error === "object") : [],
  "No errors recorded on this batch.", { id: "errors-table" });
}

async function filesSection(batchId) {
  try {
    const files = await listed(`${EXPORT}/batches/${encodeURIComponent(batchId)}/files`);
    return table([
      { label: "File", value: (file) => h("code", null, valueText(file.dataSetFileId)) },
      { label: "Records", class: "num", value: (file) => formatCount(file.records) },
      { label: "Size", class: "num", value: (file) => formatBytes(file.size) },
      { label: "Valid", value: (file) => (file.isValid === false ? "no" : "yes") },
      { label: "Created (UTC)", class: "time", value: (file) => timeCell(file.created) },
      {
        label: "", value: (file) => {
          const id = String(file.dataSetFileId);
          const button = h("button", { type: "button", class: "secondary small" }, "Download");
          button.addEventListener("click", async () => {
            button.disabled = true;
            try {
              const parts = await listed(`${EXPORT}/files/${encodeURIComponent(id)}`);
              const name = parts[0] && typeof parts[0].name === "string" ? parts[0].name : null;
              if (!name) throw new ApiError(404, "", "The file has no parts.");
              await download(`${EXPORT}/files/${encodeURIComponent(id)}?path=${encodeURIComponent(name)}`, name);
            } catch (error) {
              button.after(h("span", { class: "inline-error" }, ` ${error.message}`));
            } finally {
              button.disabled = false;
            }
          });
          return button;
        },
      },
    ], files, "No published files: only successful batches publish files to the lake.", { id: "files-table" });
  } catch (error) {
    return errorNotice(error, "Loading the files");
  }
}

async function failedInputSection(batch) {
  if (!isFailedStatus(batch.status)) {
    return notice("empty", "Input files are kept for download here only when a batch failed.");
  }
  const base = `${EXPORT}/batches/${encodeURIComponent(batch.id)}/failed`;
  try {
    const files = await listed(base);
    return table([
      { label: "File", value: (file) => h("code", null, valueText(file.name)) },
      { label: "Size", class: "num", value: (file) => formatBytes(file.length) },
      { label: "", value: (file) => downloadButton(`${base}?path=${encodeURIComponent(String(file.name))}`, String(file.name)) },
    ], files, "The failed batch had no input files.", { id: "failed-table" });
  } catch (error) {
    return errorNotice(error, "Loading the failed input files");
  }
}

/** One line of a row-error file as table rows: one per problem with the row. */
function diagnosticRows(line, fileName) {
  let record;
  try {
    record = JSON.parse(line);
  } catch {
    return [{ file: fileName, line: "", code: "", path: "", reason: "This diagnostics line is not JSON.", raw: line }];
  }
  const errors = Array.isArray(record._errors) && record._errors.length ? record._errors : [{}];
  return errors.map((error) => ({
    file: valueText(record._filename ?? ""),
    line: record._line ?? "",
    code: valueText(error.code ?? ""),
    path: valueText(error.path ?? ""),
    reason: valueText(error.reason ?? error.message ?? ""),
    raw: valueText(record._corrupt_record ?? ""),
  }));
}

/** Rows in input order: by input file, then line. */
function byFileAndLine(a, b) {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (Number(a.line) || 0) - (Number(b.line) || 0);
}

async function diagnosticsSection(batch) {
  const base = `${EXPORT}/batches/${encodeURIComponent(batch.id)}/meta`;
  let files;
  try {
    files = await listed(`${base}?path=row_errors`);
  } catch (error) {
    if (error.status === 404) {
      const enabled = option(batch, "acp_enableErrorDiagnostics", "enableErrorDiagnostics");
      const why = enabled === true || enabled === "true"
        ? "No rows were rejected."
        : "This batch was created without enableErrorDiagnostics, so rejected rows were counted but not kept.";
      return notice("empty", "No row-level diagnostics.", h("p", null, why));
    }
    return errorNotice(error, "Loading the row diagnostics");
  }
  const names = files.map((file) => String(file.name)).filter((name) => name.endsWith(".json"));
  const rows = [];
  const problems = [];
  await Promise.all(names.slice(0, MAX_DIAGNOSTIC_FILES).map(async (name, index) => {
    try {
      const text = await api(`${base}?path=${encodeURIComponent(`row_errors/${name}`)}`, { text: true });
      const lines = text.split("\n").filter((line) => line.trim() !== "");
      rows[index] = lines.slice(0, MAX_ROWS_PER_FILE).flatMap((line) => diagnosticRows(line, name));
      if (lines.length > MAX_ROWS_PER_FILE) problems.push(`${name}: showing ${MAX_ROWS_PER_FILE} of ${lines.length} rows.`);
    } catch (error) {
      problems.push(`${name}: ${error.message}`);
    }
  }));
  if (names.length > MAX_DIAGNOSTIC_FILES) problems.push(`Showing ${MAX_DIAGNOSTIC_FILES} of ${names.length} diagnostics files.`);
  return h("div", null,
    h("p", { class: "hint" }, `Files under meta?path=row_errors: ${names.join(", ") || "none"}.`),
    problems.map((text) => h("p", { class: "hint" }, text)),
    table([
      { label: "Input file", value: (row) => h("code", null, row.file) },
      { label: "Line", class: "num", value: (row) => valueText(row.line) },
      { label: "Code", value: (row) => h("code", null, row.code) },
      { label: "Field", value: (row) => (row.path ? h("code", null, row.path) : "") },
      { label: "Reason", value: (row) => row.reason },
      { label: "Original row", value: (row) => h("code", { class: "raw" }, row.raw.length > 300 ? `${row.raw.slice(0, 300)}…` : row.raw) },
    ], rows.flat().filter(Boolean).sort(byFileAndLine), "The diagnostics files are empty.", { id: "diagnostics-table" }));
}

/** `#/batches/{id}`: everything known about one batch. */
export async function batchPage(target, id) {
  const batch = await catalogObject("batches", id);
  const datasetId = relatedDataset(batch);
  const [files, failed, diagnostics, dataset] = await Promise.all([
    filesSection(id), failedInputSection(batch), diagnosticsSection(batch),
    datasetId ? catalogObject("dataSets", datasetId).catch(() => null) : null,
  ]);
  const datasetName = dataset && typeof dataset.name === "string" && dataset.name ? dataset.name : datasetId;
  const format = batch.inputFormat && typeof batch.inputFormat === "object" ? batch.inputFormat : {};
  const metrics = batch.metrics && typeof batch.metrics === "object" ? batch.metrics : {};
  const failedRecords = toNumber(metrics.failedRecordCount) ?? 0;
  const partial = option(batch, "acp_partialIngestionPercent", "partialIngestionPercentage");
  const diagnosticsOn = option(batch, "acp_enableErrorDiagnostics", "enableErrorDiagnostics");
  document.title = `Batch ${id} · Batchyard console`;
  target.append(
    h("p", { class: "crumbs" }, h("a", { href: "#/datasets" }, "Datasets"), " / ",
      datasetId ? pageLink("datasets", datasetId, datasetName) : "no dataset", " / batch"),
    h("h1", null, "Batch ", h("code", null, id), " ", statusBadge(batch.status)),
    facts([
      ["Dataset", datasetId ? pageLink("datasets", datasetId, datasetName) : "—"],
      ["Input format", valueText(format.format ?? "—")],
      ["Created", formatTime(batch.created)],
      ["Started", formatTime(batch.started)],
      ["Completed", formatTime(batch.completed)],
      ["Updated", formatTime(batch.updated)],
      ["Waiting (created → started)", formatDuration(between(batch.created, batch.started))],
      ["Processing (started → completed)", formatDuration(between(batch.started, batch.completed))],
      ["Partial ingestion", partial === undefined || partial === null ? null : `up to ${valueText(partial)} % of rows may fail`],
      ["Error diagnostics", diagnosticsOn === true || diagnosticsOn === "true" ? "enabled" : "off"],
      ["Created by", batch.createdClient === undefined ? null : valueText(batch.createdClient)],
    ]),
    h("div", { class: "stats" },
      stat("files in", formatCount(metrics.inputFileCount)),
      stat("records in", formatCount(metrics.inputRecordCount)),
      stat("records out", formatCount(metrics.outputRecordCount), "ok"),
      stat("failed records", formatCount(metrics.failedRecordCount), failedRecords ? "bad" : null)),
    section("Metrics", metricsFacts(batch.metrics)),
    section("Errors", errorsTable(batch.errors)),
    section("Files published", files),
    section("Failed input files", failed),
    section("Row-level diagnostics", diagnostics));
}
"""#
}
