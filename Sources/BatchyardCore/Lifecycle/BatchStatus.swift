/// The status of a batch, exactly as Catalog writes it on the wire.
///
/// Catalog's enum lists sixteen values; Batchyard's own lifecycle (see ``BatchLifecycle``) moves
/// through a subset of them, but a batch created or patched directly through Catalog may carry any
/// of them, so every value must decode and the lifecycle must say what each one allows.
public enum BatchStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case loading
    case loaded
    case staging
    case staged
    case processing
    case queued
    case retrying
    case stalled
    case success
    case failed
    case failure
    case aborted
    case abandoned
    case inactive
    case deleted
    case active

    /// Parses a wire value; status names are matched exactly, as Catalog filters compare them.
    public init?(wireValue: String) {
        self.init(rawValue: wireValue)
    }

    /// The status with AEP's documented synonyms folded together: `active` reads as `success`
    /// ("Active and Success are used interchangeably") and `failure` as `failed`.
    ///
    /// The lifecycle decides transitions on the canonical status so that a batch written by an
    /// AEP-era client with `active` behaves like one Batchyard promoted itself.
    public var canonical: BatchStatus {
        switch self {
        case .active: return .success
        case .failure: return .failed
        default: return self
        }
    }

    /// Whether the batch's data is (or was) promoted to the lake: readers see it in `success`,
    /// and it is still stored, though hidden, in `inactive`.
    public var hasDataInMaster: Bool {
        switch canonical {
        case .success, .inactive: return true
        default: return false
        }
    }

    /// Whether nothing but a revert or garbage collection can happen to the batch any more;
    /// a status that is not final is either accepting uploads or on its way through processing.
    public var isFinal: Bool {
        switch canonical {
        case .success, .failed, .aborted, .abandoned, .inactive, .deleted, .stalled: return true
        default: return false
        }
    }
}
