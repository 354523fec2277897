/// Generates the identifiers Batchyard hands out.
///
/// Datasets get 24 lower-case hex characters like AEP's (a Mongo ObjectId layout: 4 bytes of
/// seconds, then random bytes) and batches get 26-character ULIDs, so both sort by creation time.
public enum CatalogIdentifier {
    private static let crockford = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
    private static let hex = Array("0123456789abcdef".utf8)

    /// A new ULID for `millis` since the epoch: 48 bits of time then 80 random bits.
    public static func ulid<R: RandomNumberGenerator>(millis: Int64, using rng: inout R) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        var time = UInt64(max(0, millis))
        for index in stride(from: 5, through: 0, by: -1) {
            bytes[index] = UInt8(truncatingIfNeeded: time)
            time >>= 8
        }
        for index in 6..<16 { bytes[index] = UInt8.random(in: 0...255, using: &rng) }
        // 128 bits as 26 base-32 digits: the first digit carries the top 3 bits.
        var value = (hi: UInt64(0), lo: UInt64(0))
        for index in 0..<8 { value.hi = value.hi << 8 | UInt64(bytes[index]) }
        for index in 8..<16 { value.lo = value.lo << 8 | UInt64(bytes[index]) }
        var out = [UInt8](repeating: 0, count: 26)
        for position in stride(from: 25, through: 0, by: -1) {
            out[position] = crockford[Int(value.lo & 31)]
            value.lo = value.lo >> 5 | (value.hi & 31) << 59
            value.hi >>= 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A new ULID using the system random generator.
    public static func ulid(millis: Int64) -> String {
        var rng = SystemRandomNumberGenerator()
        return ulid(millis: millis, using: &rng)
    }

    /// A new 24-hex dataset id for `millis` since the epoch.
    public static func objectID<R: RandomNumberGenerator>(millis: Int64, using rng: inout R) -> String {
        var bytes = [UInt8](repeating: 0, count: 12)
        let seconds = UInt32(truncatingIfNeeded: max(0, millis) / 1000)
        bytes[0] = UInt8(truncatingIfNeeded: seconds >> 24)
        bytes[1] = UInt8(truncatingIfNeeded: seconds >> 16)
        bytes[2] = UInt8(truncatingIfNeeded: seconds >> 8)
        bytes[3] = UInt8(truncatingIfNeeded: seconds)
        for index in 4..<12 { bytes[index] = UInt8.random(in: 0...255, using: &rng) }
        var out: [UInt8] = []
        out.reserveCapacity(24)
        for byte in bytes {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A new 24-hex dataset id using the system random generator.
    public static func objectID(millis: Int64) -> String {
        var rng = SystemRandomNumberGenerator()
        return objectID(millis: millis, using: &rng)
    }

    /// Whether `id` is safe to use as a Catalog id chosen by a client (POST /batches/{id}):
    /// 1–128 characters of letters, digits, `-` and `_`.
    public static func isValidClientChosen(_ id: String) -> Bool {
        guard (1...128).contains(id.utf8.count) else { return false }
        return id.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == 45 || byte == 95
        }
    }
}
