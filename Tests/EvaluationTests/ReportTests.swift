import Evaluation
import Testing
import ThreadModel

@Suite struct ReportTests {
    /// Three pages on two platforms: a perfect blogger page, a blogger page missing one of
    /// two comments, and a wordpress page with one extra comment.
    let report = EvaluationReport([
        EvaluationReport.Entry(
            name: "b1", extracted: record([extractedComment(1, texts[0])]),
            gold: goldPage([goldComment(1, texts[0])], platform: "blogger")),
        EvaluationReport.Entry(
            name: "b2", extracted: record([extractedComment(1, texts[1], author: "Zed")]),
            gold: goldPage([goldComment(1, texts[1]), goldComment(2, texts[2])], platform: "blogger")),
        EvaluationReport.Entry(
            name: "w1", extracted: record([extractedComment(1, texts[3]), extractedComment(2, texts[4])]),
            gold: goldPage([goldComment(1, texts[3])], platform: "wordpress")),
    ])

    @Test func totalsAreMicroAveraged() {
        let t = report.total
        #expect((t.pages, t.goldCount, t.extractedCount, t.matched) == (3, 4, 4, 3))
        #expect(t.recall == 0.75 && t.precision == 0.75)
        #expect(t.exactCount == Tally(correct: 1, total: 3))
        #expect(t.fields.author == Tally(correct: 2, total: 3))
        #expect(t.fields.published.rate == nil)
    }

    @Test func groupsByGoldPlatform() {
        let groups = report.platforms
        #expect(groups.map(\.platform) == ["blogger", "wordpress"])
        #expect(groups[0].totals.pages == 2)
        #expect(groups[0].totals.recall == 2.0 / 3 && groups[0].totals.precision == 1)
        #expect(groups[1].totals.recall == 1 && groups[1].totals.precision == 0.5)
    }

    @Test func tableHasPagePlatformAndTotalRows() {
        let table = report.renderTable()
        let lines = table.split(separator: "\n").map(String.init)
        // header, rule, 3 pages, rule, 2 platforms, rule, total
        #expect(lines.count == 10)
        #expect(lines[0].hasPrefix("page"))
        #expect(lines[2].hasPrefix("b1 "))
        #expect(lines[6].contains("blogger"))
        #expect(lines[9].hasPrefix("TOTAL (3 pages)"))
        #expect(lines[9].contains("0.750"))
        #expect(lines[9].contains("–"))  // nothing to score for published
        #expect(Set(lines.map(\.count)).count == 1)  // fixed width
        #expect(table == report.renderTable())
    }
}
