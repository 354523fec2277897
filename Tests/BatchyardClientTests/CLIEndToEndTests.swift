import BatchyardCore
import Foundation
import Testing

/// Drives the real `batchyard` binary's client commands against a real `batchyard serve`.
@Suite("CLI end to end: the binary against a running server", .serialized)
struct CLIEndToEndTests {
    /// JSON Lines of `count` records `{"id": "r<n>", "n": n, "note": …}`, `padding` characters of note each.
    static func jsonLines(_ count: Int, padding: Int = 10) -> String {
        (0..<count).map { #"{"id": "r\#($0)", "n": \#($0), "note": "\#(String(repeating: "x", count: padding))"}"# }
            .joined(separator: "\n") + "\n"
    }

    static func write(_ text: String, _ name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func createDataset(_ server: RunningServer, name: String = "Loyalty") throws -> String {
        let run = try CLIRun.run(server, ["datasets", "create", "--name", name])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("datasets create/list/get/delete; ingest JSON Lines, CSV and a chunked file with --wait; --json parses")
    func ingestFormats() throws {
        let server = try RunningServer()
        defer { server.stop() }
        let work = RunningServer.temporaryDirectory("work")
        let dataset = try Self.createDataset(server)
        #expect(dataset.count >= 10, "\(dataset)")

        let list = try CLIRun.run(server, ["datasets", "list", "--json"])
        #expect(list.status == 0)
        #expect(list.json[dataset]?["name"] == "Loyalty")
        let table = try CLIRun.run(server, ["datasets", "list", "--property", "name~^Loy"])
        #expect(table.stdout.hasPrefix("ID") && table.stdout.contains(dataset) && table.stdout.contains("Loyalty"))
        let get = try CLIRun.run(server, ["datasets", "get", dataset])
        #expect(get.status == 0 && get.stdout.contains("\"name\": \"Loyalty\""), "\(get.stdout)")

        // JSON Lines
        let lines = try Self.write(Self.jsonLines(3), "members.json", in: work)
        let json = try CLIRun.run(server, ["ingest", lines, "--dataset", dataset, "--wait"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains(": success\n"), "\(json.stdout)")
        #expect(json.stdout.contains("metrics: inputFileCount=1 inputByteSize="), "\(json.stdout)")
        #expect(json.stdout.contains("outputRecordCount=3 failedRecordCount=0"), "\(json.stdout)")
        #expect(json.stderr.contains("members.json: ") && json.stderr.contains("status: success"), "\(json.stderr)")

        // CSV, with --json
        let csv = try Self.write("id,n\nc1,1\nc2,2\n", "members.csv", in: work)
        let csvRun = try CLIRun.run(server, ["ingest", csv, "--dataset", dataset, "--wait", "--json"])
        #expect(csvRun.status == 0, "\(csvRun.stderr)")
        #expect(csvRun.json["status"] == "success")
        #expect(csvRun.json["metrics"]?["outputRecordCount"] == 2)
        #expect(csvRun.json["files"]?.arrayValue?.first?["chunked"] == false)
        #expect(csvRun.stderr.isEmpty, "--json prints no progress: \(csvRun.stderr)")

        // Big enough to be chunked at --chunk-size 64k: 2000 records of about 160 bytes.
        let big = try Self.write(Self.jsonLines(2000, padding: 120), "big.json", in: work)
        let size = try FileManager.default.attributesOfItem(atPath: big)[.size] as? Int ?? 0
        let bigRun = try CLIRun.run(server, ["ingest", big, "--dataset", dataset, "--wait", "--json", "--chunk-size", "64k"])
        #expect(bigRun.status == 0, "\(bigRun.stderr)")
        #expect(bigRun.json["files"]?.arrayValue?.first?["chunked"] == true)
        #expect(bigRun.json["files"]?.arrayValue?.first?["size"]?.int64Value == Int64(size))
        #expect(bigRun.json["metrics"]?["outputRecordCount"] == 2000)
        #expect(bigRun.json["metrics"]?["inputByteSize"]?.int64Value == Int64(size))

        let batches = try CLIRun.run(server, ["batches", "list", "--dataset", dataset, "--status", "success", "--json"])
        #expect(batches.json.objectValue?.count == 3, "\(batches.stdout)")
        let badFilter = try CLIRun.run(server, ["batches", "list", "--filter", "colour=red"])
        #expect(badFilter.status == 3, "an unsupported filter is the server's 400: \(badFilter.stderr)")
        #expect(badFilter.stderr.hasPrefix("batchyard: The server refused the request (400): "), "\(badFilter.stderr)")

        let delete = try CLIRun.run(server, ["datasets", "delete", dataset])
        #expect(delete.status == 0, "\(delete.stderr)")
        let gone = try CLIRun.run(server, ["datasets", "get", dataset])
        #expect(gone.status == 3)
        #expect(gone.stderr.split(separator: "\n").count == 1 && gone.stderr.contains("(404)"), "\(gone.stderr)")
    }

    @Test("a batch with a bad row fails: exit 1, status, errors and the first bad rows printed")
    func failedBatch() throws {
        let server = try RunningServer()
        defer { server.stop() }
        let work = RunningServer.temporaryDirectory("work")
        let dataset = try Self.createDataset(server)
        let file = try Self.write("{\"id\": \"a\"}\n{oops\n{\"id\": \"c\"}\n", "broken.json", in: work)
        let run = try CLIRun.run(server, ["ingest", file, "--dataset", dataset, "--wait"])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains(": failed\n"), "\(run.stdout)")
        #expect(run.stdout.contains("failedRecordCount=1"), "\(run.stdout)")
        #expect(run.stdout.contains("error INGEST-1212-400: "), "\(run.stdout)")
        #expect(run.stdout.contains("first bad rows:\n  broken.json line 2: [1401] "), "\(run.stdout)")
        #expect(run.stdout.contains("— {oops"), "\(run.stdout)")

        let json = try CLIRun.run(server, ["ingest", file, "--dataset", dataset, "--wait", "--json"])
        #expect(json.status == 1)
        #expect(json.json["status"] == "failed")
        #expect(json.json["rowErrors"]?.arrayValue?.first?["_line"] == 2)
    }

    @Test("usage errors exit 2, refusals 3, an unreachable server 4, each with one sentence")
    func exitStatuses() throws {
        let work = RunningServer.temporaryDirectory("work")
        let file = try Self.write("{}\n", "a.json", in: work)
        try FileManager.default.createDirectory(atPath: work + "/sub", withIntermediateDirectories: true)
        let twin = try Self.write("{}\n", "a.json", in: work + "/sub")
        for arguments in [
            ["ingest", file, twin, "--dataset", "d"], ["ingest", work, "--dataset", "d", "--format", "json"],
            ["ingest", "--dataset", "d"], ["ingest", file], ["ingest", file, "--dataset", "d", "--bogus"],
            ["ingest", work + "/missing.json", "--dataset", "d"], ["ingest", file, "--dataset", "d", "--format", "avro"],
            ["ingest", file, "--dataset", "d", "--chunk-size", "huge"], ["datasets", "create"], ["batches", "frobnicate"],
            ["datasets", "list", "--profile", "nope"],
        ] {
            let run = try CLIRun.run(arguments, directory: work)
            #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
            #expect(!run.stderr.isEmpty)
        }
        let missing = try CLIRun.run(["ingest", work + "/missing.json", "--dataset", "d"], directory: work)
        #expect(missing.stderr == "batchyard: There is no file \(work)/missing.json.\n")
        // Nothing listens on port 1.
        let unreachable = try CLIRun.run(["datasets", "list", "--url", "http://127.0.0.1:1"], directory: work)
        #expect(unreachable.status == 4)
        #expect(unreachable.stderr == "batchyard: Cannot reach the server at http://127.0.0.1:1 (is `batchyard serve` running?).\n")
        // `serve` keeps ArgumentParser's usage status.
        let serve = try CLIRun.run(["serve", "--auth", "nonsense"], directory: work)
        #expect(serve.status == 64)

        let server = try RunningServer()
        defer { server.stop() }
        let refused = try CLIRun.run(server, ["ingest", file, "--dataset", "no-such-dataset"])
        #expect(refused.status == 3, "\(refused.stderr)")
        #expect(refused.stderr.hasPrefix("batchyard: The server refused the request (400): "), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
    }

    @Test("connection settings from BATCHYARD_* variables and from a named profile in the profile file")
    func settingsSources() throws {
        let server = try RunningServer()
        defer { server.stop() }
        let home = RunningServer.temporaryDirectory("home")
        let fromEnvironment = try CLIRun.run(
            ["datasets", "create", "--name", "Env", "--json"],
            environment: ["BATCHYARD_URL": server.baseURL, "BATCHYARD_ORG": "Other@AdobeOrg"], directory: home)
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        #expect(fromEnvironment.json["imsOrg"] == "Other@AdobeOrg")
        try FileManager.default.createDirectory(atPath: home + "/.config/batchyard", withIntermediateDirectories: true)
        try #"{"profiles": {"other": {"url": "\#(server.baseURL)", "org": "Other@AdobeOrg"}}}"#.write(
            toFile: home + "/.config/batchyard/profile.json", atomically: true, encoding: .utf8)
        let fromProfile = try CLIRun.run(["datasets", "list", "--profile", "other", "--json"], directory: home)
        #expect(fromProfile.status == 0, "\(fromProfile.stderr)")
        #expect(fromProfile.json.objectValue?.values.map { $0["name"] } == ["Env"])
        // The default org (flag beats profile) sees none of the other org's datasets.
        let flagWins = try CLIRun.run(
            ["datasets", "list", "--profile", "other", "--org", "4F3BB22C5631222A7F000101@AdobeOrg", "--json"], directory: home)
        #expect(flagWins.json.objectValue?.isEmpty == true, "\(flagWins.stdout)")
    }
}
