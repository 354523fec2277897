// Measures how many already-parsed records per second one core validates against a 50-field
// nested XDM schema (issue 4 target: at least 500 000 records/s). Run in release:
//   swift run -c release XDMValidationBenchmark
import BatchyardCore
import Foundation
import XDMValidation

/// A tenant field group that, with the ExperienceEvent class and the built-in web and commerce
/// field groups, makes a 50-leaf-field schema with nested objects, an array of objects and a map.
let tenantFieldGroup = """
    {"$id": "https://ns.adobe.com/acme/mixins/bench", "type": "object", "definitions": {"acme": {"properties": {
      "_acme": {"type": "object", "properties": {
        "loyalty": {"type": "object", "required": ["id"], "properties": {
          "id": {"type": "string", "pattern": "^L[0-9]+$"},
          "points": {"type": "integer", "minimum": -2147483648, "maximum": 2147483648},
          "tier": {"type": "string", "enum": ["gold", "silver", "bronze"]},
          "since": {"type": "string", "format": "date"},
          "lastActivity": {"type": "string", "format": "date-time"},
          "optIn": {"type": "boolean"}}},
        "device": {"type": "object", "properties": {
          "type": {"type": "string", "enum": ["mobile", "desktop", "tablet"]},
          "os": {"type": "string"}, "osVersion": {"type": "string", "maxLength": 16},
          "screenWidth": {"type": "integer", "minimum": -32768, "maximum": 32768},
          "screenHeight": {"type": "integer", "minimum": -32768, "maximum": 32768},
          "colorDepth": {"type": "integer", "minimum": -128, "maximum": 128}}},
        "geo": {"type": "object", "properties": {
          "city": {"type": "string"}, "countryCode": {"type": "string", "minLength": 2, "maxLength": 2},
          "latitude": {"type": "number", "minimum": -90, "maximum": 90},
          "longitude": {"type": "number", "minimum": -180, "maximum": 180},
          "postalCode": {"type": "string"}}},
        "campaign": {"type": "object", "properties": {
          "id": {"type": "string"}, "channel": {"type": "string"}, "cost": {"type": "number"},
          "trackingCode": {"type": "string"}, "landingPage": {"type": "string", "format": "uri"}}},
        "attributes": {"type": "object", "additionalProperties": {"type": "string"}},
        "session": {"type": "object", "properties": {
          "id": {"type": "string"}, "number": {"type": "integer"}, "start": {"type": "string", "format": "date-time"},
          "pageDepth": {"type": "integer", "minimum": -32768, "maximum": 32768}, "isFirst": {"type": "boolean"}}},
        "contact": {"type": "object", "properties": {"email": {"type": "string", "format": "email"}, "phone": {"type": "string"}}}
      }}}}},
     "allOf": [{"$ref": "#/definitions/acme"}]}
    """

let schemaText = """
    {"$id": "https://ns.adobe.com/acme/schemas/bench", "type": "object", "allOf": [
      {"$ref": "https://ns.adobe.com/xdm/context/experienceevent"},
      {"$ref": "https://ns.adobe.com/xdm/context/experienceevent-web"},
      {"$ref": "https://ns.adobe.com/xdm/context/experienceevent-commerce"},
      {"$ref": "https://ns.adobe.com/acme/mixins/bench"}]}
    """

func leafCount(_ type: XDMFieldType) -> Int {
    switch type {
    case .object(let object): return object.properties.reduce(0) { $0 + leafCount($1.type) }
    case .array(let items, _): return leafCount(items)
    case .map(let values): return leafCount(values)
    default: return 1
    }
}

