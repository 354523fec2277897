/// The semantic version string AEP keeps on every Catalog object ("1.0.0", "1.0.5", "1.0.116").
///
/// AEP's examples only ever show the patch digit growing, so every write bumps the patch number.
public struct ObjectVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int

    public static let initial = ObjectVersion(major: 1, minor: 0, patch: 0)

    public init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses "MAJOR.MINOR.PATCH" (missing trailing parts count as 0); `nil` for anything else.
    public init?(_ string: String) {
        let parts = string.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(part), n < 1_000_000
            else { return nil }
            numbers.append(n)
        }
        while numbers.count < 3 { numbers.append(0) }
        self.init(major: numbers[0], minor: numbers[1], patch: numbers[2])
    }

    /// The version after one more write.
    public func bumped() -> ObjectVersion {
        ObjectVersion(major: major, minor: minor, patch: patch + 1)
    }

    /// An integer that sorts like the version, so SQL can compare versions on an indexed column.
    public var sortKey: Int64 {
        Int64(major) * 1_000_000_000_000 + Int64(minor) * 1_000_000 + Int64(patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }

    public static func < (lhs: ObjectVersion, rhs: ObjectVersion) -> Bool { lhs.sortKey < rhs.sortKey }
}
