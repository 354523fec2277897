import BatchyardCore
import BatchyardStore

/// `POST /data/foundation/import/batches`: the seed of Batchyard.
///
/// Answers 201 with the batch object exactly as AEP's "Create a batch" page shows it.
struct BatchCreation: Sendable {
    let store: CatalogStore

    static let inputFormats: Set<String> = ["json", "parquet", "csv"]

    func create(body: JSONValue?, principal: Principal, tenant: Tenant, now: Int64) async throws -> JSONValue {
        guard let body else {
            throw ProblemError.badRequest("Send a JSON body with at least a datasetId.", code: "INGEST-1100-400")
        }
        guard let members = body.objectValue else {
            throw ProblemError.badRequest("The body must be a JSON object with a datasetId.", code: "INGEST-1100-400")
        }
        guard let datasetID = members["datasetId"]?.stringValue, !datasetID.isEmpty else {
            throw ProblemError.badRequest("'datasetId' is required and must be a string.", code: "INGEST-1101-400")
        }
        let batchID = CatalogIdentifier.ulid(millis: now)
        let document = try Self.document(
            members, batchID: batchID, datasetID: datasetID, principal: principal, tenant: tenant, now: now)
        let predecessors = document["replay"]?["predecessors"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let object = StoredObject(id: batchID, document: document)
        if predecessors.isEmpty {
            // The common case is one statement: insert the batch if its dataset exists.
            guard try await store.insert(.batches, tenant: tenant, object: object, ifParent: datasetID, existsIn: .dataSets)
            else { throw Self.unknownDataset(datasetID, tenant: tenant) }
            return document
        }
        try await store.transaction { tx in
            guard try await tx.get(.dataSets, tenant: tenant, id: datasetID) != nil else {
                throw Self.unknownDataset(datasetID, tenant: tenant)
            }
            let found = Set(try await tx.get(.batches, tenant: tenant, ids: predecessors).map(\.id))
            if let missing = predecessors.first(where: { !found.contains($0) }) {
                throw ProblemError.badRequest(
                    "Replay predecessor batch '\(missing)' does not exist.", code: "INGEST-1103-400")
            }
            try await tx.insert(.batches, tenant: tenant, object: object)
        }
        return document
    }

    static func unknownDataset(_ datasetID: String, tenant: Tenant) -> ProblemError {
        .badRequest(
            "Dataset '\(datasetID)' does not exist in org \(tenant.org), sandbox \(tenant.sandbox).",
            code: "INGEST-1102-400")
    }

    /// Builds the batch object from the request body; throws 400s for fields of the wrong shape.
    static func document(
        _ body: [String: JSONValue], batchID: String, datasetID: String, principal: Principal, tenant: Tenant, now: Int64
    ) throws -> JSONValue {
        var inputFormat: [String: JSONValue] = ["format": "parquet"]
        if let given = body["inputFormat"] {
            guard var format = given.objectValue else {
                throw ProblemError.badRequest("'inputFormat' must be an object such as {\"format\": \"json\"}.",
                                              code: "INGEST-1104-400")
            }
            let name = format["format"]?.stringValue?.lowercased() ?? "parquet"
            guard inputFormats.contains(name) else {
                throw ProblemError.badRequest(
                    "inputFormat.format '\(format["format"]?.stringValue ?? "")' is not supported; use json, csv or parquet.",
                    code: "INGEST-1104-400")
            }
            format["format"] = .string(name)
            inputFormat = format
        }
        var tags: [String: JSONValue] = [:]
        if let given = body["tags"] {
            guard let object = given.objectValue,
                object.values.allSatisfy({ $0.arrayValue?.allSatisfy { $0.stringValue != nil } ?? false })
            else {
                throw ProblemError.badRequest("'tags' must map tag names to arrays of strings.", code: "INGEST-1105-400")
            }
            tags = object
        }
        tags["acp_producer"] = [.string(principal.clientID)]
        tags["acp_stagePath"] = [.string("\(principal.clientID)/stage/\(batchID)")]
        if tags["use_plan_b_batch_status"] == nil { tags["use_plan_b_batch_status"] = ["false"] }
        if let diagnostics = body["enableErrorDiagnostics"] {
            guard let flag = diagnostics.boolValue else {
                throw ProblemError.badRequest("'enableErrorDiagnostics' must be a boolean.", code: "INGEST-1106-400")
            }
            tags["acp_enableErrorDiagnostics"] = .bool(flag)
        }
        if let percentage = body["partialIngestionPercentage"] {
            guard let value = percentage.doubleValue, (0...100).contains(value) else {
                throw ProblemError.badRequest("'partialIngestionPercentage' must be a number from 0 to 100.",
                                              code: "INGEST-1107-400")
            }
            tags["acp_partialIngestionPercent"] = percentage
        }
        var document: [String: JSONValue] = [
            "id": .string(batchID),
            "imsOrg": .string(tenant.org),
            "created": .int(now),
            "updated": .int(now),
            "status": "loading",
            "relatedObjects": [["type": "dataSet", "id": .string(datasetID)]],
            "version": .string(ObjectVersion.initial.description),
            "tags": .object(tags),
            "createdUser": .string(principal.userID),
            "updatedUser": .string(principal.userID),
            "createdClient": .string(principal.clientID),
            "externalId": .string(batchID),
            "inputFormat": .object(inputFormat),
        ]
        if let externalID = body["externalId"] {
            guard let text = externalID.stringValue, !text.isEmpty else {
                throw ProblemError.badRequest("'externalId' must be a non-empty string.", code: "INGEST-1108-400")
            }
            document["externalId"] = .string(text)
        }
        if let replay = body["replay"] {
            document["replay"] = try Self.replay(replay)
        }
        return .object(document)
    }

    /// `replay` with its predecessor ids; a leading `$` (AEP's parameter marker) is dropped.
    private static func replay(_ value: JSONValue) throws -> JSONValue {
        guard var members = value.objectValue else {
            throw ProblemError.badRequest("'replay' must be an object with 'predecessors' and 'reason'.",
                                          code: "INGEST-1109-400")
        }
        for key in ["predecessors", "predecessorsByExternalId"] {
            guard let list = members[key] else { continue }
            guard let ids = list.arrayValue?.compactMap(\.stringValue), ids.count == list.arrayValue?.count else {
                throw ProblemError.badRequest("'replay.\(key)' must be an array of strings.", code: "INGEST-1109-400")
            }
            members[key] = .array(ids.map { .string($0.hasPrefix("$") ? String($0.dropFirst()) : $0) })
        }
        if let listing = members["predecessorListingType"]?.stringValue, !["ALL", "IMMEDIATE"].contains(listing) {
            throw ProblemError.badRequest("'replay.predecessorListingType' must be ALL or IMMEDIATE.", code: "INGEST-1109-400")
        }
        return .object(members)
    }
}
