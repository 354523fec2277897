/// Rebuilds records from a row group's Dremel columns: walks the plan, peeking at the first leaf
/// under a node to learn whether it is null, empty or present, and consuming one entry from each
/// leaf per value. All reads are bounds-checked so inconsistent levels raise an error.
struct RecordAssembler {
    private let plan: RecordPlan
    private let columns: [ColumnDescriptor]
    private let codecs: [LeafCodec]
    private let batches: [ColumnBatch]
    private var entry: [Int]
    private var valueIndex: [Int]
    private let entryCounts: [Int]

    init(schema: ParquetSchema, plan: RecordPlan, batches: [ColumnBatch]) {
        self.plan = plan
        self.columns = schema.columns
        self.codecs = schema.columns.map(LeafCodec.init)
        self.batches = batches
        entry = Array(repeating: 0, count: batches.count)
        valueIndex = Array(repeating: 0, count: batches.count)
        entryCounts = batches.map(\.entryCount)
    }

    /// Assembles the next record, or nil when the first column is exhausted.
    mutating func next() throws(ParquetError) -> ParquetValue? {
        guard entry[0] < entryCounts[0] else { return nil }
        return try inner(plan.root)
    }

    @inline(__always)
    private func def(_ leaf: Int) throws(ParquetError) -> Int {
        guard entry[leaf] < entryCounts[leaf] else { throw .corrupt("column \(columns[leaf].dottedPath) ends early") }
        let d = batches[leaf].definitionLevels
        return d.isEmpty ? columns[leaf].maxDefinitionLevel : Int(d[entry[leaf]])
    }

    @inline(__always)
    private func rep(_ leaf: Int) -> Int {
        guard entry[leaf] < entryCounts[leaf] else { return 0 }
        let r = batches[leaf].repetitionLevels
        return r.isEmpty ? 0 : Int(r[entry[leaf]])
    }

    private mutating func skip(_ leaves: Range<Int>) throws(ParquetError) {
        for i in leaves {
            guard entry[i] < entryCounts[i] else { throw .corrupt("column \(columns[i].dottedPath) ends early") }
            entry[i] += 1
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
            guard try def(i) == columns[i].maxDefinitionLevel else { throw .corrupt("unexpected null in \(columns[i].dottedPath)") }
            let vi = valueIndex[i]
            guard vi < batches[i].values.count else { throw .corrupt("column \(columns[i].dottedPath) has too few values") }
            valueIndex[i] = vi + 1
            entry[i] += 1
            return codecs[i].value(batches[i].values, vi)
        case .group(let children):
            var members: [String: ParquetValue] = [:]
            members.reserveCapacity(children.count)
            for (name, child) in children { members[name] = try value(child) }
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
            } while entry[first] < entryCounts[first] && rep(first) == node.repeatedRep
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
            } while entry[first] < entryCounts[first] && rep(first) == node.repeatedRep
            return .map(entries)
        }
    }
}
