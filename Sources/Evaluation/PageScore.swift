public import ThreadModel

/// A count of correct cases out of scored cases.
public struct Tally: Sendable, Equatable {
    public var correct: Int
    public var total: Int

    public init(correct: Int = 0, total: Int = 0) {
        self.correct = correct
        self.total = total
    }

    /// `correct / total`, `nil` when nothing was scored.
    public var rate: Double? { total == 0 ? nil : Double(correct) / Double(total) }

    /// Counts one case.
    public mutating func add(_ isCorrect: Bool) {
        total += 1
        if isCorrect { correct += 1 }
    }

    public static func + (a: Tally, b: Tally) -> Tally {
        Tally(correct: a.correct + b.correct, total: a.total + b.total)
    }
}

/// Field accuracy over matched comments, and removed-comment recall.
public struct FieldAccuracy: Sendable, Equatable {
    /// Author names equal after whitespace collapse and trim (case-sensitive; empty = none).
    public var author = Tally()
    /// Both absent, or equal after trimming trailing `/` and treating `https://` as `http://`.
    public var authorURL = Tally()
    /// Scored only where gold has `published`: the extracted value starts with the gold value.
    public var published = Tally()
    public var status = Tally()
    public var isPostAuthor = Tally()
    /// Both top level, or the extracted parent is the extracted comment matched to the gold parent.
    public var parent = Tally()
    /// Over all gold comments whose status is not `visible`: matched with the same status.
    public var removed = Tally()

    public init() {}

    public static func + (a: FieldAccuracy, b: FieldAccuracy) -> FieldAccuracy {
        var sum = FieldAccuracy()
        sum.author = a.author + b.author
        sum.authorURL = a.authorURL + b.authorURL
        sum.published = a.published + b.published
        sum.status = a.status + b.status
        sum.isPostAuthor = a.isPostAuthor + b.isPostAuthor
        sum.parent = a.parent + b.parent
        sum.removed = a.removed + b.removed
        return sum
    }
}

/// How well one page's extracted thread matches its gold annotation (EVALUATION.md §1).
public struct PageScore: Sendable, Equatable {
    public var goldCount: Int
    public var extractedCount: Int
    /// Gold comments paired with an extracted comment by ``align(extracted:gold:)``.
    public var matched: Int
    public var fields: FieldAccuracy
    public var pingbacksFound: Int
    public var pingbacksGold: Int
    /// The page's claimed comment count was read right (both absent or equal).
    public var commentCountShownCorrect: Bool

    /// `matched / goldCount`; 1 when gold has no comments.
    public var recall: Double { Self.recall(matched: matched, gold: goldCount) }
    /// `matched / extractedCount`; 1 when nothing was extracted (no false positives).
    public var precision: Double { Self.precision(matched: matched, extracted: extractedCount) }
    /// The number of extracted comments equals the number of gold comments.
    public var exactCount: Bool { extractedCount == goldCount }

    /// Scores one extracted thread against its gold page.
    ///
    /// Comments are paired by ``align(extracted:gold:)``; fields are compared on the pairs
    /// as ``FieldAccuracy`` documents.
    public static func score(extracted: ThreadRecord, gold: GoldPage) -> PageScore {
        let pairs = align(extracted: extracted.comments, gold: gold.comments)
        let partner = Dictionary(uniqueKeysWithValues: pairs.map { ($0.gold, extracted.comments[$0.extracted]) })
        let goldIndex = Dictionary(gold.comments.enumerated().map { ($1.n, $0) }) { first, _ in first }
        var fields = FieldAccuracy()
        for (i, j) in pairs {
            let g = gold.comments[i]
            let e = extracted.comments[j]
            fields.author.add(collapsed(g.author) == collapsed(e.author))
            fields.authorURL.add(urlKey(g.authorURL) == urlKey(e.authorURL))
            if let published = g.published {
                fields.published.add(e.published?.hasPrefix(published) ?? false)
            }
            fields.status.add(g.status == e.status)
            fields.isPostAuthor.add(g.isPostAuthor == e.isPostAuthor)
            if let parent = g.parent {
                let expected = goldIndex[parent].flatMap { partner[$0]?.id }
                fields.parent.add(expected != nil && expected == e.parent)
            } else {
                fields.parent.add(e.parent == nil)
            }
        }
        for (i, g) in gold.comments.enumerated() where g.status != .visible {
            fields.removed.add(partner[i]?.status == g.status)
        }
        return PageScore(
            goldCount: gold.comments.count, extractedCount: extracted.comments.count, matched: pairs.count,
            fields: fields, pingbacksFound: extracted.pingbacks.count, pingbacksGold: gold.pingbacks,
            commentCountShownCorrect: extracted.post.commentCountShown == gold.commentCountShown)
    }

    static func recall(matched: Int, gold: Int) -> Double {
        gold == 0 ? 1 : Double(matched) / Double(gold)
    }

    static func precision(matched: Int, extracted: Int) -> Double {
        extracted == 0 ? 1 : Double(matched) / Double(extracted)
    }

    /// Whitespace runs collapsed to one space, trimmed; empty becomes `nil`.
    private static func collapsed(_ text: String?) -> String? {
        let words = text?.split(whereSeparator: \.isWhitespace) ?? []
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// A URL trimmed, with `https://` read as `http://` and trailing slashes dropped.
    private static func urlKey(_ url: String?) -> String? {
        guard var key = collapsed(url) else { return nil }
        let lower = key.lowercased()
        if lower.hasPrefix("https://") {
            key = "http://" + key.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            key = "http://" + key.dropFirst(7)
        }
        while key.hasSuffix("/") { key.removeLast() }
        return key.isEmpty ? nil : key
    }
}
