import Foundation
import Markup

/// A calendar date and/or time of day read from a page, in the page's local time.
public struct LocalDateTime: Sendable, Equatable {
    public var year: Int?
    public var month: Int?
    public var day: Int?
    public var hour: Int?
    public var minute: Int?
    public var second: Int?
    /// True when the value was computed from a relative form ("3 years ago", "gestern")
    /// and the capture time, so it is only as exact as the form's unit, and on the capture
    /// time's clock (UTC) rather than the page's.
    public var isRelative = false

    var hasDate: Bool { year != nil && month != nil && day != nil }
    var hasTime: Bool { hour != nil && minute != nil }

    /// ISO 8601 without a zone: `2011-07-24`, `2011-07-24T13:45` or `2011-07-24T13:45:07`;
    /// `nil` without a full date.
    public var iso: String? {
        guard let year, let month, let day else { return nil }
        var s = String(format: "%04d-%02d-%02d", year, month, day)
        if let hour, let minute {
            s += String(format: "T%02d:%02d", hour, minute)
            if let second { s += String(format: ":%02d", second) }
        }
        return s
    }
}

/// Day/month order for all-numeric dates (`4/7/2011`), settled per page.
public enum NumericDateOrder: Sendable, Equatable {
    case monthFirst
    case dayFirst
}

/// Parses the date forms of blog bylines in English, German, French, Spanish, Portuguese,
/// Italian and Dutch, with the words of `Locale/dates.json`:
/// - month names, full or abbreviated, with or without accents and periods, day first or
///   month first: `Saturday, July 23, 2011`, `October 1st, 2012 at 2:04 pm`,
///   `Dienstag, 4. März 2014 um 10.12 Uhr`, `le 1er mars 2014 à 10 h 12`,
///   `4 de março de 2014 às 10:12`, `martedì 4 marzo 2014 alle 10:12`;
/// - times `13:45`, `1:45 PM`, `10:12 p.m.`, `22h15`, and `10.12` when an hour word follows
///   or a joiner ("um", "at") precedes it;
/// - ISO 8601 (`2011-07-24T13:45:00.000-07:00`, the zone ignored);
/// - numeric dates (`4/19/2005`, `24.07.11`, `2011/07/24`), whose day/month order comes
///   from the numbers themselves or from `order`; a two-digit year is 1990–1999 or
///   2000–2069 and not after the capture year;
/// - relative forms ("3 years ago", "vor einem Tag", "il y a 2 jours", "hace 3 días",
///   "há 2 dias", "3 giorni fa", "2 dagen geleden", "yesterday at 10:12", "just now"),
///   resolved against the capture time and flagged ``LocalDateTime/isRelative``: units of a
///   day or more give the date (with the text's own time of day, if any), hours, minutes
///   and seconds give the date and time to the minute. Without a capture time they give
///   no date.
///
/// It never guesses: numeric dates whose order is unsettled, impossible dates (31 Feb),
/// and years of two digits beside a month name give no date; a date without a year
/// (`Le 17 février à 15:30`) gives its month and day but no ``LocalDateTime/iso``. Day
/// names are never read as months ("mar." is also Tuesday in French and Spanish: a
/// month name that is not also a day name wins) and are otherwise ignored, even when they
/// contradict the date.
public struct DateParser: Sendable {
    let words: DateWords

    /// A parser with the bundled date words of `Locale/dates.json`.
    public init() { words = .bundled }

    /// The day/month order that the numeric dates among `texts` settle, if any.
    /// A first field above 12 means day first, a second field above 12 month first;
    /// contradictory evidence settles nothing.
    public func numericOrder(of texts: [String]) -> NumericDateOrder? {
        var dayFirst = false
        var monthFirst = false
        for text in texts {
            guard let (a, b, _, _, _) = Scan(text, words: words).numericTriple(excluding: 0..<0), a <= 31, b <= 31
            else { continue }
            if a > 12, b <= 12 { dayFirst = true }
            if b > 12, a <= 12 { monthFirst = true }
        }
        switch (dayFirst, monthFirst) {
        case (true, false): return .dayFirst
        case (false, true): return .monthFirst
        default: return nil
        }
    }

