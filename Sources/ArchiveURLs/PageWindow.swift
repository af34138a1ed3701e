import CByteSearch
import Foundation

/// The first and last 64 KB of a saved page, where provenance markers sit, as one
/// searchable buffer (a NUL joins the two, so no marker spans the cut).
struct PageWindow {
    static let span = 65_536
    let bytes: [UInt8]

    init(_ page: UnsafeRawBufferPointer) {
        if page.count <= 2 * Self.span {
            bytes = Array(page)
        } else {
            bytes = Array(page[..<Self.span]) + [0] + Array(page[(page.count - Self.span)...])
        }
    }

    /// Start of the first `needle` at or after `start`.
    func index(of needle: String, from start: Int = 0) -> Int? {
        guard !needle.isEmpty, start >= 0, start < bytes.count else { return nil }
        var needle = needle
        let found = needle.withUTF8 { pattern in
            bytes.withUnsafeBytes { page in
                threadminer_find(page.baseAddress! + start, page.count - start, pattern.baseAddress, pattern.count)
            }
        }
        return found < 0 ? nil : start + found
    }

    /// End of the first `needle` at or after `start`.
    func end(of needle: String, from start: Int = 0) -> Int? {
        index(of: needle, from: start).map { $0 + needle.utf8.count }
    }

    /// The text from `start` up to (not including) `terminator`, when it ends within `limit` bytes.
    func text(from start: Int, upTo terminator: String, limit: Int = 4096) -> String? {
        guard let stop = index(of: terminator, from: start), stop - start <= limit else { return nil }
        return String(decoding: bytes[start..<stop], as: UTF8.self)
    }

    /// The JavaScript call arguments starting at `start` (just after `(`): string literals
    /// decoded (`\"`, `\\`, `\/`, `\uXXXX`, …), other arguments as their trimmed source text,
    /// arrays and objects skipped as one argument. Stops at the closing `)`.
    func arguments(from start: Int, limit: Int = 4096) -> [String] {
        var arguments: [String] = []
        var current: [UInt8] = []
        var at = start
        var depth = 0
        let end = min(bytes.count, start + limit)
        while at < end {
            let byte = bytes[at]
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                var literal: [UInt8] = []
                at += 1
                while at < end, bytes[at] != byte {
                    if bytes[at] == UInt8(ascii: "\\"), at + 1 < end {
                        at += 1
                        literal += unescaped(at: &at, end: end)
                    } else {
                        literal.append(bytes[at])
                    }
                    at += 1
                }
                if depth == 0 { current += literal }
            case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "("): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ")") where depth > 0: depth -= 1
            case UInt8(ascii: ")"), UInt8(ascii: ","):
                if depth == 0 {
                    arguments.append(
                        String(decoding: current, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
                    current = []
                    if byte == UInt8(ascii: ")") { return arguments }
                }
            default: if depth == 0 { current.append(byte) }
            }
            at += 1
        }
        return arguments
    }

    /// The bytes an escape stands for; `at` is on the character after `\` and ends on the
    /// escape's last byte.
    private func unescaped(at: inout Int, end: Int) -> [UInt8] {
        switch bytes[at] {
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "u") where at + 4 < end:
            let hex = String(decoding: bytes[(at + 1)...(at + 4)], as: UTF8.self)
            guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { return [bytes[at]] }
            at += 4
            return Array(String(Character(scalar)).utf8)
        default: return [bytes[at]]
        }
    }
}
