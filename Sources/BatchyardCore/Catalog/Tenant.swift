/// The (IMS org, sandbox) pair that every object belongs to.
///
/// AEP treats both as hard walls: no query, list or file path may cross them, and an object of
/// another tenant answers exactly like one that does not exist.
public struct Tenant: Sendable, Hashable, CustomStringConvertible {
    public let org: String
    public let sandbox: String

    public init(org: String, sandbox: String) {
        self.org = org
        self.sandbox = sandbox
    }

    public var description: String { "\(org)/\(sandbox)" }
}
