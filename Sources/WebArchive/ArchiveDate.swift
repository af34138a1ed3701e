/// Capture dates as archives write them, normalised to ISO 8601 UTC.
public enum ArchiveDate {
    /// `YYYY-MM-DDTHH:MM:SSZ` from a W3C-ISO 8601 date of any precision (`2014-03`,
    /// `2014-03-25T12:12Z`, `2014-03-25T12:12:25.123Z`) or a 4–14 digit ARC/Wayback
    /// timestamp (`20080430204825`); missing parts take their earliest value.
    /// `nil` when the text is not a date or a part is out of range.
    public static func iso(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digits = ""
        if trimmed.allSatisfy(\.isASCII), trimmed.allSatisfy(\.isNumber) {
            guard (4...14).contains(trimmed.count) else { return nil }
            digits = trimmed
        } else {
            // Keep the digits of the date and time parts, drop separators, fraction and zone.
            var body = Substring(trimmed)
            if body.hasSuffix("Z") { body = body.dropLast() }
            if let dot = body.firstIndex(of: ".") { body = body[..<dot] }
            let allowed: Set<Character> = ["-", ":", "T"]
            guard body.allSatisfy({ ($0.isASCII && $0.isNumber) || allowed.contains($0) }) else { return nil }
            let parts = body.split(whereSeparator: { allowed.contains($0) })
            let widths = [4, 2, 2, 2, 2, 2]
            guard !parts.isEmpty, parts.count <= widths.count else { return nil }
            for (part, width) in zip(parts, widths) {
                guard part.count == width else { return nil }
                digits += part
            }
        }
        let padded = digits + String("00000101000000".dropFirst(digits.count))
        let chars = Array(padded)
        func field(_ range: Range<Int>) -> Int { Int(String(chars[range])) ?? -1 }
        let (year, month, day) = (field(0..<4), field(4..<6), field(6..<8))
        let (hour, minute, second) = (field(8..<10), field(10..<12), field(12..<14))
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second), year >= 1
        else { return nil }
        let s = String(chars)
        func slice(_ r: Range<Int>) -> Substring { s.dropFirst(r.lowerBound).prefix(r.count) }
        return "\(slice(0..<4))-\(slice(4..<6))-\(slice(6..<8))T\(slice(8..<10)):\(slice(10..<12)):\(slice(12..<14))Z"
    }
}
