public import Foundation

/// One page of trafilatura's evaluation data with the comment snippets it must yield
/// (EVALUATION.md §3).
///
/// `<corpus>/trafilatura/evaldata.json` maps each page URL to an object whose `file` is
/// the page's file name under `trafilatura/cache/` or `trafilatura/eval/`, and whose
/// `comments` lists short texts that must appear in the extracted comment text (an
/// empty list: the page has no comments).
public struct SnippetPage: Sendable, Equatable {
    /// The page URL (the key in `evaldata.json`).
    public var url: String
    /// The page's path under the corpus folder, e.g. `trafilatura/eval/anchor.ch.lanka.html`.
    public var source: String
    /// The snippets as given; an empty list means the page has no comments.
    public var snippets: [String]

    public init(url: String, source: String, snippets: [String]) {
        self.url = url
        self.source = source
        self.snippets = snippets
    }

    /// The pages of `evaldata.json` that can be scored, and how many could not.
    public struct Suite: Sendable, Equatable {
        /// Pages with a `comments` list and a page file, sorted by ``SnippetPage/source``.
        public var pages: [SnippetPage]
        /// Entries without a `comments` list (`null` or absent): nothing to score.
        public var unannotated: Int
        /// Annotated entries whose file is in neither `cache/` nor `eval/`.
        public var missingFiles: Int

        public init(pages: [SnippetPage], unannotated: Int = 0, missingFiles: Int = 0) {
            self.pages = pages
            self.unannotated = unannotated
            self.missingFiles = missingFiles
        }
    }

    private struct Entry: Decodable {
        var file: String
        var comments: [String]?
    }

    /// Reads `trafilatura/evaldata.json` under `corpus` and finds each page file, in
    /// `cache/` first, then in `eval/` (as trafilatura's own evaluation does).
    ///
    /// - Throws: ``SuiteDataError`` when `evaldata.json` cannot be read or decoded.
    public static func load(corpus: URL) throws(SuiteDataError) -> Suite {
        let folder = corpus.appendingPathComponent("trafilatura")
        let file = folder.appendingPathComponent("evaldata.json")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw SuiteDataError(file: file.path, problem: "file is not readable or does not exist")
        }
        let entries: [String: Entry]
        do {
            entries = try JSONDecoder().decode([String: Entry].self, from: data)
        } catch {
            throw SuiteDataError(file: file.path, problem: "not a JSON object of {file, comments} entries: \(error)")
        }
        var suite = Suite(pages: [])
        for (url, entry) in entries {
            guard let snippets = entry.comments else {
                suite.unannotated += 1
                continue
            }
            let found = ["cache", "eval"].map { "trafilatura/\($0)/\(entry.file)" }.first { path in
                FileManager.default.fileExists(atPath: corpus.appendingPathComponent(path).path)
            }
            guard let source = found else {
                suite.missingFiles += 1
                continue
            }
            suite.pages.append(SnippetPage(url: url, source: source, snippets: snippets))
        }
        suite.pages.sort { ($0.source, $0.url) < ($1.source, $1.url) }
        return suite
    }
}

/// How many of a page's snippets the extracted comment text contains (EVALUATION.md §3).
///
/// As in trafilatura's evaluation, texts are compared after every whitespace run is
/// made one space and the ends trimmed, case-sensitively, by substring. A snippet that
/// is empty after that asserts nothing and is not counted.
public struct SnippetScore: Sendable, Equatable {
    /// Snippets that are not empty after whitespace normalisation.
    public var snippets: Int
    /// Of those, the ones the extracted comment text contains.
    public var found: Int
    /// The gold list is empty: the page has no comments.
    public var expectsNone: Bool
    /// The extracted comment text is empty after whitespace normalisation.
    public var extractedNothing: Bool

    public init(snippets: Int, found: Int, expectsNone: Bool, extractedNothing: Bool) {
        self.snippets = snippets
        self.found = found
        self.expectsNone = expectsNone
        self.extractedNothing = extractedNothing
    }

    /// Scores the extracted comment text (all comments of the page, one after another)
    /// against a page's snippets.
    public init(snippets: [String], extracted: String) {
        let text = Self.normalise(extracted)
        let wanted = snippets.map(Self.normalise).filter { !$0.isEmpty }
        self.init(
            snippets: wanted.count, found: wanted.filter { text.contains($0) }.count, expectsNone: snippets.isEmpty,
            extractedNothing: text.isEmpty)
    }

    /// A page without comments from which none were extracted.
    public var isClean: Bool { expectsNone && extractedNothing }

    /// Whitespace runs made one space, the ends trimmed (Python's `re.sub(r"\s+", " ", s).strip()`).
    static func normalise(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
