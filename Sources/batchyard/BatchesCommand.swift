import ArgumentParser
import BatchyardClient
import BatchyardCore

/// `batchyard batches list|get|complete|abort|revert`: batches in the Catalog and their signals.
struct BatchesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batches", abstract: "List and show batches, and signal them.",
        subcommands: [List.self, Get.self, Complete.self, Abort.self, Revert.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List batches (Catalog filters apply).")
        @OptionGroup var client: ClientOptions
        @Option(help: "Only these statuses, comma-separated (success,failed); !loading excludes.") var status: String?
        @Option(help: "Only batches of this dataset.") var dataset: String?
        @OptionGroup var filters: CatalogFilterOptions

        func run() async throws {
            var own: [(String, String)] = []
            if let status { own.append(("status", status)) }
            if let dataset { own.append(("dataSet", dataset)) }
            let answer = try await client.api().listBatches(query: try filters.query(own))
            if client.json { return Output.json(answer, compact: true) }
            let rows = CatalogListing.sorted(answer).map { id, batch in
                [id, batch["status"]?.stringValue ?? "",
                 batch["relatedObjects"]?.arrayValue?.first { $0["type"] == "dataSet" }?["id"]?.stringValue ?? "",
                 batch["metrics"]?["outputRecordCount"]?.int64Value.map(String.init) ?? "",
                 CatalogListing.time(batch["created"])]
            }
            Output.print(TextTable(headers: ["ID", "STATUS", "DATASET", "RECORDS", "CREATED"], rows: rows).rendered())
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one batch.")
        @OptionGroup var client: ClientOptions
        @Argument(help: "The batch id.") var id: String

        func run() async throws {
            Output.json(try await client.api().batch(id), compact: client.json)
        }
    }

    struct Complete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Signal COMPLETE: the batch's files are all there.")
        @OptionGroup var client: ClientOptions
        @Argument(help: "The batch id.") var id: String
        func run() async throws { try await BatchesCommand.signal(client, id, "COMPLETE") }
    }

    struct Abort: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Signal ABORT (a loading or processing batch).")
        @OptionGroup var client: ClientOptions
        @Argument(help: "The batch id.") var id: String
        func run() async throws { try await BatchesCommand.signal(client, id, "ABORT") }
    }

    struct Revert: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Signal REVERT: a successful batch becomes inactive.")
        @OptionGroup var client: ClientOptions
        @Argument(help: "The batch id.") var id: String
        func run() async throws { try await BatchesCommand.signal(client, id, "REVERT") }
    }

    static func signal(_ client: ClientOptions, _ id: String, _ action: String) async throws {
        let api = try client.api()
        try await api.signal(batchID: id, action: action)
        let status = try await api.batch(id)["status"]?.stringValue ?? ""
        if client.json { return Output.json(["id": .string(id), "action": .string(action), "status": .string(status)], compact: true) }
        Output.print("\(action) sent to batch \(id); its status is now '\(status)'")
    }
}
