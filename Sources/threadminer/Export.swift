import ArgumentParser
import Corpus
import Reporting

extension Threadminer {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the corpus as CSV files (posts, comments, pingbacks, skipped).",
            discussion: """
                RFC 4180, UTF-8, header row, rows in a stable order; an unknown value is an \
                empty cell. Cells starting with = + - @ get a leading ' so spreadsheets do \
                not run them (--raw turns that off).
                """)

        @Option(help: "The corpus database.")
        var db: String = "corpus.sqlite"

        @Option(help: "Output folder.")
        var out: String

        @Flag(help: "Do not guard cells against spreadsheet formula injection.")
        var raw = false

        func run() throws {
            let corpus = try CorpusStore(path: db)
            for file in try CSVExport.write(corpus: corpus, to: out, guardFormulas: !raw) {
                print("\(file.file): \(file.rows) rows")
            }
        }
    }
}
