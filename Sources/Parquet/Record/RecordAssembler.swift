/// Rebuilds records from a row group's Dremel columns: walks the plan, peeking at the first leaf
/// under a node to learn whether it is null, empty or present, and consuming one entry from each
/// leaf per value. All reads are bounds-checked so inconsistent levels raise an error.
struct RecordAssembler {
    /// One leaf's decoded data and read position; a class so the hot path borrows instead of copying.
    final class Leaf {
        let values: ColumnValues
        let defs: [UInt16]
        let reps: [UInt16]
        let maxDef: Int
        let count: Int
        let codec: LeafCodec
        var entry = 0
        var valueIndex = 0

        init(_ batch: ColumnBatch, _ column: ColumnDescriptor) {
            values = batch.values
            defs = batch.definitionLevels
            reps = batch.repetitionLevels
            maxDef = column.maxDefinitionLevel
            count = batch.entryCount
            codec = LeafCodec(column)
        }

        @inline(__always)
        var atEnd: Bool { entry >= count }

        @inline(__always)
        var def: Int { defs.isEmpty ? maxDef : Int(defs[entry]) }

        @inline(__always)
        var rep: Int { reps.isEmpty ? 0 : Int(reps[entry]) }
    }

    private let plan: RecordPlan
    private let columns: [ColumnDescriptor]
    private let leaves: [Leaf]

    init(schema: ParquetSchema, plan: RecordPlan, batches: [ColumnBatch]) {
        self.plan = plan
        self.columns = schema.columns
        leaves = zip(batches, schema.columns).map { Leaf($0, $1) }
    }

    /// Assembles the next record, or nil when the first column is exhausted.
    mutating func next() throws(ParquetError) -> ParquetValue? {
        guard !leaves[0].atEnd else { return nil }
        return try inner(plan.root)
    }

    @inline(__always)
    private func def(_ leaf: Int) throws(ParquetError) -> Int {
        let l = leaves[leaf]
        guard !l.atEnd else { throw .corrupt("column \(columns[leaf].dottedPath) ends early") }
        return l.def
    }

    private func skip(_ range: Range<Int>) throws(ParquetError) {
        for i in range {
            let l = leaves[i]
            guard !l.atEnd else { throw .corrupt("column \(columns[i].dottedPath) ends early") }
            l.entry += 1
        }
    }

    private mutating func value(_ node: PlanNode) throws(ParquetError) -> ParquetValue {
        if node.isOptional {
            let d = try def(node.leaves.lowerBound)
            if d < node.defLevel {
                try skip(node.leaves)
                return .null
            }
        }
        return try inner(node)
    }

    private mutating func inner(_ node: PlanNode) throws(ParquetError) -> ParquetValue {
        switch node.kind {
        case .leaf(let i):
            let l = leaves[i]
            guard !l.atEnd, l.def == l.maxDef else { throw .corrupt("unexpected null or end in \(columns[i].dottedPath)") }
            let vi = l.valueIndex
            guard vi < l.values.count else { throw .corrupt("column \(columns[i].dottedPath) has too few values") }
            l.valueIndex = vi + 1
            l.entry += 1
            return l.codec.value(l.values, vi)
        case .group(let children):
            var members: [String: ParquetValue] = [:]
            members.reserveCapacity(children.count)
            for k in children.indices { members[children[k].name] = try value(children[k].node) }
            return .object(members)
        case .list(let element):
            let first = node.leaves.lowerBound
            if try def(first) < node.repeatedDef {
                try skip(node.leaves)
                return .list([])
            }
            var items: [ParquetValue] = []
            repeat {
                items.append(try value(element))
            } while !leaves[first].atEnd && leaves[first].rep == node.repeatedRep
            return .list(items)
        case .map(let key, let valueNode):
            let first = node.leaves.lowerBound
            if try def(first) < node.repeatedDef {
                try skip(node.leaves)
                return .map([])
            }
            var entries: [ParquetMapEntry] = []
            repeat {
                let k = try value(key)
                let v = try value(valueNode)
                entries.append(ParquetMapEntry(key: k, value: v))
            } while !leaves[first].atEnd && leaves[first].rep == node.repeatedRep
            return .map(entries)
        }
    }
}
