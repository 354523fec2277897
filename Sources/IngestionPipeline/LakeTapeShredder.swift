import BatchyardCore
import Parquet

/// Buffers coerced records of any lake schema (groups, lists, maps) as Parquet column batches
/// with their definition and repetition levels, read straight from a `JSONTape`.
///
/// The same records through ``LakeSchema/row(_:)`` and the writer's row API give the same
/// columns (a test checks it): the levels come from the Parquet module's own `RecordPlan`, and each
/// leaf converts as ``LakeLeaf`` does. Doing it here avoids a `JSONValue` and a `ParquetValue`
/// tree per record, whose dictionaries, hashing and reference counting cost several times the
/// parsing.
struct LakeTapeShredder {
    /// The plan's tree with what the walk needs at each node: key tables for groups, leaf kinds.
    /// Children are reached through raw `Unmanaged` links (owned by `children`), so that the walk
    /// retains nothing: enum payloads and arrays of class references are retained per visit.
    private final class Node {
        enum Kind {
            case leaf, group, list, map
        }

        let kind: Kind
        let column: Int
        let leaf: LakeLeaf
        /// Groups: member names, in `children` order.
        let names: JSONKeyTable
        /// Groups: the members; lists: the element; maps: the key, then the value.
        let children: [Node]
        let links: UnsafeMutableBufferPointer<Unmanaged<Node>>
        let isOptional: Bool
        let defLevel: UInt16
        let repeatedDef: UInt16
        let repeatedRep: UInt16
        let leaves: Range<Int>

        init?(_ plan: PlanNode, columns: [ColumnDescriptor]) {
            var column = 0
            var leaf = LakeLeaf.text
            var names: [String] = []
            var children: [PlanNode] = []
            switch plan.kind {
            case .leaf(let index):
                guard let kind = LakeLeaf(columns[index]) else { return nil }
                self.kind = .leaf
                column = index
                leaf = kind
            case .group(let members):
                kind = .group
                names = members.map(\.name)
                children = members.map(\.node)
            case .list(let element):
                kind = .list
                children = [element]
            case .map(let key, let value):
                kind = .map
                children = [key, value]
            }
            var nodes: [Node] = []
            for child in children {
                guard let node = Node(child, columns: columns) else { return nil }
                nodes.append(node)
            }
            self.column = column
            self.leaf = leaf
            self.names = JSONKeyTable(names)
            self.children = nodes
            links = .allocate(capacity: max(1, nodes.count))
            _ = links.initialize(from: nodes.map { Unmanaged.passUnretained($0) })
            isOptional = plan.isOptional
            defLevel = UInt16(plan.defLevel)
            repeatedDef = UInt16(plan.repeatedDef)
            repeatedRep = UInt16(plan.repeatedRep)
            leaves = plan.leaves
        }

        deinit { links.deallocate() }
    }

    private let root: Node
    private let columns: [ColumnDescriptor]
    private let hasDefinition: [Bool]
    private let hasRepetition: [Bool]
    private var batches: [ColumnBatch]
    private(set) var rowCount = 0

    /// A shredder for `schema`, or `nil` if it has a column type the lake never writes.
    init?(schema: LakeSchema) {
        columns = schema.parquet.columns
        guard let root = Node(RecordPlan(schema: schema.parquet).root, columns: columns) else { return nil }
        self.root = root
        hasDefinition = columns.map { $0.maxDefinitionLevel > 0 }
        hasRepetition = columns.map { $0.maxRepetitionLevel > 0 }
        batches = columns.map { ColumnBatch(values: ColumnValues(physicalType: $0.physicalType)) }
    }

    /// Adds the coerced record at `root` of `tape` (an object).
    mutating func append(_ tape: JSONTape.View, at index: Int) {
        visit(root, tape, index, rep: 0)
        rowCount += 1
    }

    /// The buffered rows as one batch per column, in schema order; the buffer is empty afterwards.
    mutating func take() -> [ColumnBatch] {
        let taken = batches
        batches = columns.map { ColumnBatch(values: ColumnValues(physicalType: $0.physicalType)) }
        rowCount = 0
        return taken
    }

    /// Emits the value at `index` (`nil`: absent) under `node`; a value of a kind the node cannot
    /// hold is null there, as in ``LakeSchema/row(_:)``.
    private mutating func visit(_ node: Node, _ tape: JSONTape.View, _ index: Int?, rep: UInt16) {
        guard let index, tape.kind(at: index) != .null else { return emitNull(node, rep: rep) }
        switch node.kind {
        case .leaf:
            let column = node.column
            guard node.leaf.append(tape, at: index, to: &batches[column].values) else { return emitNull(node, rep: rep) }
            if hasDefinition[column] { batches[column].definitionLevels.append(node.defLevel) }
            if hasRepetition[column] { batches[column].repetitionLevels.append(rep) }
        case .group:
            guard tape.kind(at: index) == .object else { return emitNull(node, rep: rep) }
            let count = node.children.count
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: max(1, count)) { seen in
                seen.initialize(repeating: false)
                var key = index + 1
                while key < tape.end(of: index) {
                    if let child = node.names.index(of: tape.bytes(at: key)) {
                        seen[child] = true
                        node.links[child]._withUnsafeGuaranteedRef { visit($0, tape, key + 1, rep: rep) }
                    }
                    key = tape.end(of: key + 1)
                }
                for child in 0..<node.children.count where !seen[child] {
                    node.links[child]._withUnsafeGuaranteedRef { visit($0, tape, nil, rep: rep) }
                }
            }
        case .list:
            guard tape.kind(at: index) == .array else { return emitNull(node, rep: rep) }
            guard tape.count(at: index) > 0 else { return emitEmpty(node.leaves, def: node.repeatedDef - 1, rep: rep) }
            var itemRep = rep
            var item = index + 1
            while item < tape.end(of: index) {
                node.links[0]._withUnsafeGuaranteedRef { visit($0, tape, item, rep: itemRep) }
                itemRep = node.repeatedRep
                item = tape.end(of: item)
            }
        case .map:
            guard tape.kind(at: index) == .object else { return emitNull(node, rep: rep) }
            guard tape.count(at: index) > 0 else { return emitEmpty(node.leaves, def: node.repeatedDef - 1, rep: rep) }
            tape.withSortedKeys(ofObjectAt: index) { keys in
                var entryRep = rep
                for key in keys {
                    node.links[0]._withUnsafeGuaranteedRef { visit($0, tape, key, rep: entryRep) }
                    node.links[1]._withUnsafeGuaranteedRef { visit($0, tape, key + 1, rep: entryRep) }
                    entryRep = node.repeatedRep
                }
            }
        }
    }

    private mutating func emitNull(_ node: Node, rep: UInt16) {
        if node.isOptional { return emitEmpty(node.leaves, def: node.defLevel - 1, rep: rep) }
        switch node.kind {
        case .list, .map:
            emitEmpty(node.leaves, def: node.repeatedDef - 1, rep: rep)
        default:
            // Every lake field is optional; only the root and map keys are required, and neither
            // is ever null here.
            emitEmpty(node.leaves, def: node.defLevel > 0 ? node.defLevel - 1 : 0, rep: rep)
        }
    }

    private mutating func emitEmpty(_ leaves: Range<Int>, def: UInt16, rep: UInt16) {
        for column in leaves {
            if hasDefinition[column] { batches[column].definitionLevels.append(def) }
            if hasRepetition[column] { batches[column].repetitionLevels.append(rep) }
        }
    }
}
