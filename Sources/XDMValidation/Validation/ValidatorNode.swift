import BatchyardCore

/// One field of a `RecordValidator`, laid out for the hot loop.
///
/// `XDMFieldType` is the public, comparable description; this class flattens it into plain stored
/// properties (no enum payloads to unpack per value, patterns compiled, enums in lookup tables) so that
/// validating a record is a walk over records and these nodes only.
final class ValidatorNode: Sendable {
    enum Kind: Sendable {
        case string, number, integer, boolean, date, dateTime, object, map, array
    }

    let kind: Kind
    /// `XDMFieldType.displayName`, kept for messages.
    let typeName: String

    // string
    let minLength: Int?
    let maxLength: Int?
    let pattern: XDMPattern?
    let format: XDMStringFormat?
    let stringEnum: SmallStringTable?

    // integer and number
    let width: XDMIntegerWidth
    let rules: XDMNumberRules
    let hasNumericRules: Bool
    let numberEnum: Set<Double>?

    // object
    let names: [String]
    let fieldTable: SmallStringTable
    /// Keeps the children alive; the hot loop goes through `childLinks`, which avoids a
    /// retain/release pair per field visit (reference counting is the largest cost of validation).
    let children: [ValidatorNode]
    let childLinks: [UnownedNode]
    let isRequired: [Bool]
    let requiredCount: Int

    // map values and array items
    let element: ValidatorNode?
    let minItems: Int?
    let maxItems: Int?
    let uniqueItems: Bool

    init(_ type: XDMFieldType, path: String) throws(XDMSchemaError) {
        typeName = type.displayName
        var minLength: Int?, maxLength: Int?, pattern: XDMPattern?, format: XDMStringFormat?
        var stringEnum: SmallStringTable?
        var width = XDMIntegerWidth.long
        var rules = XDMNumberRules()
        var names: [String] = [], children: [ValidatorNode] = [], isRequired: [Bool] = []
        var element: ValidatorNode?
        var minItems: Int?, maxItems: Int?, uniqueItems = false
        switch type {
        case .string(let stringRules):
            kind = .string
            minLength = stringRules.minLength
            maxLength = stringRules.maxLength
            if let source = stringRules.pattern { pattern = try XDMPattern(source, path: path + "/pattern") }
            format = stringRules.format
            stringEnum = stringRules.enumValues.map(SmallStringTable.init)
        case .number(let numberRules):
            kind = .number
            rules = numberRules
        case .integer(let integerWidth, let numberRules):
            kind = .integer
            width = integerWidth
            rules = numberRules
        case .boolean: kind = .boolean
        case .date: kind = .date
        case .dateTime: kind = .dateTime
        case .object(let object):
            kind = .object
            for property in object.properties {
                names.append(property.name)
                isRequired.append(property.isRequired)
                children.append(
                    try ValidatorNode(property.type, path: path + "/properties/" + XDMPointer.escape(property.name)))
            }
        case .map(let values):
            kind = .map
            element = try ValidatorNode(values, path: path + "/additionalProperties")
        case .array(let items, let arrayRules):
            kind = .array
            element = try ValidatorNode(items, path: path + "/items")
            minItems = arrayRules.minItems
            maxItems = arrayRules.maxItems
            uniqueItems = arrayRules.uniqueItems
        }
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.format = format
        self.stringEnum = stringEnum
        self.width = width
        self.rules = rules
        self.hasNumericRules =
            rules.minimum != nil || rules.maximum != nil || rules.exclusiveMinimum != nil
            || rules.exclusiveMaximum != nil || rules.enumValues != nil
        self.numberEnum = rules.enumValues.map(Set.init)
        self.names = names
        self.children = children
        self.childLinks = children.map(UnownedNode.init)
        self.isRequired = isRequired
        self.requiredCount = isRequired.lazy.filter { $0 }.count
        self.fieldTable = SmallStringTable(names)
        self.element = element
        self.minItems = minItems
        self.maxItems = maxItems
        self.uniqueItems = uniqueItems
    }

    /// A child reference that does not retain: the parent's `children` owns every node for the
    /// validator's lifetime.
    struct UnownedNode: @unchecked Sendable {
        unowned(unsafe) let node: ValidatorNode
    }

    /// Checks `uniqueItems` on an array's final (converted) items.
    func checkUnique(_ items: [JSONValue], _ sink: inout ErrorSink) -> Bool {
        guard uniqueItems, items.count > 1 else { return true }
        var seen = Set<JSONValue>(minimumCapacity: items.count)
        for (position, item) in items.enumerated() where !seen.insert(item).inserted {
            sink.add(.uniqueItems, expected: "unique items", found: "a repeat at index \(position)")
            return false
        }
        return true
    }
}
