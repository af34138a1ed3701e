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

    /// A fixed-width plain-text table: one row per page, one per platform, then `TOTAL`.
    ///
    /// Rates print with three decimals; a field with nothing to score prints `–`.
    /// `exact` and `count-shown` are yes/no for a page and rates for a group;
    /// `pingbacks` is found/gold. The output depends only on the entries.
    public func renderTable() -> String {
        let header = [
            "page", "platform", "gold", "found", "matched", "recall", "precision", "exact", "author",
            "author_url", "published", "status", "post-author", "parent", "removed", "count-shown",
            "pingbacks",
        ]
        func cells(_ f: FieldAccuracy) -> [String] {
            [f.author, f.authorURL, f.published, f.status, f.isPostAuthor, f.parent, f.removed].map { rate($0.rate) }
        }
        func row(_ name: String, _ platform: String, _ t: ScoreTotals, exact: String, shown: String) -> [String] {
            let counts = [t.goldCount, t.extractedCount, t.matched].map(String.init)
            let rates = [rate(t.recall), rate(t.precision), exact] + cells(t.fields)
            return [name, platform] + counts + rates + [shown, "\(t.pingbacksFound)/\(t.pingbacksGold)"]
        }
        func yesNo(_ b: Bool) -> String { b ? "yes" : "no" }

        let pageRows = entries.map { e in
            row(
                e.name, e.platform, ScoreTotals([e.score]), exact: yesNo(e.score.exactCount),
                shown: yesNo(e.score.commentCountShownCorrect))
        }
        func groupRow(_ name: String, _ platform: String, _ t: ScoreTotals) -> [String] {
            row(name, platform, t, exact: rate(t.exactCount.rate), shown: rate(t.commentCountShown.rate))
        }
        func pages(_ t: ScoreTotals) -> String { t.pages == 1 ? "(1 page)" : "(\(t.pages) pages)" }
        let platformRows = platforms.map { groupRow(pages($0.totals), $0.platform, $0.totals) }
        let totalRow = groupRow("TOTAL \(pages(total))", "all", total)

        let sections = [[header], pageRows, platformRows, [totalRow]].filter { !$0.isEmpty }
        let widths = header.indices.map { c in sections.joined().map { $0[c].count }.max() ?? 0 }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        // Text columns (page, platform) align left, numbers right.
        func line(_ cells: [String]) -> String {
            cells.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - cells[c].count)
                return c < 2 ? cells[c] + pad : pad + cells[c]
            }.joined(separator: "  ")
        }
        return sections.map { $0.map(line).joined(separator: "\n") }.joined(separator: "\n\(rule)\n") + "\n"
    }

    /// Three decimals, or `–` for no value; independent of locale.
    private func rate(_ value: Double?) -> String {
        guard let value else { return "–" }
        let milli = Int((value * 1000).rounded())
        let fraction = String(milli % 1000)
        return "\(milli / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
