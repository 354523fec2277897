import BatchyardCore
import Ingestion
import Testing

@Suite("InputFormat")
struct InputFormatTests {
    func error(_ inputFormat: JSONValue?, _ fileDescription: JSONValue? = nil) -> InputFormatError? {
        do {
            _ = try InputFormat(inputFormat: inputFormat, fileDescription: fileDescription)
            return nil
        } catch {
            return error
        }
    }

    @Test("Without a format, AEP's default Parquet; format names match case-insensitively")
    func formats() throws {
        #expect(try InputFormat(inputFormat: nil).format == .parquet)
        #expect(try InputFormat(inputFormat: [:]).format == .parquet)
        for (name, format) in [("JSON", InputFormat.Format.json), ("json", .json), ("Csv", .csv), ("PARQUET", .parquet), ("avro", .avro)] {
            #expect(try InputFormat(inputFormat: ["format": .string(name)]).format == format)
        }
        let unknown = error(["format": "xml"])
        #expect(unknown?.code == .unknownFormat)
        #expect(unknown?.message == "inputFormat.format 'xml' is not supported; use one of json, csv, parquet, avro.")
        #expect(error(["format": 3])?.message == "inputFormat.format must be a string.")
        #expect(error("json")?.message == "inputFormat must be an object.")
    }

    @Test("isMultiLineJson accepts a boolean or its string form")
    func multiLine() throws {
        #expect(try InputFormat(inputFormat: ["format": "json"]).isMultiLineJson == false)
        #expect(try InputFormat(inputFormat: ["format": "json", "isMultiLineJson": true]).isMultiLineJson)
        #expect(try InputFormat(inputFormat: ["format": "json", "isMultiLineJson": "TRUE"]).isMultiLineJson)
        #expect(error(["format": "json", "isMultiLineJson": "yes"])?.code == .invalidOption)
    }

    @Test("CSV options default to comma, double quote, backslash, header, UTF-8")
    func csvDefaults() throws {
        let format = try InputFormat(inputFormat: ["format": "csv"])
        #expect(format.csv == CSVOptions(delimiter: ",", quote: "\"", escape: "\\", nullMarkers: [], header: true, charset: .utf8))
    }

    @Test("The dataset's fileDescription fills what the batch does not say")
    func fromFileDescription() throws {
        let fileDescription: JSONValue = [
            "format": "parquet", "delimiters": [";", ","], "quotes": ["'"], "escapes": ["\\"],
            "nullMarkers": ["NULL", "\\N"], "header": true, "charset": "ISO-8859-1",
        ]
        let format = try InputFormat(inputFormat: ["format": "csv"], fileDescription: fileDescription)
        #expect(format.format == .csv)
        #expect(format.csv == CSVOptions(delimiter: ";", quote: "'", escape: "\\", nullMarkers: ["NULL", "\\N"], charset: .iso88591))
    }

    @Test("The batch's inputFormat wins over the dataset's fileDescription")
    func batchWins() throws {
        let fileDescription: JSONValue = [
            "delimiters": [";"], "quotes": ["'"], "escapes": ["!"], "nullMarkers": ["NULL"], "charset": "ISO-8859-1",
        ]
        let inputFormat: JSONValue = [
            "format": "CSV", "delimiter": "|", "quote": "\"", "escape": "", "nullMarker": "-", "header": "true",
            "charset": "us-ascii",
        ]
        let format = try InputFormat(inputFormat: inputFormat, fileDescription: fileDescription)
        #expect(format.csv == CSVOptions(delimiter: "|", quote: "\"", escape: nil, nullMarkers: ["-"], charset: .usASCII))
    }

