import BatchyardCore
import Ingestion
import Testing

@Suite("RowErrorLog and InputFilesMetadata")
struct RowErrorLogTests {
    @Test("Row errors go to numbered files per stage, rolling over")
    func rollover() throws {
        var log = RowErrorLog(maxRowsPerFile: 2)
        let parsing = RowError.corrupt(file: "a.json", line: 3, rawRecord: "{", reason: "r")
        let conversion = RowError(
            stage: .conversion, file: "a.json", line: 4, rawRecord: "{}",
            issues: [.init(code: .requiredFieldMissing, fieldPath: "/id", reason: "r")])
        let paths = [parsing, parsing, conversion, parsing].map { log.append($0).path }
        #expect(paths == [
            "row_errors/parsing_errors_0.json", "row_errors/parsing_errors_0.json",
            "row_errors/conversion_errors_0.json", "row_errors/parsing_errors_1.json",
        ])
        #expect(log.paths == [
            "row_errors/parsing_errors_0.json", "row_errors/parsing_errors_1.json", "row_errors/conversion_errors_0.json",
        ])
        let entry = log.append(conversion)
        #expect(entry.line.last == 0x0A)
        #expect(try JSONValue(parsing: entry.line.dropLast()) == conversion.jsonValue)
        #expect(RowErrorLog().paths.isEmpty)
    }

    @Test("input_files lists the uploads, numbered from 1")
    func inputFiles() throws {
        let files = InputFilesMetadata.files(for: ["F1.json", "etc/F2.json", "F3.json"], pathsPerFile: 2)
        #expect(files.map(\.path) == ["input_files/fileMetaData1.json", "input_files/fileMetaData2.json"])
        #expect(String(decoding: files[0].bytes, as: UTF8.self) == "{\"path\":\"F1.json\"}\n{\"path\":\"etc/F2.json\"}\n")
        #expect(InputFilesMetadata.files(for: []).isEmpty)
    }
}
