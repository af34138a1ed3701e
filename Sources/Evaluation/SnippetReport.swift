/// Snippet scores of trafilatura's evaluation pages, with per-platform and overall totals
/// (EVALUATION.md §3).
///
/// Over the pages with snippets it gives the share of snippets found (micro average: Σ
/// found / Σ snippets); over the pages whose gold list is empty, the share from which
/// no comment text was extracted.
public struct SnippetReport: Sendable {
    /// One scored page.
    public struct Entry: Sendable, Equatable {
        /// The page's file name.
        public var name: String
        /// The platform threadminer's extraction gave the page (`none` when no profile
        /// matched), used for grouping.
        public var platform: String
        public var score: SnippetScore

        public init(name: String, platform: String, score: SnippetScore) {
            self.name = name
            self.platform = platform
            self.score = score
        }

        /// Scores `extracted`, the page's extracted comment text, against its snippets.
        public init(page: SnippetPage, platform: String, extracted: String) {
            let name = page.source.split(separator: "/").last.map(String.init) ?? page.source
            self.init(
                name: name, platform: platform, score: SnippetScore(snippets: page.snippets, extracted: extracted))
        }
    }

    /// Scores summed over several pages.
    public struct Totals: Sendable, Equatable {
        public var pages = 0
        public var snippets = 0
        public var found = 0
        /// Pages whose gold list is empty.
        public var expectingNone = 0
        /// Of those, the pages from which no comment text was extracted.
        public var clean = 0

        /// Sums the given scores.
        public init(_ scores: some Sequence<SnippetScore>) {
            for s in scores {
                pages += 1
                snippets += s.snippets
                found += s.found
                if s.expectsNone { expectingNone += 1 }
                if s.isClean { clean += 1 }
            }
        }

        /// Σ found / Σ snippets; `nil` when there are no snippets.
        public var foundRate: Double? { snippets == 0 ? nil : Double(found) / Double(snippets) }
        /// Clean pages / pages expecting no comments; `nil` when there are none.
        public var cleanRate: Double? { expectingNone == 0 ? nil : Double(clean) / Double(expectingNone) }
    }

    /// The pages, in the order given.
    public var entries: [Entry]

    public init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// Totals over all pages.
    public var total: Totals { Totals(entries.map(\.score)) }

    /// Totals per platform, sorted by platform name.
    public var platforms: [(platform: String, totals: Totals)] {
        Dictionary(grouping: entries, by: \.platform).sorted { $0.key < $1.key }
            .map { ($0.key, Totals($0.value.map(\.score))) }
    }

    /// The scores as a table: one row per page, one per platform, then the total.
    ///
    /// Columns: `snippets` and `found` are counts and `found-rate` their ratio;
    /// `no-comments` counts pages whose gold list is empty, `clean` those of them from
    /// which nothing was extracted, and `clean-rate` their ratio.
    public func table() -> ResultTable {
        let columns = ["page", "platform", "snippets", "found", "found-rate", "no-comments", "clean", "clean-rate"]
        func cells(_ name: String, _ platform: String, _ t: Totals) -> [ResultTable.Cell] {
            [.text(name), .text(platform), .count(t.snippets), .count(t.found), .rate(t.foundRate)]
                + [.count(t.expectingNone), .count(t.clean), .rate(t.cleanRate)]
        }
        let pageRows = entries.map { ResultTable.Row(.page, cells($0.name, $0.platform, Totals([$0.score]))) }
        let platformRows = platforms.map { ResultTable.Row(.platform, cells(pageCount($0.totals.pages), $0.0, $0.1)) }
        let totalRow = ResultTable.Row(.total, cells("TOTAL \(pageCount(total.pages))", "all", total))
        return ResultTable(columns: columns, rows: pageRows + platformRows + [totalRow])
    }
}
