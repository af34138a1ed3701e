import Foundation

/// What a page saved from Wayback Machine replay says about its original URL and capture
/// time (ARCHIVES.md §2.2), marker by marker.
struct ReplayMarkers {
    /// `__wm.wombat("<url>","<ts>",…,"<unix seconds>")`.
    var script: (url: String?, time: CivilTime?) = (nil, nil)
    /// `wm-ipp-print` text, `__wm.bt(…,"<url>","<ts>",…)` or `var wbCurrentUrl = "<url>"`.
    var toolbar: (url: String?, time: CivilTime?) = (nil, nil)
    /// `FILE ARCHIVED ON <time> AND RETRIEVED`.
    var trailer: CivilTime?
    /// Pre-2011 `var sWayBackCGI = "http://web.archive.org/web/<ts>/"`.
    var cgi: CivilTime?
    /// Any replay marker was seen, including those that carry neither URL nor time.
    var present = false

    init(_ page: PageWindow) {
        let wombat = page.end(of: "__wm.wombat(")
        if let start = wombat {
            let arguments = page.arguments(from: start)
            script.url = arguments.first.flatMap(Self.absoluteURL)
            let epoch = arguments.count > 5 ? Int64(arguments[5]).flatMap { CivilTime(unixSeconds: $0) } : nil
            script.time = (arguments.count > 1 ? Self.stamp(arguments[1]) : nil) ?? epoch
        }
        if let start = page.end(of: "wm-ipp-print"), let text = page.end(of: "The Wayback Machine - ", from: start),
            text - start < 200, let link = page.text(from: text, upTo: "<"),
            let replay = WaybackURL(link.replacing("&amp;", with: "&"))
        {
            toolbar = (replay.original, CivilTime(stamp: replay.timestamp))
        }
        let bt = toolbar.url == nil ? page.end(of: "__wm.bt(") : nil
        if let start = bt {
            let arguments = page.arguments(from: start)
            if let stamp = arguments.firstIndex(where: { Self.stamp($0) != nil }), stamp > 0 {
                toolbar = (Self.absoluteURL(arguments[stamp - 1]), Self.stamp(arguments[stamp]))
            }
        }
        if toolbar.url == nil, let start = page.end(of: "wbCurrentUrl") {
            let assignment = page.text(from: start, upTo: ";", limit: 4096) ?? ""
            let quoted = assignment.split(separator: "\"", omittingEmptySubsequences: false)
            toolbar.url = quoted.count >= 3 ? Self.absoluteURL(String(quoted[1])) : nil
        }
        if let start = page.end(of: "FILE ARCHIVED ON "),
            let text = page.text(from: start, upTo: " AND RETRIEVED", limit: 64)
        {
            trailer = MarkerDate.waybackTrailer(text)
        }
        let cgiMarker = page.end(of: "sWayBackCGI")
        if let start = cgiMarker, let slash = page.end(of: "/web/", from: start), slash - start < 80 {
            let digits = page.bytes[slash...].prefix { (0x30...0x39).contains($0) }
            cgi = CivilTime(stamp: String(decoding: digits, as: UTF8.self))
        }
        // Markers already searched for are not searched again.
        present =
            script.url != nil || toolbar.url != nil || trailer != nil || cgi != nil || wombat != nil
            || bt != nil || cgiMarker != nil
            || ["BEGIN WAYBACK TOOLBAR INSERT", "wm-ipp-base", "_____WB$wombat$assign$function_____"]
                .contains { page.index(of: $0) != nil }
    }

    /// A 14-digit stamp.
    private static func stamp(_ text: String) -> CivilTime? { text.count == 14 ? CivilTime(stamp: text) : nil }

    private static func absoluteURL(_ text: String) -> String? { URLParts(text) != nil ? text : nil }
}
