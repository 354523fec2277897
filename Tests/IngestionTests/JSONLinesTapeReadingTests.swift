import BatchyardCore
import Ingestion
import Testing

/// Reading JSON Lines onto tapes (what ingestion does) must hand over exactly what reading them
/// into `JSONValue`s does: the same records, line numbers and row errors, however the file is cut.
@Suite("JSON Lines read onto tapes")
struct JSONLinesTapeReadingTests {
    /// Reads `chunks` onto one tape per chunk and turns the items back into `ReadItem`s.
    private func readOntoTapes(_ chunks: [[UInt8]]) -> Result<[ReadItem], IngestionFileError> {
        var reader = JSONLinesReader(fileName: "t.json", maxRecordBytes: 200)
        var items: [ReadItem] = []
        func collect(_ tape: JSONTape, _ read: [TapeReadItem]) {
            for item in read {
                switch item {
                case .record(let root, let line): items.append(.record(SourceRecord(value: tape.value(at: root), line: line)))
                case .rowError(let error): items.append(.rowError(error))
                }
            }
        }
        do throws(IngestionFileError) {
            for chunk in chunks {
                var tape = JSONTape()
                var read: [TapeReadItem] = []
                let result = chunk.withUnsafeBytes { buffer in
                    Result { () throws(IngestionFileError) in try reader.read(buffer, onto: &tape) { read.append($0) } }
                }
                try result.get()
                collect(tape, read)
            }
            var tape = JSONTape()
            var read: [TapeReadItem] = []
            try reader.finish(onto: &tape) { read.append($0) }
            collect(tape, read)
            return .success(items)
        } catch {
            return .failure(error)
        }
    }

    @Test("same items as JSONValue reading, good and bad lines, random chunks", arguments: Array(1...60) as [UInt64])
    func sameItems(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let lines = [
            #"{"a":1,"b":[true,null,"x"],"c":{"d":2.5}}"#, #"{"s":"caf\u00e9 \"q\"","n":-12}"#, "[1,2]", "42", #"{"a":"#,
            #"{"dup":1,"dup":{"x":[]}}"#, "   ", #"{"e":{}}"#, "{\"bad\":\"\u{1}\"}", #"{"long":""# + String(repeating: "z", count: 300) + #""}"#,
            "\u{FEFF}{\"bom\":1}", #"{"t":"2024-01-01T00:00:00Z"}"#, "nope",
        ]
        var text = ""
        for _ in 0..<Int.random(in: 1...25, using: &generator) {
            text += lines.randomElement(using: &generator)! + (Bool.random(using: &generator) ? "\n" : "\r\n")
        }
        if Bool.random(using: &generator) { text += lines.randomElement(using: &generator)! }
        let bytes = Array(text.utf8)
        let chunks = randomChunks(bytes, using: &generator)
        let expected = readChunks(JSONLinesReader(fileName: "t.json", maxRecordBytes: 200), chunks)
        #expect(readOntoTapes(chunks) == expected, "\(text)")
    }
}
