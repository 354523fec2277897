import BatchyardCore
import Ingestion
import Testing

@Suite("CSVReader")
struct CSVReaderTests {
    func read(
        _ text: String, _ options: CSVOptions = CSVOptions(), maxRecordBytes: Int = defaultMaxRecordBytes
    ) throws -> Result<[ReadItem], IngestionFileError> {
        try read(Array(text.utf8), options, maxRecordBytes: maxRecordBytes)
    }

    /// Reads whole, then byte by byte, and checks both agree before returning.
    func read(
        _ bytes: [UInt8], _ options: CSVOptions = CSVOptions(), maxRecordBytes: Int = defaultMaxRecordBytes
    ) throws -> Result<[ReadItem], IngestionFileError> {
        let reader = try CSVReader(options: options, fileName: "in.csv", maxRecordBytes: maxRecordBytes)
        let whole = readChunks(reader, [bytes])
        let byteByByte = readChunks(reader, bytes.map { [$0] })
        #expect(whole == byteByByte)
        return whole
    }

    @Test("Header row names the fields; each record keeps its line")
    func basic() throws {
        let result = try read("id,name\n1,Ann\n2,Bob\n")
        let items = try result.get()
        #expect(items == [
            .record(SourceRecord(value: ["id": "1", "name": "Ann"], line: 2)),
            .record(SourceRecord(value: ["id": "2", "name": "Bob"], line: 3)),
        ])
    }

    @Test("Quoted fields hold delimiters, doubled quotes, escapes and line breaks")
    func quoting() throws {
        let text = "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"two\nlines\",\"back\\\"slash\\\\ \\n\"\n\"crlf\r\nin\",z\n"
        let result = try read(text)
        let items = try result.get()
        #expect(items.count == 3)
        #expect(items[0].record == SourceRecord(value: ["a": "x,y", "b": "say \"hi\""], line: 2))
        #expect(items[1].record == SourceRecord(value: ["a": "two\nlines", "b": "back\"slash\\ \\n"], line: 3))
        #expect(items[2].record == SourceRecord(value: ["a": "crlf\r\nin", "b": "z"], line: 5))
    }

    @Test("LF, CRLF and lone CR all end records; a last line needs no line break")
    func lineEndings() throws {
        for text in ["a\r\n1\r\n2", "a\r1\r2\r", "a\n1\n2\n", "a\r\n1\n2\r"] {
            let records = try read(text).records
            #expect(records == [["a": "1"], ["a": "2"]], "\(text.debugDescription)")
        }
    }

    @Test("Empty unquoted fields and null markers are null; quoted ones are strings")
    func nulls() throws {
        let options = CSVOptions(nullMarkers: ["NULL", "\\N"])
        let records = try read("a,b,c,d\n,\"\",NULL,\"NULL\"\n\\N,x,,\n", options).records
        #expect(records == [
            ["a": nil, "b": "", "c": nil, "d": "NULL"],
            ["a": nil, "b": "x", "c": nil, "d": nil],
        ])
    }

    @Test("Delimiter, quote and escape can be changed")
    func customSyntax() throws {
        let tab = CSVOptions(delimiter: "\t", quote: "'", escape: nil)
        #expect(try read("a\tb\n'x\ty'\t'it''s'\n", tab).records == [["a": "x\ty", "b": "it's"]])
        let semicolon = CSVOptions(delimiter: ";", escape: "\"")
        #expect(try read("a;b\n\"q\"\"\";\\\n", semicolon).records == [["a": "q\"", "b": "\\"]])
        let pipeWithBang = CSVOptions(delimiter: "|", escape: "!")
        #expect(try read("a|b\n\"!\"x!!\"|\"a!b\"\n", pipeWithBang).records == [["a": "\"x!", "b": "a!b"]])
    }

    @Test("Quotes inside an unquoted field are ordinary characters")
    func strayQuotes() throws {
        #expect(try read("a\nsay \"hi\"\n").records == [["a": "say \"hi\""]])
    }

    @Test("ISO-8859-1 bytes decode to their Latin-1 characters")
    func latin1() throws {
        let bytes: [UInt8] = Array("name\n".utf8) + [0x43, 0x61, 0x66, 0xE9, 0x0A]
        #expect(try read(bytes, CSVOptions(charset: .iso88591)).records == [["name": "Café"]])
        let latinDelimiter = CSVOptions(delimiter: "§", charset: .iso88591)
        #expect(try read([0x61, 0xA7, 0x62, 0x0A, 0x31, 0xA7, 0x32], latinDelimiter).records == [["a": "1", "b": "2"]])
    }

    @Test("Bytes invalid in the charset make a row error, and reading goes on")
    func invalidText() throws {
        let bytes: [UInt8] = Array("name\n".utf8) + [0x43, 0xE9, 0x0A] + Array("ok\n".utf8)
        let ascii = try read(bytes, CSVOptions(charset: .usASCII))
        #expect(ascii.records == [["name": "ok"]])
        #expect(ascii.rowErrors.map(\.line) == [2])
        #expect(ascii.rowErrors.first?.issues.first?.reason == "Column 'name' is not valid US-ASCII text.")
        let utf8 = try read(bytes)
        #expect(utf8.rowErrors.count == 1 && utf8.records.count == 1)
        #expect(utf8.rowErrors.first?.rawRecord == "C\u{FFFD}")
        #expect(try read("é\nx\n", CSVOptions(charset: .usASCII)).fileError?.code == .invalidCSVHeader)
    }

    @Test("A UTF-8 byte order mark is skipped")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id\n7\n".utf8)
        #expect(try read(bytes).records == [["id": "7"]])
        #expect(try read([0xEF, 0xBB, 0xBF]).fileError?.code == .emptyFile)
    }

    @Test("An empty file fails with 106")
    func emptyFile() throws {
        let error = try read("").fileError
        #expect(error == IngestionFileError(.emptyFile, file: "in.csv"))
        #expect(error?.message == "Dataset file is empty. Please upload file with data.")
        #expect(error?.batchError.jsonValue == [
            "code": "106", "description": "Dataset file is empty. Please upload file with data.", "rows": [],
            "file": "in.csv",
        ])
    }

    @Test("An empty header row fails with 118", arguments: ["\n", "\na,b\n1,2\n", ",,\n1,2,3\n", "\r\n"])
    func emptyHeader(_ text: String) throws {
        let error = try read(text).fileError
        #expect(error?.code == .emptyCSVHeader)
        #expect(error?.message == "CSV file contains empty header row.")
    }

    @Test("A header with an empty, duplicate or malformed name fails the file")
    func badHeader() throws {
        let empty = try read("a,,b\n").fileError
        #expect(empty?.code == .emptyCSVHeader)
        #expect(empty?.message == "CSV file contains empty header row: column 2 has no name.")
        let duplicate = try read("a,b,a\n").fileError
        #expect(duplicate?.code == .invalidCSVHeader)
        #expect(duplicate?.message == "CSV file header row is invalid: column 'a' appears twice.")
        #expect(try read("\"a\"x,b\n").fileError?.code == .invalidCSVHeader)
        #expect(try read("\"a,b\n").fileError?.code == .invalidCSVHeader)
    }

    @Test("A header alone gives no records")
    func headerOnly() throws {
        #expect(try read("a,b").get() == [])
        #expect(try read("a,b\n\n\n").get() == [])
    }

    @Test("Blank lines after the header are skipped, but a quoted empty field is a record")
    func blankLines() throws {
        let records = try read("a\n\n1\r\n\r\n\"\"\n\n").records
        #expect(records == [["a": "1"], ["a": ""]])
    }

    @Test("Rows with the wrong number of fields are row errors with line and raw text")
    func fieldCount() throws {
        let result = try read("a,b\n1,2\n1,2,3\n4\n5,6\n")
        #expect(result.records == [["a": "1", "b": "2"], ["a": "5", "b": "6"]])
        let errors = result.rowErrors
        #expect(errors.map(\.line) == [3, 4])
        #expect(errors.map(\.rawRecord) == ["1,2,3", "4"])
        #expect(errors[0] == RowError.corrupt(
            file: "in.csv", line: 3, rawRecord: "1,2,3", reason: "The row has 3 fields but the header names 2 columns."))
        #expect(errors[0].stage == .parsing && errors[0].primaryCode == .corruptRow)
    }

    @Test("Text after a closing quote is a row error, with the whole multi-line record as raw text")
    func textAfterQuote() throws {
        let result = try read("a,b\n\"x\ny\"z,1\n2,3\n")
        #expect(result.records == [["a": "2", "b": "3"]])
        #expect(result.rowErrors.map(\.line) == [2])
        #expect(result.rowErrors.first?.rawRecord == "\"x\ny\"z,1")
        #expect(result.rowErrors.first?.issues.first?.reason == "Column 1 has text after its closing quote.")
    }

    @Test("A file ending inside quotes makes its last row an error")
    func unterminatedQuote() throws {
        let result = try read("a,b\n1,2\n3,\"open\n4,5\n")
        #expect(result.records == [["a": "1", "b": "2"]])
        #expect(result.rowErrors.first?.rawRecord == "3,\"open\n4,5\n")
        #expect(result.rowErrors.first?.issues.first?.reason == "The file ends inside a quoted field.")
        #expect(result.rowErrors.first?.line == 3)
    }

    @Test("A record over the size limit fails the file instead of growing memory")
    func recordTooLarge() throws {
        let text = "a\n\"" + String(repeating: "x", count: 300) + "\n"
        let error = try read(text, maxRecordBytes: 100).fileError
        #expect(error?.code == .recordTooLarge)
        #expect(error?.message.contains("line 2") == true)
        #expect(try read("a\n" + String(repeating: "y", count: 90) + "\n", maxRecordBytes: 100).records.count == 1)
    }

    @Test("Unusable options are refused up front")
    func badOptions() {
        let cases: [(CSVOptions, InputFormatError.Code)] = [
            (CSVOptions(header: false), .headerRequired),
            (CSVOptions(delimiter: "\""), .invalidOption),
            (CSVOptions(delimiter: "\n"), .invalidOption),
            (CSVOptions(delimiter: "\r\n"), .invalidOption),
            (CSVOptions(delimiter: "é"), .invalidOption),
            (CSVOptions(delimiter: "§", charset: .usASCII), .invalidOption),
            (CSVOptions(quote: "€", charset: .iso88591), .invalidOption),
            (CSVOptions(escape: ","), .invalidOption),
        ]
        for (options, code) in cases {
            #expect(throws: InputFormatError.self) { try CSVReader(options: options, fileName: "f") }
            do {
                _ = try CSVReader(options: options, fileName: "f")
            } catch {
                #expect(error.code == code)
            }
        }
        #expect(throws: Never.self) { try CSVReader(options: CSVOptions(escape: "\""), fileName: "f") }
    }

    @Test("The reader exposes the header once read")
    func header() throws {
        var reader = try CSVReader(fileName: "f")
        #expect(reader.header == nil)
        try reader.read(Array("x,y\n".utf8)) { _ in }
        #expect(reader.header == ["x", "y"])
    }
}
