/// Turns records (`ParquetValue.object`) into Dremel columns: one value per present leaf plus a
/// definition and repetition level per entry, appended to the row group's buffers.
struct RecordShredder {
    /// Per-leaf facts the hot path needs, as a trivial value (no reference counting).
    struct LeafInfo {
        let codec: LeafCodec
        let hasDef: Bool
        let hasRep: Bool
        let fixedWidth: Int
    }

    let plan: RecordPlan
    let columns: [ColumnDescriptor]
    let leaves: [LeafInfo]
    var buffers: [ColumnBatch]

    init(schema: ParquetSchema) {
        plan = RecordPlan(schema: schema)
        columns = schema.columns
        leaves = schema.columns.map {
            LeafInfo(codec: LeafCodec($0), hasDef: $0.maxDefinitionLevel > 0, hasRep: $0.maxRepetitionLevel > 0,
                     fixedWidth: $0.physicalType == .fixedLenByteArray ? $0.typeLength : 0)
        }
        buffers = schema.columns.map { ColumnBatch(values: ColumnValues(physicalType: $0.physicalType)) }
    }

    /// Appends one record; on error the buffers may hold part of it, so the writer discards the row group.
    mutating func shred(_ record: ParquetValue) throws(ParquetError) {
        guard case .object = record else { throw .invalidValue("a row must be an object") }
        try visit(plan.root, record, rep: 0)
    }

    private mutating func visit(_ node: PlanNode, _ value: ParquetValue?, rep: UInt16) throws(ParquetError) {
        let isNull: Bool
        switch value {
        case .none, .some(.null): isNull = true
        default: isNull = false
        }
        if isNull {
            if node.isOptional {
                emitEmpty(node.leaves, def: UInt16(node.defLevel - 1), rep: rep)
                return
            }
            if case .list = node.kind {
                emitEmpty(node.leaves, def: UInt16(node.repeatedDef - 1), rep: rep)
                return
            }
            if case .map = node.kind {
                emitEmpty(node.leaves, def: UInt16(node.repeatedDef - 1), rep: rep)
                return
            }
            throw .invalidValue("required field \(columns[node.leaves.lowerBound].dottedPath) is missing")
        }
        let value = value!
        switch node.kind {
        case .leaf(let i):
            let leaf = leaves[i]
            do throws(ParquetError) {
                try leaf.codec.append(value, to: &buffers[i].values, fixedWidth: leaf.fixedWidth)
            } catch {
                throw .invalidValue("\(columns[i].dottedPath): \(error.message)")
            }
            if leaf.hasDef { buffers[i].definitionLevels.append(UInt16(node.defLevel)) }
            if leaf.hasRep { buffers[i].repetitionLevels.append(rep) }
        case .group(let children):
            guard case .object(let members) = value else {
                throw .invalidValue("expected an object for \(columns[node.leaves.lowerBound].dottedPath)")
            }
            if children.count <= 16 {
                // Walking the members and matching names (inline small-string compares) beats
                // hashing every schema name; members not in the schema are ignored either way.
                var seen: UInt16 = 0
                for (key, member) in members {
                    for k in children.indices where children[k].name == key {
                        seen |= 1 << UInt16(k)
                        try visit(children[k].node, member, rep: rep)
                        break
                    }
                }
                if seen != UInt16(truncatingIfNeeded: (1 << children.count) - 1) {
                    for k in children.indices where seen & (1 << UInt16(k)) == 0 { try visit(children[k].node, nil, rep: rep) }
                }
            } else {
                for k in children.indices { try visit(children[k].node, members[children[k].name], rep: rep) }
            }
        case .list(let element):
            guard case .list(let items) = value else {
                throw .invalidValue("expected a list for \(columns[node.leaves.lowerBound].dottedPath)")
            }
            if items.isEmpty {
                emitEmpty(node.leaves, def: UInt16(node.repeatedDef - 1), rep: rep)
                return
            }
            var r = rep
            for item in items {
                try visit(element, item, rep: r)
                r = UInt16(node.repeatedRep)
            }
        case .map(let key, let valueNode):
            var r = rep
            switch value {
            case .map(let entries):
                if entries.isEmpty { emitEmpty(node.leaves, def: UInt16(node.repeatedDef - 1), rep: rep); return }
                for e in entries {
                    try visit(key, e.key, rep: r)
                    try visit(valueNode, e.value, rep: r)
                    r = UInt16(node.repeatedRep)
                }
            case .object(let members):
                if members.isEmpty { emitEmpty(node.leaves, def: UInt16(node.repeatedDef - 1), rep: rep); return }
                for k in members.keys.sorted() {
                    try visit(key, .string(k), rep: r)
                    try visit(valueNode, members[k], rep: r)
                    r = UInt16(node.repeatedRep)
                }
            default:
                throw .invalidValue("expected a map for \(columns[node.leaves.lowerBound].dottedPath)")
            }
        }
    }

    private mutating func emitEmpty(_ leaves: Range<Int>, def: UInt16, rep: UInt16) {
        for i in leaves {
            if self.leaves[i].hasDef { buffers[i].definitionLevels.append(def) }
            if self.leaves[i].hasRep { buffers[i].repetitionLevels.append(rep) }
        }
    }

    /// Approximate buffered size, for the row-group target.
    var estimatedBytes: Int {
        buffers.reduce(0) { $0 + $1.values.estimatedBytes + $1.definitionLevels.count + $1.repetitionLevels.count }
    }

    /// Hands the buffered columns over and starts empty ones.
    mutating func take() -> [ColumnBatch] {
        let out = buffers
        buffers = columns.map { ColumnBatch(values: ColumnValues(physicalType: $0.physicalType)) }
        return out
    }
}

extension RecordShredder {
    /// Appends a validated column batch to column `i`'s buffer.
    mutating func append(_ batch: ColumnBatch, to i: Int) {
        if buffers[i].entryCount == 0 && buffers[i].values.count == 0 {
            buffers[i] = batch
            return
        }
        var dst = buffers[i]
        buffers[i] = ColumnBatch(values: ColumnValues(physicalType: dst.values.physicalType))
        let src = batch.values
        switch src.physicalType {
        case .boolean: dst.values.booleans += src.booleans
        case .int32: dst.values.int32s += src.int32s
        case .int64: dst.values.int64s += src.int64s
        case .float: dst.values.floats += src.floats
        case .double: dst.values.doubles += src.doubles
        case .byteArray, .fixedLenByteArray, .int96:
            let base = dst.values.bytes.count
            dst.values.bytes += src.bytes
            dst.values.offsets.append(contentsOf: src.offsets.dropFirst().lazy.map { $0 + base })
        }
        dst.definitionLevels += batch.definitionLevels
        dst.repetitionLevels += batch.repetitionLevels
        buffers[i] = dst
    }
}
