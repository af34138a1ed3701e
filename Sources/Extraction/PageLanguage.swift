import Foundation
import Markup

/// The page's language (`<html lang>`, `Content-Language`, `og:locale`) and the
/// day/month order it implies, read once and only when a numeric date needs it.
final class PageLanguage {
    private let document: HTMLDocument
    private let queries: [XPathExpression]
    private var cached: NumericDateOrder??

    /// - Parameter queries: attribute queries in order of trust; the first non-empty value wins.
    init(document: HTMLDocument, queries: [XPathExpression]) {
        self.document = document
        self.queries = queries
    }

    /// The language tag as the page declares it, e.g. `en-GB`.
    var tag: String? {
        for query in queries {
            for node in document.nodes(query) {
                let value = node.stringValue.trimmingWhiteSpace()
                if !value.isEmpty { return value }
            }
        }
        return nil
    }

    /// The order for numeric dates the page's language implies, if any.
    var numericOrder: NumericDateOrder? {
        if let cached { return cached }
        let order = DateParser.numericOrder(forLanguage: tag)
        cached = order
        return order
    }
}
