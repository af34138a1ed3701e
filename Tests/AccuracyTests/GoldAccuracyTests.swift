import Evaluation
import Extraction
import Foundation
import Testing
import ThreadModel

/// Extraction measured against the hand-annotated real pages in `../shared/gold`
/// (pages in `../shared/corpus`), scored as in EVALUATION.md §1. Skipped, with a
/// message, where `../shared` is absent (a fresh clone elsewhere).
enum SharedData {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    static var available: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("gold").path)
    }
}

@Suite struct GoldAccuracyTests {
    /// Platforms this slice extracts; the other gold pages are reported, not asserted.
    static let targeted: Set<String> = ["blogger", "wordpress"]

    static func report() throws -> EvaluationReport {
        let gold = try GoldPage.load(directory: SharedData.root.appendingPathComponent("gold"))
        let extractor = try ThreadExtractor(profiles: try ProfileSet.bundled())
        var entries: [EvaluationReport.Entry] = []
        for (name, page) in gold {
            let file = SharedData.root.appendingPathComponent("corpus").appendingPathComponent(page.source)
            let record = try extractor.extract(
                data: try Data(contentsOf: file), source: SourceInfo(file: page.source)
            ).record
            entries.append(EvaluationReport.Entry(name: name, extracted: record, gold: page))
        }
        return EvaluationReport(entries)
    }

    @Test(
        .enabled(
            if: SharedData.available,
            "../shared/gold not found next to the checkout: gold-page accuracy not measured"))
    func bloggerAndWordPressMeetTheFloors() throws {
        let report = try Self.report()
        print("Gold-page extraction accuracy (EVALUATION.md §1):\n" + report.renderTable())
        let targeted = EvaluationReport(report.entries.filter { Self.targeted.contains($0.platform) })
        let t = targeted.total
        #expect(t.pages == 7)
        #expect(t.recall >= 0.95)
        #expect(t.precision >= 0.95)
        #expect(try #require(t.fields.author.rate) >= 0.95)
        #expect(try #require(t.fields.parent.rate) >= 0.95)
        #expect(t.fields.removed.rate == 1.0)
    }
}
