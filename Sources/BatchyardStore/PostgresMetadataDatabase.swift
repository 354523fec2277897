import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresKit

/// Metadata in a PostgreSQL database, shared by any number of Batchyard nodes.
///
/// SQLite's single writer serialises every read-modify-write of the store for free; several
/// nodes on one PostgreSQL do not have that. So every write transaction (and every single-statement
/// write) runs at `SERIALIZABLE`: PostgreSQL then guarantees the outcome of some serial order, and
/// a transaction that cannot be placed in one fails with `40001` (or `40P01` on a deadlock) —
/// those are retried, whole, a bounded number of times. Write bodies must therefore be safe to run
/// again (the one blob side effect, an upload's move into place, tolerates a re-run). A
/// transaction that collided twice queues on an advisory lock before its next attempt, so hot
/// spots degrade to one writer at a time instead of aborting each other over and over.
///
/// Reads and writes use separate pools, so a write body that also reads through `read` can never
/// starve itself of connections.
public final class PostgresMetadataDatabase: MetadataDatabase {
    public let dialect = StoreDialect.postgres
    // AsyncKit's pool guards its state with a lock of its own but is not marked Sendable.
    nonisolated(unsafe) private let readPool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    nonisolated(unsafe) private let writePool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    private let logger: Logger
    /// The advisory lock that contended writers of this schema queue on.
    private let writerLockName: String
    /// How many times a write body runs before a serialization failure is given up on.
    let maxAttempts: Int
    private let retries = NIOLockedValueBox(0)

    /// Write transactions re-run after a serialization failure or deadlock since opening (a
    /// contention figure for logs and tests).
    public var serializationRetries: Int { retries.withLockedValue { $0 } }

    /// Connects to `url` (`postgres://user:password@host:port/database`), creates `schema` when
    /// given (every table then lives in it, via `search_path`), and applies the migrations under
    /// an advisory lock so that nodes starting together do not race them.
    ///
    /// Pool sizes are per event loop of the shared NIO group.
    public static func open(
        url: String, schema: String? = nil, readConnections: Int = 4, writeConnections: Int = 4,
        maxAttempts: Int = 30, logger: Logger
    ) async throws -> PostgresMetadataDatabase {
        var configuration = try SQLPostgresConfiguration(url: url)
        try await migrate(configuration: configuration, schema: schema, logger: logger)
        if let schema { configuration.searchPath = [schema] }
        let source = PostgresConnectionSource(sqlConfiguration: configuration)
        let group = MultiThreadedEventLoopGroup.singleton
        func pool(_ size: Int) -> EventLoopGroupConnectionPool<PostgresConnectionSource> {
            EventLoopGroupConnectionPool(
                source: source, maxConnectionsPerEventLoop: max(1, size), requestTimeout: .seconds(60),
                pruneInterval: .seconds(60), maxIdleTimeBeforePruning: .seconds(120), logger: logger, on: group)
        }
        return PostgresMetadataDatabase(
            readPool: pool(readConnections), writePool: pool(writeConnections), logger: logger,
            writerLockName: "batchyard-writer:" + (schema ?? ""), maxAttempts: maxAttempts)
    }

    private init(
        readPool: EventLoopGroupConnectionPool<PostgresConnectionSource>,
        writePool: EventLoopGroupConnectionPool<PostgresConnectionSource>, logger: Logger, writerLockName: String,
        maxAttempts: Int
    ) {
        self.readPool = readPool
        self.writePool = writePool
        self.logger = logger
        self.writerLockName = writerLockName
        self.maxAttempts = max(1, maxAttempts)
    }

    /// One migration run, in one transaction, holding a transaction-scoped advisory lock named
    /// after the schema: a second node waits, then finds every step applied.
    private static func migrate(configuration: SQLPostgresConfiguration, schema: String?, logger: Logger) async throws {
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration.coreConfiguration,
            id: 0, logger: logger)
        do {
            let database = connection.sql(queryLogLevel: nil)
            try await database.raw("BEGIN").run()
            do {
                let lockName = "batchyard-migrations:" + (schema ?? "")
                try await database.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: lockName)))").run()
                if let schema {
                    try await database.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
                    try await database.raw("SET LOCAL search_path TO \(ident: schema)").run()
                }
                try await SchemaMigrations.apply(to: database, dialect: .postgres)
                try await database.raw("COMMIT").run()
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection(from: readPool) { connection in
            try await body(connection.sql())
        }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                let contended = attempt > Self.optimisticAttempts
                return try await withConnection(from: writePool) { connection in
                    let database = connection.sql()
                    guard contended else { return try await Self.serializable(database, logger: self.logger, body) }
                    return try await Self.queued(database, lockName: self.writerLockName, logger: self.logger, body)
                }
            } catch let error where Self.isRetryable(error) && attempt < maxAttempts {
                logger.debug("retrying a serialization failure (attempt \(attempt)): \(String(reflecting: error))")
                retries.withLockedValue { $0 += 1 }
                // Randomised, growing back-off so that the transactions that collided do not collide again.
                let ceiling = UInt64(min(1 << min(attempt, 7), 100))
                try await Task.sleep(nanoseconds: UInt64.random(in: 1...ceiling) * 1_000_000)
                attempt += 1
            }
        }
    }

    /// A single statement is a transaction too; it gets the same isolation and retries.
    public func writeStatement<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await write(body)
    }

    public func close() async throws {
        try await readPool.shutdownAsync()
        try await writePool.shutdownAsync()
    }

    /// A transaction that already lost this many times queues behind the other such ones.
    static let optimisticAttempts = 2

    /// Runs a serializable transaction while holding the session advisory lock `lockName`, taken
    /// before `BEGIN` so that the snapshot is taken after the wait: transactions that keep
    /// colliding then run one at a time (across nodes) instead of aborting each other again.
    private static func queued<T: Sendable>(
        _ database: some SQLDatabase, lockName: String, logger: Logger, _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await database.raw("SELECT pg_advisory_lock(hashtext(\(bind: lockName)))").run()
        do {
            let result = try await serializable(database, logger: logger, body)
            try await database.raw("SELECT pg_advisory_unlock(hashtext(\(bind: lockName)))").run()
            return result
        } catch {
            do {
                try await database.raw("SELECT pg_advisory_unlock(hashtext(\(bind: lockName)))").run()
            } catch let unlockError {
                logger.error("advisory unlock failed: \(unlockError)")
            }
            throw error
        }
    }

    /// Whether `error` is PostgreSQL saying "run the transaction again": a serialization failure
    /// or a deadlock victim.
    static func isRetryable(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    private static func serializable<T: Sendable>(
        _ database: some SQLDatabase, logger: Logger, _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await ExplicitTransaction.run(on: database, begin: "BEGIN ISOLATION LEVEL SERIALIZABLE", logger: logger, body)
    }

    private func withConnection<T: Sendable>(
        from pool: EventLoopGroupConnectionPool<PostgresConnectionSource>,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let connection = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(connection, logger: logger) }
        return try await body(connection)
    }
}