    /// The day/month order that a page's language (an `html lang` or `Content-Language`
    /// tag) implies for numeric dates: month first for `en-US`; day first for `en-GB`,
    /// `en-AU`, `en-IE`, `en-NZ`, `en-IN` and for German, French, Spanish, Portuguese,
    /// Italian and Dutch; `nil` for anything else, bare `en` included (US-style sites
    /// declare it too).
    public static func numericOrder(forLanguage tag: String?) -> NumericDateOrder? {
        guard let tag else { return nil }
        let subtags = tag.trimmingBlanks().lowercased()
            .split(whereSeparator: { $0 == "-" || $0 == "_" })
        switch subtags.first {
        case "de", "fr", "es", "pt", "it", "nl": return .dayFirst
        case "en":
            // The region is the first two-letter subtag after the language (a script has four).
            switch subtags.dropFirst().first(where: { $0.count == 2 }) {
            case "us": return .monthFirst
            case "gb", "au", "ie", "nz", "in": return .dayFirst
            default: return nil
            }
        default: return nil
        }
    }

    /// Parses `text`. Returns `nil` when neither a date nor a time is recognised.
    /// - Parameters:
    ///   - order: the page's day/month order for numeric dates that do not settle it.
    ///   - capturedAt: the capture time, against which relative forms ("3 years ago") are
    ///     resolved: ISO 8601 (`2011-07-25T10:00:00Z`, with or without zone or seconds,
    ///     converted to UTC) or an archive timestamp (`20110725100000`).
    public func parse(_ text: String, order: NumericDateOrder? = nil, capturedAt: String? = nil) -> LocalDateTime? {
        let scan = Scan(text, words: words)
        if let iso = scan.isoDateTime() { return iso }
        var result = LocalDateTime()
        var used = 0..<0
        if let time = scan.timeOfDay() {
            (result.hour, result.minute, result.second) = (time.hour, time.minute, time.second)
            used = time.range
        }
        // The first date in the text wins: later ones tend to be quoted titles.
        var date: (year: Int, month: Int, day: Int)?
        let numeric = scan.numericTriple(excluding: used)
        if let word = scan.wordDate(excluding: used), word.start < numeric?.start ?? Int.max {
            if let year = word.year {
                date = (year, word.month, word.day)
            } else if Self.isValid(year: 2000, month: word.month, day: word.day) {
                // No year: month and day alone, as a sign of a date; no ISO value.
                (result.month, result.day) = (word.month, word.day)
            }
        } else if let (a, b, c, yearDigits, _) = numeric {
            date = Self.numericDate(a, b, c, yearDigits: yearDigits, order: order, capturedAt: capturedAt)
        } else if let relative = scan.relative() {
            let resolved = capturedAt.flatMap(Capture.init).flatMap { resolve(relative, at: $0, time: result) }
            return resolved ?? (result.hasTime ? result : nil)
        }
        if let date, Self.isValid(year: date.year, month: date.month, day: date.day) {
            (result.year, result.month, result.day) = date
        }
        return result.hasDate || result.hasTime ? result : nil
    }

    /// A numeric date's year, month and day; `nil` when the order is unsettled or a
    /// two-digit year is out of range.
    private static func numericDate(
        _ a: Int, _ b: Int, _ c: Int, yearDigits: Int, order: NumericDateOrder?, capturedAt: String?
    ) -> (year: Int, month: Int, day: Int)? {
        if a >= 1000 { return (a, b, c) }
        var year = c
        if yearDigits == 2 {
            guard let expanded = expand(twoDigitYear: c, capturedAt: capturedAt) else { return nil }
            year = expanded
        }
        if a > 12, b <= 12 { return (year, b, a) }
        if b > 12, a <= 12 { return (year, a, b) }
        if a == b { return (year, a, b) }
        switch order {
        case .dayFirst: return (year, b, a)
        case .monthFirst: return (year, a, b)
        case nil: return nil
        }
    }

    /// 90–99 → 1990s, 00–69 → 2000s but not after the capture year; 70–89 (before the web
    /// or far ahead) → `nil`.
    private static func expand(twoDigitYear yy: Int, capturedAt: String?) -> Int? {
        if yy >= 90 { return 1900 + yy }
        guard yy < 70 else { return nil }
        if let capture = capturedAt.flatMap(Capture.init), 2000 + yy > capture.year { return nil }
        return 2000 + yy
    }

