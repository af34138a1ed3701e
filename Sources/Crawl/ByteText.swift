import CByteSearch

/// Substring tests on UTF-8 bytes (glibc `memmem`). Foundation's `String.contains`
/// goes through CFString and showed up as a large share of a crawl's instructions
/// when run for every link of every page.
enum ByteText {
    /// True when `needle` occurs in `text`.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { t in
            needle.withUTF8 { n in threadminer_contains(t.baseAddress, t.count, n.baseAddress, n.count) != 0 }
        }
    }

    /// The index in `bytes` where `needle` first starts.
    static func firstIndex(of needle: String, in bytes: ArraySlice<UInt8>) -> Int? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        var at = bytes.startIndex
        while at <= bytes.endIndex - pattern.count {
            if bytes[at] == pattern[0], bytes[at..<(at + pattern.count)].elementsEqual(pattern) { return at }
            at += 1
        }
        return nil
    }
}
