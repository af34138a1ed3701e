/// Dates as archiving tools write them in their page markers, read as UTC.
enum MarkerDate {
    /// Wayback trailer `FILE ARCHIVED ON …`: `3:04:28 Mar 15, 2015` (hour and day may be
    /// unpadded, month names localised) or, before 2011, a 14-digit stamp.
    static func waybackTrailer(_ text: some StringProtocol) -> CivilTime? {
        let tokens = words(text)
        if tokens.count == 1 { return CivilTime(stamp: tokens[0]) }
        guard tokens.count == 4, let (hour, minute, second) = clock(tokens[0]), let month = month(tokens[1]),
            let day = Int(tokens[2]), let year = Int(tokens[3])
        else { return nil }
        return CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// HTTP date as HTTrack's footer writes it: `Tue, 26 Jul 2011 10:00:00 GMT` (weekday optional).
    static func http(_ text: some StringProtocol) -> CivilTime? {
        var tokens = words(text)
        if let first = tokens.first, first.allSatisfy(\.isLetter) { tokens.removeFirst() }
        guard tokens.count == 5, ["GMT", "UTC", "+0000"].contains(tokens[4]), let day = Int(tokens[0]),
            let month = month(tokens[1]), let year = Int(tokens[2]), let (hour, minute, second) = clock(tokens[3])
        else { return nil }
        return CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// JavaScript `Date.toString()` as SingleFile's `saved date:` writes it, converted to UTC:
    /// `Sun Sep 13 2020 18:21:28 GMT+0200 (Central European Summer Time)`.
    static func javaScript(_ text: some StringProtocol) -> CivilTime? {
        let tokens = words(text.prefix { $0 != "(" })
        guard tokens.count == 6, let month = month(tokens[1]), let day = Int(tokens[2]), let year = Int(tokens[3]),
            let (hour, minute, second) = clock(tokens[4]), let offset = gmtOffset(tokens[5]),
            let local = CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        return local.utc(fromOffset: offset)
    }

    /// Month names and abbreviations: English, and the localised trailer months seen in
    /// Wayback retrievals (German, Polish, Scandinavian, Dutch, French, Spanish, Italian).
    static func month(_ name: some StringProtocol) -> Int? {
        let key = name.lowercased().filter { $0 != "." }
        return monthNames[key] ?? monthNames[String(key.prefix(3))]
    }

    private static let monthNames: [String: Int] = {
        let groups: [[String]] = [
            ["jan", "sty", "ene", "gen", "janv", "janvier"],
            ["feb", "lut", "févr", "fevr", "fév", "fev", "février"],
            ["mar", "mär", "mrt", "maa", "mars"],
            ["apr", "kwi", "avr", "abr"],
            ["may", "mai", "maj", "mei", "mag"],
            ["jun", "cze", "juin", "giu"],
            ["jul", "lip", "juil", "juillet", "lug"],
            ["aug", "sie", "août", "aou", "ago"],
            ["sep", "wrz", "sept", "set"],
            ["oct", "okt", "paź", "paz", "ott"],
            ["nov", "lis"],
            ["dec", "dez", "gru", "déc", "dic"],
        ]
        var table: [String: Int] = [:]
        for (index, names) in groups.enumerated() {
            for name in names { table[name] = index + 1 }
        }
        return table
    }()

    private static func words(_ text: some StringProtocol) -> [Substring] {
        Substring(text).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
    }

    /// `H:MM:SS` with an hour of one or two digits.
    private static func clock(_ text: Substring) -> (Int, Int, Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), let second = Int(parts[2])
        else { return nil }
        return (hour, minute, second)
    }

    /// `GMT+0200` / `GMT-0530` → seconds east of UTC.
    private static func gmtOffset(_ text: Substring) -> Int? {
        guard text.hasPrefix("GMT") else { return nil }
        let sign = text.dropFirst(3)
        guard let symbol = sign.first, symbol == "+" || symbol == "-" else { return sign.isEmpty ? 0 : nil }
        let digits = sign.dropFirst()
        guard digits.count == 4, digits.allSatisfy(\.isASCII), let hours = Int(digits.prefix(2)),
            let minutes = Int(digits.suffix(2)), hours <= 14, minutes < 60
        else { return nil }
        return (symbol == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}
