/// An `Accept` header the Schema Registry refuses (400), with the body fields AEP uses.
public struct XDMAcceptError: Error, Sendable, Hashable {
    /// `XDM-1006-400` (listing) or `XDM-1007-400` (lookup).
    public var code: String
    /// What was sent, for the message; `nil` when the header was missing.
    public var header: String?
    /// How to fix it, in AEP's wording.
    public var hint: String

    /// Always 400.
    public var status: Int { 400 }
    /// AEP's title for these errors.
    public var title: String { "Accept header invalid" }
    /// The `detail` (and `report.detailed-message`) text.
    public var detail: String { "The supplied Accept header is not valid: \(header ?? "(none)") - \(hint)" }
}
