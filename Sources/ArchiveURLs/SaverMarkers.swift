import Foundation

/// What the comments that saving tools write into a page say (ARCHIVES.md §4, §5): the
/// URL as the tool saw it (possibly a Wayback URL) and the time the tool wrote.
struct SaverMarkers {
    struct Mark {
        var url: String?
        var time: CivilTime?
    }

    /// `<!-- Mirrored from <host><path> by HTTrack Website Copier/… , <HTTP date> -->`; the
    /// scheme is not written and is read as `http`.
    var httrack: Mark?
    /// SingleFile's ` url: ` and ` saved date: ` lines.
    var singleFile: Mark?
    /// `<!-- saved from url=(NNNN)<URL> -->`; `nil` URL for `about:internet` and the like.
    var savedFrom: Mark?

    init(_ page: PageWindow) {
        if let start = page.end(of: "<!-- Mirrored from "), let comment = page.text(from: start, upTo: "-->") {
            let marker = " by HTTrack Website Copier"
            if let by = comment.range(of: marker, options: .backwards) {
                let address = comment[..<by.lowerBound].trimmingCharacters(in: .whitespaces)
                let url = address.isEmpty ? nil : address.contains("://") ? address : "http://" + address
                let after = comment[by.upperBound...]
                let date =
                    after.range(of: "], ").map { after[$0.upperBound...] } ?? after.drop { $0 != "," }.dropFirst()
                httrack = Mark(url: url.flatMap(Self.httpURL), time: MarkerDate.http(date))
            }
        }
        if let marker = page.end(of: "Page saved with SingleFile"), let comment = page.text(from: marker, upTo: "-->") {
            var url: String?
            var time: CivilTime?
            for line in comment.split(whereSeparator: \.isNewline) {
                let text = line.trimmingCharacters(in: .whitespaces)
                if text.hasPrefix("url:") {
                    url = Self.httpURL(text.dropFirst(4).trimmingCharacters(in: .whitespaces))
                } else if text.hasPrefix("saved date:") {
                    time = MarkerDate.javaScript(text.dropFirst(11))
                }
            }
            singleFile = Mark(url: url, time: time)
        }
        if let start = page.end(of: "<!-- saved from url=("), let close = page.index(of: ")", from: start),
            close - start <= 8, let comment = page.text(from: close + 1, upTo: "-->", limit: 16_384)
        {
            let declared = Int(String(decoding: page.bytes[start..<close], as: UTF8.self)) ?? -1
            let written = comment.trimmingCharacters(in: .whitespacesAndNewlines)
            let exact = (0...written.utf8.count).contains(declared) ? String(written.utf8.prefix(declared)) : nil
            savedFrom = Mark(url: Self.httpURL(exact ?? written))
        }
    }

    private static func httpURL(_ text: String) -> String? { URLParts(text) != nil ? text : nil }
}
