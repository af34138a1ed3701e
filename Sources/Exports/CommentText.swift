import Markup

/// Turns a comment body as an export stores it into the plain text a reader saw:
/// markup stripped to visible text, paragraph and line breaks kept as newlines,
/// whitespace runs collapsed, empty lines dropped.
///
/// Holds a compiled XPath expression: use one per thread.
struct CommentText {
    private let documentElement: XPathExpression

    init() throws(MarkupError) {
        documentElement = try XPathExpression("/*")
    }

    /// The visible text of an HTML fragment.
    /// - Parameter newlinesAreBreaks: WordPress shows a line break in a comment as a
    ///   break (`wpautop`), so newlines outside tags become `<br>` first.
    func fromHTML(_ html: String, newlinesAreBreaks: Bool) -> String {
        let bytes = newlinesAreBreaks ? Self.breakingLines(html) : Array(html.utf8)
        let document = try? bytes.withUnsafeBytes { try HTMLDocument(bytes: $0, declaredEncoding: "UTF-8") }
        guard let document, let root = document.nodes(documentElement).first else {
            return Self.fromPlainText(html)
        }
        return root.visibleText()
    }

    /// `text` with the HTML character references WordPress leaves in names and titles
    /// (`&raquo;`, `&#8217;`) decoded, on one line; text without `&` is returned as is.
    func decodingReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let escaped = text.split(separator: "<", omittingEmptySubsequences: false).joined(separator: "&lt;")
        let bytes = Array(escaped.utf8)
        let document = try? bytes.withUnsafeBytes { try HTMLDocument(bytes: $0, declaredEncoding: "UTF-8") }
        return document?.nodes(documentElement).first?.inlineText() ?? text
    }

    /// Plain text (Atom `type="text"`): lines trimmed, whitespace runs collapsed,
    /// empty lines dropped.
    static func fromPlainText(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline)
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// The UTF-8 of `html` with every line break (LF, CR or CRLF) outside a tag
    /// replaced by `<br>`.
    private static func breakingLines(_ html: String) -> [UInt8] {
        let lineBreak = Array("<br>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count + 64)
        var insideTag = false
        var previous: UInt8 = 0
        for byte in html.utf8 {
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "<"): insideTag = true
            case UInt8(ascii: ">"): insideTag = false
            case 10, 13:
                guard insideTag else {
                    if byte == 13 || previous != 13 { out.append(contentsOf: lineBreak) }
                    continue
                }
            default: break
            }
            out.append(byte)
        }
        return out
    }
}
