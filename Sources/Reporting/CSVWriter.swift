import Foundation

/// RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a
/// comma, quote, CR or LF, quotes doubled. An unknown value is an empty cell.
///
/// Spreadsheet formula injection: with `guardFormulas` on, a cell that starts with
/// `=`, `+`, `-`, `@`, tab or CR and is not a plain number gets a leading `'`, so
/// spreadsheet programs show it as text instead of running it.
public struct CSVWriter {
    private var buffer: [UInt8] = []
    private let guardFormulas: Bool

    public init(guardFormulas: Bool = true) { self.guardFormulas = guardFormulas }

    /// Appends one row.
    public mutating func append(_ row: [String?]) {
        for (i, cell) in row.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            if let cell { appendField(cell) }
        }
        buffer.append(13)
        buffer.append(10)
    }

    /// The bytes written so far (UTF-8, no byte-order mark).
    public var bytes: [UInt8] { buffer }

    private mutating func appendField(_ raw: String) {
        var value = raw
        if guardFormulas, Self.needsGuard(value) { value = "'" + value }
        let needsQuotes = value.utf8.contains(where: Self.isSpecial)
        if needsQuotes {
            buffer.append(34)
            for byte in value.utf8 {
                if byte == 34 { buffer.append(34) }
                buffer.append(byte)
            }
            buffer.append(34)
        } else {
            buffer.append(contentsOf: value.utf8)
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 44 || byte == 34 || byte == 10 || byte == 13
    }

    /// True for cells a spreadsheet would read as a formula.
    public static func needsGuard(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
        return Double(value) == nil
    }
}
