/// The sizes the upload routes accept (contract §3.3, §3.4, §3.10).
public struct UploadLimits: Sendable, Hashable {
    /// Largest small-file `PUT`: AEP's gateway threshold of 256 MB.
    public var maxFileBytes: Int64 = 256 * 1024 * 1024
    /// Largest `PATCH` chunk: "File sizes of between 0-512000000 bytes are accepted".
    public var maxChunkBytes: Int64 = 512_000_000
    /// The per-batch file-count guardrail.
    public var maxFilesPerBatch: Int = 25_000
    /// The per-batch size guardrail (1 TB).
    public var maxBytesPerBatch: Int64 = 1_099_511_627_776

    public init() {}
}
