extension InputFormat {
    /// Makes the streaming reader for one file of the batch.
    ///
    /// - Throws: ``InputFormatError`` for Parquet and Avro, which are not read as text streams,
    ///   and for unusable CSV options.
    public func makeReader(fileName: String, maxRecordBytes: Int = defaultMaxRecordBytes) throws(InputFormatError)
        -> FileRecordReader
    {
        switch format {
        case .json where isMultiLineJson:
            return .multiLineJSON(MultiLineJSONReader(fileName: fileName, maxRecordBytes: maxRecordBytes))
        case .json:
            return .jsonLines(JSONLinesReader(fileName: fileName, maxRecordBytes: maxRecordBytes))
        case .csv:
            return .csv(try CSVReader(options: csv, fileName: fileName, maxRecordBytes: maxRecordBytes))
        case .parquet, .avro:
            throw InputFormatError(.notATextFormat, "\(format.rawValue) files are not read by the text record readers.")
        }
    }
}
