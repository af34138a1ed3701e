/// Percent-encoding of URL components (RFC 3986 §2).
enum PercentEncoding {
    /// The component with `%hh` escapes upper-cased, escapes of unreserved characters
    /// (`A–Z a–z 0–9 - . _ ~`) decoded, a `%` that starts no escape written `%25`, and
    /// bytes that may not appear raw in a URL (controls, space, non-ASCII, `"#<>\^`{|}`)
    /// escaped as UTF-8. Escaped forms and raw forms of the same bytes therefore agree.
    static func normalised(_ component: some StringProtocol) -> String {
        let bytes = Array(component.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x25, index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
                let low = hexValue(bytes[index + 2])
            {
                let value = high << 4 | low
                if isUnreserved(value) { out.append(value) } else { append(escaped: value, to: &out) }
                index += 3
                continue
            }
            if byte == 0x25 || mustEscape(byte) { append(escaped: byte, to: &out) } else { out.append(byte) }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every `%hh` escape decoded; byte sequences that are not UTF-8 become U+FFFD.
    static func decoded(_ component: some StringProtocol) -> String {
        let bytes = Array(component.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x25, index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
                let low = hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: return true
        default: return false
        }
    }

    private static func mustEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x20, 0x7F...0xFF, 0x22, 0x23, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return true
        default: return false
        }
    }

    private static func append(escaped byte: UInt8, to out: inout [UInt8]) {
        func digit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x41 + value - 10 }
        out += [0x25, digit(byte >> 4), digit(byte & 0x0F)]
    }
}