/// Records as a JSON reader delivers them: date-times as ISO strings, one number as a string.
func record(_ index: Int, typed: Bool) -> JSONValue {
    let millis = Int64(1_700_000_000_000 + index * 1_000)
    let timestamp: JSONValue = typed ? .int(millis) : .string("2023-11-14T22:13:\(10 + index % 50).\(100 + index % 900)Z")
    let activity: JSONValue = typed ? .int(millis - 86_400_000) : "2023-11-13T08:00:00+02:00"
    return [
        "_id": .string("evt-\(index)"), "timestamp": timestamp, "eventType": "commerce.purchases",
        "producedBy": "self", "eventMergeId": .string("m-\(index % 97)"),
        "identityMap": ["ECID": [["id": .string("\(9_000_000 + index)"), "authenticatedState": "ambiguous", "primary": true]]],
        "web": [
            "webPageDetails": ["name": "checkout", "URL": "https://shop.example.com/checkout", "siteSection": "cart",
                               "pageViews": ["value": 1.0]],
            "webReferrer": ["URL": "https://search.example.org/?q=shoes", "type": "search_engine"],
        ],
        "commerce": [
            "order": ["purchaseID": .string("o-\(index)"), "priceTotal": 129.9, "currencyCode": "EUR"],
            "purchases": ["value": 1.0], "productViews": ["value": 3.0], "productListAdds": ["value": 1.0],
        ],
        "productListItems": [
            ["SKU": "sku-1", "name": "Runner", "quantity": 1, "priceTotal": 99.9, "currencyCode": "EUR"],
            ["SKU": "sku-2", "name": "Socks", "quantity": 2, "priceTotal": 30.0, "currencyCode": "EUR"],
        ],
        "_acme": [
            "loyalty": ["id": .string("L\(index)"), "points": typed ? .int(Int64(index % 5000)) : .string("\(index % 5000)"),
                        "tier": "gold", "since": "2019-04-01", "lastActivity": activity, "optIn": true],
            "device": ["type": "mobile", "os": "iOS", "osVersion": "17.1", "screenWidth": 1170, "screenHeight": 2532, "colorDepth": 24],
            "geo": ["city": "Lyon", "countryCode": "FR", "latitude": 45.76, "longitude": 4.83, "postalCode": "69001"],
            "campaign": ["id": "c-42", "channel": "email", "cost": 0.12, "trackingCode": "spring24",
                         "landingPage": "https://shop.example.com/spring"],
            "attributes": ["segment": "runners", "ab": "B"],
            "session": ["id": .string("s-\(index / 10)"), "number": .int(Int64(index % 10)),
                        "start": typed ? .int(millis - 60_000) : "2023-11-14T22:00:00Z", "pageDepth": 4, "isFirst": false],
            "contact": ["email": "jane.doe@example.com", "phone": "+33 4 00 00 00 00"],
        ],
    ]
}

/// CPU time of this thread, so that other processes on a shared machine do not skew the figure.
func cpuSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func measure(_ label: String, _ validator: RecordValidator, _ records: [JSONValue], seconds: Double = 2) {
    var valid = 0
    for record in records where validator.validate(record).record != nil { valid += 1 }  // warm-up
    precondition(valid == records.count, "\(label): \(records.count - valid) records failed: \(validator.validate(records[0]).errors)")
    var count = 0
    let start = cpuSeconds()
    while cpuSeconds() - start < seconds {
        for _ in 0..<10 {
            for record in records {
                if case .valid = validator.validate(record) { count += 1 }
            }
        }
    }
    let perSecond = Double(count) / (cpuSeconds() - start)
    print("\(label): \(Int(perSecond)) records/s, \(String(format: "%.0f", 1e9 / perSecond)) ns/record")
}

