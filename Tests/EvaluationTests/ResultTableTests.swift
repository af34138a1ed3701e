import Evaluation
import Testing

@Suite struct ResultTableTests {
    let table = ResultTable(
        columns: ["page", "platform", "count", "rate"],
        rows: [
            ResultTable.Row(.total, [.text("TOTAL (2 pages)"), .text("all"), .count(3), .rate(0.25)]),
            ResultTable.Row(.page, [.text("a, \"quoted\""), .text("x"), .count(1), .rate(1.0 / 3)]),
            ResultTable.Row(.platform, [.text("(2 pages)"), .text("x"), .count(3), .rate(nil)]),
            ResultTable.Row(.page, [.text("line\nbreak"), .text("x"), .count(2), .rate(0)]),
        ])

    @Test func csvIsRFC4180WithScopeColumnAndPagesFirst() {
        #expect(
            table.renderCSV()
                == "scope,page,platform,count,rate\r\n"
                + "page,\"a, \"\"quoted\"\"\",x,1,0.3333333333333333\r\n"
                + "page,\"line\nbreak\",x,2,0.0\r\n"
                + "platform,(2 pages),x,3,\r\n"
                + "total,TOTAL (2 pages),all,3,0.25\r\n")
    }

    @Test func textAlignsLabelsLeftAndNumbersRight() {
        let lines = ResultTable(
            columns: ["page", "platform", "n", "rate"],
            rows: [
                ResultTable.Row(.page, [.text("p"), .text("blogger"), .count(12), .rate(2.0 / 3)]),
                ResultTable.Row(.total, [.text("TOTAL (1 page)"), .text("all"), .count(12), .rate(nil)]),
            ]
        ).renderText().split(separator: "\n")
        #expect(
            lines == [
                "page            platform   n   rate",
                "-----------------------------------",
                "p               blogger   12  0.667",
                "-----------------------------------",
                "TOTAL (1 page)  all       12      –",
            ])
    }

    @Test func textWithoutPagesKeepsGroupsAndTotal() {
        let lines = table.renderText(pages: false).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[2].hasPrefix("(2 pages)") && lines[4].hasPrefix("TOTAL (2 pages)"))
    }

    @Test func goldReportAsCSV() {
        let report = EvaluationReport([
            EvaluationReport.Entry(
                name: "b1", extracted: record([extractedComment(1, texts[0])]),
                gold: goldPage([goldComment(1, texts[0])], platform: "blogger"))
        ])
        let lines = report.table().renderCSV().split(separator: "\r\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("scope,page,platform,gold,found,matched,recall,precision,exact,author,"))
        #expect(lines[1] == "page,b1,blogger,1,1,1,1.0,1.0,yes,1.0,1.0,,1.0,1.0,1.0,,yes,0/0")
        #expect(lines[3].hasPrefix("total,TOTAL (1 page),all,1,1,1,1.0,1.0,1.0,"))
    }
}
