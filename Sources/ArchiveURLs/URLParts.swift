/// An absolute `http`/`https` URL split into its parts as written (WHATWG-tolerant:
/// surrounding spaces and controls trimmed, tabs and line breaks removed, `\` read as `/`,
/// one or more slashes after the scheme). User info is dropped.
struct URLParts {
    /// Lower-cased: `http` or `https`.
    let scheme: String
    /// As written (case kept, IPv6 with brackets).
    let host: Substring
    let port: Int?
    /// Starts with `/` or is empty.
    let path: Substring
    let query: Substring?
    let fragment: Substring?

    init?(_ text: String) {
        // Every delimiter is ASCII, so the parts are cut on UTF-8 bytes: a Character walk
        // cost a crawl more than its parsing when run for every link of every page.
        let b = Self.cleaned(text)
        guard let colon = b.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = String(decoding: b[..<colon].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        guard scheme == "http" || scheme == "https" else { return nil }
        func isSlash(_ c: UInt8) -> Bool { c == UInt8(ascii: "/") || c == UInt8(ascii: "\\") }
        var start = colon + 1
        while start < b.count, isSlash(b[start]) { start += 1 }
        guard start > colon + 1 else { return nil }
        let authorityEnd =
            b[start...].firstIndex { isSlash($0) || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? b.count
        var authority = b[start..<authorityEnd]
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }

        var host = authority
        var portBytes = b[authorityEnd..<authorityEnd]
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            host = authority[...close]
            let after = authority[(close + 1)...]
            guard after.isEmpty || after.first == UInt8(ascii: ":") else { return nil }
            portBytes = after.dropFirst()
        } else if let colon = authority.lastIndex(of: UInt8(ascii: ":")) {
            host = authority[..<colon]
            portBytes = authority[(colon + 1)...]
        }
        let hostText = Substring(String(decoding: host, as: UTF8.self))
        guard HostName.isValid(hostText) else { return nil }
        if portBytes.isEmpty {
            port = nil
        } else {
            guard portBytes.count <= 5, portBytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                let number = Int(String(decoding: portBytes, as: UTF8.self)), number <= 65_535
            else { return nil }
            port = number
        }

        var tail = b[authorityEnd...]
        if let hash = tail.firstIndex(of: UInt8(ascii: "#")) {
            fragment = Substring(String(decoding: tail[(hash + 1)...], as: UTF8.self))
            tail = tail[..<hash]
        } else {
            fragment = nil
        }
        if let mark = tail.firstIndex(of: UInt8(ascii: "?")) {
            query = Substring(String(decoding: tail[(mark + 1)...], as: UTF8.self))
            tail = tail[..<mark]
        } else {
            query = nil
        }
        self.scheme = scheme
        self.host = hostText
        self.path = Substring(
            String(decoding: tail.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self))
    }

    /// `text`'s UTF-8 without tabs and line breaks, and without spaces and controls at
    /// either end.
    static func cleaned(_ text: String) -> [UInt8] {
        var bytes = text.utf8.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        while let last = bytes.last, last <= 0x20 { bytes.removeLast() }
        let lead = bytes.prefix { $0 <= 0x20 }.count
        if lead > 0 { bytes.removeFirst(lead) }
        return bytes
    }

    /// 80 for `http`, 443 for `https`.
    var defaultPort: Int { scheme == "https" ? 443 : 80 }
}
