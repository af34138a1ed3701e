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
        ("Mar. 3rd, 2010", "2010-03-03"),
        ("the 2nd of March, 2014", "2014-03-02"),
        ("4-Mar-2014", "2014-03-04"),
        ("March 4, 2014 10:12 p.m.", "2014-03-04T22:12"),
        ("1 November 2012 11:08PM", "2012-11-01T23:08"),
        ("November 01, 2012 at 03:22 PM", "2012-11-01T15:22"),
        ("22:00 GMT, 26 September 2020", "2020-09-26T22:00"),
        ("Fri, 2012-11-09 17:18", "2012-11-09T17:18"),
        ("Duncan Watson 1 November 6, 2012 · 10:11 AM", "2012-11-06T10:11"),
        ("2020-01-01 @ 10:12", "2020-01-01T10:12"),
        ("2010-03-03 04:05 pm (UTC)", "2010-03-03T16:05"),
        ("2010-03-03 12:05 am", "2010-03-03T00:05"),
    ])
    func fullDates(raw: String, iso: String) {
        #expect(parser.parse(raw)?.iso == iso)
    }

    @Test(arguments: [
        // German
        ("Dienstag, 4. März 2014 um 10:12", "2014-03-04T10:12"),
        ("4. März 2014, 10.12 Uhr", "2014-03-04T10:12"),
        ("Di., 4. Mär. 2014", "2014-03-04"),
        ("4. Mrz 2014", "2014-03-04"),
        ("4. MAERZ 2014", "2014-03-04"),
        ("13 Dezember, 2015 um 01:10", "2015-12-13T01:10"),
        ("Do 9 Apr 2020 / 08:34", "2020-04-09T08:34"),
        ("7. Dez 2018 um 13:22 Uhr", "2018-12-07T13:22"),
        ("4. Jänner 2014", "2014-01-04"),
        ("Mittwoch, Mai 10, 2017 4:14:00 PM", "2017-05-10T16:14:00"),
        ("9. Dezember 2013 at 14:57", "2013-12-09T14:57"),
        // French
        ("le 4 mars 2014 à 10 h 12", "2014-03-04T10:12"),
        ("mardi 4 mars 2014 à 22h15", "2014-03-04T22:15"),
        ("3 mars 2010 à 16 h 05 min", "2010-03-03T16:05"),
        ("4 févr. 2014", "2014-02-04"),
        ("4 FÉVRIER 2014", "2014-02-04"),
        ("4 fevrier 2014", "2014-02-04"),
        ("le 1er mars 2014", "2014-03-01"),
        ("4 août 2014", "2014-08-04"),
        ("4 aout 2014", "2014-08-04"),
        ("Créé: 12.12.2019, 07h36", "2019-12-12T07:36"),
        // Spanish
        ("4 de marzo de 2014 a las 10:12", "2014-03-04T10:12"),
        ("martes, 4 de marzo de 2014", "2014-03-04"),
        ("jueves, 19 de septiembre de 2013", "2013-09-19"),
        ("9 de marzo de 2010 03:43", "2010-03-09T03:43"),
        ("sáb., 4 ene. 2014", "2014-01-04"),
        ("4 ago 2014", "2014-08-04"),
        ("1º de marzo de 2014", "2014-03-01"),
        ("3 marzo, 2010 a las 4:05 pm", "2010-03-03T16:05"),
        ("4 de marzo de 2014 10:12 p. m.", "2014-03-04T22:12"),
        ("4 de marzo del 2014", "2014-03-04"),
        // Portuguese
        ("4 de março de 2014 às 10:12", "2014-03-04T10:12"),
        ("terça-feira, 4 de março de 2014", "2014-03-04"),
        ("4 de marco de 2014", "2014-03-04"),
        ("1º de maio de 2014", "2014-05-01"),
        ("3 Março, 2010 às 16:05", "2010-03-03T16:05"),
        ("sáb, 4 out 2014", "2014-10-04"),
        ("4 set 2014", "2014-09-04"),
        // Italian
        ("martedì 4 marzo 2014 alle 10:12", "2014-03-04T10:12"),
        ("martedi 4 marzo 2014", "2014-03-04"),
        ("4 mag 2014", "2014-05-04"),
        ("giovedì 1º maggio 2014", "2014-05-01"),
        ("4 dicembre 2014 ore 10.12", "2014-12-04T10:12"),
        ("4 giu 2014", "2014-06-04"),
        // Dutch
        ("dinsdag 4 maart 2014 om 10:12", "2014-03-04T10:12"),
        ("4 mrt 2014", "2014-03-04"),
        ("4 mei 2014 om 10.12 uur", "2014-05-04T10:12"),
        ("zaterdag 1 november 2014", "2014-11-01"),
        ("4e maart 2014", "2014-03-04"),
    ])
    func localisedDates(raw: String, iso: String) {
        #expect(parser.parse(raw)?.iso == iso)
    }

    @Test(arguments: [
        ("10:12 p.m.", 22, 12),
        ("10:12 PM", 22, 12),
        ("10:12 a. m.", 10, 12),
        ("12:30 AM", 0, 30),
        ("12:05 pm", 12, 5),
        ("13:45 PM", 13, 45),
        ("10.12 Uhr", 10, 12),
        ("um 10.12", 10, 12),
        ("22h15", 22, 15),
        ("10 h 12", 10, 12),
        ("11:08PM", 23, 8),
    ])
    func timesOfDay(raw: String, hour: Int, minute: Int) throws {
        let parsed = try #require(parser.parse(raw))
        #expect(parsed.hour == hour && parsed.minute == minute)
        #expect(parsed.iso == nil)
    }

    @Test(arguments: ["13:45 AM", "25:61", "10.12", "18.57 EDT", "no date here", "192.168.1.10", "version 1.2.3"])
    func notTimesOrDates(raw: String) {
        #expect(parser.parse(raw) == nil)
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

    @Test(arguments: [
        // "mar." is Tuesday in Spanish, French and Italian, and March in several languages.
        ("mar., 4 mar. 2014", "2014-03-04"),
        ("mar. 4 mars 2014", "2014-03-04"),
        ("mar. 4 de abril de 2014", "2014-04-04"),
        ("mar 4 aprile 2014", "2014-04-04"),
        ("Mar 4, 2014", "2014-03-04"),
        ("4 Mar 2014", "2014-03-04"),
        // Names that start like a month.
        ("Mark | November 9, 2012 7:50 AM | Reply", "2012-11-09T07:50"),
        ("Jan Smith, 4 March 2014", "2014-03-04"),
        ("Posted by: Juli Parrott | Thursday, November 08, 2012 at 05:02 PM", "2012-11-08T17:02"),
        ("by Seth Jenks on March 24, 2011 at 3:27 pm. Reply #", "2011-03-24T15:27"),
        // "ago" is August in Spanish, Italian and Portuguese.
        ("2 ago 2014", "2014-08-02"),
        // German "am" is "on the", not a.m.
        ("um 12:30 am 4. März 2014", "2014-03-04T12:30"),
    ])
    func dayNamesAndNamesAreNotMonths(raw: String, iso: String) {
        #expect(parser.parse(raw)?.iso == iso)
    }

    @Test func weekdaysThatContradictTheDateAreIgnored() {
        #expect(parser.parse("Monday, July 23, 2011")?.iso == "2011-07-23")
        #expect(parser.parse("Dienstag, 5. Oktober 2013")?.iso == "2013-10-05")
    }

    @Test func numericDatesNeverGuessOrder() {
        #expect(parser.parse("4/7/2011")?.iso == nil)
        #expect(parser.parse("4/7/2011", order: .dayFirst)?.iso == "2011-07-04")
        #expect(parser.parse("4/7/2011", order: .monthFirst)?.iso == "2011-04-07")
        #expect(parser.parse("7/7/2011")?.iso == "2011-07-07")
    }

    @Test(arguments: [
        ("04.07.2011", "2011-07-04"),
        ("2011/07/04", "2011-07-04"),
        ("2015-01-1", "2015-01-01"),
        ("14. 01. 2020, 13:47", "2020-01-14T13:47"),
        ("28.09.19 12:44", "2019-09-28T12:44"),
        ("4.7.2011 10.12 Uhr", "2011-07-04T10:12"),
        ("Wien - Mittwoch, 02.02.2022, 11:17 Uhr", "2022-02-02T11:17"),
        ("on 16/08/2020 at 12:58", "2020-08-16T12:58"),
        ("06.11.2023, 13.47 Uhr", "2023-11-06T13:47"),
        ("31.10.2023, 19.18 Uhr", "2023-10-31T19:18"),
    ])
    func numericForms(raw: String, iso: String) {
        #expect(parser.parse(raw, order: .dayFirst)?.iso == iso)
    }

    @Test func theFirstDateInTheTextWins() {
        let widget = "06.11.23 - 11:56 von Detlef zu 8. November 1923: Vor 100 Jahren der Hitler-Putsch"
        #expect(parser.parse(widget, order: .dayFirst)?.iso == "2023-11-06T11:56")
        #expect(parser.parse(widget)?.iso == nil)
    }

    @Test func twoDigitYears() {
        #expect(parser.parse("24/7/11")?.iso == "2011-07-24")
        #expect(parser.parse("24/7/98")?.iso == "1998-07-24")
        #expect(parser.parse("24/7/75")?.iso == nil)
        #expect(parser.parse("24/7/15", capturedAt: "2013-05-01T00:00:00Z")?.iso == nil)
        #expect(parser.parse("24/7/15", capturedAt: "2016-05-01T00:00:00Z")?.iso == "2015-07-24")
        // Beside a month name, two digits are never a year.
        #expect(parser.parse("4 Mar 14")?.iso == nil)
    }

    @Test func pageSettlesNumericOrder() {
        #expect(parser.numericOrder(of: ["4/19/2005 07:14 PM", "4/7/2005"]) == .monthFirst)
        #expect(parser.numericOrder(of: ["19/4/2005", "4/7/2005"]) == .dayFirst)
        #expect(parser.numericOrder(of: ["19/4/2005", "4/19/2005"]) == nil)
        #expect(parser.numericOrder(of: ["4/7/2005"]) == nil)
        #expect(parser.numericOrder(of: ["14. 01. 2020, 13:47"]) == .dayFirst)
    }

    @Test(arguments: [
        ("en-US", NumericDateOrder.monthFirst),
        ("en_US", .monthFirst),
        ("EN-us", .monthFirst),
        ("en-Latn-US", .monthFirst),
        ("en-GB", .dayFirst),
        ("en-AU", .dayFirst),
        ("en-IE", .dayFirst),
        ("en-NZ", .dayFirst),
        ("en-IN", .dayFirst),
        ("de", .dayFirst),
        ("de-AT", .dayFirst),
        ("fr-FR", .dayFirst),
        ("es", .dayFirst),
        ("pt-BR", .dayFirst),
        ("it_IT", .dayFirst),
        ("nl-NL", .dayFirst),
    ])
    func languageSettlesNumericOrder(tag: String, order: NumericDateOrder) {
        #expect(DateParser.numericOrder(forLanguage: tag) == order)
    }

    @Test(arguments: [nil, "", "en", "en-CA", "en-ZA", "ja", "pl-PL"])
    func languageLeavesNumericOrderOpen(tag: String?) {
        #expect(DateParser.numericOrder(forLanguage: tag) == nil)
    }

    @Test func pageOrderBeforeLanguageOrder() {
        let bylines = ["4/19/2005", "4/7/2005"]
        let order = parser.numericOrder(of: bylines) ?? DateParser.numericOrder(forLanguage: "en-GB")
        #expect(parser.parse("4/7/2005", order: order)?.iso == "2005-04-07")
        let unsettled = parser.numericOrder(of: ["4/7/2005"]) ?? DateParser.numericOrder(forLanguage: "de-DE")
        #expect(parser.parse("4/7/2005", order: unsettled)?.iso == "2005-07-04")
    }

    @Test(arguments: [
        "February 30, 2011", "31 Feb 2011", "31. April 2014", "30/02/2011", "March 4", "4 mars", "Mar 2014",
        "martes 4", "4 out of 5 stars, 2014", "2011-02-30",
    ])
    func rejectsImpossibleOrIncompleteDates(raw: String) {
        #expect(parser.parse(raw, order: .dayFirst)?.iso == nil)
    }

    @Test func invalidDateKeepsItsTime() throws {
        let parsed = try #require(parser.parse("2011-02-30 10:00"))
        #expect(parsed.iso == nil && parsed.hour == 10 && parsed.minute == 0)
    }
}
