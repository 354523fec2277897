import ArgumentParser
import BatchyardClient
import BatchyardCore
import Foundation

/// `batchyard datasets list|get|create|delete`: the Catalog's datasets.
struct DatasetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets", abstract: "List, show, create and delete datasets.",
        subcommands: [List.self, Get.self, Create.self, Delete.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List datasets (Catalog filters apply).")
        @OptionGroup var client: ClientOptions
        @OptionGroup var filters: CatalogFilterOptions

        func run() async throws {
            let answer = try await client.api().listDatasets(query: try filters.query())
            if client.json { return Output.json(answer, compact: true) }
            let rows = CatalogListing.sorted(answer).map { id, dataset in
                [id, dataset["name"]?.stringValue ?? "", dataset["lastBatchStatus"]?.stringValue ?? "",
                 CatalogListing.time(dataset["created"])]
            }
            Output.print(TextTable(headers: ["ID", "NAME", "LAST BATCH", "CREATED"], rows: rows).rendered())
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one dataset.")
        @OptionGroup var client: ClientOptions
        @Argument(help: "The dataset id.") var id: String

        func run() async throws {
            Output.json(try await client.api().dataset(id), compact: client.json)
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a dataset and print its id.",
            discussion: "Give --name (and optionally --schema, --description), or a whole dataset document with --file.")
        @OptionGroup var client: ClientOptions
        @Option(help: "The dataset's name.") var name: String?
        @Option(help: "The XDM schema's $id or meta:altId (sets schemaRef).") var schema: String?
        @Option(help: "A description.") var description: String?
        @Option(help: "A JSON file with the dataset document (other options override its fields).") var file: String?

        func validate() throws {
            guard name != nil || file != nil else { throw ValidationError("give --name or --file") }
        }

        func run() async throws {
            var body: [String: JSONValue] = [:]
            if let file { body = try JSONFile.read(file).objectValue ?? [:] }
            if let name { body["name"] = .string(name) }
            if let description { body["description"] = .string(description) }
            if let schema {
                body["schemaRef"] = ["id": .string(schema), "contentType": "application/vnd.adobe.xed+json;version=1"]
            }
            let api = try client.api()
            let id = try await api.createDataset(.object(body))
            if client.json { return Output.json(try await api.dataset(id), compact: true) }
            Output.print(id)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a dataset.")
        @OptionGroup var client: ClientOptions
        @Argument(help: "The dataset id.") var id: String

        func run() async throws {
            try await client.api().deleteDataset(id)
            if client.json { return Output.json(["deleted": .string(id)], compact: true) }
            Output.print("deleted dataset \(id)")
        }
    }
}
