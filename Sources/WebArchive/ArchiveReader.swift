import Foundation

/// Reads WARC (1.0, 1.1) and ARC (v1, v2) files, plain or gzip (a member per record
/// or one for the whole file), record by record with constant memory.
///
/// Damage never stops the reader: garbage between records, a header without a
/// usable length, a Content-Length that runs into the next record, a record cut
/// short by the end of the file or by a broken gzip member are each reported as
/// ``ArchiveDamage`` (file offset and reason), and reading goes on at the next
/// record it can find.
public final class ArchiveReader {
    /// The file being read.
    public let path: String
    /// A header longer than this is not a header.
    static let maxHeaderBytes = 256 << 10
    /// How far ahead a block's declared end is checked against the next record, and
    /// how far a block without a usable Content-Length may reach.
    static let lookahead = 4 << 20

    private let stream: DecodedStream
    private var format: ArchiveFormat?
    private var arcFieldCount = 5
    private var arcVersion = "ARC/1"
    /// The current record: where its header starts, where its block starts, and the
    /// block's usable length (declared, or found when the declared one is unusable).
    private var recordStart = 0
    private var blockStart = 0
    private var blockLength = 0
    private var pending: ArchiveRecord?
    /// Offsets of the records seen so far, by hash of their WARC-Record-ID.
    private var recordIDs: [Int: Int] = [:]
    /// Where the last record's block ended, and where that record started.
    private var lastBlock: (end: Int, recordStart: Int)?
    /// Set while the bytes at the cursor directly follow the last record's block.
    private var followsBlock = false
    private var damage: [ArchiveDamage] = []
    private var reportedSharedMembers = false
    private var reportedMissingSeparator = false

    /// Opens `path` for reading.
    /// - Throws: ``ArchiveError/unreadable(path:reason:)``.
    public init(path: String) throws(ArchiveError) {
        self.path = path
        stream = try DecodedStream(path: path)
    }

    /// Opens the bytes `range` of `path` (a WARC stored in a WACZ), naming its
    /// records' file `name`; offsets count from the range's start.
    public init(path: String, range: Range<Int>, name: String) throws(ArchiveError) {
        self.path = name
        stream = try DecodedStream(path: path, range: range)
    }

    /// True when the file is gzip-compressed.
    public var isGzip: Bool { stream.isGzip }

    /// The size of the file in bytes.
    public var fileSize: Int { stream.fileSize }

    /// The decoded position reached (the end of the decoded stream once `next()` returned nil).
    public var decodedEnd: Int { stream.position }

    /// Compressed bytes consumed so far (for progress).
    public var bytesRead: Int { stream.isGzip ? stream.compressedPosition : stream.position }

    /// Bytes of decoded data the reader holds in memory now.
    var windowCapacity: Int { stream.windowCapacity }

    /// Takes the damage noticed since the last call, in file order.
    public func takeDamage() -> [ArchiveDamage] {
        let all = damage + stream.takeDamage()
        damage.removeAll()
        return all.sorted { $0.offset < $1.offset }
    }

    /// The next record's header, or `nil` at the end of the file. Any unread part of
    /// the previous record's block is skipped.
    public func next() -> ArchiveRecord? {
        let previous = finishBlock()
        let previousRecord = previous.map { describe($0.recordStart) }
        followsBlock = previous != nil
        defer { followsBlock = false }
        while true {
            let gapStart = stream.position
            skipLineBreaks()
            guard stream.ensure(1) else { return nil }
            let start = stream.position
            if let record = readHeader(at: start, cleanFrom: gapStart) {
                if followsBlock, !reportedMissingSeparator, let previous, let previousRecord, start == previous.end,
                    stream.memberStart(at: start) == nil, !stream.isBreak(at: start)
                {
                    reportedMissingSeparator = true
                    report(
                        at: start,
                        "record starts right after the block of the record at \(previousRecord) with no line break between (that Content-Length may be wrong, or the writer leaves none; not reported again for this file)",
                        kind: "missing record separator")
                }
                return record
            }
            followsBlock = false
            stream.forget(before: stream.position)
        }
    }

