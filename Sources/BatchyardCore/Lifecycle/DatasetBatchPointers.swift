/// The dataset fields that point at its batches: `lastBatchId`, `lastBatchStatus`,
/// `lastSuccessfulBatch` and `lastFailedBatch`.
///
/// AEP lets only the ingestion pipeline write them. Batches finish out of order (a small batch
/// created later can succeed before a large earlier one), so a pointer only ever moves to a newer
/// batch: batch IDs are ULIDs, whose string order is creation order.
public struct DatasetBatchPointers: Sendable, Hashable {
    /// The newest batch that has changed status.
    public var lastBatchId: String?
    /// The status of ``lastBatchId``.
    public var lastBatchStatus: BatchStatus?
    /// The newest batch that reached `success`.
    public var lastSuccessfulBatch: String?
    /// The newest batch that reached `failed`.
    public var lastFailedBatch: String?

    public init(
        lastBatchId: String? = nil, lastBatchStatus: BatchStatus? = nil, lastSuccessfulBatch: String? = nil,
        lastFailedBatch: String? = nil
    ) {
        self.lastBatchId = lastBatchId
        self.lastBatchStatus = lastBatchStatus
        self.lastSuccessfulBatch = lastSuccessfulBatch
        self.lastFailedBatch = lastFailedBatch
    }

    /// Reads the pointers from a dataset document; fields that are absent or malformed read as `nil`.
    public init(dataset: JSONValue) {
        self.init(
            lastBatchId: dataset["lastBatchId"]?.stringValue,
            lastBatchStatus: dataset["lastBatchStatus"]?.stringValue.flatMap(BatchStatus.init(wireValue:)),
            lastSuccessfulBatch: dataset["lastSuccessfulBatch"]?.stringValue,
            lastFailedBatch: dataset["lastFailedBatch"]?.stringValue)
    }

    /// Carries out ``BatchLifecycle/Action/updateDataset(_:)`` for batch `batchId`.
    public mutating func apply(batchId: String, status: BatchStatus) {
        if lastBatchId.map({ batchId >= $0 }) ?? true {
            lastBatchId = batchId
            lastBatchStatus = status
        }
        switch status.canonical {
        case .success where lastSuccessfulBatch.map({ batchId >= $0 }) ?? true:
            lastSuccessfulBatch = batchId
        case .failed where lastFailedBatch.map({ batchId >= $0 }) ?? true:
            lastFailedBatch = batchId
        default:
            break
        }
    }

    /// Writes the pointers into a dataset document, leaving absent pointers absent.
    public func write(into dataset: inout JSONValue) {
        if let lastBatchId { dataset["lastBatchId"] = .string(lastBatchId) }
        if let lastBatchStatus { dataset["lastBatchStatus"] = .string(lastBatchStatus.rawValue) }
        if let lastSuccessfulBatch { dataset["lastSuccessfulBatch"] = .string(lastSuccessfulBatch) }
        if let lastFailedBatch { dataset["lastFailedBatch"] = .string(lastFailedBatch) }
    }
}
