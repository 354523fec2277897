/// Builds the plan for a whole schema; the root is a required group.
///
/// Public so that writers holding records in another form (ingestion's JSON tapes) can shred
/// them into ``ColumnBatch``es with exactly the levels the record API would produce.
public struct RecordPlan: Sendable {
    /// The record's node; leaves are numbered in column order.
    public let root: PlanNode

    /// The plan of `schema`.
    public init(schema: ParquetSchema) {
        var next = 0
        var children: [(String, PlanNode)] = []
        for f in schema.fields { children.append((f.name, Self.build(f, parentDef: 0, parentRep: 0, next: &next))) }
        root = PlanNode(kind: .group(children), isOptional: false, defLevel: 0, repLevel: 0, repeatedDef: 0, repeatedRep: 0, leaves: 0..<next)
    }

    private static func build(_ f: ParquetField, parentDef: Int, parentRep: Int, next: inout Int) -> PlanNode {
        let first = next
        if f.repetition == .repeated {
            // A bare repeated field is a list that is never null, only empty.
            let def = parentDef + 1, rep = parentRep + 1
            var element = f
            element.repetition = .required
            let node = build(element, parentDef: def, parentRep: rep, next: &next)
            return PlanNode(kind: .list(element: node), isOptional: false, defLevel: parentDef, repLevel: parentRep,
                            repeatedDef: def, repeatedRep: rep, leaves: first..<next)
        }
        let def = parentDef + (f.repetition == .optional ? 1 : 0)
        let rep = parentRep
        switch f.kind {
        case .primitive:
            next += 1
            return PlanNode(kind: .leaf(first), isOptional: f.repetition == .optional, defLevel: def, repLevel: rep,
                            repeatedDef: def, repeatedRep: rep, leaves: first..<next)
        case .group(let children):
            if f.logicalType == .list, children.count == 1, children[0].repetition == .repeated {
                let r = children[0]
                let rdef = def + 1, rrep = rep + 1
                let element: PlanNode
                if r.isGroup, r.children.count == 1, r.name != "array", r.name != f.name + "_tuple" {
                    element = build(r.children[0], parentDef: rdef, parentRep: rrep, next: &next)
                } else {
                    var e = r
                    e.repetition = .required
                    element = build(e, parentDef: rdef, parentRep: rrep, next: &next)
                }
                return PlanNode(kind: .list(element: element), isOptional: f.repetition == .optional, defLevel: def,
                                repLevel: rep, repeatedDef: rdef, repeatedRep: rrep, leaves: first..<next)
            }
            if f.logicalType == .map, children.count == 1, children[0].repetition == .repeated,
               children[0].children.count == 2 {
                let kv = children[0]
                let rdef = def + 1, rrep = rep + 1
                let key = build(kv.children[0], parentDef: rdef, parentRep: rrep, next: &next)
                let value = build(kv.children[1], parentDef: rdef, parentRep: rrep, next: &next)
                return PlanNode(kind: .map(key: key, value: value), isOptional: f.repetition == .optional, defLevel: def,
                                repLevel: rep, repeatedDef: rdef, repeatedRep: rrep, leaves: first..<next)
            }
            var nodes: [(String, PlanNode)] = []
            for c in children { nodes.append((c.name, build(c, parentDef: def, parentRep: rep, next: &next))) }
            return PlanNode(kind: .group(nodes), isOptional: f.repetition == .optional, defLevel: def, repLevel: rep,
                            repeatedDef: def, repeatedRep: rep, leaves: first..<next)
        }
    }
}
