// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Stilte",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "stilte", targets: ["stilte"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        // C libraries, seen only by StilteAudio.
        .systemLibrary(name: "CALSA", pkgConfig: "alsa", providers: [.apt(["libasound2-dev"])]),
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),

        // Safe Swift over ALSA and libsndfile: devices, playback, capture, sound files.
        .target(name: "StilteAudio", dependencies: ["CALSA", "CSndFile"]),
        // Pure signal analysis: samples in, speech segments and the pause out. No I/O.
        .target(name: "StilteAnalysis"),
        // Scenarios, the session log's protocol, rows and rules, recordings, progress. No database.
        .target(name: "StilteCore", dependencies: [
            "StilteAnalysis",
            .product(name: "Yams", package: "Yams"),
        ]),
        // The embedded session log: SQLite through GRDB, behind Core's `SessionLog`.
        .target(name: "StilteStoreSQLite", dependencies: [
            "StilteAnalysis", "StilteCore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The shared session log of an organisation: PostgreSQL through postgres-nio, behind
        // Core's `SessionLog`; rows and SQL only (the rules stay in Core).
        .target(name: "StilteStorePostgres", dependencies: [
            "StilteAnalysis", "StilteCore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The application layer every front end shares: a rehearsal session, file analysis,
        // import, crash recovery.
        .target(name: "StiltePractice", dependencies: [
            "StilteAudio", "StilteAnalysis", "StilteCore",
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),  // passwords of the shared log's accounts
        ]),
        // `stilte serve`: the trainer's review pages and their JSON API (Hummingbird), a thin
        // front end over Core like the command line.
        .target(name: "StilteServer", dependencies: [
            "StilteAnalysis", "StilteAudio", "StilteCore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        // The command line. Linked with the Swift runtime and Foundation (+ ICU) static, as a PIE
        // whose relative relocations are packed (lld, RELR): a dynamic Foundation/ICU, or 2 MB of
        // unpacked relocations, held `stilte analyze` above 20 MB peak RSS whatever the file's
        // length (bench/pause-detectors/README.md, Memory). The flag on the compile makes this
        // target's objects name Foundation's static libraries for the linker.
        .executableTarget(
            name: "stilte",
            dependencies: [
                "StilteAudio", "StilteAnalysis", "StilteCore", "StiltePractice", "StilteServer", "StilteStoreSQLite",
                "StilteStorePostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                                          .when(platforms: [.linux]))]
        ),

        // The ALSA test rig (Tests/Rig) and helpers every audio test stands on; Foundation only.
        .target(name: "StilteTestSupport", path: "Tests/Support"),

        .testTarget(name: "StilteAudioTests", dependencies: ["StilteAudio", "StilteTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "StilteAnalysisTests", dependencies: ["StilteAnalysis"]),
        .testTarget(name: "StilteCoreTests", dependencies: [
            "StilteCore", "StilteStoreSQLite", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "StilteCLITests", dependencies: ["StilteAudio", "StilteTestSupport"]),
        // The application layer driven as a library: no binary, no terminal.
        .testTarget(name: "StiltePracticeTests", dependencies: [
            "StiltePractice", "StilteCore", "StilteAnalysis", "StilteAudio", "StilteStoreSQLite", "StilteTestSupport",
        ]),
        .testTarget(name: "StilteServerTests", dependencies: ["StilteServer", "StilteCore", "StilteAnalysis", "StilteStoreSQLite"]),
        // The session log's behaviour, the same tests against every store (SQLite, PostgreSQL).
        .testTarget(name: "StilteStoreTests", dependencies: [
            "StilteCore", "StilteAnalysis", "StilteStoreSQLite", "StilteStorePostgres", .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .testTarget(name: "StilteTestSupportTests", dependencies: ["StilteTestSupport"]),
        // Live takes against the offline analysis over every answer set at hand (issue 9).
        .testTarget(name: "StilteLiveTests", dependencies: ["StilteAnalysis", "StilteAudio", "StilteCore"]),
    ],
    swiftLanguageModes: [.v6]
)
