import BatchyardCore
import Foundation

/// Real data for the console tests, made over HTTP against a `batchyard serve` process in the
/// org and sandbox the console starts with: a dataset with a Schema Registry schema and three
/// batches (all good; partial with row errors; failed), a dataset without schema or batches, and
/// one whose name is markup, to prove the console shows it as text.
struct ConsoleFixture {
    static let org = "4F3BB22C5631222A7F000101@AdobeOrg"
    static let tenant = "4f3bb22c5631222a7f000101"
    static let markupName = "<img src=x onerror=alert(1)><b>bold</b>"

    let server: ServerProcess
    var datasetID = ""
    var emptyDatasetID = ""
    /// All rows good → success, 3 records.
    var goodBatch = ""
    /// 3 good rows, one unparsable and one missing its required field, 50 % allowed → success.
    var partialBatch = ""
    /// One row outside the enum and no partial ingestion → failed.
    var failedBatch = ""

    var headers: [String] {
        ["-H", "Authorization: Bearer console-test", "-H", "x-api-key: console-test",
         "-H", "x-gw-ims-org-id: \(Self.org)", "-H", "x-sandbox-name: prod"]
    }

    init(server: ServerProcess) throws {
        self.server = server
        let fieldGroup = try post("/data/foundation/schemaregistry/tenant/fieldgroups",
                                  Registry.loyaltyFieldGroup(tenant: Self.tenant))
        let schema = try post("/data/foundation/schemaregistry/tenant/schemas",
                              Registry.schema("Loyalty Members", fieldGroups: [fieldGroup["$id"]?.stringValue ?? ""]))
        let schemaID = try requireString(schema["$id"], "schema $id")
        datasetID = try createDataset([
            "name": "LoyaltyMembers", "description": "Members of the loyalty programme.",
            "schemaRef": ["id": .string(schemaID), "contentType": "application/vnd.adobe.xed+json;version=1"],
        ])
        emptyDatasetID = try createDataset(["name": "EmptyDataset"])
        _ = try createDataset(["name": .string(Self.markupName)])

        let ns = "_" + Self.tenant
        goodBatch = try ingest(file: "good.json", lines: [
            #"{"\#(ns)": {"loyalty": {"points": 120, "tier": "gold"}}}"#,
            #"{"\#(ns)": {"loyalty": {"points": 7, "tier": "silver"}}}"#,
            #"{"\#(ns)": {"loyalty": {"points": 42, "tier": "bronze", "joined": "2021-03-04"}}}"#,
        ], options: [:])
        partialBatch = try ingest(file: "partial.json", lines: [
            #"{"\#(ns)": {"loyalty": {"points": 500, "tier": "gold"}}}"#,
            #"{not json at all"#,
            #"{"\#(ns)": {"loyalty": {"tier": "silver"}}}"#,
            #"{"\#(ns)": {"loyalty": {"points": 9}}}"#,
            #"{"\#(ns)": {"loyalty": {"points": 31, "tier": "bronze"}}}"#,
        ], options: ["partialIngestionPercentage": 50, "enableErrorDiagnostics": true])
        failedBatch = try ingest(file: "failed.json", lines: [
            #"{"\#(ns)": {"loyalty": {"points": 1, "tier": "gold"}}}"#,
            #"{"\#(ns)": {"loyalty": {"points": 2, "tier": "platinum"}}}"#,
        ], options: ["enableErrorDiagnostics": true])
    }

    private func requireString(_ value: JSONValue?, _ what: String) throws -> String {
        guard let text = value?.stringValue, !text.isEmpty else {
            throw ServerProcessError(message: "no \(what) in the answer")
        }
        return text
    }

    private func post(_ path: String, _ body: JSONValue) throws -> JSONValue {
        let answer = try server.curl(headers + [
            "-X", "POST", server.baseURL + path, "-H", "Content-Type: application/json", "-d", body.serialized(),
        ])
        guard answer.status == 201 else { throw ServerProcessError(message: "POST \(path) → \(answer.status): \(answer.body)") }
        return try JSONValue(parsing: answer.body)
    }

    private func createDataset(_ body: JSONValue) throws -> String {
        let reference = try post("/data/foundation/catalog/dataSets", body).arrayValue?.first?.stringValue ?? ""
        return String(reference.split(separator: "/").last ?? "")
    }

    /// Creates a JSON batch with `options`, uploads `lines` as `file`, completes it and waits until
    /// processing ends; returns the batch id.
    private func ingest(file: String, lines: [String], options: [String: JSONValue]) throws -> String {
        var body: [String: JSONValue] = ["datasetId": .string(datasetID), "inputFormat": ["format": "json"]]
        body.merge(options) { $1 }
        let batchID = try requireString(try post("/data/foundation/import/batches", .object(body))["id"], "batch id")
        let local = server.dataDirectory + "/console-" + file
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: local))
        let base = server.baseURL + "/data/foundation/import/batches/\(batchID)"
        let put = try server.curl(headers + [
            "-X", "PUT", "\(base)/datasets/\(datasetID)/files/\(file)",
            "-H", "Content-Type: application/octet-stream", "--data-binary", "@" + local,
        ])
        guard put.status == 200 else { throw ServerProcessError(message: "upload → \(put.status): \(put.body)") }
        let complete = try server.curl(headers + ["-X", "POST", "\(base)?action=COMPLETE"])
        guard complete.status == 200 else { throw ServerProcessError(message: "COMPLETE → \(complete.status): \(complete.body)") }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let answer = try server.curl(headers + [server.baseURL + "/data/foundation/catalog/batches/\(batchID)"])
            let status = (try? JSONValue(parsing: answer.body))?[batchID]?["status"]?.stringValue ?? ""
            if ["success", "failed"].contains(status) { return batchID }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw ServerProcessError(message: "batch \(batchID) did not finish processing")
    }
}