    @Test("Charset names match case-insensitively; empty means UTF-8")
    func charsets() throws {
        for (name, charset) in [("utf-8", Charset.utf8), ("", .utf8), ("UTF8", .utf8), ("US-ASCII", .usASCII), ("latin1", .iso88591)] {
            #expect(try InputFormat(inputFormat: ["format": "csv", "charset": .string(name)]).csv.charset == charset)
        }
        #expect(error(["format": "csv", "charset": "UTF-16"])?.message
            == "charset 'UTF-16' is not supported; use one of UTF-8, US-ASCII, ISO-8859-1.")
    }

    @Test("Bad CSV options are refused with the field named")
    func badOptions() {
        #expect(error(["format": "csv", "delimiter": "ab"])?.message == "delimiter must be a single character, not 'ab'.")
        #expect(error(["format": "csv", "quote": ""])?.code == .invalidOption)
        #expect(error(["format": "csv", "delimiter": 1])?.message == "inputFormat.delimiter must be a string.")
        #expect(error(["format": "csv"], ["delimiters": [1]])?.message == "fileDescription.delimiters must be an array of strings.")
        #expect(error(["format": "csv", "header": "false"])?.code == .headerRequired)
        #expect(error(["format": "csv"], ["header": false])?.code == .headerRequired)
        #expect(error(["format": "csv", "header": 1])?.message == "inputFormat.header must be true or false.")
        #expect(error(["format": "csv", "delimiter": "\""])?.code == .invalidOption)
        #expect(error(["format": "csv", "delimiter": "€"])?.code == .invalidOption)
        #expect(error(["format": "json", "delimiter": "€"]) == nil, "CSV options are only checked for CSV")
    }

    @Test("Each format makes its reader; Parquet and Avro are not text streams")
    func readers() throws {
        guard case .jsonLines = try InputFormat(format: .json).makeReader(fileName: "f") else {
            Issue.record("expected JSON Lines")
            return
        }
        guard case .multiLineJSON = try InputFormat(format: .json, isMultiLineJson: true).makeReader(fileName: "f") else {
            Issue.record("expected multi-line JSON")
            return
        }
        guard case .csv(let csv) = try InputFormat(format: .csv).makeReader(fileName: "f", maxRecordBytes: 99) else {
            Issue.record("expected CSV")
            return
        }
        #expect(csv.maxRecordBytes == 99 && csv.fileName == "f")
        #expect(throws: InputFormatError(.notATextFormat, "parquet files are not read by the text record readers.")) {
            try InputFormat(format: .parquet).makeReader(fileName: "f")
        }
    }

    @Test("The reader enum reads like the reader it wraps")
    func enumReader() throws {
        var reader = try InputFormat(inputFormat: ["format": "csv", "delimiter": ";"]).makeReader(fileName: "f")
        #expect(try reader.readAll(Array("a;b\n1;2\n".utf8)) == [.record(SourceRecord(value: ["a": "1", "b": "2"], line: 2))])
        var json = try InputFormat(inputFormat: ["format": "json", "isMultiLineJson": true]).makeReader(fileName: "f")
        #expect(try json.readAll(Array("[{\"a\":1}]".utf8)).count == 1)
    }
}

@Suite("InputFormat from a preview query")
struct InputFormatPreviewTests {
    @Test("Preview query parameters resolve like inputFormat fields")
    func previewQuery() throws {
        let format = try InputFormat(previewQuery: [
            "format": "CSV", "delimiter": ";", "header": "true", "charset": "ISO-8859-1", "nrow": "5",
        ])
        #expect(format.format == .csv)
        #expect(format.csv.delimiter == ";" && format.csv.charset == .iso88591)
        #expect(format.previewFormatParams == [
            "format": "csv", "delimiter": ";", "quote": "\"", "escape": "\\", "charset": "ISO-8859-1", "header": "true",
        ])
        #expect(try InputFormat(previewQuery: ["format": "json", "isMultiLineJson": "true"]).isMultiLineJson)
        #expect(throws: InputFormatError.self) { try InputFormat(previewQuery: ["format": "csv", "header": "false"]) }
    }
}