    /// Reads the current record's content block, at most `limit` bytes.
    /// Nothing is read when the block is longer than `limit` (`overLimit`); memory
    /// grows with the bytes actually there, never with the declared length.
    public func readBlock(limit: Int) -> RecordBlock {
        guard let record = pending else {
            return RecordBlock(bytes: [], declaredLength: 0, truncated: false, overLimit: false)
        }
        let declared = record.contentLength
        guard blockLength <= limit else {
            return RecordBlock(bytes: [], declaredLength: declared, truncated: false, overLimit: true)
        }
        let wanted = blockStart + blockLength - stream.position
        var have = 0
        while have < wanted {
            if stream.available <= have && !stream.ensure(have + 1) { break }
            let upTo = min(wanted, stream.available)
            if let cut = blockCut(in: (stream.position + have)..<(stream.position + upTo)) {
                have = cut - stream.position
                break
            }
            have = upTo
        }
        let bytes = Array(UnsafeBufferPointer(rebasing: stream.bytes[0..<have]))
        stream.advance(have)
        return RecordBlock(
            bytes: bytes, declaredLength: declared, truncated: have < wanted || blockLength < declared,
            overLimit: false)
    }

    // MARK: - Blocks

    /// Skips what is left of the current block, reports a block cut short, and
    /// returns where the block ended.
    private func finishBlock() -> (end: Int, recordStart: Int)? {
        guard pending != nil else { return nil }
        pending = nil
        let end = blockStart + blockLength
        while stream.position < end, stream.ensure(1) {
            let step = min(end - stream.position, stream.available)
            if let cut = blockCut(in: stream.position..<(stream.position + step)) {
                stream.advance(cut - stream.position)
                break
            }
            stream.advance(step)
        }
        if stream.position < end {
            let why: String
            if !stream.ensure(1) {
                why = "the end of the file"
            } else if stream.isBreak(at: stream.position) {
                why = "damaged gzip data"
            } else {
                why = "the next record, which starts a gzip member (Content-Length too long?)"
            }
            report(
                at: recordStart,
                "record truncated: Content-Length says \(blockLength) bytes, only \(stream.position - blockStart) before \(why)",
                kind: "truncated record")
        }
        let members = stream.memberStarts(in: (recordStart + 1)..<max(recordStart + 1, stream.position))
        if !members.isEmpty {
            report(
                at: recordStart,
                "record continues across \(members.count + 1) gzip members (a reader that seeks to it and stops at the member's end gets part of it)",
                kind: "record spans gzip members")
        }
        lastBlock = (stream.position, recordStart)
        return lastBlock
    }

    /// Starts the block at the cursor and returns the content length to give the record.
    /// A usable declared length is kept (cut where the next record starts inside it);
    /// without one the block runs to the next record found.
    private func beginBlock(declared: Int?, lengthText: String?) -> Int {
        blockStart = stream.position
        stream.forget(before: recordStart)
        if let declared {
            blockLength = declared
            if let actual = nextRecordInside(declared) {
                blockLength = actual
                report(
                    at: recordStart,
                    "Content-Length \(declared) runs into the next record, which starts after \(actual) bytes of the block: block cut there",
                    kind: "wrong content-length")
            }
            return declared
        }
        stream.ensure(Self.lookahead)
        let limit = min(blockStart + Self.lookahead, stream.decodedEnd)
        let end = recordBoundary(in: blockStart..<limit) ?? limit
        blockLength = withoutSeparator(blockStart..<end).count
        report(
            at: recordStart,
            "no valid Content-Length (\(lengthText.map { "'\($0)'" } ?? "none")): block taken up to the next record (\(blockLength) bytes)",
            kind: "missing content-length")
        return blockLength
    }

    /// When the declared block (if short enough to look at) does not end at a record
    /// boundary but a record starts inside it, the block's real length.
    private func nextRecordInside(_ declared: Int) -> Int? {
        guard declared <= Self.lookahead else { return nil }
        stream.ensure(declared + 8192)
        let end = blockStart + declared
        let dataEnd = stream.decodedEnd
        if end == dataEnd { return nil }
        if end < dataEnd, boundary(at: end) { return nil }
        let searched = blockStart..<min(end, dataEnd)
        // A damaged member or the next member cuts the block while it is read.
        guard blockCut(in: searched) == nil, let next = recordBoundary(in: searched) else { return nil }
        return withoutSeparator(blockStart..<next).count
    }

