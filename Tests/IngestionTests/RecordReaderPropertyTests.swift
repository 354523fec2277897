import BatchyardCore
import Ingestion
import Testing

/// Random records written as CSV, JSON Lines and multi-line JSON, cut into random chunks, must
/// read back exactly, with the right line numbers.
@Suite("Record readers: round-trip properties")
struct RecordReaderPropertyTests {
    static let seeds: [UInt64] = Array(1...200)

    static let alphabet: [Character] = [
        "a", "b", "z", "0", "7", " ", ",", ";", "\t", "|", "\"", "'", "\\", "\n", "\r", "é", "ß", "日", "😀", "{", "}",
    ]

    func randomString(_ generator: inout SeededGenerator, latin1: Bool, maxLength: Int = 12) -> String {
        let alphabet = latin1 ? Self.alphabet.filter { $0.unicodeScalars.allSatisfy { $0.value < 0x100 } } : Self.alphabet
        let length = Int.random(in: 0...maxLength, using: &generator)
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    // MARK: CSV

    struct CSVCase {
        var options: CSVOptions
        var header: [String]
        var rows: [[String?]]
    }

    func randomCSVCase(_ generator: inout SeededGenerator) -> CSVCase {
        let charset = [Charset.utf8, .iso88591, .utf8].randomElement(using: &generator)!
        let delimiter = [",", ";", "\t", "|"].randomElement(using: &generator)!
        let quote: Character = Bool.random(using: &generator) ? "\"" : "'"
        let escape: Character? = [nil, "\\", quote].randomElement(using: &generator)!
        let nullMarkers = Bool.random(using: &generator) ? ["NULL"] : []
        let options = CSVOptions(
            delimiter: Character(delimiter), quote: quote, escape: escape, nullMarkers: nullMarkers, charset: charset)
        let columns = Int.random(in: 1...5, using: &generator)
        var header: [String] = []
        while header.count < columns {
            let name = "c" + randomString(&generator, latin1: charset != .utf8, maxLength: 6)
            if !header.contains(name) { header.append(name) }
        }
        let rows = (0..<Int.random(in: 0...20, using: &generator)).map { _ in
            (0..<columns).map { _ -> String? in
                // A lone null in a one-column file would be an empty line, which readers skip.
                columns > 1 && Int.random(in: 0..<5, using: &generator) == 0
                    ? nil : randomString(&generator, latin1: charset != .utf8)
            }
        }
        return CSVCase(options: options, header: header, rows: rows)
    }

    /// Writes one field: null as an empty unquoted field, plain text unquoted, anything else quoted
    /// with quotes doubled or escaped (chosen at random) and escapes escaped.
    func csvField(_ value: String?, _ options: CSVOptions, _ generator: inout SeededGenerator) -> String {
        guard let value else { return "" }
        // Compared as scalars: "\r\n" is one Character, equal to neither "\r" nor "\n".
        let special = Set([options.delimiter, options.quote, "\n", "\r"].flatMap(\.unicodeScalars))
        let plain =
            !value.isEmpty && !value.unicodeScalars.contains(where: special.contains)
            && !options.nullMarkers.contains(value)
        if plain && Bool.random(using: &generator) { return value }
        var out = String(options.quote)
        for character in value {
            if character == options.quote {
                let escapeIt = options.escape != nil && Bool.random(using: &generator)
                out.append(escapeIt ? options.escape! : options.quote)
            } else if character == options.escape && options.escape != options.quote {
                out.append(character)
            }
            out.append(character)
        }
        out.append(options.quote)
        return out
    }

    func encode(_ text: String, _ charset: Charset) -> [UInt8] {
        charset == .utf8 ? Array(text.utf8) : text.unicodeScalars.map { UInt8($0.value) }
    }

    @Test("CSV written with random options reads back equal", arguments: seeds)
    func csvRoundTrip(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let testCase = randomCSVCase(&generator)
        let options = testCase.options
        let newline = Bool.random(using: &generator) ? "\n" : "\r\n"
        var text = testCase.header.map { csvField($0, options, &generator) }.joined(separator: String(options.delimiter))
        var expected: [SourceRecord] = []
        for row in testCase.rows {
            text += newline
            let line = text.filter { $0 == "\n" || $0 == "\r\n" }.count + 1
            text += row.map { csvField($0, options, &generator) }.joined(separator: String(options.delimiter))
            let object = Dictionary(uniqueKeysWithValues: zip(testCase.header, row.map { $0.map(JSONValue.string) ?? .null }))
            expected.append(SourceRecord(value: .object(object), line: line))
        }
        if Bool.random(using: &generator) { text += newline }

        let bytes = encode(text, options.charset)
        let reader = try CSVReader(options: options, fileName: "p.csv")
        let result = readChunks(reader, randomChunks(bytes, using: &generator))
        let items = try result.get()
        #expect(items.count == expected.count, "\(text.debugDescription)")
        for (item, record) in zip(items, expected) where item != .record(record) {
            Issue.record("read \(item), expected \(record)")
            break
        }
    }

    // MARK: JSON

    func randomJSON(_ generator: inout SeededGenerator, depth: Int) -> JSONValue {
        switch Int.random(in: 0..<(depth > 2 ? 5 : 7), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int64.random(in: Int64.min...Int64.max, using: &generator))
        case 3: return .double(Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) / 4 + 0.125)
        case 4: return .string(randomString(&generator, latin1: false))
        case 5: return .array((0..<Int.random(in: 0...3, using: &generator)).map { _ in randomJSON(&generator, depth: depth + 1) })
        default: return randomObject(&generator, depth: depth + 1)
        }
    }

    func randomObject(_ generator: inout SeededGenerator, depth: Int) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for _ in 0..<Int.random(in: 0...4, using: &generator) {
            members[randomString(&generator, latin1: false, maxLength: 5)] = randomJSON(&generator, depth: depth)
        }
        return .object(members)
    }

    @Test("JSON Lines with blank lines and CRLF read back equal", arguments: seeds)
    func jsonLinesRoundTrip(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var text = ""
        var line = 1
        var expected: [SourceRecord] = []
        for _ in 0..<Int.random(in: 1...20, using: &generator) {
            while Int.random(in: 0..<4, using: &generator) == 0 {
                text += Bool.random(using: &generator) ? "\n" : "  \r\n"
                line += 1
            }
            let object = randomObject(&generator, depth: 0)
            expected.append(SourceRecord(value: object, line: line))
            text += object.serialized() + (Bool.random(using: &generator) ? "\n" : "\r\n")
            line += 1
        }
        let bytes = Array(text.utf8)
        let result = readChunks(JSONLinesReader(fileName: "p.json"), randomChunks(bytes, using: &generator))
        #expect(result == .success(expected.map(ReadItem.record)))
    }

    @Test("Multi-line JSON, as an array or concatenated, reads back equal", arguments: seeds)
    func multiLineRoundTrip(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let asArray = Bool.random(using: &generator)
        var text = asArray ? "[" : ""
        var line = 1
        var expected: [SourceRecord] = []
        for index in 0..<Int.random(in: 1...20, using: &generator) {
            if asArray && index > 0 { text += "," }
            for _ in 0..<Int.random(in: 0...2, using: &generator) {
                let whitespace = [" ", "\n", "\t", "\r\n"].randomElement(using: &generator)!
                text += whitespace
                if whitespace.utf8.contains(0x0A) { line += 1 }
            }
            let object = randomObject(&generator, depth: 0)
            expected.append(SourceRecord(value: object, line: line))
            text += object.serialized()
        }
        text += asArray ? "]\n" : ""
        let bytes = Array(text.utf8)
        let result = readChunks(MultiLineJSONReader(fileName: "p.json"), randomChunks(bytes, using: &generator))
        #expect(result == .success(expected.map(ReadItem.record)), "\(text)")
    }
}
