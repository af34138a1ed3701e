/// One post, one URL: the canonical form under which captures of the same page meet.
///
/// `http` and `https` merge; the host is folded (``host(_:)``); default ports, user info,
/// the fragment, dot segments and trailing slashes (except the root's) go; percent-encoding
/// is normalised (upper-case hex, unreserved characters decoded, raw non-ASCII and unsafe
/// bytes escaped as UTF-8, a stray `%` as `%25`); `;jsessionid=…` path parameters and a
/// WordPress `/comment-page-N` last segment go; query parameters that only track, hold a
/// session or pick a comment view go (`utm_*`, `fbclid`, `gclid`, `PHPSESSID`, `sid`,
/// `jsessionid`, `zenid`, `amp`, `showComment`, `commentPage`, `replytocom`, `cpage`, and `m`
/// when it is Blogger's `0`/`1` — WordPress's `?m=201107` month archive stays). Other
/// parameters keep their order and values (`?p=12` and `?p=13` stay apart); names are
/// matched case-insensitively. `m.` mobile hosts are not merged: nothing says
/// `m.example.com` is `example.com`.
public enum CanonicalURL {
    /// The canonical URL, or `nil` when `url` is not an absolute `http(s)` URL with a valid host.
    public static func canonical(_ url: String) -> String? { Form(url)?.text }

    /// The folded host (no port): lower-cased, `www.` removed, Blogger country domains read as
    /// `.blogspot.com`, IDNA left as written; `nil` as for ``canonical(_:)``.
    public static func host(_ url: String) -> String? { URLParts(url).map { HostName.fold($0.host) } }

    /// A canonical URL with what canonicalisation removed that says which comment view it was.
    struct Form {
        let text: String
        /// `N` of a removed `/comment-page-N` segment.
        let commentPage: Int?
        /// Removed query parameters by lower-cased decoded name (first occurrence), values as written.
        let removed: [String: Substring]
        let fragment: Substring?

        init?(_ url: String) {
            guard let parts = URLParts(url) else { return nil }
            var segments: [String] = []
            // Split on the bytes (the separators are ASCII): a Character split is far slower.
            let written = parts.path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
                .map { Substring($0) }.dropFirst()
            for (index, raw) in written.enumerated() {
                let segment = PercentEncoding.normalised(Self.withoutSessionParameter(raw))
                let isLast = index == written.count - 1
                switch segment {
                case ".": if isLast { segments.append("") }
                case "..":
                    if !segments.isEmpty { segments.removeLast() }
                    if isLast { segments.append("") }
                default: segments.append(segment)
                }
            }
            while segments.last == "" { segments.removeLast() }
            var commentPage: Int?
            if let last = segments.last, last.hasPrefix("comment-page-"),
                last.dropFirst(13).allSatisfy({ $0.isASCII && $0.isNumber }), let page = Int(last.dropFirst(13))
            {
                commentPage = page
                segments.removeLast()
            }

            var kept: [String] = []
            var removed: [String: Substring] = [:]
            for item in (parts.query ?? "").utf8.split(separator: UInt8(ascii: "&")).map({ Substring($0) }) {
                let name = item.prefix { $0 != "=" }
                let value = item.dropFirst(name.count + 1)
                let key = PercentEncoding.decoded(name).lowercased()
                if Self.dropped.contains(key) || key.hasPrefix("utm_") || (key == "m" && (value == "0" || value == "1"))
                {
                    if removed[key] == nil { removed[key] = value }
                } else {
                    kept.append(PercentEncoding.normalised(item))
                }
            }

            let port = parts.port.flatMap { $0 == parts.defaultPort ? nil : ":\($0)" } ?? ""
            let query = kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
            text = "http://\(HostName.fold(parts.host))\(port)/\(segments.joined(separator: "/"))\(query)"
            self.commentPage = commentPage
            self.removed = removed
            fragment = parts.fragment
        }

        private static let dropped: Set<String> = [
            "fbclid", "gclid", "phpsessid", "sid", "jsessionid", "zenid", "amp", "showcomment", "commentpage",
            "replytocom", "cpage",
        ]

        /// The segment without a `;jsessionid=…` parameter (up to the next `;`).
        private static func withoutSessionParameter(_ segment: Substring) -> String {
            let marker = ";jsessionid="
            guard segment.utf8.contains(UInt8(ascii: ";")),
                let start = segment.indices.first(where: { segment[$0...].prefix(12).lowercased() == marker })
            else { return String(segment) }
            let value = segment[start...].dropFirst(12)
            let end = value.firstIndex(of: ";") ?? segment.endIndex
            return String(segment[..<start] + segment[end...])
        }
    }
}
