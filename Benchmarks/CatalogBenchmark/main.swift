import BatchyardCore
import BatchyardStore
import Foundation
import Logging

// Seeds a Batchyard data directory with many batches in one org, through the same store code the
// server uses, so that list latency can be measured at scale (Benchmarks/catalog-bench.sh).
//
//   CatalogBenchmark seed --data-dir DIR --batches 1000000 [--org ORG] [--sandbox prod]

struct Arguments {
    var dataDirectory = "./bench-data"
    var batches = 1_000_000
    var org = "BENCH0000000000000000000@AdobeOrg"
    var sandbox = "prod"

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst(2).makeIterator()
        while let flag = iterator.next() {
            let value = iterator.next() ?? ""
            switch flag {
            case "--data-dir": dataDirectory = value
            case "--batches": batches = Int(value) ?? batches
            case "--org": org = value
            case "--sandbox": sandbox = value
            default: fatalError("unknown flag \(flag)")
            }
        }
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2, arguments[1] == "seed" else {
    print("usage: CatalogBenchmark seed --data-dir DIR --batches N [--org ORG] [--sandbox NAME]")
    exit(2)
}
let options = Arguments(arguments)
try FileManager.default.createDirectory(atPath: options.dataDirectory, withIntermediateDirectories: true)
var logger = Logger(label: "bench")
logger.logLevel = .warning
let database = try await SQLiteMetadataDatabase.open(path: options.dataDirectory + "/metadata.sqlite", logger: logger)
let store = CatalogStore(database: database)
let tenant = Tenant(org: options.org, sandbox: options.sandbox)
let statuses = ["success", "success", "success", "success", "failed", "loading", "processing", "aborted"]
let start = Date()
let baseMillis = Int64(Date().timeIntervalSince1970 * 1000) - Int64(options.batches)

// 100 datasets, then the batches spread over them.
var datasetIDs: [String] = []
try await store.transaction { tx in
    var ids: [String] = []
    for index in 0..<100 {
        let id = CatalogIdentifier.objectID(millis: baseMillis + Int64(index))
        let context = CatalogDocumentRules.WriteContext(tenant: tenant, clientID: "bench", userID: "bench@AdobeID", now: baseMillis)
        let document = CatalogDocumentRules.newDocument(["name": .string("dataset-\(index)")], id: id, collection: .dataSets, context: context)
        try await tx.insert(.dataSets, tenant: tenant, object: StoredObject(id: id, document: document))
        ids.append(id)
    }
    return ids
}.forEach { datasetIDs.append($0) }

let chunk = 5_000
var written = 0
while written < options.batches {
    let count = min(chunk, options.batches - written)
    let first = written
    let datasets = datasetIDs
    try await store.transaction { tx in
        for offset in 0..<count {
            let index = first + offset
            let millis = baseMillis + Int64(index)
            let id = CatalogIdentifier.ulid(millis: millis)
            let datasetID = datasets[index % datasets.count]
            let document: JSONValue = [
                "id": .string(id), "imsOrg": .string(tenant.org), "created": .int(millis), "updated": .int(millis),
                "status": .string(statuses[index % statuses.count]),
                "relatedObjects": [["type": "dataSet", "id": .string(datasetID)]],
                "version": "1.0.0",
                "tags": ["acp_producer": ["bench"], "acp_stagePath": .array([.string("bench/stage/\(id)")]),
                         "team": .array([.string("team-\(index % 10)")])],
                "createdUser": "bench@AdobeID", "updatedUser": "bench@AdobeID", "createdClient": "bench",
                "externalId": .string("ext-\(index)"), "inputFormat": ["format": "json"],
                "recordCount": .int(Int64(index % 1000)),
            ]
            try await tx.insert(.batches, tenant: tenant, object: StoredObject(id: id, document: document))
        }
    }
    written += count
    if written % 100_000 == 0 || written == options.batches {
        let rate = Double(written) / Date().timeIntervalSince(start)
        print("seeded \(written) batches (\(Int(rate)) inserts/s)")
    }
}
print("dataset=\(datasetIDs[7])")
print("org=\(tenant.org)")
try await database.close()
