// swift-tools-version: 6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "batchyard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "batchyard", targets: ["batchyard"]),
        .library(name: "Parquet", targets: ["Parquet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // Domain model: no I/O, imports nothing of ours.
        .target(name: "BatchyardCore", swiftSettings: swiftSettings),

        // Parquet codec, independent of the rest of Batchyard.
        .systemLibrary(
            name: "CZstd", pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Parquet", dependencies: ["CZstd", "CZlib"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "ParquetBenchmark", dependencies: ["Parquet"], path: "Benchmarks/ParquetBenchmark",
            swiftSettings: swiftSettings),

        // XDM schemas and record validation (no I/O).
        .target(name: "XDMValidation", dependencies: ["BatchyardCore"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "XDMValidationBenchmark", dependencies: ["XDMValidation", "BatchyardCore"],
            path: "Benchmarks/XDMValidationBenchmark", swiftSettings: swiftSettings),

        // Streaming record readers (JSON Lines, multi-line JSON, CSV) and ingestion diagnostics (no I/O).
        .target(name: "Ingestion", dependencies: ["BatchyardCore"], swiftSettings: swiftSettings),

        // Blob storage (uploads, lake, diagnostics): local file system now, S3-compatible later.
        .target(
            name: "BlobStore",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings),
        // S3-compatible blob store (SigV4, multipart, ranged GET), kept out of BlobStore so that stays light.
        .target(
            name: "S3BlobStore",
            dependencies: [
                "BlobStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "UploadBenchmark",
            dependencies: [
                "BatchyardServer", "BatchyardStore", "BatchyardCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/UploadBenchmark", swiftSettings: swiftSettings),

        // Batch processing: readers → validator → zstd Parquet in staging → publish.
        .target(
            name: "IngestionPipeline",
            dependencies: ["BatchyardCore", "Ingestion", "XDMValidation", "Parquet", "BlobStore"],
            swiftSettings: swiftSettings),

        .executableTarget(
            name: "IngestionBenchmark",
            dependencies: ["IngestionPipeline", "Ingestion", "BlobStore", "BatchyardCore", "XDMValidation"],
            path: "Benchmarks/IngestionBenchmark", swiftSettings: swiftSettings),

        // Metadata store on SQLKit.
        .target(
            name: "BatchyardStore",
            dependencies: [
                "BatchyardCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings),

        // The HTTP API.
        .target(
            name: "BatchyardServer",
            dependencies: [
                "BatchyardCore", "BatchyardStore", "XDMValidation", "BlobStore", "Ingestion", "Parquet", "IngestionPipeline",
                "S3BlobStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings),

        // The HTTP client behind the `batchyard` client commands (uploads, status following, progress).
        .target(
            name: "BatchyardClient",
            dependencies: [
                "BatchyardCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings),

        // The command line: `batchyard serve` and friends.
        .executableTarget(
            name: "batchyard",
            dependencies: [
                "BatchyardServer", "BatchyardClient", "BatchyardCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),

        .executableTarget(
            name: "CatalogBenchmark",
            dependencies: ["BatchyardStore", "BatchyardCore", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/CatalogBenchmark", swiftSettings: swiftSettings),

        .target(
            name: "BatchyardTestSupport", dependencies: ["BlobStore", "S3BlobStore"], path: "Tests/BatchyardTestSupport",
            swiftSettings: swiftSettings),
        .target(
            name: "StoreTestSupport", dependencies: ["BatchyardStore", .product(name: "Logging", package: "swift-log")],
            path: "Tests/StoreTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "BatchyardCoreTests", dependencies: ["BatchyardCore", "BatchyardTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ParquetTests", dependencies: ["Parquet", "BatchyardTestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(
            name: "XDMValidationTests", dependencies: ["XDMValidation", "BatchyardCore", "BatchyardTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(name: "IngestionTests", dependencies: ["Ingestion", "BatchyardCore", "BatchyardTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "BlobStoreTests", dependencies: ["BlobStore", "BatchyardTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "S3BlobStoreTests",
            dependencies: [
                "S3BlobStore", "BlobStore", "BatchyardTestSupport",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "IngestionPipelineTests",
            dependencies: [
                "IngestionPipeline", "BlobStore", "Ingestion", "XDMValidation", "Parquet", "BatchyardCore",
                "BatchyardTestSupport",
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "BatchyardStoreTests",
            dependencies: ["BatchyardStore", "BatchyardCore", "BatchyardTestSupport", "StoreTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "BatchyardClientTests",
            dependencies: [
                "BatchyardClient", "BatchyardCore", "BatchyardTestSupport", "StoreTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "BatchyardServerTests",
            dependencies: [
                "BatchyardServer", "BatchyardStore", "BatchyardCore", "BlobStore", "Parquet", "BatchyardTestSupport",
                "StoreTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings),
    ]
)
