/// The schema tree prepared for shredding and assembly: each node knows its definition and
/// repetition levels, which leaves (a contiguous range of columns) it covers, and whether it is a
/// struct, a list (3-level, legacy 2-level or a bare repeated field) or a map.
public final class PlanNode: Sendable {
    /// What the node is.
    public enum Kind: Sendable {
        case leaf(Int)
        case group([(name: String, node: PlanNode)])
        /// Items live at `repeatedDef`/`repeatedRep`; each item is the element node.
        case list(element: PlanNode)
        case map(key: PlanNode, value: PlanNode)
    }

    public let kind: Kind
    public let isOptional: Bool
    /// Definition level when this node is present.
    public let defLevel: Int
    public let repLevel: Int
    /// For lists and maps: levels of the repeated group holding the items.
    public let repeatedDef: Int
    public let repeatedRep: Int
    public let leaves: Range<Int>

    init(kind: Kind, isOptional: Bool, defLevel: Int, repLevel: Int, repeatedDef: Int, repeatedRep: Int, leaves: Range<Int>) {
        self.kind = kind
        self.isOptional = isOptional
        self.defLevel = defLevel
        self.repLevel = repLevel
        self.repeatedDef = repeatedDef
        self.repeatedRep = repeatedRep
        self.leaves = leaves
    }
}
