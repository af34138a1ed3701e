public import Foundation

/// The kind of blog export a file is, told from its first bytes.
public enum ExportFormat: Sendable, Equatable {
    /// Blogger "Back up content" Atom whose entries are typed by 2008 `kind#` categories.
    case bloggerLegacy
    /// Blogger Atom of the 2018 schema (`xmlns:blogger="http://schemas.google.com/blogger/2018"`):
    /// current backups and Google Takeout.
    case blogger2018
    /// WordPress eXtended RSS; `version` is the `wp` namespace's (`1.0`, `1.1`, `1.2`).
    case wordpress(version: String)

    /// How many leading bytes ``detect(_:)`` reads.
    public static let headLength = 8192

    /// The record's `platform` value: `blogger` or `wordpress`.
    public var platform: String {
        switch self {
        case .bloggerLegacy, .blogger2018: return "blogger"
        case .wordpress: return "wordpress"
        }
    }

    /// The format of the file starting with `bytes` (only the first ``headLength``
    /// bytes are read), `nil` when it is not a Blogger or WordPress export.
    public static func detect(_ bytes: Data) -> ExportFormat? {
        let head = String(decoding: bytes.prefix(headLength), as: UTF8.self)
        if head.contains("<feed") {
            if head.contains("schemas.google.com/blogger/2018") { return .blogger2018 }
            if head.contains("schemas.google.com/blogger/2008/kind#")
                || (head.contains("<id>tag:blogger.com,1999:blog-") && head.contains(".archive</id>"))
            {
                return .bloggerLegacy
            }
        }
        if head.contains("<rss"), let version = wordpressVersion(in: head) { return .wordpress(version: version) }
        return nil
    }

    /// The `N.N` of `xmlns:wp="http://wordpress.org/export/N.N/"`, either quote style.
    private static func wordpressVersion(in head: String) -> String? {
        for quote in ["\"", "'"] {
            let prefix = "xmlns:wp=\(quote)http://wordpress.org/export/"
            guard let start = head.firstRange(of: prefix) else { continue }
            let rest = head[start.upperBound...]
            let version = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            let parts = version.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty }),
                rest.dropFirst(version.count).hasPrefix("/\(quote)")
            else { continue }
            return String(version)
        }
        return nil
    }

    /// The `wp` namespace URI of a WordPress export of `version`.
    static func wordpressNamespace(version: String) -> String { "http://wordpress.org/export/\(version)/" }
}
