/// Why a page could not be parsed. Descriptions are short lower-case fragments
/// that callers prefix with the file and offset.
public enum MarkupError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case binary(offset: Int)
    case tooLarge(bytes: Int, limit: Int)
    case unparseable
    case invalidXPath(String)

    /// A short category for counting (the description carries the details).
    public var kind: String {
        switch self {
        case .empty: return "empty file"
        case .binary: return "binary content"
        case .tooLarge: return "page over the size limit"
        case .unparseable: return "not parseable"
        case .invalidXPath: return "invalid XPath"
        }
    }

    public var description: String {
        switch self {
        case .empty: return "empty file"
        case .binary(let offset):
            return "binary content, not HTML (NUL byte at offset \(offset))"
        case .tooLarge(let bytes, let limit):
            let mb = { (n: Int) in String(Double(n * 10 / 1_048_576) / 10) }
            return "page is \(mb(bytes)) MB, over the \(mb(limit)) MB limit (raise it with --max-page-mb)"
        case .unparseable: return "libxml2 returned no document"
        case .invalidXPath(let expr): return "invalid XPath expression: \(expr)"
        }
    }
}
