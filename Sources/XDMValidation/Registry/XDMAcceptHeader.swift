/// The Schema Registry's `Accept` header: which representation of a resource to return, and for
/// lookups which major (or major.minor) version.
///
/// AEP makes `Accept` carry the format (contract §6): listings take `xed-id` or `xed` without a
/// version (else `XDM-1006-400`); lookups take one of the `xed` variants with `version=` (else
/// `XDM-1007-400`); a version the resource does not have is 406.
public struct XDMAcceptHeader: Sendable, Hashable {
    /// The representations the registry can return.
    public enum Representation: String, Sendable, Hashable, CaseIterable {
        /// `xed-id`: a summary (`$id`, `meta:altId`, `version`, `title`), for listings.
        case summary = "xed-id"
        /// `xed`: the resource as stored, inherited fields left as `$ref` and `allOf`.
        case standard = "xed"
        /// `xed-full`: every `$ref` and `allOf` expanded.
        case full = "xed-full"
        /// `xed-notext`: as stored, without titles and descriptions.
        case noText = "xed-notext"
        /// `xed-full-notext`: expanded, without titles and descriptions.
        case fullNoText = "xed-full-notext"
        /// `xed-full-desc`: expanded, with descriptions but without titles.
        case fullDescriptions = "xed-full-desc"

        /// Whether `$ref`s and `allOf`s are expanded.
        public var isExpanded: Bool { self == .full || self == .fullNoText || self == .fullDescriptions }
    }

    /// The representation asked for.
    public var representation: Representation
    /// The requested major version.
    public var majorVersion: Int?
    /// The requested minor version, when the header names one (`version=1.2`).
    public var minorVersion: Int?

    /// A header value; mostly for tests and for building `Accept` in clients.
    public init(representation: Representation, majorVersion: Int? = nil, minorVersion: Int? = nil) {
        self.representation = representation
        self.majorVersion = majorVersion
        self.minorVersion = minorVersion
    }

    /// Parses the `Accept` of a listing call (`GET /{container}/schemas`): `xed-id` or `xed`, no
    /// version.
    public static func listing(_ header: String?) throws(XDMAcceptError) -> XDMAcceptHeader {
        let example = "application/vnd.adobe.'{xed|xdm'}+json"
        guard let parsed = parse(header), parsed.majorVersion == nil,
            parsed.representation == .summary || parsed.representation == .standard
        else {
            throw XDMAcceptError(code: "XDM-1006-400", header: header, hint: "A valid Accept value should look like \(example)")
        }
        return parsed
    }

    /// Parses the `Accept` of a lookup call (`GET /{container}/schemas/{id}`): any variant but the
    /// summary, with a version.
    public static func lookup(_ header: String?) throws(XDMAcceptError) -> XDMAcceptHeader {
        let example = "application/vnd.adobe.'{xed|xdm'}+json; version=1"
        guard let parsed = parse(header), parsed.representation != .summary else {
            throw XDMAcceptError(code: "XDM-1007-400", header: header, hint: "A valid Accept value should look like \(example)")
        }
        guard parsed.majorVersion != nil else {
            throw XDMAcceptError(
                code: "XDM-1007-400", header: header,
                hint: "A valid Accept value should look like \(example) (Version should be specified)")
        }
        return parsed
    }

    /// Whether a resource at `resourceVersion` (`"1.4"`) can be returned: the major version must
    /// match, and a requested minor version must be the current one (older minors are not kept).
    /// When it cannot, the registry answers 406.
    public func isSatisfied(byResourceVersion resourceVersion: String) -> Bool {
        let parts = resourceVersion.split(separator: ".").map { Int($0) }
        guard let major = parts.first ?? nil, majorVersion == major else { return false }
        guard let minorVersion else { return true }
        return (parts.count > 1 ? parts[1] : 0) == minorVersion
    }

    /// The first `application/vnd.adobe.xed…+json` media range in the header, with its version.
    static func parse(_ header: String?) -> XDMAcceptHeader? {
        guard let header else { return nil }
        for range in header.split(separator: ",") {
            let parameters = range.split(separator: ";").map { $0.trimmingSpaces.lowercased() }
            guard let mediaType = parameters.first, mediaType.hasPrefix("application/vnd.adobe."),
                mediaType.hasSuffix("+json")
            else { continue }
            let name = mediaType.dropFirst("application/vnd.adobe.".count).dropLast("+json".count)
            guard let representation = Representation(rawValue: String(name)) else { continue }
            var accept = XDMAcceptHeader(representation: representation)
            for parameter in parameters.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
                guard pair.count == 2, pair[0] == "version" else { continue }
                let numbers = pair[1].split(separator: ".", omittingEmptySubsequences: false)
                guard numbers.count <= 2, let major = Int(numbers[0]) else { return nil }
                accept.majorVersion = major
                if numbers.count == 2 {
                    guard let minor = Int(numbers[1]) else { return nil }
                    accept.minorVersion = minor
                }
            }
            return accept
        }
        return nil
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
