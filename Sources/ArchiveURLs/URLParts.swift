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
        let cleaned = Self.cleaned(text)
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let scheme = cleaned[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var rest = cleaned[cleaned.index(after: colon)...]
        let slashes = rest.prefix { $0 == "/" || $0 == "\\" }
        guard !slashes.isEmpty else { return nil }
        rest = rest.dropFirst(slashes.count)
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "\\" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        var tail = rest[authorityEnd...]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }

        var host = authority
        var portText: Substring = ""
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { return nil }
            portText = after.dropFirst()
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard HostName.isValid(host) else { return nil }
        if portText.isEmpty {
            port = nil
        } else {
            guard portText.count <= 5, portText.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(portText),
                number <= 65_535
            else { return nil }
            port = number
        }

        if let hash = tail.firstIndex(of: "#") {
            fragment = tail[tail.index(after: hash)...]
            tail = tail[..<hash]
        } else {
            fragment = nil
        }
        if let mark = tail.firstIndex(of: "?") {
            query = tail[tail.index(after: mark)...]
            tail = tail[..<mark]
        } else {
            query = nil
        }
        self.scheme = scheme
        self.host = host
        self.path = tail.contains("\\") ? Substring(String(tail.map { $0 == "\\" ? "/" : $0 })) : tail
    }

    /// `text` without tabs and line breaks, and without spaces and controls at either end.
    static func cleaned(_ text: String) -> Substring {
        let scalars = text.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        var cleaned = String(String.UnicodeScalarView(scalars))[...]
        while let first = cleaned.unicodeScalars.first, first.value <= 0x20 { cleaned.removeFirst() }
        while let last = cleaned.unicodeScalars.last, last.value <= 0x20 { cleaned.removeLast() }
        return cleaned
    }

    /// 80 for `http`, 443 for `https`.
    var defaultPort: Int { scheme == "https" ? 443 : 80 }
}
