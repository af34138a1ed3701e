public import Corpus
import Foundation

/// Writes the corpus as tidy CSV files, one per unit, into a folder.
public enum CSVExport {
    /// One written file and its row count.
    public struct Written: Sendable, Equatable {
        public var file: String
        public var rows: Int
    }

    /// Writes `posts.csv`, `comments.csv`, `pingbacks.csv` and `skipped.csv` into
    /// `directory` (created if needed). Each file is written to a temporary name and
    /// renamed, so a reader never sees half a file.
    /// - Parameter guardFormulas: prefix cells that spreadsheets would run as formulas.
    public static func write(
        corpus: CorpusStore, to directory: String, guardFormulas: Bool = true
    ) throws -> [Written] {
        // A crawl killed before it rebuilt its posts left them waiting: rebuild them now.
        try corpus.consolidate()
        let dir = URL(fileURLWithPath: directory)
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw ExportError(path: directory, reason: "cannot create the output folder: \(error.localizedDescription)")
        }
        var written: [Written] = []
        for table in CorpusStore.exportedTables {
            var csv = CSVWriter(guardFormulas: guardFormulas)
            csv.append(table.columns)
            var rows = 0
            try corpus.forEachRow(of: table.name) { row in
                csv.append(row)
                rows += 1
            }
            let target = dir.appendingPathComponent(table.name + ".csv")
            try AtomicFile.write(Data(csv.bytes), to: target)
            written.append(Written(file: target.path, rows: rows))
        }
        return written
    }
}

/// An export that could not be written, with the path and reason.
public struct ExportError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// Writes through a temporary file in the same folder and a rename.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        do {
            try data.write(to: temp)
            if FileManager.default.fileExists(atPath: url.path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temp)
            } else {
                try FileManager.default.moveItem(at: temp, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw ExportError(path: url.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}
