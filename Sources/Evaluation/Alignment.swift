import Foundation
public import ThreadModel

extension PageScore {
    /// Pairs gold comments with extracted comments in document order.
    ///
    /// A gold comment and an extracted comment agree when their text starts agree
    /// (see ``textStartsAgree(gold:extracted:)``). The result is a maximum
    /// order-preserving matching (longest common subsequence under that predicate), so
    /// repeated identical texts such as removal placeholders pair up in order. Among
    /// maximum matchings the earliest pairs are preferred.
    ///
    /// - Returns: Index pairs into `gold` and `extracted`, both strictly increasing.
    /// - Complexity: O(*g* × *e*) time and memory.
    public static func align(
        extracted: [CommentRecord], gold: [GoldPage.Comment]
    ) -> [(gold: Int, extracted: Int)] {
        let goldKeys = gold.map { matchKey($0.textStart) }
        let extractedKeys = extracted.map { matchKey($0.text) }
        let agree = goldKeys.map { g in extractedKeys.map { startsAgree(gold: g, extracted: $0) } }
        // best[i][j]: size of a maximum matching of gold[i...] with extracted[j...].
        // Pairing i with j whenever they agree is always optimal, so this is the LCS recurrence.
        var best = Array(repeating: Array(repeating: 0, count: extracted.count + 1), count: gold.count + 1)
        for i in gold.indices.reversed() {
            for j in extracted.indices.reversed() {
                best[i][j] = agree[i][j] ? best[i + 1][j + 1] + 1 : max(best[i + 1][j], best[i][j + 1])
            }
        }
        var pairs: [(gold: Int, extracted: Int)] = []
        var (i, j) = (0, 0)
        while i < gold.count, j < extracted.count {
            if agree[i][j] {
                pairs.append((i, j))
                (i, j) = (i + 1, j + 1)
            } else if best[i + 1][j] >= best[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }

    /// Whether a gold `text_start` and an extracted comment text agree.
    ///
    /// Both are reduced by ``matchKey(_:)``. With *n* the length of the shorter key, they
    /// agree when their first *n* characters are equal and *n* ≥ min(gold length, 40):
    /// an extracted text may be longer than the gold start (the usual case) or shorter
    /// than it, but must then still cover 40 characters or the whole gold start.
    /// An empty key agrees only with an empty key.
    public static func textStartsAgree(gold textStart: String, extracted text: String) -> Bool {
        startsAgree(gold: matchKey(textStart), extracted: matchKey(text))
    }

    static func startsAgree(gold: [Character], extracted: [Character]) -> Bool {
        if gold.isEmpty || extracted.isEmpty { return gold.isEmpty && extracted.isEmpty }
        let n = min(gold.count, extracted.count)
        return n >= min(gold.count, 40) && gold.prefix(n) == extracted.prefix(n)
    }

    /// The comparable form of a text: ``normalise(_:)``, then leading characters that are
    /// neither letters nor digits dropped (so `"“Quoted` and `Quoted` agree), unless that
    /// would leave nothing (so `:-)` stays `:-)`).
    static func matchKey(_ text: String) -> [Character] {
        let normal = Array(normalise(text))
        let start = normal.firstIndex { $0.isLetter || $0.isNumber } ?? 0
        return Array(normal[start...])
    }

    /// Unicode NFKC, lower case, curly quotes and apostrophes (U+2018–U+201F) made
    /// straight, every whitespace run one space, trimmed.
    static func normalise(_ text: String) -> String {
        var out = ""
        var space = false
        for c in text.precomposedStringWithCompatibilityMapping.lowercased() {
            if c.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" ") }
            space = false
            switch c {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}": out.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}": out.append("\"")
            default: out.append(c)
            }
        }
        return out
    }
}
