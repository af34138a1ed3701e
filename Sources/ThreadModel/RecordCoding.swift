public import Foundation

extension ThreadRecord {
    /// The record as one line of JSON: UTF-8, keys sorted, `null` for unknown values,
    /// no trailing newline. Byte-identical for equal records.
    public func jsonLine() throws -> Data {
        try ThreadRecord.lineEncoder().encode(self)
    }

    /// Decodes one JSON line written by ``jsonLine()``.
    public static func decode(jsonLine: Data) throws -> ThreadRecord {
        try JSONDecoder().decode(ThreadRecord.self, from: jsonLine)
    }

    static func lineEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