    /// True when a record may end at `position`: line breaks, then the end of the
    /// data, damaged data, a new gzip member or a record header.
    private func boundary(at position: Int) -> Bool {
        var at = position
        while at < stream.decodedEnd, Self.isLineBreak(stream.byte(at: at)) { at += 1 }
        if at >= stream.decodedEnd { return true }
        return stream.firstStop(in: position..<(at + 1)) != nil || headerStarts(at: at)
    }

    /// The first place in `range` (in the window) where a block must end: a line that
    /// starts a record header, damaged data, or a gzip member that starts a record.
    private func recordBoundary(in range: Range<Int>) -> Int? {
        let end = blockCut(in: range) ?? range.upperBound
        var candidate = range.lowerBound
        while candidate < end {
            let first = stream.byte(at: candidate)
            if (first == UInt8(ascii: "W") || format != .warc) && headerStarts(at: candidate) { return candidate }
            let window = stream.bytes
            let from = candidate - stream.position
            guard let newline = window[from..<(end - stream.position)].firstIndex(of: 0x0a) else { break }
            candidate = stream.position + newline + 1
        }
        return end < range.upperBound ? end : nil
    }

    /// `range` without the blank lines that separate it from the next record.
    private func withoutSeparator(_ range: Range<Int>) -> Range<Int> {
        let separators: [[UInt8]] = format == .arc ? [[0x0a]] : [[0x0d, 0x0a, 0x0d, 0x0a], [0x0a, 0x0a]]
        for separator in separators where range.count >= separator.count {
            let tail = (range.upperBound - separator.count)..<range.upperBound
            if zip(tail, separator).allSatisfy({ stream.byte(at: $0) == $1 }) {
                return range.lowerBound..<tail.lowerBound
            }
        }
        return range
    }

    /// The first point in `range` where the current block cannot go on: a break in the
    /// decoded data, or the start of a gzip member that begins a new record (so the
    /// declared length was too long). A member that goes on with the block's data is
    /// a record split across members and does not cut it.
    private func blockCut(in range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        let brk = stream.firstStop(in: range, memberStarts: false)
        for member in stream.memberStarts(in: range.lowerBound..<(brk ?? range.upperBound))
        where startsRecord(at: member) {
            return member
        }
        return brk
    }

    /// True when a record header starts at `position`, after at most a few line breaks.
    private func startsRecord(at position: Int) -> Bool {
        stream.ensure(position - stream.position + 64)
        var at = position
        while at < stream.decodedEnd, at - position < 16, Self.isLineBreak(stream.byte(at: at)) { at += 1 }
        return at < stream.decodedEnd && headerStarts(at: at)
    }

    // MARK: - Headers

    /// Reads one record header at `start`, or resynchronises past garbage and returns nil.
    private func readHeader(at start: Int, cleanFrom: Int) -> ArchiveRecord? {
        if format != .arc, warcVersionLine(at: start) {
            return readWARCHeader(at: start, cleanFrom: cleanFrom)
        }
        if format != .warc, let line = line(at: start, maxLength: ARCHeader.maxLength),
            let header = ARCHeader(line.text, fieldCount: arcFieldCount)
        {
            return readARCHeader(header, line: line, at: start, cleanFrom: cleanFrom)
        }
        resynchronise(from: start)
        return nil
    }

