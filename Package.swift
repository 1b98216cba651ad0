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
    ],
    targets: [
        // C libraries, seen only by StilteAudio.
        .systemLibrary(name: "CALSA", pkgConfig: "alsa", providers: [.apt(["libasound2-dev"])]),
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),

        // Safe Swift over ALSA and libsndfile: devices, playback, capture, sound files.
        .target(name: "StilteAudio", dependencies: ["CALSA", "CSndFile"]),
        // Pure signal analysis: samples in, speech segments and the pause out. No I/O.
        .target(name: "StilteAnalysis"),
        // Scenarios, the session log, progress.
        .target(name: "StilteCore", dependencies: [
            "StilteAnalysis",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // The command line.
        .executableTarget(name: "stilte", dependencies: [
            "StilteAudio", "StilteAnalysis", "StilteCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // The ALSA test rig (Tests/Rig) and helpers every audio test stands on; Foundation only.
        .target(name: "StilteTestSupport", path: "Tests/Support"),

        .testTarget(name: "StilteAudioTests", dependencies: ["StilteAudio", "StilteTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "StilteAnalysisTests", dependencies: ["StilteAnalysis"]),
        .testTarget(name: "StilteCoreTests", dependencies: ["StilteCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "StilteCLITests", dependencies: ["StilteAudio", "StilteTestSupport"]),
        .testTarget(name: "StilteTestSupportTests", dependencies: ["StilteTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