    /// The date (and time) a relative form stands for, seen from `capture`; `nil` when the
    /// form needs a time of day the capture lacks.
    private func resolve(_ relative: Relative, at capture: Capture, time: LocalDateTime) -> LocalDateTime? {
        var days = capture.days
        var clock: Int?
        switch relative {
        case .now:
            guard capture.hasTime else { return nil }
            clock = capture.seconds
        case .daysBack(let n):
            days -= n
        case .span(let parts):
            var months = 0
            var dayCount = 0
            var seconds = 0
            for (unit, n) in parts {
                switch unit {
                case .year: months += 12 * n
                case .month: months += n
                case .week: dayCount += 7 * n
                case .day: dayCount += n
                case .hour: seconds += 3600 * n
                case .minute: seconds += 60 * n
                case .second: seconds += n
                }
            }
            if months > 0 {
                let (y, m, d) = InstantCompletion.civilDate(daysSinceEpoch: Int64(days))
                let total = y * 12 + m - 1 - months
                let year = Self.floorDiv(total, 12)
                let month = total - year * 12 + 1
                days = Self.daysSinceEpoch(year, month, min(d, Self.length(of: month, in: year)))
            }
            days -= dayCount
            if parts.contains(where: { $0.0 < .day }) {
                guard capture.hasTime else { return nil }
                let instant = days * 86_400 + capture.seconds - seconds
                days = Self.floorDiv(instant, 86_400)
                clock = instant - days * 86_400
            }
        }
        let (year, month, day) = InstantCompletion.civilDate(daysSinceEpoch: Int64(days))
        guard Self.isValid(year: year, month: month, day: day) else { return nil }
        var r = LocalDateTime(year: year, month: month, day: day, isRelative: true)
        if let clock {
            (r.hour, r.minute) = (clock / 3600, clock % 3600 / 60)
        } else {
            (r.hour, r.minute, r.second) = (time.hour, time.minute, time.second)
        }
        return r
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1, year >= 1000, year <= 2200 else { return false }
        return day <= length(of: month, in: year)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    private static func length(of month: Int, in year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysSinceEpoch(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }
}

/// A relative form found in a text.
private enum Relative {
    case now
    case daysBack(Int)
    /// "<count> <unit>" pairs ("2 years, 3 months ago").
    case span([(DateWords.Unit, Int)])
}

/// A capture time in UTC, as days since 1970-01-01 and seconds into the day.
private struct Capture {
    var days: Int
    var seconds: Int
    var year: Int
    /// False when only a date was given.
    var hasTime: Bool

    /// Reads `YYYY-MM-DD[(T| )hh:mm[:ss[.fff]]][Z|±hh[:mm]]` or an archive timestamp of
    /// 8 to 14 digits (`20110725100000`).
    init?(_ text: String) {
        let b = Array(text.trimmingBlanks().utf8)
        var i = 0
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func take(_ count: Int) -> Int? {
            guard i + count <= b.count, b[i..<(i + count)].allSatisfy(isDigit) else { return nil }
            defer { i += count }
            return b[i..<(i + count)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        func skip(_ byte: UInt8) -> Bool {
            guard i < b.count, b[i] == byte else { return false }
            i += 1
            return true
        }
        let compact = b.allSatisfy(isDigit)
        guard !compact || (8...14).contains(b.count) && b.count % 2 == 0, let year = take(4),
            compact || skip(0x2D), let month = take(2), compact || skip(0x2D), let day = take(2),
            DateParser.isValid(year: year, month: month, day: day)
        else { return nil }
        var clock: [Int] = []
        if compact {
            while let field = take(2) { clock.append(field) }
        } else if skip(0x54) || skip(0x74) || skip(0x20) {
            guard let hour = take(2), skip(0x3A), let minute = take(2) else { return nil }
            clock = [hour, minute]
            if skip(0x3A), let second = take(2) { clock.append(second) }
            if skip(0x2E) { while i < b.count, isDigit(b[i]) { i += 1 } }
        }
        var zoneMinutes = 0
        if !skip(0x5A), !skip(0x7A), i < b.count, b[i] == 0x2B || b[i] == 0x2D {
            let sign = b[i] == 0x2D ? -1 : 1
            i += 1
            guard let hours = take(2), hours < 24 else { return nil }
            _ = skip(0x3A)
            let minutes = take(2) ?? 0
            zoneMinutes = sign * (hours * 60 + minutes)
        }
        hasTime = clock.count >= 2
        clock += [0, 0, 0].dropFirst(clock.count)
        guard i == b.count, clock.count == 3, clock[0] < 24, clock[1] < 60, clock[2] < 61 else { return nil }
        let instant =
            DateParser.daysSinceEpoch(year, month, day) * 86_400 + clock[0] * 3600 + (clock[1] - zoneMinutes) * 60
            + clock[2]
        days = instant >= 0 ? instant / 86_400 : -((-instant + 86_399) / 86_400)
        seconds = instant - days * 86_400
        self.year = InstantCompletion.civilDate(daysSinceEpoch: Int64(days)).0
    }
}

/// One piece of a text: a run of ASCII digits, a word (letters and combining marks), or
/// any other single character.
private struct Token {
    enum Kind { case number, word, mark }
    var kind: Kind
    /// Whitespace or the start of the text comes right before it.
    var spaced: Bool
    /// A number's value (-1 past nine digits), a word's id in ``DateWords`` (-1 when it is
    /// not a date word), a mark's Unicode scalar value (apostrophes as `'`).
    var value: Int
    /// A number's count of digits; a word's length in bytes.
    var length: Int
    /// A word's first byte, ASCII lower-cased.
    var first: UInt8 = 0
}

/// The tokens of one text and the date grammar over them.
private struct Scan {
    private let tokens: [Token]
    private let words: DateWords

    private static let colon = 0x3A
    private static let dot = 0x2E
    private static let slash = 0x2F
    private static let hyphen = 0x2D
    private static let comma = 0x2C
    private static let apostrophe = 0x27

    init(_ text: String, words: DateWords) {
        self.words = words
        var text = text
        tokens = text.withUTF8 { Self.tokenize($0, words: words) }
    }

    private static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, words: DateWords) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(min(bytes.count, 32))
        var spaced = true
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte >= 0x30 && byte <= 0x39 {
                let start = i
                var value = 0
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                    value = value &* 10 &+ Int(bytes[i] - 0x30)
                    i += 1
                }
                tokens.append(
                    Token(kind: .number, spaced: spaced, value: i - start > 9 ? -1 : value, length: i - start))
                spaced = false
                continue
            }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                spaced = true
                i += 1
                continue
            }
            let (scalar, width) = Self.scalar(in: bytes, at: i)
            if isLetter(scalar) {
                let start = i
                var ascii = width == 1
                i += width
                while i < bytes.count {
                    let (next, nextWidth) = Self.scalar(in: bytes, at: i)
                    guard isLetter(next) else { break }
                    ascii = ascii && nextWidth == 1
                    i += nextWidth
                }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                let id = ascii ? words.id(asciiUTF8: word) : words.id(of: String(decoding: word, as: UTF8.self))
                tokens.append(
                    Token(kind: .word, spaced: spaced, value: id ?? -1, length: i - start, first: byte | 0x20))
                spaced = false
            } else if scalar.properties.isWhitespace {
                spaced = true
                i += width
            } else {
                tokens.append(Token(kind: .mark, spaced: spaced, value: markValue(scalar), length: width))
                spaced = false
                i += width
            }
        }
        return tokens
    }

    /// A mark's scalar value, with the typographic apostrophes and the acute accent as `'`.
    private static func markValue(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x2BC, 0x2018, 0x2019, 0xB4: return apostrophe
        default: return Int(scalar.value)
        }
    }

    /// The scalar starting at byte `i` of valid UTF-8, and its width in bytes.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[i])
        let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = width == 1 ? lead : lead & (0x7F >> UInt32(width))
        for k in 1..<width { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.properties.isAlphabetic
        }
    }

    // MARK: Token questions

    private var count: Int { tokens.count }

    /// The value of token `i` if it is a number with a digit count in `digits`.
    private func number(_ i: Int, digits: ClosedRange<Int>) -> Int? {
        guard i >= 0, i < count, tokens[i].kind == .number, digits.contains(tokens[i].length) else { return nil }
        return tokens[i].value
    }

    private func isMark(_ i: Int, _ mark: Int) -> Bool {
        i >= 0 && i < count && tokens[i].kind == .mark && tokens[i].value == mark
    }

    /// Token `i` is `/`, `.` or `-`.
    private func isSeparator(_ i: Int) -> Bool {
        isMark(i, Self.slash) || isMark(i, Self.dot) || isMark(i, Self.hyphen)
    }

    /// Token `i` exists and no space comes before it.
    private func glued(_ i: Int) -> Bool { i >= 0 && i < count && !tokens[i].spaced }

    private func role(_ i: Int) -> DateWords.Role? {
        guard i >= 0, i < count, tokens[i].kind == .word, tokens[i].value >= 0 else { return nil }
        return words.roles[tokens[i].value]
    }

    /// Number `i` goes on, through a glued separator or colon, into another number (`4/7`, `10:12`).
    private func continuesAfter(_ i: Int) -> Bool {
        (isSeparator(i + 1) || isMark(i + 1, Self.colon)) && glued(i + 1) && glued(i + 2)
            && number(i + 2, digits: 1...9) != nil
    }

    /// Number `i` is the end of such a run.
    private func continuesBefore(_ i: Int) -> Bool {
        (isSeparator(i - 1) || isMark(i - 1, Self.colon)) && glued(i) && glued(i - 1)
            && number(i - 2, digits: 1...9) != nil
    }

    /// The meaning of the longest phrase starting at token `i`, and the index after it.
    /// Periods, apostrophes and hyphens may stand between a phrase's words.
    private func phrase(at i: Int) -> (DateWords.Meaning, Int)? {
        guard i >= 0, i < count, tokens[i].kind == .word, tokens[i].value >= 0 else { return nil }
        search: for phrase in words.phrases[tokens[i].value] {
            var j = i + 1
            for id in phrase.rest {
                while isMark(j, Self.dot) || isMark(j, Self.apostrophe) || isMark(j, Self.hyphen) { j += 1 }
                guard j < count, tokens[j].kind == .word, tokens[j].value == id else { continue search }
                j += 1
            }
            return (phrase.meaning, j)
        }
        return nil
    }

    // MARK: Grammar

    /// `YYYY-MM-DD`, then `Thh:mm[:ss]`, or after a space any time of day (with am/pm);
    /// `nil` unless the first such date is valid.
    func isoDateTime() -> LocalDateTime? {
        for i in 0..<count {
            guard let year = number(i, digits: 4...4), isMark(i + 1, Self.hyphen), glued(i + 1), glued(i + 2),
                let month = number(i + 2, digits: 2...2), isMark(i + 3, Self.hyphen), glued(i + 3), glued(i + 4),
                let day = number(i + 4, digits: 2...2)
            else { continue }
            guard DateParser.isValid(year: year, month: month, day: day) else { return nil }
            var r = LocalDateTime(year: year, month: month, day: day)
            var h = i + 5
            if h < count, tokens[h].kind == .word, tokens[h].length == 1, tokens[h].first == 0x74, glued(h),
                glued(h + 1)
            {
                h += 1
            } else if h < count, !tokens[h].spaced {
                return r
            } else {
                // A byline after the date ("2010-03-03 04:05 pm", "2020-01-01 @ 10:12"):
                // any time-of-day form, with am/pm.
                if let time = timeOfDay(), time.range.lowerBound >= h {
                    (r.hour, r.minute) = (time.hour, time.minute)
                    r.second = time.second.flatMap { $0 > 0 ? $0 : nil }
                }
                return r
            }
            if let hour = number(h, digits: 2...2), isMark(h + 1, Self.colon), glued(h + 1), glued(h + 2),
                let minute = number(h + 2, digits: 2...2), hour < 24, minute < 60
            {
                (r.hour, r.minute) = (hour, minute)
                if isMark(h + 3, Self.colon), glued(h + 3), glued(h + 4), let second = number(h + 4, digits: 2...2),
                    second > 0, second < 60
                {
                    r.second = second
                }
            }
            return r
        }
        return nil
    }

    /// The first time of day: `10:12[:07]`, `10.12` or `10 h 12`, then am/pm or an hour
    /// word ("Uhr"); `10.12` counts only with one of those after it or a joiner ("um",
    /// "at") before it.
    func timeOfDay() -> (hour: Int, minute: Int, second: Int?, range: Range<Int>)? {
        for i in 0..<count {
            guard var hour = number(i, digits: 1...2) else { continue }
            let minute: Int
            var second: Int?
            var j = i + 3
            var dotted = false
            if isMark(i + 1, Self.colon), glued(i + 1), glued(i + 2), let m = number(i + 2, digits: 2...2) {
                if isMark(i - 1, Self.colon), glued(i) { continue }
                minute = m
                if isMark(j, Self.colon), glued(j), glued(j + 1), let s = number(j + 1, digits: 2...2) {
                    second = s
                    j += 2
                }
            } else if isMark(i + 1, Self.dot), glued(i + 1), glued(i + 2), let m = number(i + 2, digits: 2...2),
                !continuesAfter(i + 2), !continuesBefore(i)
            {
                minute = m
                dotted = true
            } else if role(i + 1)?.isHourMark == true, let m = number(i + 2, digits: 2...2) {
                minute = m
            } else {
                continue
            }
            if let (meaning, end) = meridiem(at: j) {
                switch (meaning, hour) {
                case (.am, 12): hour = 0
                case (.pm, 1...11): hour += 12
                case (.am, 0...11), (.pm, 12...23): break
                default: continue
                }
                j = end
            } else if role(j)?.isHourMark == true {
                j += 1
            } else if dotted, role(i - 1)?.endsTimeJoiner != true {
                continue
            }
            guard hour < 24, minute < 60, (second ?? 0) < 60 else { continue }
            return (hour, minute, second, i..<j)
        }
        return nil
    }

    /// am/pm at token `j`, and the index after it; German "am 4." ("on the 4th") is not one.
    private func meridiem(at j: Int) -> (DateWords.Meaning, Int)? {
        guard let (meaning, end) = phrase(at: j), meaning == .am || meaning == .pm else { return nil }
        if number(end, digits: 1...2) != nil, isMark(end + 1, Self.dot), glued(end + 1) { return nil }
        return (meaning, end)
    }

    /// A date around a month name; `year` is `nil` when none follows ("Le 17 février").
    struct WordDate {
        var year: Int?
        var month: Int
        var day: Int
        /// The index of its first token.
        var start: Int
    }

    /// The first date around a month name outside `used`, a full one before one without
    /// a year at the same name, trying month names that are not also day names first.
    func wordDate(excluding used: Range<Int>) -> WordDate? {
        for pass in 0..<2 {
            for k in 0..<count where !used.contains(k) {
                guard let role = role(k), role.month != 0, role.isWeekday == (pass == 1) else { continue }
                let dayFirst = dayMonthYear(role.month, at: k, excluding: used)
                if dayFirst?.year != nil { return dayFirst }
                let monthFirst = monthDayYear(role.month, at: k, excluding: used)
                if let date = monthFirst?.year != nil ? monthFirst : dayFirst ?? monthFirst { return date }
            }
        }
        return nil
    }

    /// `4 March 2014`, `4. März 2014`, `1er mars 2014`, `4 de marzo de 2014`, `4-Mar-2014`,
    /// `the 4th of March, 2014`.
    private func dayMonthYear(_ month: Int, at k: Int, excluding used: Range<Int>) -> WordDate? {
        var p = k - 1
        if role(p)?.joinsDayMonth == true { p -= 1 }
        if isMark(p, Self.hyphen) || isMark(p, Self.slash), glued(p) { p -= 1 }
        for _ in 0..<2 where glued(p) && (isMark(p, Self.dot) || role(p)?.isOrdinal == true) { p -= 1 }
        guard !used.contains(p), let day = number(p, digits: 1...2), !continuesBefore(p) else { return nil }
        var q = k + 1
        if isMark(q, Self.dot), glued(q) { q += 1 }
        if isMark(q, Self.comma) || (isMark(q, Self.hyphen) || isMark(q, Self.slash)) && glued(q) { q += 1 }
        if role(q)?.joinsMonthYear == true { q += 1 }
        let year = used.contains(q) ? nil : number(q, digits: 4...4)
        return WordDate(year: year, month: month, day: day, start: p)
    }

    /// `March 4, 2014`, `Mar. 4th 2014`, `Mai 10, 2017`, `Mar-04-2014`.
    private func monthDayYear(_ month: Int, at k: Int, excluding used: Range<Int>) -> WordDate? {
        var q = k + 1
        if isMark(q, Self.dot), glued(q) { q += 1 }
        if isMark(q, Self.hyphen) || isMark(q, Self.slash), glued(q) { q += 1 }
        guard !used.contains(q), let day = number(q, digits: 1...2), !continuesAfter(q) else { return nil }
        q += 1
        if role(q)?.isOrdinal == true, glued(q) { q += 1 }
        if isMark(q, Self.comma) || (isMark(q, Self.hyphen) || isMark(q, Self.slash)) && glued(q) { q += 1 }
        let year = used.contains(q) ? nil : number(q, digits: 4...4)
        return WordDate(year: year, month: month, day: day, start: k)
    }

    /// The first `a/b/c`, `a.b.c` (`a. b. c` too) or `a-b-c` outside `used` that stands
    /// alone: `a` of 1, 2 or 4 digits, `b` of 1 or 2, `c` of 2 or 4 (1 or 2 after a
    /// four-digit `a`); `yearDigits` is `c`'s digit count, `start` the index of `a`.
    func numericTriple(excluding used: Range<Int>) -> (a: Int, b: Int, c: Int, yearDigits: Int, start: Int)? {
        for i in 0..<count where !used.contains(i) {
            guard let a = number(i, digits: 1...4), tokens[i].length != 3, isSeparator(i + 1), glued(i + 1),
                let b = number(i + 2, digits: 1...2), isMark(i + 3, tokens[i + 1].value), glued(i + 3),
                let c = number(i + 4, digits: tokens[i].length == 4 ? 1...2 : 2...4), tokens[i + 4].length != 3,
                !used.contains(i + 4), !continuesBefore(i), !continuesAfter(i + 4)
            else { continue }
            // Only periods may have a space after them (`14. 01. 2020`).
            let sep = tokens[i + 1].value
            guard sep == Self.dot || (glued(i + 2) && glued(i + 4)) else { continue }
            return (a, b, c, tokens[i + 4].length, i)
        }
        return nil
    }

    /// The first relative form: a "now" or "yesterday" phrase, "<count> <unit>" pairs
    /// after an ago-before phrase (qualifiers between) or before an ago-after phrase.
    func relative() -> Relative? {
        for i in 0..<count {
            if let (meaning, end) = phrase(at: i) {
                switch meaning {
                case .now: return .now
                case .daysBack(let n): return .daysBack(n)
                case .agoBefore:
                    var j = end
                    while let (next, after) = phrase(at: j), next == .qualifier { j = after }
                    if let (parts, _) = span(at: j) { return .span(parts) }
                default: break
                }
            }
            if let (parts, end) = span(at: i), let (meaning, _) = phrase(at: end), meaning == .agoAfter {
                return .span(parts)
            }
        }
        return nil
    }

    /// "<count> <unit>" pairs from token `i`, one after another or joined by commas or "and",
    /// and the index after them.
    private func span(at i: Int) -> ([(DateWords.Unit, Int)], Int)? {
        var parts: [(DateWords.Unit, Int)] = []
        var j = i
        while let (unit, n, end) = amount(at: j) {
            parts.append((unit, n))
            j = end
            var k = end
            if isMark(k, Self.comma) { k += 1 }
            if role(k)?.isAnd == true { k += 1 }
            guard amount(at: k) != nil else { break }
            j = k
        }
        return parts.isEmpty ? nil : (parts, j)
    }

    /// One "<count> <unit>" ("3 years", "einem Tag", "un'ora", "2 Std.") at token `i`.
    private func amount(at i: Int) -> (DateWords.Unit, Int, Int)? {
        guard let n = number(i, digits: 1...4) ?? role(i).flatMap({ $0.count > 0 ? $0.count : nil }) else {
            return nil
        }
        var u = i + 1
        if isMark(u, Self.apostrophe), glued(u) { u += 1 }
        guard let unit = role(u)?.unit else { return nil }
        var end = u + 1
        if isMark(end, Self.dot), glued(end) { end += 1 }
        return (unit, n, end)
    }
}

/// Completes a time-of-day byline with the date of an exact instant, as Blogger's
/// `showComment=<epoch ms>` permalinks give it: among UTC offsets in 15-minute
/// steps from −12 h to +14 h, those that turn the instant into the shown time must
/// all agree on the local date, or the date stays unknown.
public enum InstantCompletion {
    public static func complete(_ time: LocalDateTime, epochMilliseconds ms: Int64) -> LocalDateTime? {
        guard let hour = time.hour, let minute = time.minute else { return nil }
        let utcSeconds = ms / 1000
        var dates = Set<[Int]>()
        for quarter in -48...56 {
            let local = utcSeconds + Int64(quarter) * 900
            let secondsOfDay = ((local % 86400) + 86400) % 86400
            guard secondsOfDay / 3600 == hour, (secondsOfDay % 3600) / 60 == minute else { continue }
            let days = (local - secondsOfDay) / 86400
            let (y, m, d) = civilDate(daysSinceEpoch: days)
            dates.insert([y, m, d])
        }
        guard dates.count == 1, let date = dates.first else { return nil }
        var out = time
        (out.year, out.month, out.day) = (date[0], date[1], date[2])
        return out
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian).
    static func civilDate(daysSinceEpoch z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }
}
