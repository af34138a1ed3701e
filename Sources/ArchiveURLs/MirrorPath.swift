/// A saved file's original URL and capture time read back from its path inside a mirror
/// folder (ARCHIVES.md §1, §3, §4). Paths are relative to the root given to
/// ``FolderLayout/detect(root:)``, `/`-separated.
///
/// What a path cannot say: the scheme (always `http` unless wget's `--protocol-directories`
/// kept it), whether a trailing `index.html` was a real file or a directory URL (read as the
/// directory, `…/`), and for HTTrack the query: HTTrack names carry 4 hex digits of an MD5 of
/// the query (`foo4B54.html` for `foo.cgi?q=45`), which cannot be reversed, and its
/// type-based extension replaces the original (`.php` pages end `.html`); such URLs are
/// the file name as written. The Wayback Machine Downloader turned `+` into a space, read
/// back as `+` in the query and `%20` in the path.
public struct MirrorPath: Sendable, Hashable {
    /// The rule that decided the URL.
    public enum Rule: String, Sendable, Hashable {
        /// wget `<host>[:port|+port]/<path>` (optionally under `http/`, `https/`): `?query`
        /// (`@query` with Windows names) kept, `-E`'s `.html`/`.css` after a query and after a
        /// script extension (`page.php.html`) dropped, `%2F` in the query read as `/`.
        case wget
        /// A wget `-K` `.orig` copy: the URL of the file it backs up.
        case wgetBackup
        /// HTTrack `<host>/<path>` (default `-N0` structure; query lost, see above).
        case httrack
        /// Wayback Machine Downloader `websites/<host>/[<14-digit ts>/]<path and query>`.
        case waybackMachineDownloader
        /// waybackpack `<14-digit ts>/<netloc>/<path>` (query dropped by the tool).
        case waybackpack
        /// pywaybackup `waybackup_snapshots/<domain>/[<14-digit ts>/]<path>`.
        case pywaybackup
        /// One of the tool's own files (HTTrack's `index.html`, `hts-*`, `backblue.gif`;
        /// the downloader's `.cdx.json`, `.downloaded.txt`; pywaybackup CSV/CDX/db): no page.
        case toolFile
        /// The downloader fork's `__q<12 hex>` name: a SHA-256 of the query, no URL.
        case hashedQuery
        /// The path does not start with the host (or timestamp) folder the layout puts there.
        case noHost
        /// The layout is unknown.
        case unknownLayout
    }

    public let layout: FolderLayout
    /// The original URL, or `nil` when the path cannot give one.
    public let url: String?
    /// `YYYY-MM-DDTHH:MM:SSZ` from a 14-digit timestamp folder, when the layout has one.
    public let captured: String?
    public let rule: Rule

    /// Reads `relativePath` under `layout`; `windowsNames` says wget ran with
    /// `--restrict-file-names=windows` (`@` before the query).
    public init(_ relativePath: String, layout: FolderLayout, windowsNames: Bool = false) {
        self.layout = layout
        let parts = relativePath.split(separator: "/").filter { $0 != "." }
        let read: (url: String?, captured: CivilTime?, rule: Rule)
        switch layout {
        case .wget: read = Self.wget(parts, windowsNames: windowsNames)
        case .httrack: read = Self.httrack(parts)
        case .waybackMachineDownloader:
            read = Self.waybackTree(parts, root: "websites", toolFiles: [".cdx.json", ".downloaded.txt"])
        case .pywaybackup: read = Self.waybackTree(parts, root: "waybackup_snapshots", toolFiles: [])
        case .waybackpack: read = Self.waybackpack(parts)
        case .unknown: read = (nil, nil, .unknownLayout)
        }
        url = read.url
        captured = read.captured?.iso
        rule = read.rule
    }

    private static func wget(_ parts: [Substring], windowsNames: Bool) -> (String?, CivilTime?, Rule) {
        var parts = parts[...]
        var scheme = "http"
        if parts.count >= 3, let first = parts.first, ["http", "https", "ftp"].contains(first) {
            scheme = String(first)
            parts = parts.dropFirst()
        }
        guard parts.count >= 2, let folder = parts.first,
            let (host, port) = HostName.hostAndPort(folder, plusPort: true),
            var name = parts.last
        else { return (nil, nil, .noHost) }
        var rule = Rule.wget
        if name.hasSuffix(".orig"), name.count > 5 {
            name = name.dropLast(5)
            rule = .wgetBackup
        }
        if windowsNames, let at = name.firstIndex(of: "@") { name = name[..<at] + "?" + name[name.index(after: at)...] }
        var base = name.prefix { $0 != "?" }
        var query = name.count > base.count ? name.dropFirst(base.count + 1) : nil
        if let written = query {
            query =
                ["html", "css"].lazy.compactMap { written.hasSuffix(".\($0)") ? written.dropLast($0.count + 1) : nil }
                .first ?? written
        } else if let dot = base.dropLast(5).lastIndex(of: "."), base.hasSuffix(".html"),
            ["php", "asp", "aspx", "cgi", "jsp", "cfm", "pl"].contains(base[base.index(after: dot)...].dropLast(5))
        {
            base = base.dropLast(5)
        }
        let directories = parts.dropFirst().dropLast().joined(separator: "/")
        let path = (directories.isEmpty ? "" : directories + "/") + (base == "index.html" ? "" : base)
        let address = url(
            scheme: scheme, host: host, port: port, path: path,
            query: query.map { String($0.replacing("%2F", with: "/")) })
        return (address, nil, rule)
    }

