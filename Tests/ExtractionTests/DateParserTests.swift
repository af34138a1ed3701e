import Extraction
import Testing

@Suite struct DateParserTests {
    let parser = DateParser()

    @Test(arguments: [
        ("Saturday, July 23, 2011", "2011-07-23"),
        ("July 24, 2011 at 1:45 PM", "2011-07-24T13:45"),
        ("July 24, 2011 1:45 PM", "2011-07-24T13:45"),
        ("October 1st, 2012 at 2:04 pm", "2012-10-01T14:04"),
        ("On August 24, 2012 at 11:09 am", "2012-08-24T11:09"),
        ("12:30 AM, March 3, 2010", "2010-03-03T00:30"),
        ("March 3, 2010 at 12:05 pm", "2010-03-03T12:05"),
        ("24 July 2011 13:45", "2011-07-24T13:45"),
        ("Jul 24, 2011", "2011-07-24"),
        ("2011-07-24T13:45:00.000-07:00", "2011-07-24T13:45"),
        ("2011-07-24 13:45:07", "2011-07-24T13:45:07"),
        ("4/19/2005 07:14:49 PM", "2005-04-19T19:14:49"),
        ("24/7/11 13:45", "2011-07-24T13:45"),
        ("22. Dezember 2019 um 11:16 Uhr", "2019-12-22T11:16"),
        ("Samstag, 5. Oktober 2013", "2013-10-05"),
        ("3 mars 2010 à 16:05", "2010-03-03T16:05"),
    ])
    func fullDates(raw: String, iso: String) {
        #expect(parser.parse(raw)?.iso == iso)
    }

    @Test func timeOnlyHasNoDateUntilCompleted() throws {
        let parsed = try #require(parser.parse("11:58 AM"))
        #expect(parsed.iso == nil)
        #expect(parsed.hour == 11 && parsed.minute == 58)
        // 1183910280000 ms = 2007-07-08 15:58 UTC: only UTC−4 gives 11:58.
        let completed = InstantCompletion.complete(parsed, epochMilliseconds: 1_183_910_280_000)
        #expect(completed?.iso == "2007-07-08T11:58")
    }

    @Test func completionRefusesAmbiguousDates() throws {
        // 12:00 UTC shown as 12:00 AM fits UTC−12 (the 24th) and UTC+12 (the 25th).
        let noon = Int64(1_311_508_800_000)  // 2011-07-24T12:00:00Z
        let shown = try #require(parser.parse("12:00 AM"))
        #expect(InstantCompletion.complete(shown, epochMilliseconds: noon) == nil)
    }

    @Test func numericDatesNeverGuessOrder() {
        #expect(parser.parse("4/7/2011")?.iso == nil)
        #expect(parser.parse("4/7/2011", order: .dayFirst)?.iso == "2011-07-04")
        #expect(parser.parse("4/7/2011", order: .monthFirst)?.iso == "2011-04-07")
        #expect(parser.parse("7/7/2011")?.iso == "2011-07-07")
    }

    @Test func pageSettlesNumericOrder() {
        #expect(parser.numericOrder(of: ["4/19/2005 07:14 PM", "4/7/2005"]) == .monthFirst)
        #expect(parser.numericOrder(of: ["19/4/2005", "4/7/2005"]) == .dayFirst)
        #expect(parser.numericOrder(of: ["19/4/2005", "4/19/2005"]) == nil)
        #expect(parser.numericOrder(of: ["4/7/2005"]) == nil)
    }

    @Test func rejectsImpossibleDates() {
        #expect(parser.parse("February 30, 2011")?.iso == nil)
        #expect(parser.parse("25:61") == nil)
        #expect(parser.parse("no date here") == nil)
    }
}