let lookup: @Sendable (String) -> JSONValue? = { id in
    id == "https://ns.adobe.com/acme/mixins/bench" ? try? JSONValue(parsing: tenantFieldGroup) : nil
}
let compiled = try XDMSchemaResolver(lookup: lookup).compile(try JSONValue(parsing: schemaText))
print("schema: \(leafCount(.object(compiled))) leaf fields")
let validator = try RecordValidator(schema: compiled)
// Round-trip through BatchyardCore's JSON parser, so the records are exactly what ingestion's
// readers hand to the validator (native strings, parser-built dictionaries).
let asParsed = try (0..<2_000).map { try JSONValue(parsing: record($0, typed: false).serialized()) }
let typed = try (0..<2_000).map { try JSONValue(parsing: record($0, typed: true).serialized()) }
if CommandLine.arguments.dropFirst().first == "fixed" {
    // A fixed amount of work, for `perf stat` instruction counts (which contention does not skew).
    var mode = CommandLine.arguments.dropFirst(3).first ?? "typed"
    let useTyped = mode.hasPrefix("typed")
    if useTyped, mode != "typed" { mode = String(mode.dropFirst("typed-".count)) }
    let pool = Array((useTyped ? typed : asParsed).prefix(16))
    let lines = pool.map { Array($0.serialized().utf8) }
    var tapes = pool.map(JSONTape.init)
    var scratch = JSONTape()
    var valid = 0
    let loops = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 50_000
    for _ in 0..<loops {
        for (record, line) in zip(pool, lines) {
            switch mode {
            case "parse-only": if (try? JSONValue(parsing: line)) != nil { valid += 1 }
            case "parse-validate": if let fresh = try? JSONValue(parsing: line), validator.validate(fresh).record != nil { valid += 1 }
            case "parse-inplace":
                if var fresh = try? JSONValue(parsing: line), validator.validateInPlace(&fresh).isEmpty { valid += 1 }
            case "tape":
                // Already parsed onto a tape: what ingestion validates.
                if validator.validate(&tapes[valid % tapes.count], at: 0).isEmpty { valid += 1 }
            case "tape-parse-only":
                scratch.removeAll()
                if (try? line.withUnsafeBytes { try scratch.append(parsing: $0) }) != nil { valid += 1 }
            case "tape-parse-validate":
                scratch.removeAll()
                if let root = try? line.withUnsafeBytes({ try scratch.append(parsing: $0) }),
                    validator.validate(&scratch, at: root).isEmpty
                { valid += 1 }
            default: if validator.validate(record).record != nil { valid += 1 }
            }
        }
    }
    print("validated \(valid) records")
    exit(0)
}
let poolArgument = CommandLine.arguments.dropFirst().first.flatMap { Int($0) }
for pool in poolArgument.map({ [$0] }) ?? [16, 2_000] {
    print("pool of \(pool) distinct records (\(pool <= 16 ? "cache-hot, as right after parsing" : "cache-cold"))")
    measure("  as parsed from JSON (4 conversions each)", validator, Array(asParsed.prefix(pool)))
    measure("  already in target types (no conversion) ", validator, Array(typed.prefix(pool)))
}

/// Ingestion's real loop: parse a line, validate the fresh record. In place, the validator updates
/// the record it owns; the validation cost is the difference from parsing alone.
do {
    let lines = asParsed.prefix(16).map { Array($0.serialized().utf8) }
    func rate(_ body: ([UInt8]) -> Bool) -> Double {
        var count = 0
        let start = cpuSeconds()
        while cpuSeconds() - start < 2 {
            for _ in 0..<20 { for line in lines where body(line) { count += 1 } }
        }
        return Double(count) / (cpuSeconds() - start)
    }
    let parseOnly = rate { line in (try? JSONValue(parsing: line)) != nil }
    let parseValidate = rate { line in
        guard let record = try? JSONValue(parsing: line) else { return false }
        return validator.validate(record).record != nil
    }
    let parseInPlace = rate { line in
        guard var record = try? JSONValue(parsing: line) else { return false }
        return validator.validateInPlace(&record).isEmpty
    }
    func validationOnly(_ combined: Double) -> Int { Int(1 / (1 / combined - 1 / parseOnly)) }
    print("ingestion loop, JSON text as read (\(lines.map(\.count).reduce(0, +) / lines.count) bytes a record, 4 conversions each):")
    print("  parse only:                  \(Int(parseOnly)) records/s")
    print("  parse + validate:            \(Int(parseValidate)) records/s (validation alone \(validationOnly(parseValidate)) records/s)")
    print("  parse + validateInPlace:     \(Int(parseInPlace)) records/s (validation alone \(validationOnly(parseInPlace)) records/s)")
}

