// The console's `index.html`, served at `/console/index.html`: the text between the delimiters is the file.
extension ConsoleAssets {
    /// The page at `/console`: the frame the modules render into.
    static let indexHTML = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Batchyard console</title>
<link rel="stylesheet" href="/console/console.css">
<link rel="icon" href="data:,">
<script type="module" src="/console/app.js"></script>
</head>
<body data-state="loading">
<header class="topbar">
  <a class="brand" href="#/datasets">Batchyard <span>console</span></a>
  <nav><a href="#/datasets">Datasets</a></nav>
  <div id="context" class="context"></div>
  <button id="settings-toggle" type="button" class="secondary">Settings</button>
</header>
<section id="settings" class="settings" hidden></section>
<main id="main"><p class="loading">Loading…</p>
<noscript><p class="notice notice-error">The Batchyard console needs JavaScript.</p></noscript>
</main>
<footer class="footer">Batchyard web console · talks to this server's Catalog, Batch Ingestion and Data Access APIs</footer>
</body>
</html>
"""#
}
