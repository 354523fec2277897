import Logging
import SQLKit

/// One transaction opened with the dialect's own `BEGIN …` statement (SQLite's `BEGIN IMMEDIATE`,
/// PostgreSQL's `BEGIN ISOLATION LEVEL SERIALIZABLE`), committed when `body` returns and rolled
/// back when it throws. A failed rollback is logged, and the body's error is what the caller sees.
enum ExplicitTransaction {
    static func run<T: Sendable>(
        on database: any SQLDatabase, begin: String, logger: Logger,
        _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await database.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(database)
            try await database.raw("COMMIT").run()
            return result
        } catch {
            do {
                try await database.raw("ROLLBACK").run()
            } catch let rollbackError {
                logger.error("rollback failed: \(rollbackError)")
            }
            throw error
        }
    }
}
