/// A date-time as an export writes it: `2012-11-05T00:15:05.941+11:00` (Atom),
/// `2011-05-11T19:46:00Z` (Blogger 2018) or `2009-08-14 21:23:02` (WordPress).
struct ExportTimestamp: Equatable {
    /// How the written time relates to the blog's local time.
    enum Zone: Equatable {
        /// A numeric offset: the written time is the blog's local time.
        case offset(seconds: Int)
        /// `Z`: the written time is UTC, the blog's own time zone is unknown.
        case utc
        /// No zone: the written time is the blog's local time (WordPress `*_date`).
        case none
    }

    /// ISO 8601 without zone or fraction, to the second: `2012-11-05T00:15:05`.
    let local: String
    let zone: Zone
    /// Seconds since 1970-01-01 UTC; the written time taken as UTC when it has no zone.
    let instant: Double

    /// `nil` for text that is not a valid date-time (WordPress writes
    /// `0000-00-00 00:00:00` for never-published drafts).
    init?(_ raw: String) {
        var scanner = ByteScanner(Array(raw.trimmingSpaces.utf8))
        guard let year = scanner.number(digits: 4), scanner.take("-"), let month = scanner.number(digits: 2),
            scanner.take("-"), let day = scanner.number(digits: 2), scanner.take("T") || scanner.take(" "),
            let hour = scanner.number(digits: 2), scanner.take(":"), let minute = scanner.number(digits: 2)
        else { return nil }
        var second = 0
        var fraction = 0.0
        if scanner.take(":") {
            guard let s = scanner.number(digits: 2) else { return nil }
            second = s
            if scanner.take(".") {
                var scale = 0.1
                guard scanner.peekDigit != nil else { return nil }
                while let digit = scanner.peekDigit {
                    fraction += Double(digit) * scale
                    scale /= 10
                    scanner.advance()
                }
            }
        }
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day), hour < 24,
            minute < 60, second < 61
        else { return nil }
        if scanner.isAtEnd {
            zone = .none
        } else if scanner.take("Z"), scanner.isAtEnd {
            zone = .utc
        } else if let sign = scanner.take("+") ? 1 : scanner.take("-") ? -1 : nil {
            let hours = scanner.number(digits: 2)
            _ = scanner.take(":")
            guard let hours, let minutes = scanner.number(digits: 2), scanner.isAtEnd, hours < 24, minutes < 60
            else { return nil }
            zone = .offset(seconds: sign * (hours * 3600 + minutes * 60))
        } else {
            return nil
        }
        let pad = { (n: Int, width: Int) in String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        local = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        let written =
            Double(Self.daysSinceEpoch(year: year, month: month, day: day) * 86400 + hour * 3600 + minute * 60 + second)
            + fraction
        if case .offset(let seconds) = zone {
            instant = written - Double(seconds)
        } else {
            instant = written
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }
}

/// Reads ASCII fields from the bytes of a short text.
private struct ByteScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    /// The value of the next byte when it is an ASCII digit.
    var peekDigit: Int? {
        guard index < bytes.count, (48...57).contains(bytes[index]) else { return nil }
        return Int(bytes[index] - 48)
    }

    mutating func advance() { index += 1 }

    /// Consumes the one-byte `literal` when it comes next.
    mutating func take(_ literal: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: literal) else { return false }
        index += 1
        return true
    }

    /// Consumes exactly `digits` ASCII digits and returns their value.
    mutating func number(digits: Int) -> Int? {
        let start = index
        var value = 0
        for _ in 0..<digits {
            guard let digit = peekDigit else {
                index = start
                return nil
            }
            value = value * 10 + digit
            index += 1
        }
        return value
    }
}

extension String {
    /// The text without leading and trailing whitespace and line breaks.
    var trimmingSpaces: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
