import ArgumentParser
import BatchyardClient
import BatchyardCore

/// `batchyard schemas list|get|create`: the tenant's XDM schemas in the Schema Registry.
struct SchemasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemas", abstract: "List, show and create XDM schemas.",
        subcommands: [List.self, Get.self, Create.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tenant's schemas.")
        @OptionGroup var client: ClientOptions
        @Option(help: "How many to show (0-500).") var limit: Int?
        @Option(name: .customLong("order-by"), help: "title, $id, meta:altId or version; '-' prefix for descending.")
        var orderBy: String?

        func run() async throws {
            var query: [(String, String)] = []
            if let orderBy { query.append(("orderby", orderBy)) }
            if let limit { query.append(("limit", String(limit))) }
            let answer = try await client.api().listSchemas(query: query)
            if client.json { return Output.json(answer, compact: true) }
            let rows = (answer["results"]?.arrayValue ?? []).map { schema in
                [schema["meta:altId"]?.stringValue ?? "", schema["title"]?.stringValue ?? "",
                 schema["version"]?.stringValue ?? "", schema["$id"]?.stringValue ?? ""]
            }
            Output.print(TextTable(headers: ["ALT ID", "TITLE", "VERSION", "$ID"], rows: rows).rendered())
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one schema, fully expanded.")
        @OptionGroup var client: ClientOptions
        @Argument(help: "The schema's $id or meta:altId.") var id: String

        func run() async throws {
            Output.json(try await client.api().schema(id), compact: client.json)
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a schema from a JSON file and print its $id.")
        @OptionGroup var client: ClientOptions
        @Argument(help: "A JSON file with the schema (title, type, allOf …).") var file: String

        func run() async throws {
            let body = try JSONFile.read(file)
            let created = try await client.api().createSchema(body)
            if client.json { return Output.json(created, compact: true) }
            Output.print("\(created["$id"]?.stringValue ?? "")\t\(created["meta:altId"]?.stringValue ?? "")")
        }
    }
}