    private func readWARCHeader(at start: Int, cleanFrom: Int) -> ArchiveRecord? {
        var lines: [String] = []
        var length = 0
        var ended = false
        while length < Self.maxHeaderBytes, let line = line(at: start + length, maxLength: Self.maxHeaderBytes - length)
        {
            length += line.length
            if !line.terminated { break }
            if !lines.isEmpty && line.text.allSatisfy({ $0 == " " || $0 == "\t" }) {
                ended = true
                break
            }
            lines.append(line.text)
        }
        if let cut = stream.firstStop(in: (start + 1)..<(start + length), memberStarts: false) {
            report(at: start, "record header cut by damaged data: record skipped", kind: "truncated record")
            stream.advance(cut - start)
            return nil
        }
        guard ended else {
            if start + length >= stream.decodedEnd, !stream.ensure(length + 1) {
                report(
                    at: start, "record header cut short by the end of the file: record skipped",
                    kind: "truncated record")
                stream.advance(length)
            } else {
                resynchronise(from: start)
            }
            return nil
        }
        stream.advance(length)
        let fields = HeaderText.fields(lines.dropFirst())
        recordStart = start
        let (offset, decoded) = offsets(for: start, cleanFrom: cleanFrom)
        let get = { (name: String) in fields.first(where: { HeaderText.sameName($0.name, name) })?.value }
        let lengthText = get("Content-Length")
        let date = get("WARC-Date")
        var record = ArchiveRecord(
            file: path, offset: offset, offsetIsDecoded: decoded, length: nil, format: .warc,
            version: HeaderText.trimmed(lines[0][...]), type: get("WARC-Type")?.lowercased() ?? "unknown",
            targetURI: get("WARC-Target-URI").map(Self.stripAngleBrackets), date: date,
            captured: date.flatMap(ArchiveDate.iso), recordID: get("WARC-Record-ID"),
            contentType: get("Content-Type"), contentLength: 0, payloadDigest: get("WARC-Payload-Digest"),
            refersToTargetURI: get("WARC-Refers-To-Target-URI").map(Self.stripAngleBrackets),
            refersToDate: get("WARC-Refers-To-Date"), headers: fields)
        format = .warc
        record.contentLength = beginBlock(declared: lengthText.flatMap(Self.decimal), lengthText: lengthText)
        if let id = record.recordID {
            // Hashes, not the ids, are kept: 8 bytes a record whatever the id's length.
            if let first = recordIDs[id.hashValue] {
                report(
                    at: start, "duplicate WARC-Record-ID \(id) (first at offset \(first)): record kept",
                    kind: "duplicate record id")
            } else {
                recordIDs[id.hashValue] = offset
            }
        }
        pending = record
        return record
    }

    private func readARCHeader(_ header: ARCHeader, line: Line, at start: Int, cleanFrom: Int) -> ArchiveRecord? {
        if let cut = stream.firstStop(in: (start + 1)..<(start + line.length), memberStarts: false) {
            report(at: start, "record header cut by damaged data: record skipped", kind: "truncated record")
            stream.advance(cut - start)
            return nil
        }
        stream.advance(line.length)
        format = .arc
        if header.isFileHeader { readARCFileDescription() }
        recordStart = start
        let (offset, decoded) = offsets(for: start, cleanFrom: cleanFrom)
        var record = ArchiveRecord(
            file: path, offset: offset, offsetIsDecoded: decoded, length: nil, format: .arc, version: arcVersion,
            type: header.isFileHeader ? "warcinfo" : "response", targetURI: header.url, date: header.date,
            captured: ArchiveDate.iso(header.date), recordID: nil, contentType: header.mime, contentLength: 0,
            payloadDigest: nil, refersToTargetURI: nil, refersToDate: nil,
            headers: [HeaderField(name: "ARC-Header", value: line.text)])
        record.contentLength = beginBlock(declared: Self.decimal(header.lengthText), lengthText: header.lengthText)
        pending = record
        return record
    }

    /// The `filedesc` block's first two lines name the ARC version and the header
    /// fields of the records that follow (5 in version 1, 10 in version 2).
    private func readARCFileDescription() {
        guard let first = line(at: stream.position, maxLength: 4096),
            let second = line(at: stream.position + first.length, maxLength: 4096)
        else { return }
        if let version = first.text.split(separator: " ").first, version.allSatisfy(\.isWholeNumber) {
            arcVersion = "ARC/\(version)"
        }
        let names = second.text.split(separator: " ")
        if names.count >= 5 { arcFieldCount = names.count }
    }

