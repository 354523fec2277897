import Foundation

/// Gates the tests that only make sense on PostgreSQL (racing claimers, serialization retries,
/// several nodes on one database).
///
/// Without `BATCHYARD_TEST_POSTGRES_URL` they are skipped on a developer machine; with `CI` set
/// they run anyway and fail, because in CI a missing service must not pass as "skipped".
public enum PostgresTestGate {
    /// Whether a PostgreSQL-only test should run (and, without a URL, fail).
    public static var enabled: Bool {
        TestMetadataDatabase.postgresURL != nil || ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// The server URL; throws when it is missing (only reached in CI, see `enabled`).
    public static func url() throws -> String {
        guard let url = TestMetadataDatabase.postgresURL else { throw MissingPostgres() }
        return url
    }

    /// CI ran a PostgreSQL-only test without a server.
    public struct MissingPostgres: Error, CustomStringConvertible {
        public var description: String {
            "\(TestMetadataDatabase.postgresURLVariable) is not set but CI is: start one with `scripts/postgres.sh start` "
                + "and export \(TestMetadataDatabase.postgresURLVariable)=$(scripts/postgres.sh url)"
        }
    }
}
