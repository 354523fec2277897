extension ParquetSchema {
    /// Flattens the tree into the depth-first element list the footer stores.
    func thriftElements() -> [SchemaElement] {
        var out: [SchemaElement] = []
        var root = SchemaElement()
        root.name = name
        root.numChildren = Int32(fields.count)
        out.append(root)
        for f in fields { Self.flatten(f, into: &out) }
        return out
    }

    private static func flatten(_ f: ParquetField, into out: inout [SchemaElement]) {
        var e = SchemaElement()
        e.name = f.name
        e.repetitionType = f.repetition.rawValue
        e.fieldId = f.fieldId
        e.logicalType = f.logicalType
        e.convertedType = f.logicalType?.convertedType
        if case .decimal(let p, let s) = f.logicalType {
            e.precision = p
            e.scale = s
        }
        switch f.kind {
        case .primitive(let type, let length):
            e.type = type.rawValue
            if type == .fixedLenByteArray { e.typeLength = length }
            out.append(e)
        case .group(let children):
            e.numChildren = Int32(children.count)
            out.append(e)
            for c in children { flatten(c, into: &out) }
        }
    }

    /// Rebuilds the tree from a footer's element list, rejecting inconsistent child counts.
    init(elements: [SchemaElement]) throws(ParquetError) {
        guard let root = elements.first else { throw .corrupt("empty schema") }
        var index = 1
        var fields: [ParquetField] = []
        let count = Int(root.numChildren ?? 0)
        guard count >= 0, count <= elements.count - 1 else { throw .corrupt("schema root child count") }
        for _ in 0..<count { fields.append(try Self.node(elements, &index, depth: 1)) }
        guard index == elements.count else { throw .corrupt("schema has \(elements.count - index) stray elements") }
        try self.init(fields, name: root.name)
    }

    private static func node(_ elements: [SchemaElement], _ index: inout Int, depth: Int) throws(ParquetError) -> ParquetField {
        guard depth <= maxDepth else { throw .corrupt("schema nesting too deep") }
        guard index < elements.count else { throw .corrupt("schema ends early") }
        let e = elements[index]
        index += 1
        guard let repetition = Repetition(rawValue: e.repetitionType ?? 0) else {
            throw .corrupt("bad repetition \(e.repetitionType ?? -1)")
        }
        var logical = e.logicalType
        if logical == nil, let ct = e.convertedType {
            logical = LogicalType(convertedType: ct, precision: e.precision ?? 0, scale: e.scale ?? 0)
        }
        if let n = e.numChildren, e.type == nil || n > 0 {
            guard n >= 0, Int(n) <= elements.count - index else { throw .corrupt("schema child count \(n)") }
            var children: [ParquetField] = []
            for _ in 0..<Int(n) { children.append(try node(elements, &index, depth: depth + 1)) }
            return ParquetField(name: e.name, repetition: repetition, kind: .group(children), logicalType: logical, fieldId: e.fieldId)
        }
        guard let raw = e.type, let type = PhysicalType(rawValue: raw) else {
            throw .corrupt("schema leaf \(e.name) without a valid type")
        }
        return ParquetField(
            name: e.name, repetition: repetition, kind: .primitive(type, typeLength: e.typeLength),
            logicalType: logical, fieldId: e.fieldId)
    }
}
