import BatchyardCore
import Ingestion
import Testing

@Suite("JSONLinesReader")
struct JSONLinesReaderTests {
    /// Reads whole, then byte by byte, and checks both agree before returning.
    func read(_ text: String, maxRecordBytes: Int = defaultMaxRecordBytes) -> Result<[ReadItem], IngestionFileError> {
        let bytes = Array(text.utf8)
        let reader = JSONLinesReader(fileName: "in.json", maxRecordBytes: maxRecordBytes)
        let whole = readChunks(reader, [bytes])
        #expect(whole == readChunks(reader, bytes.map { [$0] }))
        return whole
    }

    @Test("One object per line, each with its line number")
    func basic() throws {
        let items = try read("{\"a\":1}\n{\"b\":{\"c\":[true,null,\"é\"]}}\n").get()
        #expect(items == [
            .record(SourceRecord(value: ["a": 1], line: 1)),
            .record(SourceRecord(value: ["b": ["c": [true, nil, "é"]]], line: 2)),
        ])
    }

    @Test("Blank lines are skipped but counted; CRLF, a BOM and a missing last line break are fine")
    func blankAndLineEndings() throws {
        let items = try read("\u{FEFF}{\"a\":1}\r\n\r\n   \t\n{\"a\":2}\r\n\n{\"a\":3}").get()
        #expect(items.compactMap(\.record) == [
            SourceRecord(value: ["a": 1], line: 1), SourceRecord(value: ["a": 2], line: 4),
            SourceRecord(value: ["a": 3], line: 6),
        ])
    }

    @Test("A bad line is a 1401 row error with its line and text, and reading goes on")
    func badLine() throws {
        let result = read("{\"a\":1}\n{missingQuotes: \"v1\"}\n{\"a\":3}\n")
        #expect(result.records == [["a": 1], ["a": 3]])
        let error = try #require(result.rowErrors.first)
        #expect(error.line == 2)
        #expect(error.rawRecord == "{missingQuotes: \"v1\"}")
        #expect(error.stage == .parsing)
        #expect(error.issues.map(\.code) == [.corruptRow])
        #expect(error.issues[0].reason.hasPrefix("Invalid JSON at byte 1"))
    }

    @Test("Values that are not objects are row errors", arguments: [
        ("[1,2]", "array"), ("42", "number"), ("\"text\"", "string"), ("null", "null"), ("true", "boolean"),
    ])
    func notAnObject(_ line: String, _ kind: String) {
        let result = read(line + "\n")
        #expect(result.rowErrors.map(\.issues.first?.reason) == ["The line is a JSON \(kind), not an object."])
    }

    @Test("A truncated last line is a row error")
    func truncated() {
        let result = read("{\"a\":1}\n{\"a\":")
        #expect(result.records == [["a": 1]])
        #expect(result.rowErrors.map(\.line) == [2])
    }

    @Test("A file without records fails with 106", arguments: ["", "\n\n", " \r\n\t\n", "\u{FEFF}"])
    func empty(_ text: String) {
        #expect(read(text).fileError == IngestionFileError(.emptyFile, file: "in.json"))
    }

    @Test("A line over the limit is a row error and is skipped without being buffered")
    func tooLong() throws {
        let long = "{\"a\":\"" + String(repeating: "x", count: 200) + "\"}"
        let result = read("{\"a\":1}\n\(long)\n{\"a\":3}\n\(long)", maxRecordBytes: 64)
        #expect(result.records == [["a": 1], ["a": 3]])
        #expect(result.rowErrors.map(\.line) == [2, 4])
        #expect(result.rowErrors.allSatisfy { $0.issues.first?.reason == "The line is longer than 64 bytes." })
        #expect(result.rowErrors.allSatisfy { $0.rawRecord.hasPrefix("{\"a\":\"xxx") })
    }

    @Test("A file of only bad lines is not empty: its rows are errors")
    func onlyBad() {
        let result = read("nope\n")
        #expect(result.fileError == nil)
        #expect(result.rowErrors.count == 1)
    }
}
