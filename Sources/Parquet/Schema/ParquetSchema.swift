/// A Parquet schema: the root's fields as a tree, plus the derived list of leaf columns with their
/// definition and repetition levels. Validated on creation, so the writer can rely on it.
public struct ParquetSchema: Sendable, Hashable {
    /// Name of the root message (`schema` by convention).
    public let name: String
    /// Top-level fields in file order.
    public let fields: [ParquetField]
    /// Leaf columns in depth-first order: the order of column chunks in every row group.
    public let columns: [ColumnDescriptor]

    static let maxDepth = 200

    /// Builds and validates a schema.
    public init(_ fields: [ParquetField], name: String = "schema") throws(ParquetError) {
        guard !fields.isEmpty else { throw .invalidSchema("a schema needs at least one field") }
        var seen = Set<String>()
        for f in fields where !seen.insert(f.name).inserted { throw .invalidSchema("duplicate field \(f.name)") }
        self.name = name
        self.fields = fields
        var columns: [ColumnDescriptor] = []
        for f in fields { try Self.collect(f, path: [], def: 0, rep: 0, depth: 1, into: &columns) }
        self.columns = columns
    }

    private static func collect(
        _ field: ParquetField, path: [String], def: Int, rep: Int, depth: Int, into columns: inout [ColumnDescriptor]
    ) throws(ParquetError) {
        guard depth <= maxDepth else { throw .invalidSchema("schema nesting deeper than \(maxDepth)") }
        let path = path + [field.name]
        let def = field.repetition == .required ? def : def + 1
        let rep = field.repetition == .repeated ? rep + 1 : rep
        switch field.kind {
        case .group(let children):
            guard !children.isEmpty else { throw .invalidSchema("group \(path.joined(separator: ".")) has no fields") }
            var seen = Set<String>()
            for c in children {
                guard seen.insert(c.name).inserted else {
                    throw .invalidSchema("duplicate field \(c.name) in \(path.joined(separator: "."))")
                }
                try collect(c, path: path, def: def, rep: rep, depth: depth + 1, into: &columns)
            }
        case .primitive(let type, let length):
            var width = 0
            if type == .fixedLenByteArray {
                guard let length, length > 0 else {
                    throw .invalidSchema("FIXED_LEN_BYTE_ARRAY \(path.joined(separator: ".")) needs a positive length")
                }
                width = Int(length)
            }
            columns.append(ColumnDescriptor(
                path: path, physicalType: type, typeLength: width, logicalType: field.logicalType,
                maxDefinitionLevel: def, maxRepetitionLevel: rep, repetition: field.repetition))
        }
    }

    /// Index of the leaf column with this dotted path (e.g. `"web.webPageDetails.URL"`), for `readColumn`.
    public func columnIndex(_ dottedPath: String) -> Int? {
        columns.firstIndex { $0.dottedPath == dottedPath }
    }

    /// Finds a top-level field by name.
    public func field(named name: String) -> ParquetField? {
        fields.first { $0.name == name }
    }
}
