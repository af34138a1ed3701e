import Foundation

/// A calendar date and/or time of day read from a page, in the page's local time.
public struct LocalDateTime: Sendable, Equatable {
    public var year: Int?
    public var month: Int?
    public var day: Int?
    public var hour: Int?
    public var minute: Int?
    public var second: Int?
    /// True when the value was computed from a relative form ("3 years ago") and the
    /// capture time, so it is only as exact as the form's unit.
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

/// Parses the date forms seen in blog bylines: `Saturday, July 23, 2011`,
/// `July 24, 2011 at 1:45 PM`, `October 1st, 2012 at 2:04 pm`, `22. Dezember 2019 um
/// 11:16 Uhr`, `4/19/2005 07:14:49 PM`, `24/7/11 13:45`, ISO 8601 with or without zone,
/// and times of day alone. It never guesses day/month order: numeric dates whose order
/// the page does not settle give no date.
public struct DateParser: Sendable {
    let months: [String: Int]

    public init(locale: LocaleStrings = .bundled) { months = locale.months }

    /// The day/month order that the numeric dates among `texts` settle, if any.
    /// A first field above 12 means day first, a second field above 12 month first;
    /// contradictory evidence settles nothing.
    public func numericOrder(of texts: [String]) -> NumericDateOrder? {
        var dayFirst = false
        var monthFirst = false
        for text in texts {
            guard let (a, b, _) = Self.numericTriple(in: text), a <= 31, b <= 31 else { continue }
            if a > 12, b <= 12 { dayFirst = true }
            if b > 12, a <= 12 { monthFirst = true }
        }
        switch (dayFirst, monthFirst) {
        case (true, false): return .dayFirst
        case (false, true): return .monthFirst
        default: return nil
        }
    }

    /// Parses `text`. Returns `nil` when neither a date nor a time is recognised.
    /// - Parameter capturedAt: the capture time (ISO 8601), against which relative
    ///   forms ("3 years ago") are resolved.
    public func parse(_ text: String, order: NumericDateOrder? = nil, capturedAt: String? = nil) -> LocalDateTime? {
        let lowered = text.lowercased()
        if let iso = Self.isoDateTime(in: lowered) { return iso }
        var result = LocalDateTime()
        var rest = lowered
        if let (time, range) = Self.timeOfDay(in: rest) {
            result.hour = time.hour
            result.minute = time.minute
            result.second = time.second
            rest.replaceSubrange(range, with: " ")
        }
        if let (a, b, c) = Self.numericTriple(in: rest) {
            assignNumeric(a, b, c, order: order, into: &result)
        } else {
            assignWordDate(rest, into: &result)
        }
        if let y = result.year, let m = result.month, let d = result.day, !Self.isValid(year: y, month: m, day: d) {
            result.year = nil
            result.month = nil
            result.day = nil
        }
        return result.hasDate || result.hasTime ? result : nil
    }

    private func assignNumeric(_ a: Int, _ b: Int, _ c: Int, order: NumericDateOrder?, into r: inout LocalDateTime) {
        if a >= 1000 {
            (r.year, r.month, r.day) = (a, b, c)
            return
        }
        let year = c < 100 ? (c < 70 ? 2000 + c : 1900 + c) : c
        if a > 12, b <= 12 {
            (r.year, r.month, r.day) = (year, b, a)
        } else if b > 12, a <= 12 {
            (r.year, r.month, r.day) = (year, a, b)
        } else if a == b {
            (r.year, r.month, r.day) = (year, a, b)
        } else if let order {
            (r.year, r.month, r.day) = order == .dayFirst ? (year, b, a) : (year, a, b)
        }
    }

    private func assignWordDate(_ text: String, into r: inout LocalDateTime) {
        let tokens = text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        var monthIndex: Int?
        for (i, token) in tokens.enumerated() where token.first?.isLetter == true {
            if let m = months[token] ?? months[String(token.prefix(3))].flatMap({ token.count <= 4 ? $0 : nil }) {
                r.month = m
                monthIndex = i
                break
            }
        }
        guard let monthIndex else { return }
        var numbers: [(value: Int, digits: Int, index: Int)] = []
        for (i, token) in tokens.enumerated() {
            let digits = token.prefix { $0.isNumber }
            guard !digits.isEmpty, let value = Int(digits) else { continue }
            let suffix = token.dropFirst(digits.count)
            guard suffix.isEmpty || ["st", "nd", "rd", "th", "er", "e"].contains(String(suffix)) else { continue }
            numbers.append((value, digits.count, i))
        }
        if let year = numbers.first(where: { $0.digits == 4 }) { r.year = year.value }
        let days = numbers.filter { $0.digits <= 2 && $0.value >= 1 && $0.value <= 31 }
        if let day = days.min(by: { abs($0.index - monthIndex) < abs($1.index - monthIndex) }) { r.day = day.value }
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1, year >= 1000, year <= 2200 else { return false }
        let lengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    private static let isoPattern = try! NSRegularExpression(
        pattern: #"(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2}))?)?"#)
    private static let timePattern = try! NSRegularExpression(
        pattern: #"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)\s*(?:(a|p)\.?\s?m\b\.?)?"#)
    private static let numericPattern = try! NSRegularExpression(
        pattern: #"(?<![\d:])(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{2,4})(?![\d:])"#)

    static func isoDateTime(in text: String) -> LocalDateTime? {
        let ns = text as NSString
        guard let m = isoPattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else {
            return nil
        }
        func group(_ i: Int) -> Int? {
            let r = m.range(at: i)
            return r.location == NSNotFound ? nil : Int(ns.substring(with: r))
        }
        var r = LocalDateTime(year: group(1), month: group(2), day: group(3))
        if let h = group(4), let mi = group(5), h < 24, mi < 60 {
            r.hour = h
            r.minute = mi
            r.second = group(6).flatMap { $0 == 0 ? nil : $0 }
        }
        guard let y = r.year, let mo = r.month, let d = r.day, isValid(year: y, month: mo, day: d) else { return nil }
        return r
    }

    static func timeOfDay(in text: String) -> ((hour: Int, minute: Int, second: Int?), Range<String.Index>)? {
        let ns = text as NSString
        for m in timePattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            guard var hour = Int(ns.substring(with: m.range(at: 1))),
                let minute = Int(ns.substring(with: m.range(at: 2)))
            else { continue }
            let second = m.range(at: 3).location == NSNotFound ? nil : Int(ns.substring(with: m.range(at: 3)))
            if m.range(at: 4).location != NSNotFound {
                guard (1...12).contains(hour) else { continue }
                let pm = ns.substring(with: m.range(at: 4)) == "p"
                hour = hour % 12 + (pm ? 12 : 0)
            }
            guard hour < 24, minute < 60, (second ?? 0) < 60, let range = Range(m.range, in: text) else { continue }
            return ((hour, minute, second), range)
        }
        return nil
    }

    static func numericTriple(in text: String) -> (Int, Int, Int)? {
        let ns = text as NSString
        guard let m = numericPattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
            let a = Int(ns.substring(with: m.range(at: 1))), let b = Int(ns.substring(with: m.range(at: 2))),
            let c = Int(ns.substring(with: m.range(at: 3)))
        else { return nil }
        if a >= 1000 { return (a, b, c) }
        guard ns.substring(with: m.range(at: 1)).count <= 2 else { return nil }
        return (a, b, c)
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
