public import Corpus
public import Crawl
import Extraction
import Foundation
public import Reporting

/// The whole pipeline on the bundled sample archive, into a fresh output folder.
public struct Demo {
    /// What the demo did, for printing.
    public struct Result: Sendable {
        public var archive: String
        public var output: String
        public var corpusPath: String
        public var crawl: CrawlSummary
        public var totals: CorpusTotals
        public var csv: [CSVExport.Written]
        /// A page of the archive with nested replies, to show with `inspect`.
        public var examplePage: String?
    }

    public var archive: String
    public var output: String
    public var jobs: Int

    public init(archive: String, output: String, jobs: Int) {
        self.archive = archive
        self.output = output
        self.jobs = jobs
    }

    /// Finds the sample archive: `notebooks-data/demo-archive` under the current
    /// folder or any folder above the executable (a checkout's build folder).
    public static func locateArchive(executable: String) -> String? {
        let fm = FileManager.default
        var candidates = [URL(fileURLWithPath: fm.currentDirectoryPath)]
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            candidates.append(dir)
            dir.deleteLastPathComponent()
        }
        for base in candidates {
            let archive = base.appendingPathComponent("notebooks-data/demo-archive")
            if fm.fileExists(atPath: archive.path) { return archive.path }
        }
        return nil
    }

    /// Crawls the archive into `output/corpus.sqlite` (replacing an earlier demo
    /// corpus) and exports CSV into `output/csv`.
    /// - Throws: ``DemoError`` when `output` holds a corpus the demo did not write.
    public func run(diagnostic: (Diagnostic) -> Void = { _ in }) throws -> Result {
        let fm = FileManager.default
        try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
        let corpusPath = (output as NSString).appendingPathComponent("corpus.sqlite")
        let marker = (output as NSString).appendingPathComponent(".threadminer-demo")
        if fm.fileExists(atPath: corpusPath), !fm.fileExists(atPath: marker) {
            throw DemoError(
                description:
                    "\(corpusPath) exists and was not written by the demo; choose another --out folder so it is not replaced"
            )
        }
        try Data("written by threadminer demo\n".utf8).write(to: URL(fileURLWithPath: marker))
        for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: corpusPath + suffix) {
            try fm.removeItem(atPath: corpusPath + suffix)
        }
        let corpus = try CorpusStore(path: corpusPath)
        let crawl = CrawlRun(paths: [archive], jobs: jobs, maxPageBytes: 32 << 20, profiles: try ProfileSet.bundled())
        let summary = try crawl.run(into: corpus, diagnostic: diagnostic)
        let csvDir = (output as NSString).appendingPathComponent("csv")
        let written = try CSVExport.write(corpus: corpus, to: csvDir)
        return Result(
            archive: archive, output: output, corpusPath: corpusPath, crawl: summary, totals: try corpus.totals(),
            csv: written, examplePage: try corpus.deepestThreadSource())
    }
}

/// The demo refused to run, with what to do instead.
public struct DemoError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
