import BatchyardCore

extension InputFormat {
    /// The query parameters of the ingestion-side preview
    /// (`GET /batches/{id}/datasets/{id}/preview?format=csv&delimiter=;…`) that describe the format.
    public static let previewQueryNames: Set<String> = [
        "format", "isMultiLineJson", "delimiter", "quote", "escape", "charset", "header",
    ]

    /// Resolves the format a preview request asks for; its query parameters have the names and
    /// meaning of the batch's `inputFormat` fields, with the same defaults.
    ///
    /// Parameters outside ``previewQueryNames`` are not looked at; the route refuses them.
    public init(previewQuery query: [String: String]) throws(InputFormatError) {
        var object: [String: JSONValue] = [:]
        for (name, value) in query where Self.previewQueryNames.contains(name) {
            object[name] = .string(value)
        }
        try self.init(inputFormat: .object(object))
    }

    /// The preview response's `formatParams`: the options actually used, as strings.
    public var previewFormatParams: JSONValue {
        [
            "format": .string(format.rawValue),
            "delimiter": .string(String(csv.delimiter)),
            "quote": .string(String(csv.quote)),
            "escape": .string(csv.escape.map { String($0) } ?? ""),
            "charset": .string(csv.charset.rawValue),
            "header": .string(csv.header ? "true" : "false"),
        ]
    }
}
