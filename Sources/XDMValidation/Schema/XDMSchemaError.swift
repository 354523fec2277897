/// Why a schema could not be resolved or compiled.
///
/// The registry turns these into a 400 on schema creation and ingestion into a failed batch, so
/// each names where in the schema the problem sits.
public struct XDMSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem.
    public enum Code: String, Sendable, Hashable {
        /// A `$ref` names a schema, field group, data type or class the lookup does not know.
        case unknownReference
        /// A `$ref` fragment does not point at anything inside its document.
        case badPointer
        /// A `$ref` chain leads back to itself.
        case cycle
        /// Nesting deeper than the resolver's bound.
        case tooDeep
        /// Parts of an `allOf` disagree (e.g. `type` string in one, object in another).
        case conflict
        /// Something Batchyard does not support or that is not a valid XDM schema.
        case invalidSchema
    }

    /// What kind of problem.
    public var code: Code
    /// JSON Pointer into the schema being processed (`/properties/person/properties/name`).
    public var path: String
    /// A sentence a person can act on.
    public var message: String

    /// An error at `path` (a JSON Pointer into the schema).
    public init(_ code: Code, path: String, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// Code, location and message on one line, for logs and problem details.
    public var description: String { "\(code.rawValue) at \(path.isEmpty ? "/" : path): \(message)" }
}
