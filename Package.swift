// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "threadminer",
    products: [
        .executable(name: "threadminer", targets: ["threadminer"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CBrotli", pkgConfig: "libbrotlidec", providers: [.apt(["libbrotli-dev"])]),
        .target(name: "CByteSearch"),
        .target(name: "ThreadModel", swiftSettings: strict),
        .target(name: "Markup", dependencies: ["CLibXML2"], swiftSettings: strict),
        .target(name: "ArchiveURLs", dependencies: ["CByteSearch"], swiftSettings: strict),
        .target(
            name: "WebArchive", dependencies: ["CZlib", "CBrotli", "CByteSearch", "ArchiveURLs"],
            swiftSettings: strict),
        .target(name: "Exports", dependencies: ["Markup", "ThreadModel", "ArchiveURLs"], swiftSettings: strict),
        .target(
            name: "Extraction", dependencies: ["Markup", "ThreadModel", "CByteSearch"],
            resources: [.copy("Profiles"), .copy("Locale")], swiftSettings: strict),
        .target(
            name: "Corpus",
            dependencies: ["ThreadModel", "ArchiveURLs", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        .target(
            name: "Crawl",
            dependencies: [
                "Extraction", "Markup", "Corpus", "ThreadModel", "WebArchive", "ArchiveURLs", "Exports", "CByteSearch",
            ],
            swiftSettings: strict),
        .target(name: "Reporting", dependencies: ["Corpus", "ThreadModel"], swiftSettings: strict),
        .target(name: "Evaluation", dependencies: ["ThreadModel"], swiftSettings: strict),
        .target(name: "Pipeline", dependencies: ["Crawl", "Corpus", "Reporting"], swiftSettings: strict),
        .executableTarget(
            name: "threadminer",
            dependencies: [
                "Pipeline", "Crawl", "Evaluation", "Extraction", "Corpus", "Reporting", "ThreadModel", "WebArchive",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"]),
        .testTarget(
            name: "ExtractionTests", dependencies: ["Extraction", "Markup", "ThreadModel"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "ThreadModelTests", dependencies: ["ThreadModel"]),
        .testTarget(name: "ArchiveURLsTests", dependencies: ["ArchiveURLs"]),
        .testTarget(name: "WebArchiveTests", dependencies: ["WebArchive", "CZlib"]),
        .testTarget(name: "ExportsTests", dependencies: ["Exports", "ThreadModel", "Markup"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "ThreadModel", "Reporting"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Corpus", "ThreadModel"]),
        .testTarget(name: "CrawlTests", dependencies: ["Crawl", "Corpus", "Extraction", "Reporting"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "ThreadModel"]),
        .testTarget(
            name: "AccuracyTests", dependencies: ["Evaluation", "Extraction", "ThreadModel"]),
        .testTarget(name: "EndToEndTests", dependencies: ["threadminer"]),
    ]
)