    private static func httrack(_ parts: [Substring]) -> (String?, CivilTime?, Rule) {
        let projectFiles: Set<Substring> = [
            "index.html", "backblue.gif", "fade.gif", "hts-log.txt", "cookies.txt", "hts-in_progress.lock", "hts-cache",
        ]
        if let first = parts.first, first == "hts-cache" || (parts.count == 1 && projectFiles.contains(first)) {
            return (nil, nil, .toolFile)
        }
        guard parts.count >= 2, let (host, port) = HostName.hostAndPort(parts[0]) else { return (nil, nil, .noHost) }
        return (url(host: host, port: port, id: parts.dropFirst()), nil, .httrack)
    }

    /// The Wayback Machine Downloader and pywaybackup: `[<root>/]<host>/[<ts>/]<id>`.
    private static func waybackTree(_ parts: [Substring], root: Substring, toolFiles: Set<Substring>) -> (
        String?, CivilTime?, Rule
    ) {
        let rule: Rule = root == "websites" ? .waybackMachineDownloader : .pywaybackup
        var parts = parts[...]
        if parts.first == root { parts = parts.dropFirst() }
        if rule == .pywaybackup, parts.count == 1, parts.first?.hasPrefix("waybackup_") == true {
            return (nil, nil, .toolFile)
        }
        guard let folder = parts.first, let (host, port) = HostName.hostAndPort(folder) else {
            return (nil, nil, .noHost)
        }
        parts = parts.dropFirst()
        if parts.count == 1, let name = parts.first, toolFiles.contains(name) { return (nil, nil, .toolFile) }
        var captured: CivilTime?
        if parts.count >= 2, let stamp = parts.first, stamp.count == 14, let time = CivilTime(stamp: stamp) {
            captured = time
            parts = parts.dropFirst()
        }
        guard !parts.isEmpty else { return (nil, nil, .noHost) }
        if parts.contains(where: isHashedQuery) { return (nil, captured, .hashedQuery) }
        return (url(host: host, port: port, id: parts, spaceAsPlus: true), captured, rule)
    }

    private static func waybackpack(_ parts: [Substring]) -> (String?, CivilTime?, Rule) {
        guard parts.count >= 3, parts[0].count == 14, let captured = CivilTime(stamp: parts[0]),
            let (host, port) = HostName.hostAndPort(parts[1])
        else { return (nil, nil, .noHost) }
        return (url(host: host, port: port, id: parts.dropFirst(2)), captured, .waybackpack)
    }

    /// `name__q<12 hex>[.ext]`, the downloader fork's stand-in for a query.
    private static func isHashedQuery(_ name: Substring) -> Bool {
        guard let marker = name.firstRange(of: "__q") else { return false }
        let hex = name[marker.upperBound...].prefix(12)
        return hex.count == 12 && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// `http://host/<id>` from path segments that may hold the query; a last `index.html`
    /// is the directory (`a/index.html` → `a/`, `?p=12/index.html` → `?p=12`).
    private static func url(
        host: Substring, port: Substring?, id segments: ArraySlice<Substring>, spaceAsPlus: Bool = false
    )
        -> String
    {
        var id = segments.joined(separator: "/")
        if segments.last == "index.html" {
            id.removeLast(10)
            if id.contains("?"), id.hasSuffix("/") { id.removeLast() }
        }
        let path = id.prefix { $0 != "?" }
        let query = id.count > path.count ? id.dropFirst(path.count + 1) : nil
        return url(
            scheme: "http", host: host, port: port, path: String(path),
            query: query.map { String(spaceAsPlus ? $0.replacing(" ", with: "+") : $0) })
    }

    private static func url(scheme: String, host: Substring, port: Substring?, path: String, query: String?) -> String {
        let authority = host.lowercased() + (port.map { ":\($0)" } ?? "")
        let tail = query.map { "?" + PercentEncoding.normalised($0) } ?? ""
        return "\(scheme)://\(authority)/\(PercentEncoding.normalised(path))\(tail)"
    }
}
