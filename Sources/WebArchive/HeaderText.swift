/// Header-line helpers that work on UTF-8 bytes: header names and values are ASCII in
/// practice, and Foundation's Unicode-aware trimming and comparison dominated the
/// time spent listing records.
enum HeaderText {
    /// `text` without leading and trailing spaces and tabs.
    static func trimmed(_ text: Substring) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !isBlank($0) })!
        return String(decoding: utf8[first...last], as: UTF8.self)
    }

    /// True when `a` and `b` are the same name, ignoring ASCII case.
    static func sameName(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).allSatisfy { lower($0) == lower($1) }
    }

    /// The `Name: value` fields of header `lines` (both trimmed); a line starting with
    /// a space or tab continues the previous value, a line without a colon is dropped.
    static func fields(_ lines: some Sequence<String>) -> [HeaderField] {
        var fields: [HeaderField] = []
        for line in lines {
            if let first = line.utf8.first, isBlank(first), !fields.isEmpty {
                fields[fields.count - 1].value += " " + trimmed(line[...])
                continue
            }
            guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")) else { continue }
            fields.append(HeaderField(name: trimmed(line[..<colon]), value: trimmed(line[line.index(after: colon)...])))
        }
        return fields
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    private static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5a).contains(byte) ? byte | 0x20 : byte }
}
