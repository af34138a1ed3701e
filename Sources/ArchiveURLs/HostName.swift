/// Host names: validity, the folding that makes one blog one host, and whether a folder
/// or path segment names a host.
enum HostName {
    /// Lower-cased, trailing dots removed, a leading `www.` removed (when a dot remains),
    /// and a Blogger country domain (`name.blogspot.de`, `name.blogspot.co.uk`) read as
    /// `name.blogspot.com`. IDNA is not applied: `bücher.de` and `xn--bcher-kva.de` stay apart.
    static func fold(_ host: some StringProtocol) -> String {
        var folded = host.lowercased()
        while folded.hasSuffix("."), folded.count > 1 { folded.removeLast() }
        if folded.hasPrefix("www."), folded.dropFirst(4).contains(".") { folded.removeFirst(4) }
        var labels = folded.split(separator: ".", omittingEmptySubsequences: false)
        if let blogspot = labels.lastIndex(of: "blogspot"), blogspot > 0 {
            let country = labels[(blogspot + 1)...]
            let isCountry = { (label: Substring) in label.count == 2 && label.allSatisfy(\.isLetter) }
            let countryDomain =
                (country.count == 1 && isCountry(country[blogspot + 1]))
                || (country.count == 2 && ["co", "com"].contains(country[blogspot + 1])
                    && isCountry(country[blogspot + 2]))
            if countryDomain {
                labels.replaceSubrange((blogspot + 1)..., with: ["com"])
                folded = labels.joined(separator: ".")
            }
        }
        return folded
    }

    /// A registered-name host (letters of any script, digits, `-`, `_`, dot-separated
    /// non-empty labels, one trailing dot allowed) or a bracketed IPv6 literal.
    static func isValid(_ host: some StringProtocol) -> Bool {
        if let ascii = isValidASCII(host.utf8) { return ascii }
        if host.hasPrefix("[") {
            return host.count > 2 && host.hasSuffix("]")
                && host.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let body = host.hasSuffix(".") ? Substring(host.dropLast()) : Substring(host)
        let labels = body.split(separator: ".", omittingEmptySubsequences: false)
        return !body.isEmpty
            && labels.allSatisfy { label in
                !label.isEmpty && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            }
    }

    /// ``isValid(_:)`` on the bytes of an all-ASCII registered name; `nil` for anything
    /// else (non-ASCII, or an IPv6 literal), which takes the general path.
    private static func isValidASCII(_ bytes: some Collection<UInt8>) -> Bool? {
        guard let first = bytes.first, first != UInt8(ascii: "["), bytes.allSatisfy({ $0 < 0x80 }) else {
            return bytes.isEmpty ? false : nil
        }
        var label = 0
        var index = 0
        let last = bytes.count - 1
        for byte in bytes {
            defer { index += 1 }
            if byte == UInt8(ascii: ".") {
                // One trailing dot is allowed; an empty label anywhere else is not.
                guard label > 0 else { return false }
                if index == last { return true }
                label = 0
                continue
            }
            let valid =
                (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            guard valid else { return false }
            label += 1
        }
        return label > 0
    }

    /// Splits `host` or `host:port` (also wget's Windows-safe `host+port` when `plusPort`)
    /// when it looks like a real host name: `localhost`, an IPv4 address, a bracketed IPv6
    /// literal, or two or more labels ending in an alphabetic top-level label
    /// (`example.com`, `xn--p1ai`).
    static func hostAndPort(_ text: some StringProtocol, plusPort: Bool = false) -> (
        host: Substring, port: Substring?
    )? {
        let text = Substring(text)
        var host = text
        var port: Substring?
        if let separator = text.lastIndex(where: { $0 == ":" || (plusPort && $0 == "+") }), !text.hasSuffix("]"),
            !text.hasPrefix("[") || text[..<separator].hasSuffix("]")
        {
            host = text[..<separator]
            port = text[text.index(after: separator)...]
            guard let digits = port, (1...5).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
        }
        guard isValid(host) else { return nil }
        if host.hasPrefix("[") || host.lowercased() == "localhost" { return (host, port) }
        let labels = host.split(separator: ".")
        let isIPv4 =
            labels.count == 4 && labels.allSatisfy { $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard let top = labels.last, labels.count >= 2 else { return nil }
        let alphabeticTop = top.count >= 2 && (top.allSatisfy(\.isLetter) || top.lowercased().hasPrefix("xn--"))
        return isIPv4 || alphabeticTop ? (host, port) : nil
    }
}
