/// The console's files, compiled into the binary as string constants (one `ConsoleAssets+…`
/// extension per file), so no resource bundle has to travel next to the executable.
enum ConsoleAssets {
    /// One file the console serves.
    struct Asset: Sendable {
        let contentType: String
        let body: String
    }

    /// The page served at `/console` and `/console/`.
    static let indexName = "index.html"

    /// Every file under `/console/{name}`.
    static let files: [String: Asset] = [
        indexName: Asset(contentType: "text/html; charset=utf-8", body: indexHTML),
        "console.css": Asset(contentType: "text/css; charset=utf-8", body: styleCSS),
        "app.js": Asset(contentType: "text/javascript; charset=utf-8", body: appJS),
        "api.js": Asset(contentType: "text/javascript; charset=utf-8", body: apiJS),
        "dom.js": Asset(contentType: "text/javascript; charset=utf-8", body: domJS),
        "chart.js": Asset(contentType: "text/javascript; charset=utf-8", body: chartJS),
        "settings.js": Asset(contentType: "text/javascript; charset=utf-8", body: settingsJS),
        "datasets.js": Asset(contentType: "text/javascript; charset=utf-8", body: datasetsJS),
        "batch.js": Asset(contentType: "text/javascript; charset=utf-8", body: batchJS),
    ]
}
