import SQLKit

/// The SQL flavour a metadata database speaks, for the few statements that differ.
///
/// Everything else goes through SQLKit unchanged; `SQLDialectSyntax` holds the differences.
public enum StoreDialect: Sendable {
    case sqlite
    case postgres
}

/// Where Batchyard's metadata lives: one SQL database reached through SQLKit.
///
/// Reads may run on any connection and see committed data; writes run one transaction at a time
/// on a connection of their own and are all-or-nothing.
public protocol MetadataDatabase: Sendable {
    /// The dialect, for the statements SQLKit cannot write portably.
    var dialect: StoreDialect { get }

    /// Runs `body` with a connection that sees committed data.
    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs `body` inside one transaction; commits when it returns, rolls back when it throws.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs `body`'s single statement on its own (autocommit): atomic without BEGIN/COMMIT, and
    /// never interleaved with another caller's transaction.
    func writeStatement<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Closes every connection.
    func close() async throws
}
