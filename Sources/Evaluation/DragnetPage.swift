public import Foundation

/// One page of the dragnet data with its hand-copied comment text (EVALUATION.md §2).
///
/// The data lives in `<corpus>/dragnet/`: `HTML/<id>.html`, the page, and
/// `Corrected/<id>.html.corrected.txt`, the article text, a separator line, then all
/// comment text of the page in one block.
public struct DragnetPage: Sendable, Equatable {
    /// The page id, e.g. `R76` or `T5`.
    public var id: String
    /// The page's path under the corpus folder: `dragnet/HTML/<id>.html`.
    public var source: String
    /// The comment block after the separator line; `nil` when the file has no separator.
    public var comments: String?

    public init(id: String, source: String, comments: String?) {
        self.id = id
        self.source = source
        self.comments = comments
    }

    /// Whether the page has comments: its comment block holds at least one token
    /// (``TokenOverlap/tokens(_:)``). A page without separator, or with nothing but
    /// blanks and punctuation after it, has none.
    public var hasComments: Bool { !TokenOverlap.tokens(comments ?? "").isEmpty }

    /// Reads the pages of a split list.
    ///
    /// - Parameters:
    ///   - corpus: The shared corpus folder (holding `dragnet/`).
    ///   - split: The split list under `dragnet/`: one page id per line; blank lines are
    ///     ignored.
    /// - Returns: The pages in split-list order.
    /// - Throws: ``SuiteDataError`` naming the split list or the first corrected file
    ///   that cannot be read.
    public static func load(corpus: URL, split: String = "training.txt") throws(SuiteDataError) -> [DragnetPage] {
        let folder = corpus.appendingPathComponent("dragnet")
        let list = folder.appendingPathComponent(split)
        guard let data = FileManager.default.contents(atPath: list.path) else {
            throw SuiteDataError(file: list.path, problem: "split list is not readable or does not exist")
        }
        let ids = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return try ids.map { id throws(SuiteDataError) in
            let file = folder.appendingPathComponent("Corrected/\(id).html.corrected.txt")
            guard let corrected = FileManager.default.contents(atPath: file.path) else {
                throw SuiteDataError(file: file.path, problem: "corrected text is not readable or does not exist")
            }
            return DragnetPage(
                id: id, source: "dragnet/HTML/\(id).html", comments: commentBlock(of: decode(corrected)))
        }
    }

    /// The text of a corrected file.
    ///
    /// A byte-order mark decides UTF-16 (little or big endian) or UTF-8; without one the
    /// text is UTF-8 when valid, else windows-1252 (as WHATWG maps it, so no byte fails).
    public static func decode(_ data: Data) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { i in
                little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            }
            return String(decoding: units, as: UTF16.self)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if let text = String(validating: body, as: UTF8.self) { return text }
        var text = String.UnicodeScalarView()
        for byte in body {
            let value = (0x80..<0xA0).contains(byte) ? windows1252[Int(byte) - 0x80] : UInt32(byte)
            text.append(Unicode.Scalar(value)!)
        }
        return String(text)
    }

    /// windows-1252 bytes 0x80–0x9F (WHATWG: the five unassigned ones stay C1 controls).
    private static let windows1252: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The comment block of a corrected text: the text after the first separator line
    /// (see ``isSeparator(_:)``); `nil` when there is no separator.
    public static func commentBlock(of corrected: String) -> String? {
        var from = corrected.startIndex
        // Every separator spelling holds "$%^&*": find that first, then judge its line.
        while let mark = corrected.range(of: "$%^&*", range: from..<corrected.endIndex) {
            let start = corrected[..<mark.lowerBound].lastIndex(where: \.isNewline).map(corrected.index(after:))
            let end = corrected[mark.upperBound...].firstIndex(where: \.isNewline) ?? corrected.endIndex
            if isSeparator(corrected[(start ?? corrected.startIndex)..<end]) {
                return end == corrected.endIndex ? "" : String(corrected[corrected.index(after: end)...])
            }
            from = mark.upperBound
        }
        return nil
    }

    /// Whether a line separates the article from the comments.
    ///
    /// The documented separator is `!@#$%^&*()  COMMENTS`; the files spell it loosely.
    /// A separator line is, apart from surrounding whitespace, a run of the characters
    /// `!@#$%^&*()` and blanks that contains `$%^&*`, then optionally blanks and one word
    /// of letters. That takes in every spelling the real files use: `!@ $%^&*()`,
    /// `!#@$%^&*()`, `!@#$%$%^&*()`, `!@#$%^&*` without parentheses, the word
    /// `COMMNENTS` or `CORRECTED`, a tab before the word, or no word at all. Such a run
    /// inside a sentence is not a separator.
    public static func isSeparator(_ line: Substring) -> Bool {
        let trimmed = line.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace)
        let symbols = trimmed.drop(while: \.isLetter).reversed()
        let marks = String(symbols.filter { !$0.isWhitespace })
        return !marks.isEmpty && marks.allSatisfy { "!@#$%^&*()".contains($0) } && marks.contains("$%^&*")
    }
}
