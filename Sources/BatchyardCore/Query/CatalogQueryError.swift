/// Why the query string of a Catalog list or lookup request was refused.
///
/// Batchyard never ignores a parameter it does not understand (a catalog that silently drops a filter
/// returns everything and looks as if it worked), so every refusal names the offending parameters;
/// the API layer answers 400 with `description` as the `detail`.
public struct CatalogQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of refusal.
    public enum Code: String, Sendable, Hashable {
        /// Parameters this collection does not know.
        case unknownParameter
        /// A parameter that may appear once appeared several times.
        case duplicateParameter
        /// A known parameter with a value it cannot take (`limit=0`, `createdAfter=yesterday`).
        case invalidValue
        /// Syntax the query language does not support (`property=a=b`, nested property names).
        case unsupportedSyntax
    }

    /// The kind of refusal.
    public var code: Code
    /// The names of the parameters at fault, in the order they appeared.
    public var parameters: [String]
    /// A sentence a person can act on, naming the parameters.
    public var message: String

    /// Creates an error about `parameters`.
    public init(_ code: Code, parameters: [String], message: String) {
        self.code = code
        self.parameters = parameters
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
