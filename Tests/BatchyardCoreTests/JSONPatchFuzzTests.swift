import Testing
@testable import BatchyardCore

/// Seeded robustness and algebra tests for JSON Patch: random operations never crash, and a few
/// identities hold whatever the document.
@Suite("JSON Patch fuzzing")
struct JSONPatchFuzzTests {
    /// Every pointer into `value` (its own locations), plus some that lead nowhere.
    private static func pointers(in value: JSONValue, prefix: [String] = []) -> [[String]] {
        var result = [prefix]
        switch value {
        case .object(let members):
            for (key, member) in members { result += pointers(in: member, prefix: prefix + [key]) }
            result.append(prefix + ["missing"])
        case .array(let elements):
            for (index, element) in elements.enumerated() { result += pointers(in: element, prefix: prefix + [String(index)]) }
            result.append(prefix + ["-"])
            result.append(prefix + [String(elements.count)])
        default:
            result.append(prefix + ["x"])
        }
        return result
    }

    @Test("random operations apply or throw JSONPatchError", arguments: [41, 42] as [UInt64])
    func randomOperations(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<1500 {
            let document = JSONPropertyTests.randomValue(&rng)
            let locations = Self.pointers(in: document)
            let path = JSONPointer(tokens: locations.randomElement(using: &rng)!)
            let from = JSONPointer(tokens: locations.randomElement(using: &rng)!)
            let value = JSONPropertyTests.randomValue(&rng, depth: 3)
            let operation: JSONPatchOperation = switch Int.random(in: 0..<6, using: &rng) {
            case 0: .add(path: path, value: value)
            case 1: .remove(path: path)
            case 2: .replace(path: path, value: value)
            case 3: .move(from: from, path: path)
            case 4: .copy(from: from, path: path)
            default: .test(path: path, value: path.value(in: document) ?? value)
            }
            do {
                let result = try JSONPatch(operations: [operation]).applied(to: document)
                switch operation {
                case .add(let path, let value), .replace(let path, let value):
                    if path.tokens.last != "-" { #expect(path.value(in: result) == value) }
                case .remove(let path):
                    // Removing then adding back restores the document.
                    let removed = path.value(in: document)!
                    #expect(try JSONPatch(operations: [.add(path: path, value: removed)]).applied(to: result) == document)
                case .test:
                    #expect(result == document)
                case .copy(let from, let path):
                    if path.tokens.last != "-" { #expect(path.value(in: result) == from.value(in: document)) }
                case .move: break
                }
            } catch {
                #expect(error.operationIndex == 0)
                #expect(error.operation == operation.name)
            }
        }
    }

    @Test("operations survive the JSON encoding", arguments: [43] as [UInt64])
    func encoding(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<300 {
            let document = JSONPropertyTests.randomValue(&rng)
            let tokens = Self.pointers(in: document).randomElement(using: &rng)!
            let patch = JSONPatch(operations: [
                .add(path: JSONPointer(tokens: tokens), value: JSONPropertyTests.randomValue(&rng, depth: 3)),
                .move(from: JSONPointer(tokens: tokens), path: JSONPointer(tokens: ["a/b~c"])),
            ])
            let text = patch.json.serialized()
            #expect(try JSONPatch(json: JSONValue(parsing: text)) == patch)
        }
    }
}
