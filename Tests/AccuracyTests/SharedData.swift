import Extraction
import Foundation
import ThreadModel

/// The shared real data next to the checkout (`../shared`): gold in `gold/`, pages in
/// `corpus/`. Tests that need it are skipped, with a message, where it is absent (a
/// fresh clone elsewhere).
enum SharedData {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    static let corpus = root.appendingPathComponent("corpus")

    static var available: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("gold").path)
    }

    /// Runs `body` on a thread of its own: extracting and scoring hundreds of pages on a
    /// thread of the test runner's pool (Dispatch's, on Linux) would hold up the other tests.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            start { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Extracts pages with the bundled profiles on one thread per core, one extractor each.
    ///
    /// - Parameter sources: Page paths relative to ``corpus``.
    /// - Returns: The records by path; a page that cannot be read or extracted is absent.
    /// - Throws: When the bundled profiles do not compile.
    static func extract(_ sources: [String]) throws -> [String: ThreadRecord] {
        let profiles = try ProfileSet.bundled()
        let results = Results(count: sources.count)
        let done = DispatchGroup()
        for _ in 0..<min(ProcessInfo.processInfo.activeProcessorCount, sources.count) {
            done.enter()
            start {
                defer { done.leave() }
                do {
                    let extractor = try ThreadExtractor(profiles: profiles)
                    while let i = results.next() {
                        let file = corpus.appendingPathComponent(sources[i])
                        guard let data = try? Data(contentsOf: file) else { continue }
                        results.set(i, try? extractor.extract(data: data, source: SourceInfo(file: sources[i])).record)
                    }
                } catch {
                    results.fail(error)
                }
            }
        }
        done.wait()
        if let error = results.error { throw error }
        return Dictionary(
            uniqueKeysWithValues: zip(sources, results.records).compactMap { source, record in
                record.map { (source, $0) }
            })
    }

    /// Runs `body` on a new thread with a stack large enough for deeply nested pages.
    private static func start(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// Records written by the workers, and the next page index to take.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var taken = 0
        private(set) var records: [ThreadRecord?]
        private(set) var error: (any Error)?

        init(count: Int) { records = Array(repeating: nil, count: count) }

        func next() -> Int? {
            lock.withLock {
                guard taken < records.count, error == nil else { return nil }
                defer { taken += 1 }
                return taken
            }
        }

        func set(_ i: Int, _ record: ThreadRecord?) { lock.withLock { records[i] = record } }

        func fail(_ error: any Error) { lock.withLock { self.error = error } }
    }
}
