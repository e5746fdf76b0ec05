// swift-tools-version:6.1
// Corridor's benchmarks, a package of their own so that the benchmark package and its
// dependencies stay out of Corridor's build. Run from this folder:
//   swift package benchmark                      (all benchmarks; see README.md)
//   swift package benchmark baseline compare initial
import PackageDescription

let package = Package(
    name: "CorridorBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Corridor itself (named, so the product resolves whatever the checkout's folder is called).
        .package(name: "Corridor", path: ".."),
        // Exactly this traits line: the default RuntimeInterposer trait pulls a package this machine does not have.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CorridorBenchmarks",
            dependencies: [
                .product(name: "Corridor", package: "Corridor"),
                .product(name: "CorridorLP", package: "Corridor"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CorridorBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ]
)
