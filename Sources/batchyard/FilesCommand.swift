import ArgumentParser
import BatchyardClient
import BatchyardCore
import Foundation

/// `batchyard files get BATCH`: downloads what a successful batch published, via Data Access.
struct FilesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "files", abstract: "Download the lake files of a batch.", subcommands: [Get.self])

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download every file a batch published into a directory (default ./<batch id>).")
        @OptionGroup var client: ClientOptions
        @Argument(help: "The batch id.") var batch: String
        @Option(name: [.customShort("o"), .customLong("output")], help: "The directory to write into.") var output: String?
        @Option(name: .customLong("limit-rate"), help: "Cap the download bandwidth: bytes per second, or 500k, 10M.")
        var limitRate: String?
        @Flag(help: "No progress output.") var quiet = false

        func validate() throws {
            if let limitRate, Throttle(parsing: limitRate) == nil { throw ValidationError("--limit-rate must be a rate such as 500k or 10M") }
        }

        func run() async throws {
            let api = try client.api()
            let directory = output ?? batch
            let files = try await api.lakeFiles(batchID: batch)
            guard !files.isEmpty else {
                let status = try await api.batch(batch)["status"]?.stringValue ?? ""
                throw ClientError(.server(status: 404), "Batch \(batch) has no published files (its status is '\(status)').")
            }
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw ClientError(.usage, "Cannot create the directory \(directory).")
            }
            let style = client.progressStyle(quiet: quiet)
            var written: [JSONValue] = []
            for file in files {
                let destination = directory + "/" + file.name
                try Self.requireInside(directory, destination)
                let reporter = ProgressReporter(
                    label: file.name, total: file.length, style: style, verb: "downloaded", write: Output.note)
                let size = try await api.download(
                    file, to: destination, throttle: limitRate.flatMap(Throttle.init(parsing:)), reporter: reporter)
                written.append(["dataSetFileId": .string(file.fileID), "name": .string(file.name), "path": .string(destination),
                                "size": .int(size)])
            }
            if client.json { return Output.json(.array(written), compact: true) }
            Output.print(written.map { "\($0["path"]!.stringValue!)\t\($0["size"]!.serialized())" }.joined(separator: "\n"))
        }

        /// A file name from the server must not climb out of the output directory.
        static func requireInside(_ directory: String, _ path: String) throws(ClientError) {
            let base = URL(fileURLWithPath: directory).standardizedFileURL.path
            let target = URL(fileURLWithPath: path).standardizedFileURL.path
            guard target.hasPrefix(base + "/") else {
                throw ClientError(.server(status: 200), "The server named a file outside the output directory: \(path).")
            }
        }
    }
}
