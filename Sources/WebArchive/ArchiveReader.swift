import Foundation

/// Reads WARC (1.0, 1.1) and ARC (v1, v2) files, plain or gzip (a member per record
/// or one for the whole file), record by record with constant memory.
///
/// Damage never stops the reader: garbage between records, a header without a
/// length, a record cut short by the end of the file or by a broken gzip member
/// are each reported as ``ArchiveDamage`` (file offset and reason), and reading
/// goes on at the next record it can find.
public final class ArchiveReader {
    /// The file being read.
    public let path: String
    /// Header lines longer than this, or headers with more lines, are not headers.
    static let maxHeaderBytes = 256 << 10

    private let stream: DecodedStream
    private var format: ArchiveFormat?
    private var arcFieldCount = 5
    private var arcVersion = "ARC/1"
    /// Decoded position where the current record's block starts and how long it is.
    private var blockStart = 0
    private var blockLength = 0
    private var blockEnd = 0
    private var pending: ArchiveRecord?
    private var damage: [ArchiveDamage] = []
    private var warnedSharedMembers = false

    /// Opens `path` for reading.
    /// - Throws: ``ArchiveError/unreadable(path:reason:)``.
    public init(path: String) throws(ArchiveError) {
        self.path = path
        stream = try DecodedStream(path: path)
    }

    /// True when the file is gzip-compressed.
    public var isGzip: Bool { stream.isGzip }

    /// The size of the file in bytes.
    public var fileSize: Int { stream.fileSize }

    /// The decoded position reached (the end of the decoded stream once `next()` returned nil).
    public var decodedEnd: Int { stream.position }

    /// Compressed bytes consumed so far (for progress).
    public var bytesRead: Int { stream.isGzip ? stream.compressedPosition : stream.position }

    /// Takes the damage noticed since the last call, in file order.
    public func takeDamage() -> [ArchiveDamage] {
        let all = damage + stream.takeDamage()
        damage.removeAll()
        return all.sorted { $0.offset < $1.offset }
    }

    /// The next record's header, or `nil` at the end of the file. Any unread part of
    /// the previous record's block is skipped.
    public func next() -> ArchiveRecord? {
        finishBlock()
        while true {
            skipLineBreaks()
            guard stream.ensure(1) else { return nil }
            let start = stream.position
            if let record = readHeader(at: start) { return record }
        }
    }

    /// Reads the current record's content block, at most `limit` bytes.
    /// Nothing is read when the declared length exceeds `limit` (`overLimit`).
    public func readBlock(limit: Int) -> RecordBlock {
        let declared = blockLength
        guard declared <= limit else {
            return RecordBlock(bytes: [], declaredLength: declared, truncated: false, overLimit: true)
        }
        let wanted = blockEnd - stream.position
        stream.ensure(wanted)
        var have = min(wanted, stream.available)
        if let cut = cut(after: stream.position, before: stream.position + have) { have = cut - stream.position }
        let bytes = Array(UnsafeBufferPointer(rebasing: stream.bytes[0..<have]))
        stream.advance(have)
        return RecordBlock(bytes: bytes, declaredLength: declared, truncated: have < wanted, overLimit: false)
    }

    /// The first point in (`from`, `to`) where a record may not continue: a break in
    /// the decoded stream, or (when every record has its own gzip member) the start
    /// of the next member, which means the declared length was wrong.
    private func cut(after from: Int, before to: Int) -> Int? {
        var first = stream.nextBreak(after: from).flatMap { $0 < to ? $0 : nil }
        if stream.isGzip, !warnedSharedMembers, let member = stream.nextMemberStart(after: from), member < to {
            first = min(first ?? member, member)
        }
        return first
    }

    // MARK: - Records

    /// Skips what is left of the current block, then reports a block cut short.
    private func finishBlock() {
        guard let record = pending else { return }
        pending = nil
        let left = blockEnd - stream.position
        guard left > 0 else { return }
        let skipped = skipUntilCut(left)
        guard skipped < left else { return }
        let got = blockLength - (left - skipped)
        let why: String
        if !stream.ensure(1) {
            why = "the end of the file"
        } else if stream.nextBreak(after: stream.position - 1) == stream.position {
            why = "damaged gzip data"
        } else {
            why = "the end of its gzip member (wrong Content-Length?)"
        }
        damage.append(
            ArchiveDamage(
                offset: record.offset,
                reason: "record truncated: Content-Length says \(blockLength) bytes, only \(got) before \(why)",
                kind: "truncated record"))
    }

