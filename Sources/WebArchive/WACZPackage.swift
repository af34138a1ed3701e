import Foundation

/// The WARC files inside a WACZ package (a ZIP, WACZ 1.x): where each stored
/// `archive/*.warc[.gz]` entry's bytes lie in the package, so they are read in
/// place. Only the ZIP central directory is parsed; entries compressed by ZIP
/// itself (WACZ stores WARCs uncompressed) and ZIP64 packages are reported.
public struct WACZPackage: Sendable {
    /// One WARC inside the package.
    public struct Entry: Sendable, Equatable {
        /// The entry's name (`archive/data.warc.gz`).
        public var name: String
        /// Its bytes in the package file.
        public var range: Range<Int>
    }

    public var path: String
    public var entries: [Entry]
    /// WARC entries that cannot be read in place, with the reason.
    public var unreadable: [(name: String, reason: String)]

    /// True for a file name that says WACZ.
    public static func isPackageName(_ path: String) -> Bool { path.lowercased().hasSuffix(".wacz") }

    /// Reads the package's directory.
    /// - Throws: ``ArchiveError/unreadable(path:reason:)`` when the file is not a ZIP.
    public init(path: String) throws(ArchiveError) {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "cannot open")
        }
        defer { try? handle.close() }
        let size = Int((try? handle.seekToEnd()) ?? 0)
        let tailLength = min(size, 65_557)
        try? handle.seek(toOffset: UInt64(size - tailLength))
        let tail = [UInt8]((try? handle.read(upToCount: tailLength)) ?? Data())
        // End of central directory: signature PK\5\6, searched from the end (a comment may follow).
        guard
            let end = stride(from: tail.count - 22, through: 0, by: -1).first(where: {
                Self.u32(tail, $0) == 0x0605_4b50
            })
        else { throw .unreadable(path: path, reason: "not a ZIP file (no central directory): not a WACZ") }
        let count = Int(Self.u16(tail, end + 10))
        let directorySize = Int(Self.u32(tail, end + 12))
        let directoryOffset = Int(Self.u32(tail, end + 16))
        guard directoryOffset != 0xFFFF_FFFF, directoryOffset + directorySize <= size else {
            throw .unreadable(path: path, reason: "ZIP64 or damaged central directory: not read")
        }
        try? handle.seek(toOffset: UInt64(directoryOffset))
        let directory = [UInt8]((try? handle.read(upToCount: directorySize)) ?? Data())
        var entries: [Entry] = []
        var unreadable: [(String, String)] = []
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, Self.u32(directory, at) == 0x0201_4b50 else { break }
            let method = Self.u16(directory, at + 10)
            let compressed = Int(Self.u32(directory, at + 20))
            let nameLength = Int(Self.u16(directory, at + 28))
            let extraLength = Int(Self.u16(directory, at + 30))
            let commentLength = Int(Self.u16(directory, at + 32))
            let local = Int(Self.u32(directory, at + 42))
            guard at + 46 + nameLength <= directory.count else { break }
            let name = String(decoding: directory[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            at += 46 + nameLength + extraLength + commentLength
            let lower = name.lowercased()
            guard lower.hasSuffix(".warc") || lower.hasSuffix(".warc.gz") else { continue }
            guard method == 0 else {
                unreadable.append((name, "stored with ZIP compression (method \(method)): not read"))
                continue
            }
            try? handle.seek(toOffset: UInt64(local))
            let header = [UInt8]((try? handle.read(upToCount: 30)) ?? Data())
            guard header.count == 30, Self.u32(header, 0) == 0x0403_4b50 else {
                unreadable.append((name, "local header missing at offset \(local)"))
                continue
            }
            let start = local + 30 + Int(Self.u16(header, 26)) + Int(Self.u16(header, 28))
            guard start + compressed <= size else {
                unreadable.append((name, "entry runs past the end of the package"))
                continue
            }
            entries.append(Entry(name: name, range: start..<(start + compressed)))
        }
        self.entries = entries.sorted { $0.name < $1.name }
        self.unreadable = unreadable
    }

    /// How records inside an entry name their file: `package.wacz#archive/data.warc.gz`.
    public func displayName(of entry: Entry) -> String { path + "#" + entry.name }

    private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
