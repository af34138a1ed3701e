import ArgumentParser
import Crawl
import Evaluation
import Foundation
import ThreadModel

extension Threadminer {
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure extraction against the shared gold data (gold pages, dragnet, trafilatura snippets).",
            discussion: """
                Runs threadminer's extractor on the pages of each suite under --shared and \
                prints one table per suite (per page, per platform, total), then one summary \
                line per suite of key=value pairs (a rate with nothing to score is na):
                  extraction: pages failed seconds pages_per_s jobs
                  gold: pages recall precision exact author parent status published
                  dragnet: pages with_comments f1 precision recall fp_rate false_pos
                  snippets: pages found empty_clean

                gold (EVALUATION.md §1): the hand-annotated pages of gold/*.json, comments \
                aligned in document order; grouped by the annotated platform.

                dragnet (§2): the training split of corpus/dragnet. Tokens are lower-cased \
                runs of letters and digits; per page, bag-of-tokens precision, recall and F1 \
                of all extracted comment text against the hand-copied comment block, \
                averaged over the pages whose block has a token (an empty extraction there \
                scores 0); fp_rate is the share of the other pages with any comment token \
                extracted.

                snippets (§3): corpus/trafilatura/evaldata.json. found: snippets contained in \
                the extracted comment text (whitespace runs made one space, case-sensitive, \
                as trafilatura's evaluation compares); empty_clean: pages whose gold list is \
                empty and from which no comment text was extracted.

                Dragnet and snippet pages are grouped by the platform threadminer's \
                extraction gives them (none when no profile matched), also with \
                --extracted, so tables of two tools line up row by row. Page rows of these \
                two suites print with --pages; the CSV always has them.

                --extracted scores another tool's output instead of threadminer's: JSON \
                lines, each at least {"source": {"file": PATH}, "comments": [{"text": …}]}, \
                PATH relative to the corpus folder (dragnet/HTML/R76.html) or absolute; \
                records of `threadminer extract` qualify. A suite page missing from the file \
                counts as nothing extracted, and the number of such pages is reported. \
                scripts/eval-trafilatura uses this to put trafilatura next to threadminer.

                Example: threadminer evaluate --suite dragnet --csv dragnet.csv
                """)

        enum Suite: String, ExpressibleByArgument, CaseIterable {
            case gold, dragnet, snippets, all
        }

        @Option(help: ArgumentHelp("The shared data folder, holding corpus/ and gold/.", valueName: "dir"))
        var shared: String = "../shared"

        @Option(help: ArgumentHelp("The suite to run: gold, dragnet, snippets or all.", valueName: "suite"))
        var suite: Suite = .all

        @Option(
            help: ArgumentHelp(
                "Also write the tables as CSV (RFC 4180, every page row) to this file.",
                discussion:
                    "With several suites, one file each, named with -gold, -dragnet or -snippets before the extension (eval.csv: eval-gold.csv …).",
                valueName: "file"))
        var csv: String?

        @Option(
            help: ArgumentHelp(
                "Score this JSON-lines file of another tool's extraction instead of threadminer's.", valueName: "file"))
        var extracted: String?

        @Flag(help: "Print the page rows of the dragnet and snippet tables too.")
        var pages = false

        @Flag(
            help: ArgumentHelp(
                "Score comment text alone in the dragnet and snippet suites.",
                discussion:
                    "By default a comment counts as the block a reader sees, byline (author, date as shown) and text, as the annotators copied it."
            ))
        var textOnly = false

        @OptionGroup var options: ExtractionOptions

        func run() throws {
            let root = URL(fileURLWithPath: shared)
            let corpus = root.appendingPathComponent("corpus")
            guard FileManager.default.fileExists(atPath: corpus.path) else {
                throw InputError(
                    description:
                        "\(shared): no corpus/ folder here; pass --shared DIR, the shared data folder holding corpus/ and gold/"
                )
            }
            let data = try SuiteData(root: root, suites: suite == .all ? [.gold, .dragnet, .snippets] : [suite])
            let own = try extract(data.sources, corpus: corpus)
            var scoring = Scoring(own: own.records, pages: pages, textOnly: textOnly)
            if let extracted {
                do {
                    scoring.other = try ExtractedComments.load(jsonl: URL(fileURLWithPath: extracted), corpus: corpus)
                } catch {
                    throw InputError(description: "--extracted \(error)")
                }
                scoring.by = "comments from \(extracted)"
                for (name, sources) in data.sourcesBySuite {
                    let missing = sources.filter { scoring.other?[$0] == nil }.count
                    if missing > 0 {
                        Terminal.error(
                            "\(name): \(missing) of \(sources.count) pages not in \(extracted): scored as nothing extracted"
                        )
                    }
                }
            }
            let results = [
                data.gold.map(scoring.gold), data.dragnet.map(scoring.dragnet), data.snippets.map(scoring.snippets),
            ].compactMap { $0 }
            for result in results { print(result.text) }
            if let csv { try write(results, to: csv) }
            print(([own.summary] + results.map(\.summary)).joined(separator: "\n"))
        }

        /// Extracts every page once, in parallel, and times it.
        private func extract(_ sources: [String], corpus: URL) throws -> ExtractionRun {
            let reader = PageReader(
                profiles: try options.profiles(), maxPageBytes: options.maxPageBytes, jobs: options.jobs,
                digests: false)
            var run = ExtractionRun()
            var index = 0
            let clock = ContinuousClock()
            let start = clock.now
            try reader.run(files: sources.map { corpus.appendingPathComponent($0).path }) { batch in
                for outcome in batch {
                    if let diagnostic = outcome.diagnostic {
                        run.failed += 1
                        Terminal.error(diagnostic.description)
                    }
                    run.records[sources[index]] = outcome.extraction?.record
                    index += 1
                }
            }
            let elapsed = (clock.now - start).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            run.summary =
                "extraction: pages=\(sources.count) failed=\(run.failed) seconds=\(Self.fixed(seconds, 2)) "
                + "pages_per_s=\(Self.fixed(Double(sources.count) / max(seconds, 1e-9), 1)) jobs=\(options.jobs)"
            return run
        }

        /// Writes each suite's table as CSV: to `file` alone, or with several, to `file`
        /// with `-<suite>` before its extension.
        private func write(_ results: [SuiteResult], to file: String) throws {
            for result in results {
                var path = file
                if results.count > 1 {
                    let url = URL(fileURLWithPath: file)
                    let stem = url.deletingPathExtension().lastPathComponent
                    let ext = url.pathExtension.isEmpty ? "" : ".\(url.pathExtension)"
                    path = url.deletingLastPathComponent().appendingPathComponent("\(stem)-\(result.suite)\(ext)").path
                }
                do {
                    try Data(result.table.renderCSV().utf8).write(to: URL(fileURLWithPath: path))
                } catch {
                    throw InputError(
                        description: "\(path): cannot write the CSV file; check the folder exists and is writable")
                }
                Terminal.error("wrote \(path)")
            }
        }

        /// `value` with `digits` decimals, independent of locale.
        static func fixed(_ value: Double, _ digits: Int) -> String {
            String(format: "%.\(digits)f", locale: Locale(identifier: "en_US_POSIX"), value)
        }
    }
}

