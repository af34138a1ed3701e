import Foundation
import Testing

@testable import Extraction

/// `PageBytes.contains` (a filter of hashed 3-byte sequences before `memmem`) gives the
/// same answers as a plain search.
@Suite struct PageBytesTests {
    @Test func answersAsAPlainSearchOnEveryFixture() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 20)
        var asked = 0
        for name in pages.sorted() {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            let text = String(decoding: bytes, as: UTF8.self)
            var needles = [
                "comment", "wp-comment", "zzqx", "<li", "ld+json", "a", "ab", "disqus_thread", "\u{00e9}t\u{00e9}",
            ]
            // Pieces of the page itself, at fixed positions: every one occurs.
            let utf8 = Array(bytes)
            for start in stride(from: 0, to: max(0, utf8.count - 16), by: max(1, utf8.count / 40)) {
                let piece = String(decoding: utf8[start..<start + 3 + start % 12], as: UTF8.self)
                if piece.utf8.elementsEqual(utf8[start..<start + 3 + start % 12]) { needles.append(piece) }
            }
            try bytes.withUnsafeBytes { raw in
                let page = PageBytes(raw)
                for needle in needles {
                    #expect(page.contains(needle) == text.utf8.contains(needle.utf8), "\(name): \(needle)")
                    asked += 1
                }
            }
        }
        #expect(asked > 1000)
    }
}

extension String.UTF8View {
    /// Whether `needle` occurs as a contiguous byte run.
    fileprivate func contains(_ needle: String.UTF8View) -> Bool {
        let haystack = Array(self)
        let pattern = Array(needle)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return pattern.isEmpty }
        return (0...(haystack.count - pattern.count)).contains {
            haystack[$0..<$0 + pattern.count].elementsEqual(pattern)
        }
    }
}
