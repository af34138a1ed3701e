import Evaluation
import Testing

@Suite struct DragnetReportTests {
    let report = DragnetReport([
        // P 1/2, R 1/3, F1 0.4
        DragnetReport.Entry(
            page: DragnetPage(id: "A", source: "dragnet/HTML/A.html", comments: "The cat sat on the mat."),
            platform: "wordpress", extracted: "the the the dog"),
        // nothing extracted on a page with comments: 0, 0, 0
        DragnetReport.Entry(
            page: DragnetPage(id: "B", source: "dragnet/HTML/B.html", comments: "Great post, thanks"),
            platform: "none", extracted: ""),
        // no separator, comments extracted: a false positive
        DragnetReport.Entry(
            page: DragnetPage(id: "C", source: "dragnet/HTML/C.html", comments: nil), platform: "wordpress",
            extracted: "Leave a reply"),
        // separator but no token after it: no comments; nothing extracted
        DragnetReport.Entry(
            page: DragnetPage(id: "D", source: "dragnet/HTML/D.html", comments: " -- "), platform: "none",
            extracted: "  "),
    ])

    @Test func meansOverPagesWithCommentsAndFalsePositiveRate() throws {
        let t = report.total
        #expect((t.pages, t.withComments, t.withoutComments, t.falsePositives) == (4, 2, 2, 1))
        #expect((t.goldTokens, t.extractedTokens, t.commonTokens) == (9, 7, 2))
        #expect(t.meanPrecision == 0.25)
        #expect(t.meanRecall == 1.0 / 6)
        #expect(abs(try #require(t.meanF1) - 0.2) < 1e-12)
        #expect(t.falsePositiveRate == 0.5)
    }

    @Test func platformsAreSortedAndRatesWithNothingToScoreAreNil() {
        let groups = report.platforms
        #expect(groups.map(\.platform) == ["none", "wordpress"])
        #expect(groups[0].totals.meanF1 == 0 && groups[0].totals.falsePositiveRate == 0)
        let onlyClean = DragnetReport([report.entries[3]]).total
        #expect(onlyClean.meanF1 == nil && onlyClean.falsePositiveRate == 0)
    }

    @Test func tableShowsPagesOnRequest() {
        let full = report.table().renderText().split(separator: "\n")
        #expect(full.count == 11)  // header, rule, 4 pages, rule, 2 platforms, rule, total
        #expect(full[2].hasPrefix("A ") && full[2].contains("0.400"))
        #expect(full[10].hasPrefix("TOTAL (4 pages)") && full[10].hasSuffix("0.500"))
        #expect(report.table().renderText(pages: false).split(separator: "\n").count == 6)
    }
}
