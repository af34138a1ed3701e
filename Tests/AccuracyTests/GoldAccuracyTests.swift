import Evaluation
import Testing
import ThreadModel

/// Extraction measured against the hand-annotated real pages in `../shared/gold`
/// (pages in `../shared/corpus`), scored as in EVALUATION.md §1.
@Suite struct GoldAccuracyTests {
    /// Platforms this slice extracts; the other gold pages are reported, not asserted.
    static let targeted: Set<String> = ["blogger", "wordpress"]

    static func report() throws -> EvaluationReport {
        let gold = try GoldPage.load(directory: SharedData.root.appendingPathComponent("gold"))
        let records = try SharedData.extract(gold.map(\.page.source))
        return EvaluationReport(
            try gold.map { name, page in
                EvaluationReport.Entry(
                    name: name, extracted: try #require(records[page.source], "\(page.source) not extracted"),
                    gold: page)
            })
    }

    @Test(
        .enabled(
            if: SharedData.available,
            "../shared/gold not found next to the checkout: gold-page accuracy not measured"))
    func bloggerAndWordPressMeetTheFloors() async throws {
        let report = try await SharedData.offPool(Self.report)
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
