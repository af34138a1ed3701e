public import ThreadModel

/// Page scores summed over several pages (micro-averaged).
public struct ScoreTotals: Sendable, Equatable {
    public var goldCount = 0
    public var extractedCount = 0
    public var matched = 0
    /// Field tallies summed over pages: rates are Σ correct / Σ total.
    public var fields = FieldAccuracy()
    /// Pages whose comment count is exactly right, out of all pages.
    public var exactCount = Tally()
    /// Pages whose claimed comment count was read right, out of all pages.
    public var commentCountShown = Tally()
    public var pingbacksFound = 0
    public var pingbacksGold = 0

    /// Sums the given page scores.
    public init(_ scores: some Sequence<PageScore>) {
        for s in scores {
            goldCount += s.goldCount
            extractedCount += s.extractedCount
            matched += s.matched
            fields = fields + s.fields
            exactCount.add(s.exactCount)
            commentCountShown.add(s.commentCountShownCorrect)
            pingbacksFound += s.pingbacksFound
            pingbacksGold += s.pingbacksGold
        }
    }

    /// The number of pages summed.
    public var pages: Int { exactCount.total }
    /// Σ matched / Σ gold; 1 when gold has no comments.
    public var recall: Double { PageScore.recall(matched: matched, gold: goldCount) }
    /// Σ matched / Σ extracted; 1 when nothing was extracted.
    public var precision: Double { PageScore.precision(matched: matched, extracted: extractedCount) }
}

/// Scores of a set of gold pages, with per-platform and overall totals.
public struct EvaluationReport: Sendable {
    /// One scored page.
    public struct Entry: Sendable, Equatable {
        public var name: String
        /// The gold page's platform, used for grouping.
        public var platform: String
        public var score: PageScore

        public init(name: String, platform: String, score: PageScore) {
            self.name = name
            self.platform = platform
            self.score = score
        }

        /// Scores `extracted` against `gold`, grouped under the gold page's platform.
        public init(name: String, extracted: ThreadRecord, gold: GoldPage) {
            self.init(name: name, platform: gold.platform, score: .score(extracted: extracted, gold: gold))
        }
    }

    /// The pages, in the order given.
    public var entries: [Entry]

    public init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// Totals over all pages.
    public var total: ScoreTotals { ScoreTotals(entries.map(\.score)) }

    /// Totals per gold platform, sorted by platform name.
    public var platforms: [(platform: String, totals: ScoreTotals)] {
        Dictionary(grouping: entries, by: \.platform).sorted { $0.key < $1.key }
            .map { ($0.key, ScoreTotals($0.value.map(\.score))) }
    }

    /// The scores as a table: one row per page, one per platform, then the total.
    ///
    /// `exact` and `count-shown` are yes/no for a page and rates for a group; `pingbacks`
    /// is found/gold. The table depends only on the entries.
    public func table() -> ResultTable {
        let columns = [
            "page", "platform", "gold", "found", "matched", "recall", "precision", "exact", "author",
            "author_url", "published", "status", "post-author", "parent", "removed", "count-shown",
            "pingbacks",
        ]
        typealias Cell = ResultTable.Cell
        func row(_ name: String, _ platform: String, _ t: ScoreTotals, exact: Cell, shown: Cell) -> [Cell] {
            let f = t.fields
            let fields = [f.author, f.authorURL, f.published, f.status, f.isPostAuthor, f.parent, f.removed]
            return [.text(name), .text(platform), .count(t.goldCount), .count(t.extractedCount), .count(t.matched)]
                + [.rate(t.recall), .rate(t.precision), exact] + fields.map { .rate($0.rate) }
                + [shown, .text("\(t.pingbacksFound)/\(t.pingbacksGold)")]
        }
        func yesNo(_ b: Bool) -> Cell { .text(b ? "yes" : "no") }
        func groupRow(_ scope: ResultTable.Scope, _ name: String, _ platform: String, _ t: ScoreTotals)
            -> ResultTable.Row
        {
            ResultTable.Row(
                scope,
                row(name, platform, t, exact: .rate(t.exactCount.rate), shown: .rate(t.commentCountShown.rate)))
        }
        let pageRows = entries.map { e in
            ResultTable.Row(
                .page,
                row(
                    e.name, e.platform, ScoreTotals([e.score]), exact: yesNo(e.score.exactCount),
                    shown: yesNo(e.score.commentCountShownCorrect)))
        }
        let platformRows = platforms.map { groupRow(.platform, pageCount($0.totals.pages), $0.platform, $0.totals) }
        let totalRow = groupRow(.total, "TOTAL \(pageCount(total.pages))", "all", total)
        return ResultTable(columns: columns, rows: pageRows + platformRows + [totalRow])
    }

    /// ``table()`` as fixed-width text (see ``ResultTable/renderText(pages:)``).
    public func renderTable() -> String {
        table().renderText()
    }
}

/// `(1 page)`, `(n pages)`: the label of a group row.
func pageCount(_ pages: Int) -> String {
    pages == 1 ? "(1 page)" : "(\(pages) pages)"
}
