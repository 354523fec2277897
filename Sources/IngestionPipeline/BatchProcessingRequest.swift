import BatchyardCore
import Ingestion
import XDMValidation

/// Everything one processing attempt of a batch needs, gathered by the worker from the Catalog.
public struct BatchProcessingRequest: Sendable {
    /// The batch's keys (tenant, batch, dataset).
    public var keys: BlobKeys
    /// The attempt number (from 1); each attempt stages into its own folder.
    public var attempt: Int
    /// The uploaded files, by their path within the batch, in processing order.
    public var files: [String]
    /// How to read them (batch `inputFormat`, then dataset `fileDescription`).
    public var inputFormat: InputFormat
    /// The dataset schema's validator, or `nil` for a dataset without a schema.
    public var validator: RecordValidator?
    /// How many bad rows the batch tolerates.
    public var policy: PartialIngestionPolicy
    /// Whether row-level diagnostics are written (`enableErrorDiagnostics`).
    public var diagnosticsEnabled: Bool

    /// Gathers one attempt's inputs.
    public init(
        keys: BlobKeys, attempt: Int, files: [String], inputFormat: InputFormat, validator: RecordValidator?,
        policy: PartialIngestionPolicy, diagnosticsEnabled: Bool
    ) {
        self.keys = keys
        self.attempt = attempt
        self.files = files
        self.inputFormat = inputFormat
        self.validator = validator
        self.policy = policy
        self.diagnosticsEnabled = diagnosticsEnabled
    }
}
