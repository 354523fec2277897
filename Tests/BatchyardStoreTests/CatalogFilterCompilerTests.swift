import BatchyardCore
import BatchyardStore
import Foundation
import Logging
import StoreTestSupport
import Testing

/// The SQL that lists compile to must agree with the in-memory reference semantics
/// (`CatalogQuery.apply`) on every query: random objects, random queries, same answer.
@Suite("Catalog filters in SQL agree with the reference")
struct CatalogFilterCompilerTests {

    static let names = ["alpha", "beta", "te*st", "test", "Alpha", "gamma", "b"]
    static let statuses = ["loading", "success", "failed"]

    static func randomObject(_ index: Int, rng: inout SeededGenerator) -> (String, JSONValue) {
        let id = String(format: "id%04d", index)
        var members: [String: JSONValue] = [
            "id": .string(id),
            "created": .int(Int64.random(in: 1000...1040, using: &rng)),
            "version": .string("1.0.\(Int.random(in: 0...12, using: &rng))"),
            "status": .string(statuses.randomElement(using: &rng)!),
            "name": .string(names.randomElement(using: &rng)!),
        ]
        members["updated"] = members["created"]
        if Bool.random(using: &rng) { members["recordCount"] = .int(Int64.random(in: 0...20, using: &rng)) }
        if Bool.random(using: &rng) { members["size"] = .double(Double(Int.random(in: 0...8, using: &rng)) / 2) }
        if Int.random(in: 0..<3, using: &rng) == 0 { members["description"] = .string(names.randomElement(using: &rng)!) }
        if Bool.random(using: &rng) {
            members["tags"] = ["team": .array([.string(["data", "web", "ml"].randomElement(using: &rng)!)])]
        }
        if Int.random(in: 0..<4, using: &rng) == 0 {
            members["availableDates"] = ["startDate": .int(Int64.random(in: 0...10, using: &rng))]
        }
        return (id, .object(members))
    }

    static func randomQuery(rng: inout SeededGenerator) -> [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        let count = Int.random(in: 0...3, using: &rng)
        for _ in 0..<count {
            let name = names.randomElement(using: &rng)!
            let number = String(Int.random(in: 0...20, using: &rng))
            let choices: [(String, String)] = [
                ("status", statuses.randomElement(using: &rng)!),
                ("status", "!" + statuses.randomElement(using: &rng)!),
                ("status", statuses.shuffled(using: &rng).prefix(2).joined(separator: ",")),
                ("recordCount", number),
                ("property", "recordCount"),
                ("property", "!size"),
                ("property", "name~^\(name.prefix(2))"),
                ("property", "name==\(name)"),
                ("property", "name!=\(name)"),
                ("property", "recordCount<\(number)"),
                ("property", "recordCount>=\(number)"),
                ("property", "size>1.5"),
                ("property", "size<=\(number)"),
                ("property", "version>1.0.\(Int.random(in: 0...12, using: &rng))"),
                ("property", "description==\(name)"),
                ("property", "description!=\(name)"),
                ("property", "description<\(name)"),
                ("tags", "team:" + ["data", "web", "*", "d*"].randomElement(using: &rng)!),
                ("createdAfter", String(Int.random(in: 1000...1040, using: &rng))),
                ("createdBefore", String(Int.random(in: 1000...1040, using: &rng))),
                ("startAfter", String(Int.random(in: 0...10, using: &rng))),
                ("created", String(Int.random(in: 1000...1040, using: &rng))),
            ]
            items.append(choices.randomElement(using: &rng)!)
        }
        if Bool.random(using: &rng) {
            let keys = ["name", "desc:name", "recordCount", "desc:recordCount", "created", "desc:size", "status"]
            items.append(("orderBy", keys.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)).joined(separator: ",")))
        }
        items.append(("limit", String(Int.random(in: 1...100, using: &rng))))
        if Bool.random(using: &rng) { items.append(("start", String(Int.random(in: 0...30, using: &rng)))) }
        return items
    }

    @Test("300 random queries over 120 random batches")
    func agreesWithReference() async throws {
        let directory = NSTemporaryDirectory() + "batchyard-filter-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = try await TestMetadataDatabase.open(
            sqlitePath: directory + "/m.sqlite", readConnections: 1, logger: Logger(label: "test"))
        let store = CatalogStore(database: database)
        let tenant = Tenant(org: "O", sandbox: "prod")
        var rng = SeededGenerator(seed: 42)
        var objects: [(id: String, object: JSONValue)] = []
        for index in 0..<120 {
            let (id, object) = Self.randomObject(index, rng: &rng)
            objects.append((id, object))
        }
        let stored = objects
        try await store.transaction { tx in
            for (id, object) in stored {
                try await tx.insert(.batches, tenant: tenant, object: StoredObject(id: id, document: object))
            }
            // Another tenant's objects must never appear.
            try await tx.insert(.batches, tenant: Tenant(org: "O", sandbox: "dev"),
                                object: StoredObject(id: "other", document: stored[0].object))
        }
        let defaultOrder = objects.sorted { left, right in
            let l = left.object["created"]!.int64Value!, r = right.object["created"]!.int64Value!
            return l != r ? l < r : left.id < right.id
        }
        for round in 0..<300 {
            let items = Self.randomQuery(rng: &rng)
            let query = try CatalogQuery(parsing: items, schema: CatalogCollection.batches.listSchema)
            let expected = query.apply(to: defaultOrder).map(\.id)
            let actual = try await store.list(.batches, tenant: tenant, query: query).map(\.id)
            let description = items.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
            #expect(actual == expected, "round \(round): \(description)")
        }
        try await database.close()
    }
}
