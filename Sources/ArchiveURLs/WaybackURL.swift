/// A Wayback Machine (or pywb) replay URL: `…/web/<ts><mod>/<original>`.
///
/// Accepted forms: absolute (`http(s)://`, or no scheme at all) and protocol-relative
/// (`//…`) on `web.archive.org`, `wayback.archive.org` and `classic-web.archive.org`;
/// host-relative `/web/<ts><mod>/<original>`; and, when a collection is named, pywb's
/// host-relative `/<collection>/<ts><mod>/<original>`. Only pass host-relative links taken
/// from a replay page: on other sites `/web/2010/…` may be an ordinary path.
public struct WaybackURL: Sendable, Hashable {
    /// The archived URL: scheme lower-cased, a collapsed `http:/` or missing `//` repaired,
    /// `http://` added when it has no scheme (`example.com/x`, `//example.com/x`); query and
    /// fragment kept as written.
    public let original: String
    /// The 1–14 digits as written.
    public let timestamp: String
    /// `timestamp` as `YYYY-MM-DDTHH:MM:SSZ`; a shorter stamp is a prefix and takes the
    /// earliest instant it covers (`2010` → `2010-01-01T00:00:00Z`); `nil` when the digits
    /// are no date (month 13). In a rewritten link this is the requested time, not
    /// necessarily the target's capture time.
    public let captured: String?
    /// `id_`, `mp_`, `js_`, `cs_`, `im_`, `if_`, `fw_`, `oe_`, `fr_`, `jm_` or any other two
    /// lower-case letters and `_`; `nil` when there is none.
    public let modifier: String?

    /// `nil` when `link` is not a replay URL of a form above or its original is no URL.
    public init?(_ link: String, collection: String? = nil) {
        let bytes = URLParts.cleaned(link)
        // Without a collection every form holds `/web/`: most links are answered here.
        guard collection != nil || Self.holdsWebSegment(bytes),
            let replay = Self.replayPath(Substring(String(decoding: bytes, as: UTF8.self)), collection: collection)
        else { return nil }
        let digits = replay.prefix { $0.isASCII && $0.isNumber }
        guard (1...14).contains(digits.count) else { return nil }
        var rest = replay.dropFirst(digits.count)
        let mod = rest.prefix(3)
        if mod.count == 3, mod.hasSuffix("_"), mod.prefix(2).allSatisfy({ $0.isASCII && $0.isLowercase }) {
            modifier = String(mod)
            rest = rest.dropFirst(3)
        } else {
            modifier = nil
        }
        guard rest.hasPrefix("/"), let original = Self.originalURL(rest.dropFirst()) else { return nil }
        self.original = original
        timestamp = String(digits)
        captured = CivilTime(stamp: digits)?.iso
    }

    /// The original URL of a Wayback-rewritten link (repeatedly, for a replay of a replay),
    /// or `link` unchanged when it is not one.
    public static func unwrap(_ link: String, collection: String? = nil) -> String {
        var current = link
        for _ in 0..<8 {
            guard let parsed = WaybackURL(current, collection: collection) else { break }
            current = parsed.original
        }
        return current
    }

    private static let hosts: Set<String> = ["web.archive.org", "wayback.archive.org", "classic-web.archive.org"]

    /// What follows `/web/` (or `/<collection>/`): `<ts><mod>/<original>`.
    private static func replayPath(_ link: Substring, collection: String?) -> Substring? {
        var rest = link
        if let afterScheme = dropPrefix("https:", from: rest) ?? dropPrefix("http:", from: rest) {
            guard afterScheme.hasPrefix("//") else { return nil }
            rest = afterScheme.dropFirst(2)
        } else if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
        } else if rest.hasPrefix("/") {
            if let path = dropPrefix("/web/", from: rest) { return path }
            let name = collection.map { $0.split(separator: "/").joined(separator: "/") } ?? ""
            return name.isEmpty ? nil : dropPrefix("/\(name)/", from: rest)
        }
        let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        guard let host = HostName.hostAndPort(rest[..<hostEnd])?.host, hosts.contains(HostName.fold(host)) else {
            return nil
        }
        return dropPrefix("/web/", from: rest[hostEnd...])
    }

    private static func originalURL(_ text: Substring) -> String? {
        var rest = text
        if dropPrefix("http%3a", from: rest) != nil || dropPrefix("https%3a", from: rest) != nil {
            rest = Substring(PercentEncoding.decoded(rest))
        }
        for scheme in ["https", "http", "ftp"] {
            guard let afterScheme = dropPrefix(scheme + ":", from: rest) else { continue }
            let address = afterScheme.drop { $0 == "/" }
            return address.isEmpty ? nil : "\(scheme)://\(address)"
        }
        if rest.hasPrefix("//") { rest = rest.dropFirst(2) }
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        guard HostName.hostAndPort(rest[..<hostEnd]) != nil else { return nil }
        return "http://\(rest)"
    }

    /// Whether `/web/` occurs in `bytes`, ASCII case-insensitively.
    private static func holdsWebSegment(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 5 else { return false }
        for i in 0...(bytes.count - 5) where bytes[i] == UInt8(ascii: "/") && bytes[i + 4] == UInt8(ascii: "/") {
            if asciiLower(bytes[i + 1]) == UInt8(ascii: "w"), asciiLower(bytes[i + 2]) == UInt8(ascii: "e"),
                asciiLower(bytes[i + 3]) == UInt8(ascii: "b")
            {
                return true
            }
        }
        return false
    }

    /// `text` without `prefix`, compared ASCII case-insensitively.
    private static func dropPrefix(_ prefix: String, from text: Substring) -> Substring? {
        guard text.utf8.count >= prefix.utf8.count,
            zip(text.utf8, prefix.utf8).allSatisfy({ asciiLower($0) == asciiLower($1) })
        else { return nil }
        return Substring(text.utf8.dropFirst(prefix.utf8.count))
    }

    private static func asciiLower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
}
