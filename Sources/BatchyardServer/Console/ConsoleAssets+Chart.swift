// The console's `chart.js`, served at `/console/chart.js`: the text between the delimiters is the file.
extension ConsoleAssets {
    /// `chart.js`: the SVG chart of records ingested and failed batches per time bucket.
    static let chartJS = #"""
// The ingest chart: records ingested and failed batches per time bucket, drawn as SVG.

import { h, svg, isFailedStatus, isSuccessStatus, toNumber, formatCount } from "./dom.js";

const MINUTE = 60 * 1000;
const BUCKETS = [
  [MINUTE, "1 minute"], [5 * MINUTE, "5 minutes"], [15 * MINUTE, "15 minutes"], [60 * MINUTE, "1 hour"],
  [6 * 60 * MINUTE, "6 hours"], [24 * 60 * MINUTE, "1 day"], [7 * 24 * 60 * MINUTE, "1 week"],
];
const MAX_BUCKETS = 24;
const MIN_BUCKETS = 8;

/** Records a batch put into the dataset: its output count once it succeeded. */
export function ingestedRecords(batch) {
  if (!isSuccessStatus(batch.status)) return 0;
  const metrics = batch.metrics || {};
  return toNumber(metrics.outputRecordCount) ?? toNumber(batch.recordCount) ?? 0;
}

/** Groups batches by creation time into at most 24 buckets of a round size. */
export function buckets(batches) {
  const dated = batches.filter((batch) => toNumber(batch.created) !== null);
  if (!dated.length) return null;
  const times = dated.map((batch) => toNumber(batch.created));
  const first = Math.min(...times);
  const last = Math.max(...times);
  let [size, label] = BUCKETS[BUCKETS.length - 1];
  for (const [candidate, name] of BUCKETS) {
    if ((last - first) / candidate < MAX_BUCKETS) {
      size = candidate;
      label = name;
      break;
    }
  }
  const lastStart = Math.floor(last / size) * size;
  let start = Math.floor(first / size) * size;
  let count = Math.round((lastStart - start) / size) + 1;
  if (count < MIN_BUCKETS) {
    start -= (MIN_BUCKETS - count) * size;
    count = MIN_BUCKETS;
  }
  const rows = Array.from({ length: count }, (_, index) => ({ start: start + index * size, records: 0, failed: 0, batches: 0 }));
  for (const batch of dated) {
    const row = rows[Math.floor((toNumber(batch.created) - start) / size)];
    row.batches += 1;
    row.records += ingestedRecords(batch);
    if (isFailedStatus(batch.status)) row.failed += 1;
  }
  return { size, label, rows };
}

/** Round axis ticks from 0 to at least `value`: steps of 1, 2 or 5 × 10ⁿ, at most 5 of them. */
function axisTicks(value) {
  if (value <= 0) return { top: 1, step: 1 };
  const raw = value / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw);
  step = Math.max(1, step);
  return { top: Math.ceil(value / step) * step, step };
}

function timeLabel(time, size) {
  const iso = new Date(time).toISOString();
  return size >= 24 * 60 * MINUTE ? iso.slice(5, 10) : iso.slice(11, 16);
}

/** The chart as a figure, with a caption that states the totals in words. */
export function ingestChart(batches) {
  const grouped = buckets(batches);
  if (!grouped) return h("p", { class: "notice notice-empty" }, "No batches yet, so there is nothing to chart.");
  const { size, label, rows } = grouped;
  const width = 760;
  const height = 240;
  const left = 56;
  const right = 44;
  const top = 28;
  const bottom = 36;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const recordAxis = axisTicks(Math.max(...rows.map((row) => row.records)));
  const recordMax = recordAxis.top;
  const failedAxis = axisTicks(Math.max(...rows.map((row) => row.failed)));
  const failedMax = failedAxis.top;
  const slot = plotWidth / rows.length;
  const barWidth = Math.max(2, Math.min(28, slot * 0.38));
  const y = (value, max) => top + plotHeight - (value / max) * plotHeight;
  const totalRecords = rows.reduce((sum, row) => sum + row.records, 0);
  const totalFailed = rows.reduce((sum, row) => sum + row.failed, 0);
  const summary = `${formatCount(totalRecords)} records ingested and ${formatCount(totalFailed)} failed ` +
    `batch${totalFailed === 1 ? "" : "es"}, per ${label} (UTC)`;

  const parts = [];
  for (let value = 0; value <= recordMax; value += recordAxis.step) {
    const at = y(value, recordMax);
    parts.push(svg("line", { x1: left, x2: width - right, y1: at, y2: at, class: "grid" }));
    parts.push(svg("text", { x: left - 6, y: at + 4, class: "axis axis-left" }, formatCount(value)));
  }
  for (let tick = 0; tick <= failedMax; tick += failedAxis.step) {
    parts.push(svg("text", { x: width - right + 6, y: y(tick, failedMax) + 4, class: "axis axis-right" }, String(tick)));
  }
  const every = Math.ceil(rows.length / 8);
  rows.forEach((row, index) => {
    const center = left + slot * index + slot / 2;
    const until = new Date(row.start + size).toISOString().slice(11, 16);
    const tip = `${timeLabel(row.start, size)}–${until}: ${formatCount(row.records)} records ingested, ` +
      `${row.failed} failed of ${row.batches} batch${row.batches === 1 ? "" : "es"}`;
    const recordsTop = y(row.records, recordMax);
    parts.push(svg("rect", {
      x: center - barWidth - 1, y: recordsTop, width: barWidth, height: top + plotHeight - recordsTop,
      class: "bar-records", "data-records": row.records,
    }, svg("title", null, tip)));
    const failedTop = y(row.failed, failedMax);
    parts.push(svg("rect", {
      x: center + 1, y: failedTop, width: barWidth, height: top + plotHeight - failedTop,
      class: "bar-failed", "data-failed": row.failed,
    }, svg("title", null, tip)));
    if (index % every === 0) {
      parts.push(svg("text", { x: center, y: height - bottom + 16, class: "axis axis-bottom" }, timeLabel(row.start, size)));
    }
  });
  parts.push(svg("line", { x1: left, x2: width - right, y1: top + plotHeight, y2: top + plotHeight, class: "baseline" }));
  parts.push(svg("text", { x: left, y: 16, class: "legend" },
    svg("tspan", { class: "legend-records" }, "■"), " records ingested (left axis)   ",
    svg("tspan", { class: "legend-failed" }, "■"), " failed batches (right axis)"));

  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": summary, class: "chart",
    "data-buckets": rows.length,
  }, svg("title", null, summary), parts);
  return h("figure", { class: "chart-figure" }, chart, h("figcaption", { class: "chart-caption" }, summary + "."));
}
"""#
}