/// The pages of the selected suites, read from the shared data folder.
private struct SuiteData {
    var gold: [(name: String, page: GoldPage)]?
    var dragnet: [DragnetPage]?
    var snippets: SnippetPage.Suite?

    init(root: URL, suites: [Threadminer.Evaluate.Suite]) throws {
        let corpus = root.appendingPathComponent("corpus")
        do {
            if suites.contains(.gold) { gold = try GoldPage.load(directory: root.appendingPathComponent("gold")) }
            if suites.contains(.dragnet) { dragnet = try DragnetPage.load(corpus: corpus) }
            if suites.contains(.snippets) { snippets = try SnippetPage.load(corpus: corpus) }
        } catch {
            throw InputError(description: "\(error); check --shared, the shared data folder holding corpus/ and gold/")
        }
    }

    /// Each suite's page paths (relative to the corpus folder), in suite order.
    var sourcesBySuite: [(suite: String, sources: [String])] {
        [
            gold.map { ("gold", $0.map(\.page.source)) }, dragnet.map { ("dragnet", $0.map(\.source)) },
            snippets.map { ("snippets", $0.pages.map(\.source)) },
        ].compactMap { $0 }
    }

    /// Every page path once, in suite order.
    var sources: [String] {
        var seen: Set<String> = []
        return sourcesBySuite.flatMap(\.sources).filter { seen.insert($0).inserted }
    }
}

