extension Array where Element == UInt8 {
    /// `withUnsafeBytes` for bodies that throw ``IngestionFileError``: the standard one only
    /// rethrows untyped errors.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws(IngestionFileError) -> R) throws(IngestionFileError) -> R {
        let result = withUnsafeBytes { bytes in
            Result { () throws(IngestionFileError) in try body(bytes) }
        }
        return try result.get()
    }
}
