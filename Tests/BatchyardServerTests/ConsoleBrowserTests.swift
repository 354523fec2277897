import BatchyardTestSupport
import Foundation
import Testing

/// Loads every console page in headless Chromium against a `batchyard serve` process with real
/// data, checks what the page shows, and saves a screenshot of each page into
/// `.build/console-screenshots/` (printed by the test).
@Suite("Web console in headless Chromium", .serialized)
struct ConsoleBrowserTests {
    static var screenshots: String {
        ProjectPython.packageRoot.appendingPathComponent(".build/console-screenshots").path
    }

    /// Renders `hash` of the console, saves its screenshot as `name`.png, returns the DOM.
    func render(_ browser: HeadlessChromium, _ server: ServerProcess, _ hash: String, name: String, height: Int = 1000)
        throws -> String
    {
        let url = server.baseURL + "/console" + hash
        let dom = try browser.dumpDOM(url)
        try browser.screenshot(url, to: Self.screenshots + "/\(name).png", height: height)
        return dom
    }

    @Test("dev mode: datasets, a dataset with chart and preview, batches with files, errors and row diagnostics")
    func devMode() throws {
        let browser = try HeadlessChromium()
        try FileManager.default.createDirectory(atPath: Self.screenshots, withIntermediateDirectories: true)
        let server = try ServerProcess(dataDirectory: TestServer.temporaryDirectory())
        defer { _ = server.terminate() }
        let before = try browser.dumpDOM(server.baseURL + "/console")
        #expect(before.contains(#"data-state="ready""#) && before.contains("No datasets yet in this org and sandbox."))
        let data = try ConsoleFixture(server: server)
        print("console screenshots: \(Self.screenshots)")

        let list = try render(browser, server, "#/datasets", name: "1-datasets", height: 600)
        #expect(list.contains(#"data-state="ready""#), "\(list.suffix(3000))")
        #expect(list.contains(#"id="datasets-table""#))
        for text in ["LoyaltyMembers", "EmptyDataset", "Loyalty Members", #"data-status="failed""#, ">6<"] {
            #expect(list.contains(text), "datasets page lacks \(text)")
        }
        // Server data is text, never markup.
        #expect(list.contains("&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;bold&lt;/b&gt;"))
        #expect(!list.contains("<b>bold</b>"))

        let dataset = try render(browser, server, "#/datasets/\(data.datasetID)", name: "2-dataset", height: 1500)
        #expect(dataset.contains(#"data-state="ready""#), "\(dataset.suffix(3000))")
        for text in [data.goodBatch, data.partialBatch, data.failedBatch, "Members of the loyalty programme.",
                     #"data-status="success""#, #"data-status="failed""#, "<svg", #"class="bar-records""#,
                     "6 records ingested and 1 failed batch", #"id="preview-table""#,
                     "_\(ConsoleFixture.tenant).loyalty.points", ">gold<", ">120<", ">500<", ">bronze<", "empty in every row not shown"] {
            #expect(dataset.contains(text), "dataset page lacks \(text)")
        }

        let partial = try render(browser, server, "#/batches/\(data.partialBatch)", name: "3-batch-partial", height: 1500)
        #expect(partial.contains(#"data-state="ready""#), "\(partial.suffix(3000))")
        for text in ["INGEST-1212-400", "INGEST-1401-400", "INGEST-1555-400", "outputRecordCount", #"id="files-table""#,
                     "\(data.partialBatch)-1", #"id="diagnostics-table""#, "parsing_errors_0.json", "conversion_errors_0.json",
                     "{not json at all", "partial.json", "/_\(ConsoleFixture.tenant)/loyalty/points", "up to 50 % of rows may fail", "Error diagnostics</dt><dd>enabled"] {
            #expect(partial.contains(text), "partial batch page lacks \(text)")
        }

        let failed = try render(browser, server, "#/batches/\(data.failedBatch)", name: "4-batch-failed", height: 1300)
        #expect(failed.contains(#"data-state="ready""#), "\(failed.suffix(3000))")
        for text in [#"data-status="failed""#, #"id="failed-table""#, "failed.json", "platinum",
                     "No published files", #"id="diagnostics-table""#] {
            #expect(failed.contains(text), "failed batch page lacks \(text)")
        }

        let good = try render(browser, server, "#/batches/\(data.goodBatch)", name: "5-batch-success", height: 1100)
        for text in [#"data-status="success""#, "No errors recorded on this batch.", "No row-level diagnostics.",
                     "\(data.goodBatch)-1"] {
            #expect(good.contains(text), "good batch page lacks \(text)")
        }

        let empty = try browser.dumpDOM(server.baseURL + "/console#/datasets/\(data.emptyDatasetID)")
        for text in ["No batches in this dataset yet.", "No data to preview yet.", "nothing to chart", "no schema"] {
            #expect(empty.contains(text), "empty dataset page lacks \(text)")
        }
        let missing = try browser.dumpDOM(server.baseURL + "/console#/batches/no-such-batch")
        #expect(missing.contains(#"data-state="error""#))
        #expect(missing.contains("HTTP 404"))
    }

    @Test("strict mode: the console asks for a token and says how to get one")
    func strictMode() throws {
        let browser = try HeadlessChromium()
        try FileManager.default.createDirectory(atPath: Self.screenshots, withIntermediateDirectories: true)
        let server = try ServerProcess(dataDirectory: TestServer.temporaryDirectory(), arguments: ["--auth", "strict"])
        defer { _ = server.terminate() }
        let dom = try render(browser, server, "#/datasets", name: "6-strict-token", height: 800)
        #expect(dom.contains(#"data-state="token""#), "\(dom.suffix(3000))")
        for text in ["Sign in with an access token", "POST /ims/token/v3", "batchyard credentials add", "Client secret",
                     "auth strict"] {
            #expect(dom.contains(text), "token prompt lacks \(text)")
        }
        #expect(!dom.contains(#"id="datasets-table""#))
    }
}