/// threadminer's own extraction of the suite pages.
private struct ExtractionRun {
    /// Records by page path relative to the corpus folder; absent when extraction failed.
    var records: [String: ThreadRecord] = [:]
    var failed = 0
    var summary = ""
}

/// One suite's scores, printed and written.
private struct SuiteResult {
    /// The suite name: `gold`, `dragnet` or `snippets`.
    var suite: String
    /// The heading and table (and notes) for stdout.
    var text: String
    /// The whole table, page rows included, for the CSV file.
    var table: ResultTable
    /// The machine-readable summary line.
    var summary: String
}

/// Scores the suites on threadminer's records, or on another tool's where given.
private struct Scoring {
    /// threadminer's records by page path: they give every page its platform.
    var own: [String: ThreadRecord]
    /// Print page rows of the dragnet and snippet tables.
    var pages: Bool
    /// Score comment text without bylines.
    var textOnly: Bool
    /// Another tool's records by page path, scored instead of `own` when set.
    var other: [String: ThreadRecord]?
    /// Whose comments are scored, for the headings.
    var by = "comments extracted by threadminer"

    init(own: [String: ThreadRecord], pages: Bool, textOnly: Bool) {
        self.own = own
        self.pages = pages
        self.textOnly = textOnly
    }

    private func record(_ source: String) -> ThreadRecord? { other.map { $0[source] } ?? own[source] }
    private func platform(_ source: String) -> String { own[source]?.platform ?? "none" }
    private func text(_ source: String) -> String { ExtractedComments.text(of: record(source), textOnly: textOnly) }

    func gold(_ pages: [(name: String, page: GoldPage)]) -> SuiteResult {
        let report = EvaluationReport(
            pages.map { name, page in
                let empty = ThreadRecord(source: SourceInfo(file: page.source), platform: nil, post: PostRecord())
                return EvaluationReport.Entry(name: name, extracted: record(page.source) ?? empty, gold: page)
            })
        let t = report.total
        let f = t.fields
        return SuiteResult(
            suite: "gold", text: "== gold pages (EVALUATION.md §1), \(by) ==\n" + report.renderTable(),
            table: report.table(),
            summary: "gold: pages=\(t.pages) recall=\(rate(t.recall)) precision=\(rate(t.precision)) "
                + "exact=\(t.exactCount.correct)/\(t.exactCount.total) author=\(rate(f.author.rate)) "
                + "parent=\(rate(f.parent.rate)) status=\(rate(f.status.rate)) published=\(rate(f.published.rate))")
    }

    func dragnet(_ pages: [DragnetPage]) -> SuiteResult {
        let report = DragnetReport(
            pages.map { DragnetReport.Entry(page: $0, platform: platform($0.source), extracted: text($0.source)) })
        let t = report.total
        return SuiteResult(
            suite: "dragnet",
            text: "== dragnet comment tokens, training split (EVALUATION.md §2), \(by) ==\n"
                + report.table().renderText(pages: self.pages),
            table: report.table(),
            summary: "dragnet: pages=\(t.pages) with_comments=\(t.withComments) f1=\(rate(t.meanF1)) "
                + "precision=\(rate(t.meanPrecision)) recall=\(rate(t.meanRecall)) "
                + "fp_rate=\(rate(t.falsePositiveRate)) false_pos=\(t.falsePositives)/\(t.withoutComments)")
    }

    func snippets(_ suite: SnippetPage.Suite) -> SuiteResult {
        let report = SnippetReport(
            suite.pages.map { SnippetReport.Entry(page: $0, platform: platform($0.source), extracted: text($0.source)) }
        )
        let t = report.total
        return SuiteResult(
            suite: "snippets",
            text: "== trafilatura comment snippets (EVALUATION.md §3), \(by) ==\n"
                + report.table().renderText(pages: pages)
                + "not scored: \(suite.unannotated) evaldata entries without a comments list, "
                + "\(suite.missingFiles) whose page file is not in the corpus\n",
            table: report.table(),
            summary:
                "snippets: pages=\(t.pages) found=\(t.found)/\(t.snippets) empty_clean=\(t.clean)/\(t.expectingNone)")
    }

    /// Three decimals, or `na`.
    private func rate(_ value: Double?) -> String { value.map { Threadminer.Evaluate.fixed($0, 3) } ?? "na" }
}
