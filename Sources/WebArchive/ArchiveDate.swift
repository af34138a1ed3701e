/// Capture dates as archives write them, normalised to ISO 8601 UTC.
public enum ArchiveDate {
    /// `YYYY-MM-DDTHH:MM:SSZ` from a W3C-ISO 8601 date of any precision (`2014-03`,
    /// `2014-03-25T12:12Z`, `2014-03-25T12:12:25.123Z`, `2014-03-25T13:12:25+01:00`,
    /// converted to UTC) or an ARC/Wayback timestamp of 4 or more digits
    /// (`20080430204825`; digits past the 14th, milliseconds and finer, are dropped).
    /// Missing parts take their earliest value. `nil` when the text is not a date or a
    /// part is out of range (`2014-02-30`).
    public static func iso(_ text: String) -> String? {
        let trimmed = Substring(text.trimmingCharacters(in: .whitespaces))
        var digits: [Int] = []
        var zoneMinutes = 0
        if !trimmed.isEmpty, trimmed.allSatisfy(isDigit) {
            guard trimmed.count >= 4 else { return nil }
            digits = trimmed.prefix(14).compactMap(\.wholeNumberValue)
        } else {
            var body = trimmed
            if body.hasSuffix("Z") || body.hasSuffix("z") {
                body = body.dropLast()
            } else if let t = body.firstIndex(where: { $0 == "T" || $0 == "t" }),
                let sign = body[t...].lastIndex(where: { $0 == "+" || $0 == "-" })
            {
                let zone = body[body.index(after: sign)...].filter { $0 != ":" }
                guard zone.count == 2 || zone.count == 4, zone.allSatisfy(isDigit),
                    let hours = Int(zone.prefix(2)), let minutes = Int(zone.count == 4 ? zone.suffix(2) : "0"),
                    hours <= 23, minutes <= 59
                else { return nil }
                zoneMinutes = (body[sign] == "-" ? -1 : 1) * (hours * 60 + minutes)
                body = body[..<sign]
            }
            if let dot = body.firstIndex(of: ".") {
                guard body[body.index(after: dot)...].allSatisfy(isDigit) else { return nil }
                body = body[..<dot]
            }
            // YYYY[-MM[-DD[Thh:mm[:ss]]]]
            let halves = body.split(whereSeparator: { $0 == "T" || $0 == "t" }).map { $0 }
            guard (1...2).contains(halves.count) else { return nil }
            let date = halves[0].split(separator: "-", omittingEmptySubsequences: false)
            let time = halves.count == 2 ? halves[1].split(separator: ":", omittingEmptySubsequences: false) : []
            guard date.count <= 3, time.isEmpty || (date.count == 3 && (2...3).contains(time.count)) else { return nil }
            for (part, width) in zip(date + time, [4, 2, 2, 2, 2, 2]) {
                guard part.count == width, part.allSatisfy(isDigit) else { return nil }
                digits += part.compactMap(\.wholeNumberValue)
            }
        }
        // Missing parts: month and day 1, time 0.
        let earliest = [0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]
        digits += earliest[digits.count...]
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        var year = number(0..<4)
        var month = number(4..<6)
        var day = number(6..<8)
        var hour = number(8..<10)
        var minute = number(10..<12)
        let second = number(12..<14)
        guard year >= 1, (1...12).contains(month), (1...daysIn(month, of: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        if zoneMinutes != 0 {
            let total = (daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - zoneMinutes
            let days = total >= 0 ? total / 1440 : (total - 1439) / 1440
            (year, month, day) = civil(fromDays: days)
            hour = (total - days * 1440) / 60
            minute = (total - days * 1440) % 60
            guard year >= 1 else { return nil }
        }
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))Z"
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isWholeNumber }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