    /// The offset to give a record starting at decoded `start`: the compressed offset of
    /// its gzip member when it starts one (only line breaks before it in the member),
    /// else the decoded offset, reported once per file.
    private func offsets(for start: Int, cleanFrom: Int) -> (Int, Bool) {
        guard stream.isGzip, let member = stream.member(containing: start) else { return (start, false) }
        if member.decoded >= cleanFrom { return (member.compressed, false) }
        if !reportedSharedMembers {
            reportedSharedMembers = true
            damage.append(
                ArchiveDamage(
                    offset: member.compressed,
                    reason:
                        "gzip member at \(member.compressed) holds more than one record (not one member per record): records that do not start a member get offsets in decompressed bytes",
                    kind: "records share gzip members"))
        }
        return (start, true)
    }

    // MARK: - Lines and resynchronising

    /// One line in the window: its text without line ending, and its length with it.
    private struct Line {
        var text: String
        var length: Int
        var terminated: Bool
    }

    /// The line starting at decoded `position` (at or after the cursor), reading more
    /// as needed; nil when nothing is there or no line ends within `maxLength`. The
    /// text is UTF-8 when valid, else ISO-8859-1 (as warcio reads headers).
    private func line(at position: Int, maxLength: Int) -> Line? {
        let offset = position - stream.position
        guard maxLength > 0, stream.ensure(offset + 1) else { return nil }
        var searched = 0
        while true {
            let count = min(stream.available - offset, maxLength)
            let window = stream.bytes
            if let newline = window[(offset + searched)..<(offset + count)].firstIndex(of: 0x0a) {
                return Line(text: Self.text(window[offset..<newline]), length: newline + 1 - offset, terminated: true)
            }
            searched = count
            if count >= maxLength { return nil }
            if !stream.ensure(offset + count + 1) {
                let rest = stream.bytes[offset..<(offset + count)]
                return Line(text: Self.text(rest), length: count, terminated: false)
            }
        }
    }

