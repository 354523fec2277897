import BatchyardCore
import Testing

@testable import XDMValidation

/// Generated schemas and records: conforming records always pass, and one mutation always fails
/// with exactly one error at the mutated path.
@Suite("Property tests")
struct PropertyTests {
    /// One way to break a conforming record, and the error it must produce.
    struct Mutation {
        enum Operation {
            case replace(JSONValue)
            case delete
            case insert(key: String)
        }

        let tokens: [String]
        let operation: Operation
        let expectedPath: String
        let expectedRule: ValidationRule
    }

    static func pointer(_ tokens: [String]) -> String {
        tokens.map { "/" + $0.replacing("~", with: "~0").replacing("/", with: "~1") }.joined()
    }

    /// Every mutation site of `value` (which conforms to `type`).
    static func mutations(_ type: GeneratedType, _ value: JSONValue, _ tokens: [String]) -> [Mutation] {
        var result: [Mutation] = []
        if !tokens.isEmpty {
            result.append(Mutation(tokens: tokens, operation: .replace(type.wrongKind), expectedPath: pointer(tokens), expectedRule: .type))
        }
        switch (type, value) {
        case (.integer(let width, _, _), _) where width != .long:
            let tooBig = JSONValue.int(width.range.upperBound + 1)
            result.append(Mutation(tokens: tokens, operation: .replace(tooBig), expectedPath: pointer(tokens), expectedRule: .range))
        case (.string(_?, _, _), _):
            result.append(Mutation(tokens: tokens, operation: .replace("platinum"), expectedPath: pointer(tokens), expectedRule: .enum))
        case (.string(nil, let maxLength?, _), _):
            let long = JSONValue.string(String(repeating: "z", count: maxLength + 1))
            result.append(Mutation(tokens: tokens, operation: .replace(long), expectedPath: pointer(tokens), expectedRule: .maxLength))
        case (.string(nil, nil, true), _):
            result.append(Mutation(tokens: tokens, operation: .replace("UPPER"), expectedPath: pointer(tokens), expectedRule: .pattern))
        case (.dateTime, _):
            result.append(Mutation(tokens: tokens, operation: .replace("2020-02-30T00:00:00Z"), expectedPath: pointer(tokens), expectedRule: .format))
        case (.object(let fields), .object(let members)):
            result.append(
                Mutation(tokens: tokens, operation: .insert(key: "zz_unknown"), expectedPath: pointer(tokens + ["zz_unknown"]),
                    expectedRule: .additionalProperties))
            for field in fields {
                guard let member = members[field.name] else { continue }
                let fieldTokens = tokens + [field.name]
                if field.required {
                    result.append(Mutation(tokens: fieldTokens, operation: .delete, expectedPath: pointer(fieldTokens), expectedRule: .required))
                    result.append(Mutation(tokens: fieldTokens, operation: .replace(.null), expectedPath: pointer(fieldTokens), expectedRule: .required))
                }
                result += mutations(field.type, member, fieldTokens)
            }
        case (.array(let items), .array(let elements)):
            for (index, element) in elements.enumerated() { result += mutations(items, element, tokens + [String(index)]) }
        case (.map(let values), .object(let members)):
            for (key, member) in members { result += mutations(values, member, tokens + [key]) }
        default: break
        }
        return result
    }

    static func apply(_ mutation: Mutation.Operation, at tokens: ArraySlice<String>, to value: JSONValue) -> JSONValue {
        guard let first = tokens.first else {
            if case .insert(let key) = mutation, case .object(var members) = value {
                members[key] = 1
                return .object(members)
            }
            if case .replace(let replacement) = mutation { return replacement }
            return value
        }
        switch value {
        case .object(var members):
            if tokens.count == 1, case .delete = mutation {
                members[first] = nil
            } else {
                members[first] = apply(mutation, at: tokens.dropFirst(), to: members[first]!)
            }
            return .object(members)
        case .array(var elements):
            let index = Int(first)!
            elements[index] = apply(mutation, at: tokens.dropFirst(), to: elements[index])
            return .array(elements)
        default:
            return value
        }
    }

    @Test("generated schemas", arguments: 0..<200)
    func conformingRecordsPassAndMutationsFail(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 1)
        let type = GeneratedType.record(&rng, fields: Int.random(in: 1...8, using: &rng))
        let validator = try RecordValidator(resolvedSchema: type.schema)
        for _ in 0..<5 {
            let record = type.value(&rng)
            let result = validator.validate(record)
            #expect(result.errors.isEmpty, "seed \(seed): \(record) failed: \(result.errors)")
            var inPlace = record
            #expect(validator.validateInPlace(&inPlace).isEmpty, "seed \(seed)")
            #expect(inPlace == result.record, "seed \(seed): in-place conversion differs")
            // On a tape, after another document (so the root is not 0), as ingestion validates.
            var tape = JSONTape(["before": [1, "x"]])
            let root = tape.append(record)
            #expect(validator.validate(&tape, at: root).isEmpty, "seed \(seed)")
            #expect(tape.value(at: root) == result.record, "seed \(seed): tape conversion differs")
            #expect(tape.value(at: 0) == ["before": [1, "x"]])
            guard let coerced = result.record else { return }
            // Coercion is idempotent: the output is itself valid and unchanged by another pass.
            #expect(validator.validate(coerced) == .valid(coerced), "seed \(seed)")

            let sites = Self.mutations(type, record, [])
            for mutation in sites.shuffled(using: &rng).prefix(12) {
                let broken = Self.apply(mutation.operation, at: mutation.tokens[...], to: record)
                let errors = validator.validate(broken).errors
                var brokenInPlace = broken
                #expect(validator.validateInPlace(&brokenInPlace) == errors, "seed \(seed): in-place errors differ")
                var brokenTape = JSONTape(["before": 1])
                let brokenRoot = brokenTape.append(broken)
                #expect(validator.validate(&brokenTape, at: brokenRoot) == errors, "seed \(seed): tape errors differ")
                #expect(brokenTape.value(at: brokenRoot) == broken, "seed \(seed): a refused record stays as parsed")
                #expect(errors.count == 1, "seed \(seed): \(mutation.expectedPath) \(mutation.expectedRule) gave \(errors)")
                #expect(errors.first?.path == mutation.expectedPath, "seed \(seed): \(errors)")
                #expect(errors.first?.rule == mutation.expectedRule, "seed \(seed): \(errors)")
            }
        }
    }

    @Test func mutationsCoverEveryKindOfFailure() throws {
        var rules: [ValidationRule: Int] = [:]
        var paths = Set<String>()
        for seed in UInt64(0)..<200 {
            var rng = SplitMix64(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 1)
            let type = GeneratedType.record(&rng, fields: Int.random(in: 1...8, using: &rng))
            for mutation in Self.mutations(type, type.value(&rng), []) {
                rules[mutation.expectedRule, default: 0] += 1
                paths.insert(mutation.expectedPath)
            }
        }
        #expect(Set(rules.keys) == [.type, .range, .enum, .maxLength, .pattern, .format, .additionalProperties, .required])
        #expect(rules.values.allSatisfy { $0 >= 20 }, "\(rules)")
        #expect(paths.contains { $0.contains("~1") } && paths.contains { $0.contains("~0") })
        #expect(paths.contains { $0.split(separator: "/").count >= 4 })
    }
}
