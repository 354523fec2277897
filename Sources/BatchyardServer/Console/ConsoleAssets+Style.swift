// The console's `console.css`, served at `/console/console.css`: the text between the delimiters is the file.
extension ConsoleAssets {
    /// `console.css`: the console's look (no external fonts or images).
    static let styleCSS = #"""
:root {
  --ink: #1d2330;
  --muted: #667085;
  --line: #d9dee7;
  --paper: #ffffff;
  --ground: #f4f6f9;
  --accent: #2456c9;
  --ok: #1a7f4b;
  --ok-soft: #e3f5ea;
  --bad: #c0362c;
  --bad-soft: #fdecea;
  --busy: #9a6700;
  --busy-soft: #fff4d6;
  --records: #3a6fe0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 14px;
  color: var(--ink);
  background: var(--ground);
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
pre { background: #0f172a; color: #e2e8f0; padding: 10px 12px; border-radius: 6px; overflow-x: auto; white-space: pre-wrap; }
h1 { font-size: 22px; margin: 8px 0 12px; display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
h1 code { font-size: 18px; }
h2 { font-size: 15px; margin: 0 0 10px; }

.topbar {
  display: flex; align-items: center; gap: 18px; padding: 10px 24px;
  background: #111a2e; color: #dfe6f3;
}
.topbar a { color: #dfe6f3; }
.brand { font-weight: 700; font-size: 16px; letter-spacing: 0.2px; }
.brand span { font-weight: 400; color: #9fb0cf; }
.topbar nav a { padding: 4px 8px; border-radius: 4px; }
.topbar nav a:hover { background: #24304d; text-decoration: none; }
.context { margin-left: auto; font-size: 12.5px; color: #9fb0cf; }
.mode { padding: 1px 6px; border-radius: 8px; background: #24304d; }
.mode-strict { background: #5b2a86; color: #fff; }

.settings { background: var(--paper); border-bottom: 1px solid var(--line); padding: 16px 24px; }
.settings-form { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; align-items: end; }
.field { display: flex; flex-direction: column; gap: 4px; font-size: 12.5px; color: var(--muted); }
.field input { font: inherit; color: var(--ink); padding: 6px 8px; border: 1px solid var(--line); border-radius: 5px; }
.field small { color: var(--muted); }
.actions { display: flex; gap: 8px; }
button {
  font: inherit; padding: 6px 12px; border-radius: 5px; border: 1px solid var(--accent);
  background: var(--accent); color: #fff; cursor: pointer;
}
button.secondary { background: transparent; color: inherit; border-color: #8090ad; }
.settings button.secondary { color: var(--ink); }
button.small { padding: 2px 8px; font-size: 12px; color: var(--accent); border-color: var(--line); }
button:disabled { opacity: 0.6; cursor: wait; }

main { flex: 1; padding: 16px 24px 32px; max-width: 1400px; width: 100%; margin: 0 auto; }
.footer { padding: 10px 24px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); }
.lead { color: var(--muted); margin-top: -6px; }
.crumbs { color: var(--muted); margin: 0; font-size: 12.5px; }
.hint { color: var(--muted); font-size: 12.5px; margin: 4px 0 8px; }
.muted { color: var(--muted); }
.loading { color: var(--muted); }
.loading::before { content: "⏳ "; }
.small { font-size: 11.5px; }
.inline-error { color: var(--bad); font-size: 12px; }

.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; margin: 14px 0; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 14px; }
.columns .settings-form { grid-template-columns: 1fr; }

.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: var(--paper); }
.page > .table-wrap { border: 1px solid var(--line); border-radius: 8px; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid #edf0f5; vertical-align: top; }
th { font-size: 12px; font-weight: 600; color: var(--muted); background: #f8f9fb; white-space: nowrap; }
tbody tr:hover { background: #f7f9fd; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.preview td { white-space: nowrap; max-width: 320px; overflow: hidden; text-overflow: ellipsis; }
code.raw { white-space: pre-wrap; word-break: break-all; color: #5b2a86; }
.schema { display: flex; flex-direction: column; gap: 2px; }
.schema code { color: var(--muted); overflow-wrap: anywhere; max-width: 360px; }
#batches-table code { font-size: 11.5px; }

.badge {
  display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
  border: 1px solid transparent; white-space: nowrap;
}
.badge-ok { background: var(--ok-soft); color: var(--ok); border-color: #b7e2c8; }
.badge-bad { background: var(--bad-soft); color: var(--bad); border-color: #f3c2bd; }
.badge-busy { background: var(--busy-soft); color: var(--busy); border-color: #ecd48f; }
.badge-muted { background: #eef0f4; color: var(--muted); border-color: var(--line); }

.notice { border-radius: 8px; padding: 10px 14px; margin: 10px 0; border: 1px solid var(--line); background: var(--paper); }
.notice p { margin: 6px 0 0; }
.notice-empty { color: var(--muted); background: #fafbfc; border-style: dashed; }
.notice-info { border-color: #b9cdf5; background: #eef3fd; }
.notice-error { border-color: #f3c2bd; background: var(--bad-soft); color: #7a1f18; }

.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 8px 18px; margin: 8px 0 12px; }
.facts div { min-width: 0; }
.facts dt { font-size: 11.5px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.3px; }
.facts dd { margin: 2px 0 0; overflow-wrap: anywhere; }
.facts-code dt { text-transform: none; letter-spacing: 0; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; }
td.time, td > code:not(.raw) { white-space: nowrap; }
.notice-empty strong { font-weight: 500; }

.stats { display: flex; gap: 12px; flex-wrap: wrap; }
.stat { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 150px; }
.stat-value { font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; }
.stat-label { font-size: 12px; color: var(--muted); }
.stat-ok .stat-value { color: var(--ok); }
.stat-bad .stat-value { color: var(--bad); }

.chart-figure { margin: 0; }
.chart { max-width: 900px; display: block; }
.chart .grid { stroke: #edf0f5; }
.chart .baseline { stroke: #8a94a6; }
.chart .axis { font-size: 11px; fill: var(--muted); }
.chart .axis-left { text-anchor: end; }
.chart .axis-right { text-anchor: start; fill: var(--bad); }
.chart .axis-bottom { text-anchor: middle; }
.chart .legend { font-size: 12px; fill: var(--ink); }
.chart .legend-records, .chart .bar-records { fill: var(--records); }
.chart .legend-failed, .chart .bar-failed { fill: var(--bad); }
.chart-caption { font-size: 12.5px; color: var(--muted); margin-top: 4px; }
.token-prompt h1 { margin-top: 4px; }
"""#
}