    /// Skips up to `count` bytes, stopping at a cut. Returns the bytes skipped.
    private func skipUntilCut(_ count: Int) -> Int {
        var skipped = 0
        while skipped < count {
            if stream.available == 0 && !stream.ensure(1) { break }
            let step = min(count - skipped, stream.available)
            if let cut = cut(after: stream.position, before: stream.position + step + 1), cut <= stream.position + step
            {
                let partial = cut - stream.position
                stream.advance(partial)
                return skipped + partial
            }
            stream.advance(step)
            skipped += step
        }
        return skipped
    }

    private func skipLineBreaks() {
        while stream.ensure(1) {
            let bytes = stream.bytes
            var i = 0
            while i < bytes.count, bytes[i] == 0x0d || bytes[i] == 0x0a { i += 1 }
            stream.advance(i)
            if i < bytes.count { return }
        }
    }

    /// Reads the line at the cursor (without its line break); nil when there is no
    /// complete line within the header limit.
    private func readLine() -> String? {
        var searched = 0
        while true {
            let bytes = stream.bytes
            if let newline = bytes[searched...].firstIndex(of: 0x0a) {
                var end = newline
                if end > 0 && bytes[end - 1] == 0x0d { end -= 1 }
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
                stream.advance(newline + 1)
                return line
            }
            searched = bytes.count
            guard searched < Self.maxHeaderBytes, stream.ensure(searched + 1) else { return nil }
        }
    }

    private func peekStarts(with prefix: String) -> Bool {
        let utf8 = Array(prefix.utf8)
        guard stream.ensure(utf8.count) else { return false }
        return stream.bytes.starts(with: utf8)
    }

    /// Reads one record header at `start`, or resynchronises past garbage and returns nil.
    private func readHeader(at start: Int) -> ArchiveRecord? {
        if peekStarts(with: "WARC/") {
            format = format ?? .warc
            return readWARCHeader(at: start)
        }
        if format != .warc, let record = readARCHeader(at: start) { return record }
        resynchronise(from: start)
        return nil
    }

    private func offsets(for start: Int) -> (Int, Bool) {
        guard stream.isGzip else { return (start, false) }
        if let member = stream.memberStart(at: start) { return (member.compressed, false) }
        if !warnedSharedMembers {
            warnedSharedMembers = true
            damage.append(
                ArchiveDamage(
                    offset: 0,
                    reason:
                        "one gzip member holds several records (not a record-per-member WARC.gz): offsets count decompressed bytes",
                    kind: "records share gzip members"))
        }
        return (start, true)
    }

    private func readWARCHeader(at start: Int) -> ArchiveRecord? {
        guard let version = readLine() else { return nil }
        var fields: [HeaderField] = []
        var headerBytes = version.utf8.count
        while let line = readLine() {
            headerBytes += line.utf8.count + 2
            if line.isEmpty { break }
            if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields.append(
                HeaderField(
                    name: String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                    value: String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            if headerBytes > Self.maxHeaderBytes { break }
        }
        let (offset, decoded) = offsets(for: start)
        let get = { (name: String) in
            fields.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame })?.value
        }
        if let cut = stream.nextBreak(after: start), cut <= stream.position {
            damage.append(
                ArchiveDamage(
                    offset: offset, reason: "record header cut by damaged data: record skipped",
                    kind: "truncated record"))
            resynchronise(from: cut, report: false)
            return nil
        }
        guard let lengthText = get("Content-Length"), let length = Int(lengthText), length >= 0 else {
            damage.append(
                ArchiveDamage(
                    offset: offset,
                    reason:
                        "WARC header without a valid Content-Length (\(get("Content-Length") ?? "none")): record skipped",
                    kind: "missing content-length"))
            return nil
        }
        let date = get("WARC-Date")
        let record = ArchiveRecord(
            file: path, offset: offset, offsetIsDecoded: decoded, length: nil, format: .warc,
            version: version.trimmingCharacters(in: .whitespaces), type: get("WARC-Type")?.lowercased() ?? "unknown",
            targetURI: get("WARC-Target-URI").map(Self.stripAngleBrackets), date: date,
            captured: date.flatMap(ArchiveDate.iso), recordID: get("WARC-Record-ID"),
            contentType: get("Content-Type"), contentLength: length, payloadDigest: get("WARC-Payload-Digest"),
            refersToTargetURI: get("WARC-Refers-To-Target-URI").map(Self.stripAngleBrackets),
            refersToDate: get("WARC-Refers-To-Date"), headers: fields)
        beginBlock(length: length)
        pending = record
        return record
    }

