/// The refusals of the upload routes, worded so that the client knows what to change.
enum UploadErrors {
    static func batchNotFound(_ batchID: String) -> ProblemError {
        .notFound("The batch or dataset resource is not found: batch '\(batchID)' does not exist.", code: "INGEST-1404-404")
    }

    static func datasetMismatch(_ target: UploadTarget, actual: String?) -> ProblemError {
        .notFound(
            "The batch or dataset resource is not found: batch '\(target.batchID)' belongs to dataset "
                + "'\(actual ?? "none")', not '\(target.datasetID)'.",
            code: "INGEST-1404-404")
    }

    static func fileNotFound(_ target: UploadTarget) -> ProblemError {
        .notFound("The file '\(target.path)' has not been uploaded to batch '\(target.batchID)'.", code: "INGEST-1404-404")
    }

    static func fileTooLarge(_ limits: UploadLimits) -> ProblemError {
        ProblemError(
            .contentTooLarge, code: "INGEST-1413-413", title: "Content Too Large",
            detail: "A single PUT takes at most \(limits.maxFileBytes) bytes (256 MB); upload larger files in chunks "
                + "with ?action=INITIALIZE, PATCH and ?action=COMPLETE.")
    }

    static func chunkTooLarge(_ limits: UploadLimits) -> ProblemError {
        ProblemError(
            .contentTooLarge, code: "INGEST-1413-413", title: "Content Too Large",
            detail: "A chunk takes at most \(limits.maxChunkBytes) bytes; split the file into smaller chunks.")
    }

    static func lengthMismatch(received: Int64?, range: ContentRange) -> ProblemError {
        .badRequest(
            "The chunk body must hold exactly the \(range.length) bytes of Content-Range \(range.start)-\(range.end)"
                + (received.map { "; Content-Length says \($0)" } ?? "") + ".",
            code: "INGEST-1411-400")
    }

    /// The contract's guardrail message (§3.10), naming whichever limit the batch would pass.
    static func guardrails(files: Int?, bytes: Int64?, limits: UploadLimits) -> ProblemError {
        var parts: [String] = []
        if let files { parts.append("\(files) files (over the \(limits.maxFilesPerBatch) threshold)") }
        if let bytes { parts.append("\(bytes) bytes (over the \(limits.maxBytesPerBatch) threshold)") }
        return .badRequest("Batch ingestion guardrails hit: " + parts.joined(separator: "; "), code: "INGEST-1214-400")
    }
}
