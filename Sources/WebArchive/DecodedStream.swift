import CByteSearch
import CZlib
import Foundation

/// A damaged stretch of an input: where it is and what was wrong.
public struct ArchiveDamage: Sendable, Equatable, CustomStringConvertible {
    /// Byte offset in the file (compressed bytes for gzip inputs).
    public var offset: Int
    /// What was wrong and what was done, as a short fragment.
    public var reason: String
    /// A short category for counting, e.g. `truncated gzip member`.
    public var kind: String

    public var description: String { "offset \(offset): \(reason)" }
}

/// The bytes of one input file, decompressed when it is gzip (any number of
/// members), read forward through a bounded window so memory stays constant.
///
/// Positions are offsets in the decoded stream. For gzip inputs the stream
/// remembers where each member starts (decoded and compressed), so a record that
/// starts a member can be given the compressed offset a reader can seek to, and
/// where damage cut the stream (a truncated or corrupt member, garbage between
/// members): data before and after a break is never joined into one record.
final class DecodedStream {
    /// Where a gzip member starts, in decoded and in compressed bytes.
    struct MemberStart {
        var decoded: Int
        var compressed: Int
    }

    /// A point where decoded data is missing; records must not run across it.
    struct Break {
        var decoded: Int
    }

    let path: String
    let isGzip: Bool
    let fileSize: Int
    private let fd: Int32
    private let chunk = 1 << 20

    // Decoded window: bytes [windowStart, windowStart + count) of the decoded stream.
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var head = 0  // index of the cursor in storage
    private var tail = 0  // index one past the last decoded byte in storage
    private var headPosition = 0  // decoded position of storage[head]

    // Compressed input (gzip only).
    private var input: UnsafeMutablePointer<UInt8>
    private var inputCount = 0
    private var inputFileOffset = 0  // file offset of input[0]
    private var stream: UnsafeMutablePointer<z_stream>?
    private var memberOpen = false
    private var currentMember = MemberStart(decoded: 0, compressed: 0)
    private var fileEnded = false
    private var decodedTotal = 0
    /// Set from a corrupt member until a member decodes to its end: what is skipped
    /// and what fails meanwhile belongs to the damage already reported.
    private var resynchronising = false

    private(set) var memberStarts: [MemberStart] = []
    private(set) var breaks: [Break] = []
    private(set) var damage: [ArchiveDamage] = []

    /// Where the bytes read start in the file (non-zero for a WARC stored inside a WACZ).
    private let base: Int
    /// File bytes not read yet (plain) or not handed to zlib yet (gzip).
    private var remaining: Int

