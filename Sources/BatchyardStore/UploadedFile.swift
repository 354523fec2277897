/// One file of a batch as the upload routes recorded it (table `batch_files`).
public struct UploadedFile: Sendable, Hashable {
    /// `uploading` while a large file's chunks arrive; `complete` once the bytes are in place.
    public enum Status: String, Sendable, Hashable {
        case uploading
        case complete
    }

    /// The upload path below `…/files/`, e.g. `part1=a/data.json`.
    public var path: String
    /// Bytes of the complete file (0 while uploading).
    public var size: Int64
    public var status: Status
    /// When the file was first created (epoch milliseconds).
    public var created: Int64
    /// The last write to it: PUT, INITIALIZE, chunk or COMPLETE (epoch milliseconds).
    public var updated: Int64
    /// The total size a large upload declared in `Content-Range: bytes a-b/total`, if it did.
    public var declaredSize: Int64?
    /// Which INITIALIZE the chunks of an uploading file belong to; a new INITIALIZE starts a new
    /// one, so a chunk still in flight from before cannot land in the restarted upload.
    public var uploadID: String?

    public init(
        path: String, size: Int64, status: Status, created: Int64, updated: Int64, declaredSize: Int64? = nil,
        uploadID: String? = nil
    ) {
        self.uploadID = uploadID
        self.path = path
        self.size = size
        self.status = status
        self.created = created
        self.updated = updated
        self.declaredSize = declaredSize
    }
}
