/// The Schema Registry's tenant id (`/stats` `tenantId`, the `{tenant}` in `$id`s and the `_{tenant}`
/// namespace of custom fields), derived from the IMS org so it is stable without being stored.
///
/// The rule: take the org's part before `@`, lower-case it and keep only `a`–`z` and `0`–`9`
/// (at most 32 characters). When that loses information (the org does not end in `@AdobeOrg`, or
/// had other characters, or was longer), append 8 hex digits of the FNV-1a hash of the whole org,
/// so that distinct orgs keep distinct tenant ids. `4F3BB22C5631222A7F000101@AdobeOrg` →
/// `4f3bb22c5631222a7f000101`. The sandbox is not part of it: as in AEP, sandboxes of one org share
/// the tenant id while their resources stay apart.
enum RegistryTenantID {
    static func derive(org: String) -> String {
        let local = org.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? org
        let kept = local.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        var id = String(String.UnicodeScalarView(kept.prefix(32)))
        let exact = org.hasSuffix("@AdobeOrg") && kept.count == local.unicodeScalars.count && kept.count <= 32
            && !id.isEmpty
        if !exact { id += hexHash(org) }
        return id
    }

    /// FNV-1a, 32 bits, as 8 lower-case hex digits.
    private static func hexHash(_ text: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