    private static func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == 0x0d { end -= 1 }
        let line = bytes[bytes.startIndex..<end]
        return String(validating: line, as: UTF8.self)
            ?? String(String.UnicodeScalarView(line.map { Unicode.Scalar($0) }))
    }

    /// True when a `WARC/<version>` line starts at decoded `position`.
    private func warcVersionLine(at position: Int) -> Bool {
        let offset = position - stream.position
        stream.ensure(offset + 16)
        let bytes = stream.bytes
        guard bytes.count >= offset + 6, bytes[offset..<(offset + 5)].elementsEqual("WARC/".utf8) else { return false }
        var at = offset + 5
        while at < bytes.count, at - offset < 12, bytes[at] == UInt8(ascii: ".") || (0x30...0x39).contains(bytes[at]) {
            at += 1
        }
        return at > offset + 5 && (at == bytes.count || [0x0d, 0x0a, 0x20, 0x09].contains(bytes[at]))
    }

    /// True when a WARC or ARC record header line starts at decoded `position`.
    private func headerStarts(at position: Int) -> Bool {
        if format != .arc, warcVersionLine(at: position) { return true }
        guard format != .warc, let line = line(at: position, maxLength: ARCHeader.maxLength) else { return false }
        return ARCHeader(line.text, fieldCount: arcFieldCount) != nil
    }

    private func skipLineBreaks() {
        while stream.ensure(1) {
            let bytes = stream.bytes
            let count = bytes.firstIndex(where: { !Self.isLineBreak($0) }) ?? bytes.count
            stream.advance(count)
            if count < bytes.count { return }
        }
    }

    /// Drops the line at `start` and every following line until one starts a record
    /// (checking too wherever a gzip member starts or damaged data ends), and reports
    /// the bytes skipped.
    private func resynchronise(from start: Int) {
        // Located now: what lies before the cursor is forgotten as it moves on.
        let location = locate(start)
        let previous = followsBlock ? lastBlock.map { describe($0.recordStart) } : nil
        repeat {
            let bytes = stream.bytes
            var step = bytes.firstIndex(of: 0x0a).map { $0 + 1 } ?? bytes.count
            if let stop = stream.firstStop(in: (stream.position + 1)..<(stream.position + step)) {
                step = stop - stream.position
            }
            stream.advance(step)
            stream.forget(before: stream.position)
        } while stream.ensure(1) && !headerStarts(at: stream.position)
        let count = stream.position - start
        var reason =
            stream.ensure(1)
            ? "\(count) bytes that are not a record: skipped" : "\(count) bytes at the end are not a record: ignored"
        if let previous {
            reason += " (they follow the record at \(previous): its Content-Length may be wrong)"
        }
        damage.append(
            ArchiveDamage(offset: location.offset, reason: reason + location.inside, kind: "garbage between records"))
    }

    // MARK: - Damage

    /// Appends damage at decoded `position`, located in the file (for gzip: the
    /// compressed offset of the member holding it, and the decoded byte when not its start).
    private func report(at position: Int, _ reason: String, kind: String) {
        let location = locate(position)
        damage.append(ArchiveDamage(offset: location.offset, reason: reason + location.inside, kind: kind))
    }

    /// The file offset of decoded `position`, and a note of the decompressed byte when
    /// that offset is the start of a gzip member holding it further on.
    private func locate(_ position: Int) -> (offset: Int, inside: String) {
        guard stream.isGzip, let member = stream.member(containing: position) else { return (position, "") }
        return (member.compressed, position == member.decoded ? "" : " [decompressed byte \(position)]")
    }

    /// Where decoded `position` is, for messages: a file offset or a decompressed byte.
    private func describe(_ position: Int) -> String {
        guard stream.isGzip, let member = stream.member(containing: position) else { return "offset \(position)" }
        return member.decoded == position ? "offset \(member.compressed)" : "decompressed byte \(position)"
    }

    private static func isLineBreak(_ byte: UInt8) -> Bool { byte == 0x0d || byte == 0x0a }

    /// A non-negative decimal written with digits only (no sign, no spaces).
    static func decimal(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 18, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }

    private static func stripAngleBrackets(_ uri: String) -> String {
        uri.hasPrefix("<") && uri.hasSuffix(">") ? String(uri.dropFirst().dropLast()) : uri
    }
}

/// An ARC record header line: `URL IP DATE MIME [RESULT CHECKSUM LOCATION OFFSET
/// FILENAME] LENGTH` (version 1 has 5 fields, version 2 has 10). The URL may contain
/// spaces, so the other fields are taken from the right.
struct ARCHeader {
    /// Longer lines are not ARC headers.
    static let maxLength = 16 << 10

    var url: String
    var date: String
    var mime: String
    /// As written; a record whose length is not a number is still a record.
    var lengthText: String
    var isFileHeader: Bool

    /// Parses `line`, or returns nil when it does not look like an ARC header: too few
    /// fields, no `scheme:` URL, or a date that is not 12–20 digits.
    init?(_ line: String, fieldCount: Int) {
        let trimmed = HeaderText.trimmed(line[...])
        isFileHeader = trimmed.hasPrefix("filedesc://")
        var fields: [Substring] = []
        var rest = Substring(trimmed)
        if isFileHeader {
            // The file header may have 5 fields even in a version 2 file; its URL has no spaces.
            fields = rest.split(separator: " ")
            guard fields.count >= 5 else { return nil }
        } else {
            while fields.count < fieldCount - 1, let space = rest.lastIndex(of: " ") {
                fields.insert(rest[rest.index(after: space)...], at: 0)
                rest = rest[..<space]
                while rest.last == " " { rest = rest.dropLast() }
            }
            guard fields.count == fieldCount - 1, !rest.isEmpty else { return nil }
            fields.insert(rest, at: 0)
        }
        let url = fields[0]
        guard let colon = url.firstIndex(of: ":"), colon > url.startIndex,
            url[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
            (12...20).contains(fields[2].count), fields[2].allSatisfy({ $0.isASCII && $0.isWholeNumber })
        else { return nil }
        self.url = String(url)
        date = String(fields[2])
        mime = String(fields[3])
        lengthText = String(fields[fields.count - 1])
    }
}
