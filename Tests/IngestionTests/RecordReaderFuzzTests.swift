import BatchyardCore
import Ingestion
import Testing

/// Random and mutated bytes never crash a reader, and what it reports never depends on where the
/// chunk boundaries fall.
@Suite("Record readers: fuzz")
struct RecordReaderFuzzTests {
    static let seeds: [UInt64] = Array(1...8)
    static let iterations = 1000

    /// Bytes biased towards the ones that matter to the scanners.
    static let interesting: [UInt8] = Array("{}[]\",:;|'\\\n\r\t 0aé".utf8) + [0x00, 0xEF, 0xBB, 0xBF, 0xFF, 0x80]

    func randomBytes(_ generator: inout SeededGenerator) -> [UInt8] {
        (0..<Int.random(in: 0...200, using: &generator)).map { _ in
            Bool.random(using: &generator)
                ? Self.interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
        }
    }

    /// Valid input with a few bytes flipped, inserted or removed, which reaches deeper states than noise.
    func mutated(_ text: String, _ generator: inout SeededGenerator) -> [UInt8] {
        var bytes = Array(text.utf8)
        for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: bytes[index] = Self.interesting.randomElement(using: &generator)!
            case 1: bytes.insert(Self.interesting.randomElement(using: &generator)!, at: index)
            default: bytes.remove(at: index)
            }
        }
        return bytes
    }

    /// Reads `bytes` whole and in random chunks; both must agree, and lines must be sane.
    func check<Reader: RecordReader>(_ reader: Reader, _ bytes: [UInt8], _ generator: inout SeededGenerator) {
        let whole = readChunks(reader, [bytes])
        let chunked = readChunks(reader, randomChunks(bytes, using: &generator))
        #expect(whole == chunked, "\(bytes)")
        guard case .success(let items) = whole else { return }
        let lines = items.map { item in
            switch item {
            case .record(let record): return record.line
            case .rowError(let error): return error.line
            }
        }
        let newlines = bytes.filter { $0 == 0x0A || $0 == 0x0D }.count
        #expect(lines.allSatisfy { $0 >= 1 && $0 <= newlines + 1 }, "\(bytes)")
        #expect(lines == lines.sorted(), "\(bytes)")
    }

    @Test("JSON Lines", arguments: seeds)
    func jsonLines(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let sample = "{\"a\":1,\"b\":[true,null,\"x\\\"y\"]}\n\n{\"c\":{\"d\":-1.5e3}}\r\n[1]\n"
        for index in 0..<Self.iterations {
            let bytes = index % 2 == 0 ? randomBytes(&generator) : mutated(sample, &generator)
            let maxRecordBytes = [16, defaultMaxRecordBytes].randomElement(using: &generator)!
            check(JSONLinesReader(fileName: "f", maxRecordBytes: maxRecordBytes), bytes, &generator)
        }
    }

    @Test("Multi-line JSON", arguments: seeds)
    func multiLineJSON(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let sample = "[\n {\"a\": \"}]\\\"\",\n  \"b\": [1, {\"c\": null}]},\n {\"d\": true}\n]\n{\"e\":1}"
        for index in 0..<Self.iterations {
            let bytes = index % 2 == 0 ? randomBytes(&generator) : mutated(sample, &generator)
            let maxRecordBytes = [16, defaultMaxRecordBytes].randomElement(using: &generator)!
            check(MultiLineJSONReader(fileName: "f", maxRecordBytes: maxRecordBytes), bytes, &generator)
        }
    }

    @Test("CSV", arguments: seeds)
    func csv(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let sample = "a,b,c\n1,\"x,\"\"y\"\"\",\\N\r\n\"multi\nline\",,\"q\\\"\"\n"
        for index in 0..<Self.iterations {
            let bytes = index % 2 == 0 ? randomBytes(&generator) : mutated(sample, &generator)
            let options = CSVOptions(
                delimiter: [",", ";", "|"].randomElement(using: &generator)!,
                quote: ["\"", "'"].randomElement(using: &generator)!,
                escape: [nil, "\\", "\""].randomElement(using: &generator)!,
                nullMarkers: ["\\N"], charset: Charset.allCases.randomElement(using: &generator)!)
            guard let reader = try? CSVReader(
                options: options, fileName: "f", maxRecordBytes: [16, defaultMaxRecordBytes].randomElement(using: &generator)!)
            else { continue }
            check(reader, bytes, &generator)
        }
    }
}
