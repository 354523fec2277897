import BatchyardCore

extension APIOperations {
    /// The Catalog's operations, one per `CatalogEndpoint` the dispatch can resolve to.
    static var catalog: [APIOperation] {
        CatalogEndpoint.all.map(operation(for:))
    }

    static func operation(for endpoint: CatalogEndpoint) -> APIOperation {
        let prefix = CatalogController.prefix
        let path = endpoint.template.isEmpty ? prefix : prefix + endpoint.template
        let objects = APIResponses.json("The objects, keyed by id.", APIResponses.ref("CatalogObjects"))
        let notFound = APIResponses.problem("No such object in this org and sandbox.")
        let precondition = APIResponses.problem("`If-Match`/`If-None-Match` did not hold.")
        let mediaType = APIResponses.problem("The body's media type is not accepted.")
        let tooLarge = APIResponses.problem("The body is larger than 4 MiB.")
        let refs = APIResponses.references("The object's reference.")
        let body = APIBodies.json(APIResponses.ref("CatalogObject"))
        func op(_ id: String, _ summary: String, parameters: [JSONValue] = [], requestBody: JSONValue? = nil,
                _ responses: [(Int, JSONValue)]) -> APIOperation {
            APIOperation(
                method: endpoint.method, path: path, operationID: id, tag: "Catalog", summary: summary,
                parameters: parameters, requestBody: requestBody, responses: responses.map { (status: $0.0, response: $0.1) })
        }
        switch endpoint {
        case .listCollections:
            let links = APIResponses.json(
                "The collections, each with its `@/` link.", ["type": "object", "additionalProperties": ["type": "string"]])
            return op("catalogRoot", "List the Catalog's collections.", [(200, links)])
        case .multiRequest:
            return op(
                "catalogMultiRequest", "Run several Catalog requests in one transaction.",
                requestBody: APIBodies.json(APIResponses.ref("MultiRequest")),
                [(200, APIResponses.json("One result per sub-request.", ["type": "array"])),
                 (404, APIResponses.json("A write sub-request found no object; every write was rolled back.", ["type": "array"])),
                 (412, APIResponses.json("A write sub-request's precondition failed; every write was rolled back.", ["type": "array"])),
                 (413, tooLarge), (415, mediaType)])
        case .lastBatches:
            return op("listLastBatches", "The last batch of each dataset.", parameters: APIParameters.catalogList,
                      [(200, objects)])
        case .deepMergeDataSet:
            return op(
                "deepMergeDataSet", "Deep-merge fields into a dataset (PATCH v2).",
                parameters: APIParameters.preconditions, requestBody: body,
                [(200, refs), (404, notFound), (412, precondition), (413, tooLarge), (415, mediaType)])
        case .uniques:
            var operation = op("batchUniques", "The distinct values of a batch field.",
                               [(200, APIResponses.json("The values.", ["type": "array"])), (404, notFound)])
            let name = APIParameters.propertyName
            operation.pathSchemas["field"] = ["type": "string", "pattern": .string("^\(name)(\\.\(name))*$")]
            return operation
        case .list(let collection):
            return op("list\(collection.typeName)", "List \(collection.pathName).",
                      parameters: APIParameters.catalogList, [(200, objects)])
        case .create(let collection):
            return op(
                "create\(collection.typeName)", "Create an object in \(collection.pathName).",
                parameters: [APIParameters.validateOnly, APIParameters.query("requestDataSource", "Accepted and ignored.")],
                requestBody: body,
                [(200, APIResponses.json("`Pragma: validate-only`: what would be written.", ["type": "array"])),
                 (201, refs), (413, tooLarge), (415, mediaType)])
        case .createWithID:
            return op(
                "createBatchWithID", "Create a batch with an id of the client's choosing.",
                parameters: [APIParameters.validateOnly], requestBody: body,
                [(200, APIResponses.json("`Pragma: validate-only`: what would be written.", ["type": "array"])),
                 (201, refs), (413, tooLarge), (415, mediaType)])
        case .lookup(let collection):
            var parameters = APIParameters.catalogLookup
            if collection == .batches {
                parameters.append(APIParameters.query("aggregate", "Return aggregated status, metrics and errors.",
                                                      schema: ["type": "boolean"]))
            }
            return op(
                "get\(collection.typeName)", "Look up objects of \(collection.pathName) by id (`id1,id2` for several).",
                parameters: parameters,
                [(200, APIResponses.json("The objects, keyed by id.", APIResponses.ref("CatalogObjects"),
                                         headers: ["ETag": ["schema": ["type": "string"]]])),
                 (404, notFound)])
        case .replace(let collection):
            return op(
                "replace\(collection.typeName)", "Replace an object of \(collection.pathName).",
                parameters: APIParameters.preconditions + [APIParameters.validateOnly], requestBody: body,
                [(200, refs), (404, notFound), (412, precondition), (413, tooLarge), (415, mediaType)])
        case .patch(let collection):
            return op(
                "patch\(collection.typeName)", "Update fields of an object of \(collection.pathName) (or RFC 6902 JSON Patch).",
                parameters: APIParameters.preconditions + [APIParameters.validateOnly],
                requestBody: APIBodies.json(APIResponses.ref("CatalogObject"), patch: true),
                [(200, refs), (404, notFound), (412, precondition), (413, tooLarge), (415, mediaType)])
        case .delete(let collection):
            return op(
                "delete\(collection.typeName)", "Delete an object of \(collection.pathName).",
                parameters: [APIParameters.preconditions[0]], [(200, refs), (404, notFound), (412, precondition)])
        }
    }
}

extension CatalogCollection {
    /// `DataSets`, `Batches`, `DataSetFiles`: for operation ids.
    fileprivate var typeName: String { pathName.prefix(1).uppercased() + pathName.dropFirst() }
}
