/// Token scores of dragnet pages, with per-platform and overall totals (EVALUATION.md §2).
///
/// A page *has comments* when its gold comment block holds at least one token. Over
/// those pages the report gives the mean of the per-page token precision, recall and F1
/// (macro average, so every page weighs the same whatever its length; see
/// ``TokenOverlap`` for the empty cases). Over the pages without comments it gives the
/// false-positive rate: the share of them from which at least one comment token was
/// extracted.
public struct DragnetReport: Sendable {
    /// One scored page.
    public struct Entry: Sendable, Equatable {
        /// The page id.
        public var name: String
        /// The platform threadminer's extraction gave the page (`none` when no profile
        /// matched), used for grouping.
        public var platform: String
        public var overlap: TokenOverlap

        public init(name: String, platform: String, overlap: TokenOverlap) {
            self.name = name
            self.platform = platform
            self.overlap = overlap
        }

        /// Scores `extracted`, the page's extracted comment text, against its gold block.
        public init(page: DragnetPage, platform: String, extracted: String) {
            self.init(
                name: page.id, platform: platform,
                overlap: TokenOverlap(extracted: extracted, gold: page.comments ?? ""))
        }

        /// The gold comment block holds at least one token.
        public var hasComments: Bool { overlap.gold > 0 }
        /// A page without comments from which comment tokens were extracted.
        public var isFalsePositive: Bool { !hasComments && overlap.extracted > 0 }
    }

    /// Scores summed over several pages.
    public struct Totals: Sendable, Equatable {
        public var pages = 0
        public var withComments = 0
        /// Token counts summed over all pages.
        public var goldTokens = 0
        public var extractedTokens = 0
        public var commonTokens = 0
        /// Sums of the per-page rates over the pages with comments.
        public var precisionSum = 0.0
        public var recallSum = 0.0
        public var f1Sum = 0.0
        public var withoutComments = 0
        public var falsePositives = 0

        /// Sums the given entries.
        public init(_ entries: some Sequence<Entry>) {
            for e in entries {
                pages += 1
                goldTokens += e.overlap.gold
                extractedTokens += e.overlap.extracted
                commonTokens += e.overlap.common
                if e.hasComments {
                    withComments += 1
                    precisionSum += e.overlap.precision
                    recallSum += e.overlap.recall
                    f1Sum += e.overlap.f1
                } else {
                    withoutComments += 1
                    if e.isFalsePositive { falsePositives += 1 }
                }
            }
        }

        /// Mean token precision over the pages with comments; `nil` when there are none.
        public var meanPrecision: Double? { mean(precisionSum) }
        /// Mean token recall over the pages with comments; `nil` when there are none.
        public var meanRecall: Double? { mean(recallSum) }
        /// Mean token F1 over the pages with comments; `nil` when there are none.
        public var meanF1: Double? { mean(f1Sum) }
        /// False positives / pages without comments; `nil` when there are none.
        public var falsePositiveRate: Double? {
            withoutComments == 0 ? nil : Double(falsePositives) / Double(withoutComments)
        }

        private func mean(_ sum: Double) -> Double? { withComments == 0 ? nil : sum / Double(withComments) }
    }

    /// The pages, in the order given.
    public var entries: [Entry]

    public init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// Totals over all pages.
    public var total: Totals { Totals(entries) }

    /// Totals per platform, sorted by platform name.
    public var platforms: [(platform: String, totals: Totals)] {
        Dictionary(grouping: entries, by: \.platform).sorted { $0.key < $1.key }.map { ($0.key, Totals($0.value)) }
    }

    /// The scores as a table: one row per page, one per platform, then the total.
    ///
    /// Columns: `with-comments` and `without-comments` count pages; the token columns
    /// are sums; `precision`, `recall` and `f1` are means over the pages with comments;
    /// `false-pos` counts pages without comments where comment tokens were extracted,
    /// and `fp-rate` is their share.
    public func table() -> ResultTable {
        let columns = [
            "page", "platform", "with-comments", "gold-tokens", "found-tokens", "common-tokens", "precision", "recall",
            "f1", "without-comments", "false-pos", "fp-rate",
        ]
        func cells(_ name: String, _ platform: String, _ t: Totals) -> [ResultTable.Cell] {
            [.text(name), .text(platform)]
                + [t.withComments, t.goldTokens, t.extractedTokens, t.commonTokens].map {
                    .count($0)
                } + [.rate(t.meanPrecision), .rate(t.meanRecall), .rate(t.meanF1)]
                + [.count(t.withoutComments), .count(t.falsePositives), .rate(t.falsePositiveRate)]
        }
        let pageRows = entries.map { ResultTable.Row(.page, cells($0.name, $0.platform, Totals([$0]))) }
        let platformRows = platforms.map { ResultTable.Row(.platform, cells(pageCount($0.totals.pages), $0.0, $0.1)) }
        let totalRow = ResultTable.Row(.total, cells("TOTAL \(pageCount(total.pages))", "all", total))
        return ResultTable(columns: columns, rows: pageRows + platformRows + [totalRow])
    }
}