/// Records already parsed onto tapes (what ingestion's JSON readers produce and validate): the
/// figure the issue-4 target is about.
func tapeRate(_ records: [JSONValue], restoring: Bool) -> Double {
    let pristine = records.map { record -> JSONTape in
        var tape = JSONTape()
        _ = try! Array(record.serialized().utf8).withUnsafeBytes { try tape.append(parsing: $0) }
        return tape
    }
    var tapes = pristine
    for index in tapes.indices { precondition(validator.validate(&tapes[index], at: 0).isEmpty) }
    var count = 0
    let start = cpuSeconds()
    while cpuSeconds() - start < 2 {
        for _ in 0..<10 {
            for index in tapes.indices {
                // Conversions change the tape: start each pass from the parsed record again
                // (copying two arrays, counted in the figure).
                if restoring { tapes[index] = pristine[index] }
                if validator.validate(&tapes[index], at: 0).isEmpty { count += 1 }
            }
        }
    }
    return Double(count) / (cpuSeconds() - start)
}
for pool in poolArgument.map({ [$0] }) ?? [16, 2_000] {
    print("records parsed onto tapes, pool of \(pool) (\(pool <= 16 ? "cache-hot" : "cache-cold")):")
    let sameTypes = tapeRate(Array(typed.prefix(pool)), restoring: false)
    print("  already in target types (no conversion):  \(Int(sameTypes)) records/s, \(String(format: "%.0f", 1e9 / sameTypes)) ns/record")
    let converted = tapeRate(Array(asParsed.prefix(pool)), restoring: true)
    print("  as parsed, 4 conversions (+ tape restore): \(Int(converted)) records/s, \(String(format: "%.0f", 1e9 / converted)) ns/record")
}
do {
    let lines = asParsed.prefix(16).map { Array($0.serialized().utf8) }
    var tape = JSONTape()
    func rate(_ body: ([UInt8], inout JSONTape) -> Bool) -> Double {
        var count = 0
        let start = cpuSeconds()
        while cpuSeconds() - start < 2 {
            for _ in 0..<20 { for line in lines where body(line, &tape) { count += 1 } }
        }
        return Double(count) / (cpuSeconds() - start)
    }
    let parseOnly = rate { line, tape in
        tape.removeAll()
        return (try? line.withUnsafeBytes { try tape.append(parsing: $0) }) != nil
    }
    let parseValidate = rate { line, tape in
        tape.removeAll()
        guard let root = try? line.withUnsafeBytes({ try tape.append(parsing: $0) }) else { return false }
        return validator.validate(&tape, at: root).isEmpty
    }
    print("ingestion loop on a tape (parse a line onto a reused tape, validate it in place):")
    print("  parse only:                  \(Int(parseOnly)) records/s")
    print("  parse + validate:            \(Int(parseValidate)) records/s (validation alone \(Int(1 / (1 / parseValidate - 1 / parseOnly))) records/s)")
}

var broken = typed.map { record -> JSONValue in
    var copy = record
    copy["_acme"]?["loyalty"]?["points"] = "lots"
    return copy
}
let start = cpuSeconds()
var failures = 0
for _ in 0..<20 { for record in broken where validator.validate(record).record == nil { failures += 1 } }
print("invalid records (one error each, cache-cold): \(Int(Double(failures) / (cpuSeconds() - start))) records/s")
broken.removeAll()

/// Baseline: only walking every value of the records (what any validator over `JSONValue` pays).
func walk(_ value: JSONValue) -> Int {
    switch value {
    case .object(let members):
        var count = 0
        for (_, member) in members { count &+= walk(member) }
        return count
    case .array(let items):
        var count = 0
        for item in items { count &+= walk(item) }
        return count
    default: return 1
    }
}
do {
    let pool = Array(typed.prefix(16))
    let start = cpuSeconds()
    var leaves = 0
    var passes = 0
    while cpuSeconds() - start < 1 {
        for record in pool { leaves &+= walk(record) }
        passes += pool.count
    }
    let seconds = cpuSeconds() - start
    print("baseline walk of every value (cache-hot): \(Int(Double(passes) / seconds)) records/s (\(leaves % 2))")
}

/// Swift `Regex` against NSRegularExpression, the figures behind `XDMPattern`'s choice.
final class RegexPair: @unchecked Sendable {  // Regex is not Sendable; this stays on one thread
    let swift: Regex<AnyRegexOutput>
    let foundation: NSRegularExpression
    init(_ pattern: String) throws {
        swift = try Regex(pattern)
        foundation = try NSRegularExpression(pattern: pattern)
    }
}
for (pattern, sample) in [("^[A-Z]{2}-[0-9]+$", "AB-1234"), ("[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}", "user.name42@example.com")] {
    let pair = try RegexPair(pattern)
    let inputs = (0..<1_000).map { $0 % 2 == 0 ? sample : "no match \($0)" }
    var hits = 0
    var start = cpuSeconds()
    for _ in 0..<100 { for input in inputs where (try? pair.swift.firstMatch(in: input)) != nil { hits += 1 } }
    let swiftNanos = (cpuSeconds() - start) * 1e9 / 100_000
    start = cpuSeconds()
    for _ in 0..<100 {
        for input in inputs where pair.foundation.firstMatch(in: input, range: NSRange(location: 0, length: input.utf16.count)) != nil {
            hits += 1
        }
    }
    let foundationNanos = (cpuSeconds() - start) * 1e9 / 100_000
    print("pattern /\(pattern)/: Swift Regex \(Int(swiftNanos)) ns, NSRegularExpression \(Int(foundationNanos)) ns per match (\(hits))")
}
