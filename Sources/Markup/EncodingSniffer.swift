/// How the character encoding of a page was decided.
public enum EncodingSource: String, Sendable {
    /// A byte-order mark at the start of the bytes.
    case byteOrderMark = "bom"
    /// Declared by the caller, e.g. the charset of an HTTP `Content-Type` header.
    case declared
    /// A `<meta charset>` / `http-equiv` tag or an XML declaration in the page.
    case meta
    /// Nothing declared and the bytes are valid UTF-8.
    case validUTF8 = "utf-8-by-content"
    /// Nothing declared and the bytes are not UTF-8: windows-1252, which is what
    /// WHATWG says an undeclared ISO-8859-1 page means.
    case windows1252Fallback = "windows-1252-fallback"
}

/// The encoding decision for one page: which label to hand libxml2, and whether
/// the bytes must first be repaired (invalid UTF-8 replaced by U+FFFD).
public struct EncodingDecision: Sendable, Equatable {
    public var label: String
    public var source: EncodingSource
    /// Bytes to skip at the start (a byte-order mark).
    public var skip: Int
    /// True when the label is UTF-8 but the bytes are not valid UTF-8.
    public var needsUTF8Repair: Bool
}

/// Decides a page's encoding in the order web archives need: BOM sniffed by us →
/// caller's declaration → `meta` in the page → UTF-8 when the bytes are valid UTF-8 →
/// windows-1252. libxml2's own fallback (ISO-8859-1) maps 0x80–0x9F wrongly.
public enum EncodingSniffer {
    /// - Parameters:
    ///   - bytes: the raw page.
    ///   - declared: an encoding label from outside the page (HTTP header), or `nil`.
    ///   - isKnown: whether libxml2 can convert from a label.
    public static func decide(
        _ bytes: UnsafeRawBufferPointer, declared: String?, isKnown: (String) -> Bool
    ) -> EncodingDecision {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let valid = UTF8Validator.isValid(UnsafeRawBufferPointer(rebasing: bytes[3...]))
            return EncodingDecision(label: "UTF-8", source: .byteOrderMark, skip: 3, needsUTF8Repair: !valid)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return EncodingDecision(label: "UTF-16LE", source: .byteOrderMark, skip: 2, needsUTF8Repair: false)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return EncodingDecision(label: "UTF-16BE", source: .byteOrderMark, skip: 2, needsUTF8Repair: false)
        }
        for (candidate, source) in [(declared, EncodingSource.declared), (metaCharset(bytes), .meta)] {
            guard let raw = candidate else { continue }
            var label = canonicalLabel(raw)
            // A page that can be scanned for `meta` as ASCII is not UTF-16 (WHATWG).
            if source == .meta, label.hasPrefix("UTF-16") { label = "UTF-8" }
            if label == "UTF-8" {
                return EncodingDecision(
                    label: label, source: source, skip: 0, needsUTF8Repair: !UTF8Validator.isValid(bytes))
            }
            if isKnown(label) {
                return EncodingDecision(label: label, source: source, skip: 0, needsUTF8Repair: false)
            }
        }
        if UTF8Validator.isValid(bytes) {
            return EncodingDecision(label: "UTF-8", source: .validUTF8, skip: 0, needsUTF8Repair: false)
        }
        return EncodingDecision(label: "windows-1252", source: .windows1252Fallback, skip: 0, needsUTF8Repair: false)
    }

    /// Maps labels to the names browsers actually decode with (WHATWG Encoding):
    /// ISO-8859-1, Latin-1 and US-ASCII all mean windows-1252.
    public static func canonicalLabel(_ label: String) -> String {
        let lower = label.lowercased().trimmingASCIIWhitespace()
        switch lower {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968",
            "cp1252", "windows-1252", "x-cp1252", "cp819", "ibm819", "iso_8859-1":
            return "windows-1252"
        case "utf-16", "utf16", "unicode": return "UTF-16"
        case "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case "shift-jis", "sjis", "x-sjis", "ms_kanji": return "SHIFT_JIS"
        case "gb2312", "gbk", "x-gbk", "chinese": return "GBK"
        default: return lower
        }
    }

    /// The charset named by the first `<meta … charset=…>` tag or XML declaration,
    /// wherever it sits in the page.
    static func metaCharset(_ bytes: UnsafeRawBufferPointer) -> String? {
        let needle = Array("charset".utf8)
        var i = 0
        let n = bytes.count
        while i + needle.count < n {
            guard lowerASCII(bytes[i]) == needle[0], matches(bytes, at: i, needle) else {
                i += 1
                continue
            }
            defer { i += needle.count }
            guard isInsideMetaTag(bytes, before: i) else { continue }
            var j = i + needle.count
            while j < n, isSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "=") else { continue }
            j += 1
            while j < n, isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                j += 1
            }
            var label: [UInt8] = []
            while j < n, label.count < 40, isLabelByte(bytes[j]) {
                label.append(bytes[j])
                j += 1
            }
            if !label.isEmpty { return String(decoding: label, as: UTF8.self) }
        }
        return xmlDeclarationEncoding(bytes)
    }

    private static func xmlDeclarationEncoding(_ bytes: UnsafeRawBufferPointer) -> String? {
        let prefix = Array("<?xml".utf8)
        guard bytes.count > 20, matches(bytes, at: 0, prefix) else { return nil }
        let end = min(bytes.count, 200)
        let head = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
        guard let declEnd = head.firstRange(of: "?>") else { return nil }
        let decl = head[..<declEnd.lowerBound]
        guard let enc = decl.firstRange(of: "encoding") else { return nil }
        let rest = decl[enc.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        let label = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return label.isEmpty ? nil : String(label)
    }

    /// True when the nearest `<` before `index` opens a `meta` tag with no `>` between.
    private static func isInsideMetaTag(_ bytes: UnsafeRawBufferPointer, before index: Int) -> Bool {
        var k = index - 1
        let limit = max(0, index - 512)
        while k >= limit {
            if bytes[k] == UInt8(ascii: ">") { return false }
            if bytes[k] == UInt8(ascii: "<") {
                return matches(bytes, at: k + 1, Array("meta".utf8))
            }
            k -= 1
        }
        return false
    }

    private static func matches(_ bytes: UnsafeRawBufferPointer, at i: Int, _ needle: [UInt8]) -> Bool {
        guard i + needle.count <= bytes.count else { return false }
        for (k, b) in needle.enumerated() where lowerASCII(bytes[i + k]) != b { return false }
        return true
    }

    private static func lowerASCII(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
    private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45 || b == 95 || b == 58
            || b == 46
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}

/// UTF-8 validation and repair over raw bytes.
public enum UTF8Validator {
    /// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or truncation).
    public static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            // Runs of ASCII, eight bytes at a time.
            while i + 8 <= n, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < n else { break }
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return false
            }
            guard i + length <= n else { return false }
            let second = bytes[i + 1]
            guard second >= lower, second <= upper else { return false }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }

    /// The bytes with every ill-formed sequence replaced by U+FFFD.
    public static func repaired(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        Array(String(decoding: bytes, as: UTF8.self).utf8)
    }
}
