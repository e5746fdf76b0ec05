// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Corridor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "corridor", targets: ["CorridorCLI"]),
        .library(name: "Corridor", targets: ["Corridor"]),
        // The safe Swift layer over GLPK, for tools (benchmarks) that drive the solver directly.
        .library(name: "CorridorLP", targets: ["CorridorLP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The C world: a module map over <glpk.h>. Only CorridorLP imports it.
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        // The thin, safe Swift layer over GLPK: problem lifetime, solve, duals, warm starts, export.
        .target(name: "CorridorLP", dependencies: ["CGLPK"]),
        // The domain library: network documents, validation, formulation, plans, verification, reports.
        .target(name: "Corridor", dependencies: [
            "CorridorLP",
            .product(name: "Yams", package: "Yams"),
        ]),
        // The command line: thin commands over the Corridor library.
        .executableTarget(name: "CorridorCLI", dependencies: [
            "Corridor",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Shared test fixtures: hand-built networks, random network generator, dataset paths.
        .target(name: "CorridorTestSupport", dependencies: ["Corridor"], path: "Tests/CorridorTestSupport"),
        .testTarget(name: "CorridorLPTests", dependencies: ["CorridorLP"]),
        .testTarget(name: "CorridorTests", dependencies: ["Corridor", "CorridorLP", "CorridorTestSupport"]),
        .testTarget(name: "CorridorCLITests", dependencies: ["Corridor", "CorridorTestSupport"]),
    ]
)
