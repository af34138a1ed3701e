/// Bag-of-tokens overlap between extracted and gold text (EVALUATION.md §2, as in the
/// dragnet paper).
///
/// Tokens are the maximal runs of letters and digits (Unicode `Character.isLetter` or
/// `isNumber`), lower-cased; everything else separates tokens, so `don't` is `don` and
/// `t`. The overlap is the multiset intersection: a token counts as often as it occurs
/// in both texts, at most.
public struct TokenOverlap: Sendable, Equatable {
    /// Tokens in the gold text.
    public var gold: Int
    /// Tokens in the extracted text.
    public var extracted: Int
    /// Tokens in both, counted with multiplicity (Σ over tokens of the smaller count).
    public var common: Int

    public init(gold: Int, extracted: Int, common: Int) {
        self.gold = gold
        self.extracted = extracted
        self.common = common
    }

    /// The overlap of the tokens of `extracted` with those of `gold`.
    ///
    /// - Complexity: O(*n*) in the length of both texts.
    public init(extracted: String, gold: String) {
        let goldTokens = Self.tokens(gold)
        let extractedTokens = Self.tokens(extracted)
        var remaining: [String: Int] = [:]
        for token in goldTokens { remaining[token, default: 0] += 1 }
        var common = 0
        for token in extractedTokens {
            if let left = remaining[token], left > 0 {
                remaining[token] = left - 1
                common += 1
            }
        }
        self.init(gold: goldTokens.count, extracted: extractedTokens.count, common: common)
    }

    /// `common / extracted`; 0 when nothing was extracted.
    public var precision: Double { extracted == 0 ? 0 : Double(common) / Double(extracted) }
    /// `common / gold`; 0 when gold has no tokens.
    public var recall: Double { gold == 0 ? 0 : Double(common) / Double(gold) }
    /// The harmonic mean of precision and recall; 0 when both are 0.
    ///
    /// With these conventions an empty extraction on a page with comments scores
    /// precision, recall and F1 of 0 (as dragnet's own evaluation does).
    public var f1: Double {
        let (p, r) = (precision, recall)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// The lower-cased letter-and-digit runs of `text`, in order.
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for c in text {
            if c.isLetter || c.isNumber {
                current.append(c)
            } else if !current.isEmpty {
                tokens.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current.lowercased()) }
        return tokens
    }
}
