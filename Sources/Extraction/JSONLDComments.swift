import Foundation
import Markup

/// One comment read from schema.org JSON-LD.
struct JSONLDComment {
    /// Index of the comment it answers (nested `comment`) in the list.
    var parent: Int?
    var author: String?
    var authorURL: String?
    var published: String?
    var text: String
}

/// Comments a page publishes as schema.org JSON-LD (`<script type="application/ld+json">`):
/// the `comment` list of an article, blog posting or forum posting, replies nested
/// in each comment's own `comment`, and the item's `commentCount`.
struct JSONLDComments {
    var comments: [JSONLDComment] = []
    var commentCount: Int?

    /// Scripts larger than this are skipped unparsed.
    static let maxScriptBytes = 4 << 20
    /// Objects nested deeper than this are not visited.
    static let maxDepth = 48

    /// Reads every JSON-LD script `query` selects.
    init(_ document: HTMLDocument, query: XPathExpression) {
        for script in document.nodes(query) {
            let text = script.stringValue
            guard text.utf8.count <= Self.maxScriptBytes,
                let json = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            else { continue }
            visit(json, depth: 0)
        }
    }

    /// Finds the objects carrying a `comment` list: the first such object's list is read.
    private mutating func visit(_ value: Any, depth: Int) {
        guard depth < Self.maxDepth else { return }
        if let list = value as? [Any] {
            for element in list { visit(element, depth: depth + 1) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        if commentCount == nil, let count = Self.integer(object["commentCount"]) { commentCount = count }
        if let comments = object["comment"], !Self.isComment(object) {
            for comment in Self.list(comments) { read(comment, parent: nil, depth: depth + 1) }
            return
        }
        for (key, child) in object where key != "comment" { visit(child, depth: depth + 1) }
    }

    private mutating func read(_ value: Any, parent: Int?, depth: Int) {
        guard depth < Self.maxDepth, let object = value as? [String: Any] else { return }
        let text = Self.string(object["text"]) ?? Self.string(object["articleBody"]) ?? ""
        let author = Self.list(object["author"] ?? object["creator"] ?? NSNull()).first
        let name = (author as? String) ?? (author as? [String: Any]).flatMap { Self.string($0["name"]) }
        let url = (author as? [String: Any]).flatMap { Self.string($0["url"]) ?? Self.string($0["@id"]) }
        comments.append(
            JSONLDComment(
                parent: parent, author: name, authorURL: url.flatMap(ThreadExtractor.cleanURL),
                published: Self.string(object["dateCreated"]) ?? Self.string(object["datePublished"]),
                text: Self.plainText(text)))
        let index = comments.count - 1
        for reply in Self.list(object["comment"] ?? NSNull()) { read(reply, parent: index, depth: depth + 1) }
    }

    private static func isComment(_ object: [String: Any]) -> Bool {
        list(object["@type"] ?? NSNull()).contains { ($0 as? String).map { $0.hasSuffix("Comment") } ?? false }
    }

    private static func list(_ value: Any) -> [Any] {
        if value is NSNull { return [] }
        return value as? [Any] ?? [value]
    }

    private static func string(_ value: Any?) -> String? {
        guard let s = value as? String else { return nil }
        let trimmed = s.trimmingWhiteSpace()
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func integer(_ value: Any?) -> Int? {
        if let n = value as? Int { return n }
        if let s = value as? String { return Int(s.trimmingBlanks()) }
        return nil
    }

    private static let breakTag = try! NSRegularExpression(
        pattern: #"<\s*(?:br|/p|/div|/li)\b[^>]*>"#, options: .caseInsensitive)
    private static let anyTag = try! NSRegularExpression(pattern: #"<[^>]*>"#)

    /// Text as a reader sees it: markup some sites leave in `text` becomes line
    /// breaks or nothing, a few entities are decoded, lines are trimmed.
    static func plainText(_ raw: String) -> String {
        var s = raw
        if s.contains("<") {
            s = breakTag.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "\n")
            s = anyTag.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "")
        }
        if s.contains("&") {
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")]
            {
                s = s.replacingOccurrences(of: entity, with: character)
            }
        }
        return s.split(whereSeparator: \.isNewline)
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