    /// Opens `path`, sniffing gzip from its first two bytes.
    /// - Parameter range: read only these bytes of the file (a stored ZIP entry);
    ///   offsets then count from the range's start.
    init(path: String, range: Range<Int>? = nil) throws(ArchiveError) {
        self.path = path
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw .unreadable(path: path, reason: "not a regular file")
        }
        let whole = 0..<Int(info.st_size)
        let window = range.map { $0.clamped(to: whole) } ?? whole
        base = window.lowerBound
        remaining = window.count
        fileSize = window.count
        lseek(fd, off_t(base), SEEK_SET)
        capacity = 4 << 20
        storage = .allocate(capacity: capacity)
        input = .allocate(capacity: chunk)
        var magic: (UInt8, UInt8) = (0, 0)
        isGzip = fileSize >= 2 && pread(fd, &magic, 2, off_t(base)) == 2 && magic == (0x1f, 0x8b)
        if isGzip {
            let z = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            z.initialize(to: z_stream())
            guard inflateInit2_(z, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                z.deallocate()
                close(fd)
                throw .unreadable(path: path, reason: "zlib could not start")
            }
            stream = z
        }
    }

    deinit {
        if let stream {
            inflateEnd(stream)
            stream.deallocate()
        }
        storage.deallocate()
        input.deallocate()
        close(fd)
    }

    /// Bytes the window holds now (it grows only to hold what a caller asked to see).
    var windowCapacity: Int { capacity }

    /// Decoded position of the cursor.
    var position: Int { headPosition }

    /// Decoded bytes available from the cursor without reading more.
    var available: Int { tail - head }

    /// The bytes from the cursor to the end of the window.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage + head, count: tail - head) }

    /// The decoded position one past the last decoded byte.
    var decodedEnd: Int { headPosition + (tail - head) }

    /// The first break or member start in `range` (decoded positions), if any.
    func firstStop(in range: Range<Int>, memberStarts includeMembers: Bool = true) -> Int? {
        let b = Self.firstIndex(in: breaks, atOrAfter: range.lowerBound, \.decoded)
        let brk = b < breaks.count && breaks[b].decoded < range.upperBound ? breaks[b].decoded : nil
        let m = Self.firstIndex(in: memberStarts, atOrAfter: range.lowerBound, \.decoded)
        guard includeMembers, m < memberStarts.count, memberStarts[m].decoded < range.upperBound else { return brk }
        return min(brk ?? memberStarts[m].decoded, memberStarts[m].decoded)
    }

    /// The decoded positions of the member starts in `range`, in order.
    func memberStarts(in range: Range<Int>) -> [Int] {
        let first = Self.firstIndex(in: memberStarts, atOrAfter: range.lowerBound, \.decoded)
        return memberStarts[first...].prefix(while: { $0.decoded < range.upperBound }).map(\.decoded)
    }

    /// True when decoded data is missing right before `position`.
    func isBreak(at position: Int) -> Bool {
        let i = Self.firstIndex(in: breaks, atOrAfter: position, \.decoded)
        return i < breaks.count && breaks[i].decoded == position
    }

    /// The member starting exactly at decoded `position` (the last one, after empty members).
    func memberStart(at position: Int) -> MemberStart? {
        member(containing: position).flatMap { $0.decoded == position ? $0 : nil }
    }

    /// The member holding decoded `position` (the last one starting at or before it).
    func member(containing position: Int) -> MemberStart? {
        let next = Self.firstIndex(in: memberStarts, atOrAfter: position + 1, \.decoded)
        return next > 0 ? memberStarts[next - 1] : nil
    }

    /// The index of the first element of `sorted` whose `key` is at least `position`.
    private static func firstIndex<T>(in sorted: [T], atOrAfter position: Int, _ key: KeyPath<T, Int>) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid][keyPath: key] < position { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The byte at decoded `position`, which must lie in the window.
    func byte(at position: Int) -> UInt8 {
        storage[head + position - headPosition]
    }

    /// Forgets member starts and breaks that can no longer be asked about: those
    /// before `position`, except the member holding it.
    func forget(before position: Int) {
        if let keep = memberStarts.lastIndex(where: { $0.decoded <= position }), keep > 0 {
            memberStarts.removeFirst(keep)
        }
        breaks.removeAll(where: { $0.decoded < position })
    }

    /// Takes the damage noticed so far.
    func takeDamage() -> [ArchiveDamage] {
        defer { damage.removeAll() }
        return damage
    }

    /// The file offset where the next unread compressed (or plain) byte is.
    var compressedPosition: Int {
        guard let stream else { return headPosition + (tail - head) }
        return inputFileOffset + inputCount - Int(stream.pointee.avail_in)
    }

    /// Reads until at least `count` bytes are available or the input ends.
    /// - Returns: true when `count` bytes are available.
    @discardableResult
    func ensure(_ count: Int) -> Bool {
        while available < count {
            if !produce() { return false }
        }
        return true
    }

    /// Moves the cursor forward by `count` available bytes.
    func advance(_ count: Int) {
        precondition(count <= available)
        head += count
        headPosition += count
    }

    // MARK: - Producing decoded bytes

    /// Appends more decoded bytes to the window. Returns false at the end of input.
    private func produce() -> Bool {
        makeRoom()
        return isGzip ? inflateMore() : readPlain()
    }

    private func makeRoom() {
        if head > 0 && (head == tail || head > capacity / 2) {
            let live = tail - head
            if live > 0 { (storage).update(from: storage + head, count: live) }
            head = 0
            tail = live
        }
        if capacity - tail < chunk {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            grown.update(from: storage + head, count: tail - head)
            storage.deallocate()
            storage = grown
            capacity *= 2
            tail -= head
            head = 0
        }
    }

    private func readPlain() -> Bool {
        let n = read(fd, storage + tail, min(chunk, remaining))
        guard n > 0 else { return false }
        remaining -= n
        tail += n
        return true
    }

    private func refillInput() -> Bool {
        guard let stream else { return false }
        let unread = Int(stream.pointee.avail_in)
        if unread > 0 { input.update(from: input + (inputCount - unread), count: unread) }
        inputFileOffset += inputCount - unread
        let n = read(fd, input + unread, min(chunk - unread, remaining))
        remaining -= max(0, n)
        inputCount = unread + max(0, n)
        stream.pointee.next_in = input
        stream.pointee.avail_in = UInt32(inputCount)
        if n <= 0 { fileEnded = true }
        return n > 0
    }

    /// Re-reads the file from `offset` (used to resynchronise after a corrupt member).
    private func restartInput(at offset: Int) {
        guard let stream else { return }
        lseek(fd, off_t(base + offset), SEEK_SET)
        remaining = fileSize - offset
        inputFileOffset = offset
        inputCount = 0
        stream.pointee.avail_in = 0
        fileEnded = false
    }

    private func inflateMore() -> Bool {
        guard let stream else { return false }
        while true {
            if !memberOpen {
                guard openMember() else { return false }
            }
            if stream.pointee.avail_in == 0 && !refillInput() {
                // Input ended inside a member (a candidate found while resynchronising is no member).
                if !resynchronising {
                    damage.append(
                        ArchiveDamage(
                            offset: currentMember.compressed,
                            reason:
                                "truncated gzip member (\(compressedPosition - currentMember.compressed) bytes, no end): data after \(decodedTotal - currentMember.decoded) decoded bytes is missing",
                            kind: "truncated gzip member"))
                }
                breaks.append(Break(decoded: decodedTotal))
                memberOpen = false
                // zlib may have read a cut member on into the members after it: look for them.
                resynchronising = true
                restartInput(at: currentMember.compressed + 1)
                continue
            }
            stream.pointee.next_out = storage + tail
            stream.pointee.avail_out = UInt32(capacity - tail)
            let before = tail
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = capacity - tail - Int(stream.pointee.avail_out)
            tail += produced
            decodedTotal += produced
            switch status {
            case Z_STREAM_END:
                memberOpen = false
                resynchronising = false
                if tail > before { return true }
            case Z_OK, Z_BUF_ERROR:
                if tail > before { return true }
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                memberOpen = false
                // A bad check can also mean the member was cut and zlib read on into the next
                // one: resynchronise from just after this member's start either way.
                if !resynchronising {
                    damage.append(
                        ArchiveDamage(
                            offset: currentMember.compressed,
                            reason:
                                "corrupt gzip member (\(message)) after \(decodedTotal - currentMember.decoded) decoded bytes: skipped to the next member",
                            kind: "corrupt gzip member"))
                }
                breaks.append(Break(decoded: decodedTotal))
                resynchronising = true
                restartInput(at: currentMember.compressed + 1)
                if tail > before { return true }
            }
        }
    }

    /// Finds the next gzip member header (reporting bytes skipped to reach it) and resets zlib.
    private func openMember() -> Bool {
        guard let stream else { return false }
        let garbageStart = compressedPosition
        while true {
            if stream.pointee.avail_in < 3 && !fileEnded { _ = refillInput() }
            let unread = Int(stream.pointee.avail_in)
            if unread == 0 {
                reportGarbage(from: garbageStart, to: compressedPosition, atEnd: true)
                return false
            }
            let start = stream.pointee.next_in!
            let magic: [UInt8] = [0x1f, 0x8b, 0x08]
            let found = threadminerFind(start, unread, magic)
            if found >= 0 {
                stream.pointee.next_in = start + found
                stream.pointee.avail_in = UInt32(unread - found)
                if stream.pointee.avail_in < 3 && !fileEnded {
                    _ = refillInput()
                    continue
                }
                reportGarbage(from: garbageStart, to: compressedPosition, atEnd: false)
                break
            }
            if fileEnded {
                stream.pointee.next_in = start + unread
                stream.pointee.avail_in = 0
                reportGarbage(from: garbageStart, to: compressedPosition, atEnd: true)
                return false
            }
            // Keep the last two bytes: a header may straddle the refill.
            let keep = min(2, unread)
            stream.pointee.next_in = start + (unread - keep)
            stream.pointee.avail_in = UInt32(keep)
            _ = refillInput()
        }
        inflateReset(stream)
        currentMember = MemberStart(decoded: decodedTotal, compressed: compressedPosition)
        memberStarts.append(currentMember)
        memberOpen = true
        return true
    }

    private func reportGarbage(from start: Int, to end: Int, atEnd: Bool) {
        guard end > start, !resynchronising else { return }
        let onlyPadding = atEnd && end - start <= 8
        if onlyPadding { return }
        damage.append(
            ArchiveDamage(
                offset: start,
                reason: atEnd
                    ? "\(end - start) bytes after the last gzip member are not gzip data: ignored"
                    : "\(end - start) bytes that are not gzip data before the next member: skipped",
                kind: "garbage between gzip members"))
        breaks.append(Break(decoded: decodedTotal))
    }
}

/// Index of `needle` in the first `count` bytes at `base`, or -1.
func threadminerFind(_ base: UnsafePointer<UInt8>, _ count: Int, _ needle: [UInt8]) -> Int {
    needle.withUnsafeBytes { n in
        threadminer_find(base, count, n.baseAddress, n.count)
    }
}
