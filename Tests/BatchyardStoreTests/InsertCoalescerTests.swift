import BatchyardCore
import BatchyardStore
import Foundation
import Logging
import StoreTestSupport
import Testing

@Suite("Coalesced create-batch inserts")
struct InsertCoalescerTests {
    @Test("300 concurrent inserts: each gets its own answer; unknown parents and other tenants are refused")
    func concurrentInserts() async throws {
        let directory = NSTemporaryDirectory() + "batchyard-coalesce-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = try await TestMetadataDatabase.open(
            sqlitePath: directory + "/m.sqlite", readConnections: 1, logger: Logger(label: "test"))
        let store = CatalogStore(database: database)
        let tenant = Tenant(org: "O", sandbox: "prod")
        let other = Tenant(org: "O", sandbox: "dev")
        try await store.transaction { tx in
            try await tx.insert(.dataSets, tenant: tenant, object: StoredObject(id: "D", document: ["created": 1, "version": "1.0.0"]))
        }
        let results = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<300 {
                group.addTask {
                    let parent = index % 3 == 1 ? "missing" : "D"
                    let owner = index % 3 == 2 ? other : tenant
                    let document: JSONValue = [
                        "id": .string("B\(index)"), "created": .int(Int64(index)), "version": "1.0.0",
                        "relatedObjects": [["type": "dataSet", "id": .string(parent)]], "tags": ["n": [.string("\(index)")]],
                    ]
                    let inserted = try await store.insert(
                        .batches, tenant: owner, object: StoredObject(id: "B\(index)", document: document),
                        ifParent: parent, existsIn: .dataSets)
                    return (index, inserted)
                }
            }
            var outcome: [Int: Bool] = [:]
            for try await (index, inserted) in group { outcome[index] = inserted }
            return outcome
        }
        for index in 0..<300 { #expect(results[index] == (index % 3 == 0), "batch \(index)") }
        var query = CatalogQuery()
        query.limit = 100
        let stored = try await store.list(.batches, tenant: tenant, query: query)
        #expect(stored.count == 100)
        let tagged = try await store.list(.batches, tenant: tenant, query: try CatalogQuery(
            parsing: [("tags", "n:3")], schema: CatalogCollection.batches.listSchema))
        #expect(tagged.map(\.id) == ["B3"])
        // A second insert of the same id is refused, not duplicated.
        let again = try await store.insert(
            .batches, tenant: tenant, object: StoredObject(id: "B0", document: ["created": 0, "version": "1.0.0"]),
            ifParent: "D", existsIn: .dataSets)
        #expect(again == false)
        try await database.close()
    }
}
