public import ThreadModel

/// What one export file holds: a thread record per published post or page, and the
/// entries that had to be left out.
public struct ExportContents: Sendable {
    public var format: ExportFormat
    /// One record per published post or page, in file order.
    public var records: [ThreadRecord]
    /// Entries skipped because they could not be read or placed, in file order.
    public var problems: [ExportProblem]
    /// True when invalid UTF-8 or control characters XML forbids were replaced by
    /// U+FFFD before parsing: some text may show U+FFFD where the file was damaged.
    public var repairedBytes: Bool

}

/// One entry of an export that was left out, and why.
public struct ExportProblem: Sendable, Equatable, CustomStringConvertible {
    /// The ordinal, from 1, of the Blogger `<entry>` or WordPress `<item>` among all
    /// entries or items of the file (the numbering of ``SourceInfo/offset``).
    public var entry: Int
    /// The line (from 1) of the element the problem is about.
    public var line: Int
    public var reason: String

    public var description: String { "entry \(entry) (line \(line)): \(reason)" }
}
