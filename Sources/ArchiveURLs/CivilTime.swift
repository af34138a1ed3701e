/// A proleptic Gregorian date and time of day in UTC, with the conversions archive
/// markers need (digit stamps, Unix seconds, zone offsets) and ISO 8601 output.
struct CivilTime: Hashable {
    let year: Int
    let month: Int
    let day: Int
    let hour: Int
    let minute: Int
    let second: Int

    /// `nil` when a field is out of range (years 1–9999, days checked against the month,
    /// seconds up to 60 for a leap second).
    init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.days(inMonth: month, of: year)).contains(day), (0...23).contains(hour),
            (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second) = (hour, minute, second)
    }

    /// A Wayback-style `YYYYMMDDhhmmss` stamp of 1–14 ASCII digits; a shorter stamp is a
    /// prefix and takes the earliest instant it covers (`2010` → 2010-01-01T00:00:00Z,
    /// `20101` → 2010-10-01T00:00:00Z).
    init?(stamp: some StringProtocol) {
        let digits = Array(stamp.utf8)
        guard (1...14).contains(digits.count), digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let padded = digits.map { Int($0) - 0x30 } + Array(repeating: 0, count: 14 - digits.count)
        func field(_ at: Int, _ width: Int) -> Int { padded[at..<at + width].reduce(0) { $0 * 10 + $1 } }
        // A month or day made up only by padding is 00: its earliest real value is 01.
        let month = field(4, 2) == 0 && digits.count < 6 ? 1 : field(4, 2)
        let day = field(6, 2) == 0 && digits.count < 8 ? 1 : field(6, 2)
        self.init(
            year: field(0, 4), month: month, day: day, hour: field(8, 2), minute: field(10, 2), second: field(12, 2))
    }

    /// The instant `seconds` after 1970-01-01T00:00:00Z.
    init?(unixSeconds seconds: Int64) {
        let (days, rest) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (dayNumber, secondOfDay) = rest < 0 ? (days - 1, rest + 86_400) : (days, rest)
        guard let (year, month, day) = Self.civil(fromDays: dayNumber) else { return nil }
        let s = Int(secondOfDay)
        self.init(year: year, month: month, day: day, hour: s / 3600, minute: s / 60 % 60, second: s % 60)
    }

    /// Seconds since 1970-01-01T00:00:00Z (a leap second counts as the next second).
    var unixSeconds: Int64 {
        Self.days(fromYear: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// This wall-clock time read in a zone `offset` seconds east of UTC, as UTC.
    func utc(fromOffset offset: Int) -> CivilTime? { CivilTime(unixSeconds: unixSeconds - Int64(offset)) }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))Z"
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    private static func days(fromYear year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * Int64((month + 9) % 12) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`); `nil` far outside years 1–9999.
    private static func civil(fromDays days: Int64) -> (Int, Int, Int)? {
        guard (-800_000...3_000_000).contains(days) else { return nil }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }
}
