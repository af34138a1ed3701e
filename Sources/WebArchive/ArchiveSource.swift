/// One WARC/ARC stream to read: a whole file, or a WARC stored inside a WACZ.
public struct ArchiveSource: Sendable, Equatable {
    /// The file on disk.
    public var path: String
    /// The bytes of `path` holding the stream (`nil`: the whole file).
    public var range: Range<Int>?
    /// How records name their file: `path`, or `package.wacz#archive/data.warc.gz`.
    public var name: String

    /// Opens a reader over the stream.
    public func open() throws(ArchiveError) -> ArchiveReader {
        guard let range else { return try ArchiveReader(path: path) }
        return try ArchiveReader(path: path, range: range, name: name)
    }

    /// The streams of an input file: the WARCs of a WACZ package, else the file itself;
    /// plus WACZ entries that cannot be read, as damage.
    /// - Throws: ``ArchiveError`` when a `.wacz` is not a readable ZIP.
    public static func streams(of path: String) throws(ArchiveError) -> (
        sources: [ArchiveSource], problems: [ArchiveDamage]
    ) {
        guard WACZPackage.isPackageName(path) else { return ([ArchiveSource(path: path, range: nil, name: path)], []) }
        let package = try WACZPackage(path: path)
        let sources = package.entries.map {
            ArchiveSource(path: path, range: $0.range, name: package.displayName(of: $0))
        }
        var problems = package.unreadable.map {
            ArchiveDamage(offset: 0, reason: "\($0.name): \($0.reason)", kind: "unreadable WACZ entry")
        }
        if sources.isEmpty && problems.isEmpty {
            problems.append(
                ArchiveDamage(
                    offset: 0, reason: "the package holds no archive/*.warc[.gz] entry: nothing to read",
                    kind: "empty WACZ"))
        }
        return (sources, problems)
    }
}
