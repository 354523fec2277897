import BatchyardCore
import Ingestion
import Testing

@Suite("MultiLineJSONReader")
struct MultiLineJSONReaderTests {
    /// Reads whole, then byte by byte, and checks both agree before returning.
    func read(_ text: String, maxRecordBytes: Int = defaultMaxRecordBytes) -> Result<[ReadItem], IngestionFileError> {
        let bytes = Array(text.utf8)
        let reader = MultiLineJSONReader(fileName: "in.json", maxRecordBytes: maxRecordBytes)
        let whole = readChunks(reader, [bytes])
        #expect(whole == readChunks(reader, bytes.map { [$0] }))
        return whole
    }

    @Test("A top-level array of objects spanning lines; each record keeps its first line")
    func array() throws {
        let text = "[\n  {\n    \"a\": 1,\n    \"s\": \"}]{[\\\"\"\n  },\n  {\"a\": 2}\n]\n"
        let items = try read(text).get()
        #expect(items == [
            .record(SourceRecord(value: ["a": 1, "s": "}]{[\""], line: 2)),
            .record(SourceRecord(value: ["a": 2], line: 6)),
        ])
    }

    @Test("Concatenated objects, with or without whitespace between them")
    func concatenated() throws {
        let items = try read("\u{FEFF}{\"a\":1}{\"a\":2}\n\n{\n\"a\":3\n}  {\"a\":{\"b\":[{}]}}").get()
        #expect(items.compactMap(\.record) == [
            SourceRecord(value: ["a": 1], line: 1), SourceRecord(value: ["a": 2], line: 1),
            SourceRecord(value: ["a": 3], line: 3), SourceRecord(value: ["a": ["b": [[:]]]], line: 5),
        ])
    }

    @Test("Several top-level arrays are read one after another")
    func severalArrays() {
        #expect(read("[{\"a\":1}][{\"a\":2},{\"a\":3}]").records == [["a": 1], ["a": 2], ["a": 3]])
    }

    @Test("A broken record is a row error; its neighbours are read")
    func brokenRecord() throws {
        let result = read("[\n{\"a\":1},\n{\"a\":,\n \"b\":2},\n{\"a\":3}\n]")
        #expect(result.records == [["a": 1], ["a": 3]])
        let error = try #require(result.rowErrors.first)
        #expect(error.line == 3)
        #expect(error.rawRecord == "{\"a\":,\n \"b\":2}")
        #expect(error.issues.first?.code == .corruptRow)
    }

    @Test("Elements that are not objects, and stray text, are row errors")
    func notObjects() {
        let result = read("[1, \"x\", [{\"a\":1}], null, {\"a\":2}] oops {\"a\":3} 7")
        #expect(result.records == [["a": 2], ["a": 3]])
        #expect(result.rowErrors.map(\.rawRecord) == ["1", "\"x\"", "[{\"a\":1}]", "null", "oops", "7"])
        #expect(result.rowErrors[0].issues.first?.reason == "The record is a JSON number, not an object.")
    }

    @Test("A record cut off by the end of the file is a row error with its text")
    func truncated() {
        let result = read("{\"a\":1}\n{\"a\":\n\"unfinished")
        #expect(result.records == [["a": 1]])
        #expect(result.rowErrors.map(\.line) == [2])
        #expect(result.rowErrors.first?.rawRecord == "{\"a\":\n\"unfinished")
        #expect(result.rowErrors.first?.issues.first?.reason == "The file ends inside this record.")
    }

    @Test("An array that is never closed is a row error")
    func unclosedArray() {
        let result = read("[{\"a\":1},\n")
        #expect(result.records == [["a": 1]])
        #expect(result.rowErrors.map(\.issues.first?.reason) == ["The file ends before the top-level array is closed."])
        #expect(result.rowErrors.first?.line == 2)
    }

    @Test("A file without elements fails with 106", arguments: ["", "  \n\t", "[]", "[ ]\n"])
    func empty(_ text: String) {
        if text.contains("[") {
            #expect(read(text).fileError == nil)
            #expect(read(text).records.isEmpty)
        } else {
            #expect(read(text).fileError == IngestionFileError(.emptyFile, file: "in.json"))
        }
    }

    @Test("An element over the limit fails the file")
    func tooLarge() {
        let text = "[{\"a\":\"" + String(repeating: "x", count: 200) + "\"}]"
        let error = read(text, maxRecordBytes: 64).fileError
        #expect(error?.code == .recordTooLarge)
        #expect(error?.message == "The record starting on line 1 is larger than 64 bytes.")
    }
}
