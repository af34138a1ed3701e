import Evaluation
import Testing
import ThreadModel

/// Comment text measured on the dragnet training split (EVALUATION.md §2) and on
/// trafilatura's comment snippets (§3) in `../shared/corpus`, as `threadminer evaluate`
/// scores them. The floors sit below the current level: raise them as extraction improves.
@Suite struct CommentTextAccuracyTests {
    @Test(
        .enabled(
            if: SharedData.available,
            "../shared not found next to the checkout: dragnet comment-text accuracy not measured"))
    func dragnetTokensMeetTheFloors() async throws {
        let (report, extracted) = try await SharedData.offPool {
            let pages = try DragnetPage.load(corpus: SharedData.corpus)
            let records = try SharedData.extract(pages.map(\.source))
            let report = DragnetReport(
                pages.map { page in
                    DragnetReport.Entry(
                        page: page, platform: records[page.source]?.platform ?? "none",
                        extracted: ExtractedComments.text(of: records[page.source]))
                })
            return (report, records.count)
        }
        print("Dragnet comment tokens, training split (EVALUATION.md §2):\n" + report.table().renderText(pages: false))
        let t = report.total
        #expect(t.pages == 966)
        #expect(extracted == 966)
        #expect(t.withComments == 302)
        // Measured 0.906 and 26/664 (3.9%) when these floors were set.
        #expect(try #require(t.meanF1) >= 0.90)
        #expect(try #require(t.falsePositiveRate) <= 0.045)
    }

    @Test(
        .enabled(
            if: SharedData.available,
            "../shared not found next to the checkout: trafilatura snippet accuracy not measured"))
    func snippetsMeetTheFloors() async throws {
        let (report, suite) = try await SharedData.offPool {
            let suite = try SnippetPage.load(corpus: SharedData.corpus)
            let records = try SharedData.extract(suite.pages.map(\.source))
            let report = SnippetReport(
                suite.pages.map { page in
                    SnippetReport.Entry(
                        page: page, platform: records[page.source]?.platform ?? "none",
                        extracted: ExtractedComments.text(of: records[page.source]))
                })
            return (report, suite)
        }
        print("Trafilatura comment snippets (EVALUATION.md §3):\n" + report.table().renderText())
        let t = report.total
        #expect((t.pages, suite.unannotated, suite.missingFiles) == (107, 128, 715))
        #expect(t.snippets == 252)
        #expect(t.expectingNone == 4)
        #expect(t.found >= 148)  // 153 when this floor was set
        #expect(t.clean >= 1)
    }
}
