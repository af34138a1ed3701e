import Extraction
import Testing

@Suite struct RelativeDateTests {
    let parser = DateParser()
    let captured = "2011-07-25T10:00:00Z"

    @Test(arguments: [
        // English
        ("3 years ago", "2008-07-25"),
        ("2 hours ago", "2011-07-25T08:00"),
        ("45 mins ago", "2011-07-25T09:15"),
        ("yesterday", "2011-07-24"),
        ("a month ago", "2011-06-25"),
        ("about an hour ago", "2011-07-25T09:00"),
        ("over a year ago", "2010-07-25"),
        ("1 week ago", "2011-07-18"),
        ("2 years, 3 months ago", "2009-04-25"),
        ("1 year and 2 days ago", "2010-07-23"),
        ("just now", "2011-07-25T10:00"),
        ("a few seconds ago", "2011-07-25T10:00"),
        ("yesterday at 10:12 pm", "2011-07-24T22:12"),
        ("Today, 9:15 AM", "2011-07-25T09:15"),
        // German
        ("vor 6 Jahren", "2005-07-25"),
        ("vor einem Tag", "2011-07-24"),
        ("Vor 1 Woche", "2011-07-18"),
        ("vor 30 Minuten", "2011-07-25T09:30"),
        ("vor 2 Std.", "2011-07-25T08:00"),
        ("vor etwa 3 Wochen", "2011-07-04"),
        ("gestern", "2011-07-24"),
        ("vorgestern", "2011-07-23"),
        ("Heute, 10.12 Uhr", "2011-07-25T10:12"),
        ("gerade eben", "2011-07-25T10:00"),
        ("14 Stunden 35 Minuten her", "2011-07-24T19:25"),
        // French
        ("il y a 2 jours", "2011-07-23"),
        ("il y a un an", "2010-07-25"),
        ("il y a environ 3 heures", "2011-07-25T07:00"),
        ("hier à 22h15", "2011-07-24T22:15"),
        ("avant-hier", "2011-07-23"),
        ("à l’instant", "2011-07-25T10:00"),
        // Spanish
        ("hace 3 días", "2011-07-22"),
        ("hace una semana", "2011-07-18"),
        ("hace más de 2 años", "2009-07-25"),
        ("ayer a las 10:12", "2011-07-24T10:12"),
        ("hace un momento", "2011-07-25T10:00"),
        // Portuguese
        ("há 2 dias", "2011-07-23"),
        ("ha 2 dias", "2011-07-23"),
        ("há um mês", "2011-06-25"),
        ("2 dias atrás", "2011-07-23"),
        ("ontem às 10:12", "2011-07-24T10:12"),
        // Italian
        ("3 giorni fa", "2011-07-22"),
        ("un'ora fa", "2011-07-25T09:00"),
        ("2 settimane fa", "2011-07-11"),
        ("ieri alle 10:12", "2011-07-24T10:12"),
        ("l'altro ieri", "2011-07-23"),
        // Dutch
        ("2 dagen geleden", "2011-07-23"),
        ("een uur geleden", "2011-07-25T09:00"),
        ("3 maanden geleden", "2011-04-25"),
        ("gisteren om 10:12", "2011-07-24T10:12"),
    ])
    func resolvedAgainstTheCapture(raw: String, iso: String) throws {
        let parsed = try #require(parser.parse(raw, capturedAt: captured))
        #expect(parsed.iso == iso)
        #expect(parsed.isRelative)
    }

    @Test(arguments: [
        "2011-07-25T10:00:00Z", "2011-07-25T10:00:00", "2011-07-25 10:00:00", "2011-07-25T10:00Z",
        "2011-07-25T10:00:00.123Z", "2011-07-25T12:00:00+02:00", "2011-07-25T07:30:00-0230", "20110725100000",
    ])
    func captureForms(capture: String) {
        #expect(parser.parse("2 hours ago", capturedAt: capture)?.iso == "2011-07-25T08:00")
    }

    @Test func dateOnlyCapturesSettleDaysButNotHours() {
        for capture in ["2011-07-25", "20110725"] {
            #expect(parser.parse("yesterday", capturedAt: capture)?.iso == "2011-07-24")
            #expect(parser.parse("2 hours ago", capturedAt: capture) == nil)
            #expect(parser.parse("just now", capturedAt: capture) == nil)
        }
    }

    @Test func calendarEdges() {
        #expect(parser.parse("2 hours ago", capturedAt: "2012-03-01T00:30:00Z")?.iso == "2012-02-29T22:30")
        #expect(parser.parse("1 month ago", capturedAt: "2011-03-31T10:00:00Z")?.iso == "2011-02-28")
        #expect(parser.parse("1 year ago", capturedAt: "2012-02-29T10:00:00Z")?.iso == "2011-02-28")
        #expect(parser.parse("yesterday", capturedAt: "2011-01-01T10:00:00Z")?.iso == "2010-12-31")
        #expect(parser.parse("13 months ago", capturedAt: "2011-01-15T10:00:00Z")?.iso == "2009-12-15")
    }

    @Test func withoutACaptureThereIsNoDate() throws {
        #expect(parser.parse("3 years ago") == nil)
        #expect(parser.parse("vor 6 Jahren") == nil)
        #expect(parser.parse("2 hours ago", capturedAt: "not a date") == nil)
        #expect(parser.parse("2 hours ago", capturedAt: "2011-02-30T10:00:00Z") == nil)
        // The time of day stays, as for any time-only byline.
        let time = try #require(parser.parse("yesterday at 10:12 pm"))
        #expect(time.iso == nil && time.hour == 22 && time.minute == 12 && !time.isRelative)
    }

    @Test func explicitDatesWinAndAreNotRelative() throws {
        let parsed = try #require(parser.parse("March 4, 2014 (3 years ago)", capturedAt: captured))
        #expect(parsed.iso == "2014-03-04")
        #expect(!parsed.isRelative)
        #expect(parser.parse("2 ago 2014", capturedAt: captured)?.isRelative == false)
    }

    @Test(arguments: ["3 years", "ago", "vor dem Haus", "a few minutes ago", "il y a", "hace", "Comments 3 days"])
    func notRelative(raw: String) {
        #expect(parser.parse(raw, capturedAt: captured) == nil)
    }
}
