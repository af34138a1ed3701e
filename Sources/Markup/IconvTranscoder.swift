import Foundation

/// Decodes legacy encodings (Shift_JIS, GBK, windows-1251, KOI8-R, ISO-8859-x…) to
/// UTF-8 with glibc's iconv, replacing each byte that does not fit with U+FFFD and
/// going on. libxml2's own conversion stops at the first such byte and drops the
/// rest of the page.
enum IconvTranscoder {
    /// The UTF-8 form of `bytes` read as `label` and how many bytes were replaced;
    /// `nil` when iconv does not know the label.
    static func utf8(_ bytes: UnsafeRawBufferPointer, from label: String) -> (bytes: [UInt8], replaced: Int)? {
        let descriptor = iconv_open("UTF-8", label)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var out = [UInt8](repeating: 0, count: max(64, bytes.count * 2))
        var produced = 0
        var replaced = 0
        guard let base = bytes.baseAddress else { return ([], 0) }
        var input = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: CChar.self))
        var inputLeft = bytes.count
        while inputLeft > 0 {
            if out.count - produced < 16 { out += [UInt8](repeating: 0, count: out.count) }
            var outputLeft = out.count - produced
            let result = out.withUnsafeMutableBufferPointer { buffer -> Int in
                var output: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(buffer.baseAddress! + produced)
                    .assumingMemoryBound(to: CChar.self)
                var source: UnsafeMutablePointer<CChar>? = input
                let status = iconv(descriptor, &source, &inputLeft, &output, &outputLeft)
                input = source ?? input
                return status
            }
            produced = out.count - outputLeft
            guard result == -1 else { continue }
            switch errno {
            case E2BIG:
                out += [UInt8](repeating: 0, count: out.count)
            default:
                // EILSEQ (a byte that does not fit) or EINVAL (cut off at the end): replace one byte.
                if out.count - produced < 3 { out += [UInt8](repeating: 0, count: out.count) }
                out.replaceSubrange(produced..<(produced + 3), with: [0xEF, 0xBF, 0xBD])
                produced += 3
                replaced += 1
                input += 1
                inputLeft -= 1
                iconv(descriptor, nil, nil, nil, nil)
            }
        }
        out.removeSubrange(produced...)
        return (out, replaced)
    }
}
