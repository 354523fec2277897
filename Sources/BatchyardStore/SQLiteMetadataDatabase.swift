import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOPosix
import SQLKit
import SQLiteKit

/// The embedded default: one SQLite file in WAL mode.
///
/// SQLite allows one writer at a time, so writes share a single connection guarded by a FIFO lock
/// (no `SQLITE_BUSY` retries, and a transaction's statements cannot interleave with another's),
/// while reads spread over a few read-only connections that see the last committed state.
public final class SQLiteMetadataDatabase: MetadataDatabase {
    public let dialect = StoreDialect.sqlite
    private let writer: SQLiteConnection
    private let readers: [SQLiteConnection]
    private let writeLock = AsyncMutex()
    private let nextReader = NIOLockedValueBox(0)
    private let logger: Logger

    /// Opens (creating if needed) the database at `path` and applies the schema migrations.
    public static func open(path: String, readConnections: Int = 4, logger: Logger) async throws -> SQLiteMetadataDatabase {
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=10000",
                       "PRAGMA foreign_keys=OFF"] {
            _ = try await writer.query(pragma, [])
        }
        try await writer.install(customFunction: Self.regexpFunction)
        try await SchemaMigrations.apply(to: writer.sql(), dialect: .sqlite)
        var readers: [SQLiteConnection] = []
        for _ in 0..<max(1, readConnections) {
            let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            _ = try await reader.query("PRAGMA busy_timeout=10000", [])
            _ = try await reader.query("PRAGMA query_only=ON", [])
            try await reader.install(customFunction: Self.regexpFunction)
            readers.append(reader)
        }
        return SQLiteMetadataDatabase(writer: writer, readers: readers, logger: logger)
    }

    private init(writer: SQLiteConnection, readers: [SQLiteConnection], logger: Logger) {
        self.writer = writer
        self.readers = readers
        self.logger = logger
    }

    /// `x REGEXP y` in SQLite calls `regexp(y, x)`; SQLite ships no implementation of its own.
    /// Patterns are compiled once per distinct pattern and cached.
    private static let regexpFunction = SQLiteCustomFunction("regexp", argumentCount: 2, pure: true) { args in
        guard let pattern = args[0].string else { return false }
        guard let subject = args[1].string else { return false }
        return try RegexCache.shared.matches(pattern: pattern, subject: subject)
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let index = nextReader.withLockedValue { value -> Int in
            value = (value + 1) % readers.count
            return value
        }
        return try await body(readers[index].sql())
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writeLock.withLock {
            try await ExplicitTransaction.run(on: writer.sql(), begin: "BEGIN IMMEDIATE", logger: logger, body)
        }
    }

    public func writeStatement<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writeLock.withLock { try await body(writer.sql()) }
    }

    public func close() async throws {
        for reader in readers { try await reader.close() }
        try await writer.close()
    }
}
