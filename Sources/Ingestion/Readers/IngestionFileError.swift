import BatchyardCore

/// A file that cannot be ingested at all, as opposed to single bad rows: the batch fails with it in
/// its `errors`.
public struct IngestionFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the file.
    public enum Code: String, Sendable, Hashable {
        /// Nothing to read (AEP code 106).
        case emptyFile = "106"
        /// The CSV header row is empty, or names a column with nothing (AEP code 118).
        case emptyCSVHeader = "118"
        /// The CSV header names a column twice or cannot be decoded.
        case invalidCSVHeader = "CSVHeaderException"
        /// One record is larger than the reader's limit, so the file cannot be read in bounded memory.
        case recordTooLarge = "RecordTooLargeException"
        /// The file's columns do not fit the dataset's schema (Parquet input: a column the schema
        /// lacks, or a type that cannot be converted).
        case typeCompatibility = "TypeCompatibilityException"
        /// The file is not in the batch's format at all (e.g. a Parquet upload that is not Parquet).
        case unreadableFile = "INGEST-1401-400"
    }

    /// What is wrong with the file.
    public var code: Code
    /// The uploaded file, by its path within the batch.
    public var file: String
    /// A sentence a person can act on; for the documented codes, AEP's wording.
    public var message: String

    public init(_ code: Code, file: String, message: String? = nil) {
        self.code = code
        self.file = file
        switch code {
        case .emptyFile: self.message = message ?? "Dataset file is empty. Please upload file with data."
        case .emptyCSVHeader: self.message = message ?? "CSV file contains empty header row."
        case .invalidCSVHeader: self.message = message ?? "CSV file header row is invalid."
        case .recordTooLarge: self.message = message ?? "A record is too large to read."
        case .typeCompatibility:
            self.message = message ?? "The file's columns cannot be converted to the dataset's schema."
        case .unreadableFile: self.message = message ?? "The file cannot be read in the batch's input format."
        }
    }

    public var description: String { "\(file): \(message)" }

    /// The entry for the batch's `errors`, in AEP's shape (`{"code": "106", "description": …,
    /// "rows": []}`) plus the file it concerns.
    public var batchError: BatchErrorEntry {
        BatchErrorEntry(code: code.rawValue, description: message, rows: [], file: file)
    }
}