    /// ARC header line: `URL IP DATE MIME [RESULT CHECKSUM LOCATION OFFSET FILENAME] LENGTH`.
    /// The URL may contain spaces, so fields are taken from the right.
    private func readARCHeader(at start: Int) -> ArchiveRecord? {
        guard let line = readLine() else { return nil }
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let isFileHeader = line.hasPrefix("filedesc://")
        let fieldCount = isFileHeader ? 5 : arcFieldCount
        guard parts.count >= fieldCount, let length = Int(parts[parts.count - 1]), length >= 0,
            let url = parts.first, url.contains(":")
        else { return nil }
        format = .arc
        let tail = parts.suffix(fieldCount - 1)
        let urlText = parts.dropLast(fieldCount - 1).joined(separator: " ")
        let date = tail[tail.startIndex + 1]
        let mime = tail[tail.startIndex + 2]
        let (offset, decoded) = offsets(for: start)
        var record = ArchiveRecord(
            file: path, offset: offset, offsetIsDecoded: decoded, length: nil, format: .arc, version: arcVersion,
            type: isFileHeader ? "warcinfo" : "response", targetURI: urlText, date: date,
            captured: ArchiveDate.iso(date), recordID: nil, contentType: mime, contentLength: length,
            payloadDigest: nil, refersToTargetURI: nil, refersToDate: nil,
            headers: [HeaderField(name: "ARC-Header", value: line)])
        beginBlock(length: length)
        if isFileHeader { readARCFileHeader(into: &record) }
        pending = record
        return record
    }

    /// The `filedesc` block names the ARC version and its header fields.
    private func readARCFileHeader(into record: inout ArchiveRecord) {
        stream.ensure(min(blockLength, 4096))
        let bytes = stream.bytes.prefix(min(blockLength, 4096))
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count >= 2 {
            let version = lines[0].split(separator: " ").first.map(String.init) ?? "1"
            arcVersion = "ARC/\(version)"
            record.version = arcVersion
            let names = lines[1].split(separator: " ", omittingEmptySubsequences: true)
            if names.count >= 5 { arcFieldCount = names.count }
        }
    }

    private var garbageStart: Int?

    private func beginBlock(length: Int) {
        blockStart = stream.position
        blockLength = length
        blockEnd = blockStart + length
        stream.forget(before: blockStart)
        if let start = garbageStart {
            let (offset, _) = offsets(for: start)
            damage.append(
                ArchiveDamage(
                    offset: offset, reason: "\(blockStart - start) bytes that are not a record header: skipped",
                    kind: "garbage between records"))
            garbageStart = nil
        }
    }

    /// Moves to the next line that starts a record (`WARC/` or an ARC header), reporting what was skipped.
    private func resynchronise(from start: Int, report: Bool = true) {
        if report { garbageStart = garbageStart ?? start }
        if stream.position < start { _ = stream.skip(start - stream.position) }
        while stream.ensure(1) {
            if format != .arc, peekStarts(with: "WARC/") { return }
            if format == .arc, peekLooksLikeARCHeader() { return }
            // Drop the current line and look at the next, never past a cut: the
            // data after a damaged gzip member starts a fresh search.
            let bytes = stream.bytes
            var step = bytes.firstIndex(of: 0x0a).map { $0 + 1 } ?? bytes.count
            if let cut = cut(after: stream.position, before: stream.position + step) { step = cut - stream.position }
            stream.advance(step)
        }
        if let start = garbageStart {
            let (offset, _) = offsets(for: start)
            damage.append(
                ArchiveDamage(
                    offset: offset, reason: "\(stream.position - start) bytes at the end are not a record: ignored",
                    kind: "garbage between records"))
            garbageStart = nil
        }
    }

    private func peekLooksLikeARCHeader() -> Bool {
        let bytes = stream.bytes
        let end = bytes.prefix(4096).firstIndex(of: 0x0a) ?? min(bytes.count, 4096)
        let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        return parts.count >= arcFieldCount && Int(parts[parts.count - 1]) != nil && parts[0].contains(":")
    }

    private static func stripAngleBrackets(_ uri: String) -> String {
        uri.hasPrefix("<") && uri.hasSuffix(">") ? String(uri.dropFirst().dropLast()) : uri
    }
}
