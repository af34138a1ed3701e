import Foundation
import Testing

@testable import WebArchive

/// Listings of WARC files built in code: exact offsets and lengths, plain and gzip,
/// and every kind of damage with the records around it kept.
@Suite struct ReaderTests {
    @Test func plainListingHasExactOffsetsAndLengths() throws {
        let records = Fixture.threeRecords()
        let (entries, damage) = try Fixture.list(try Fixture.write(records.flatMap { $0 }))
        #expect(damage.isEmpty)
        #expect(entries.map(\.offset) == [0, records[0].count, records[0].count + records[1].count])
        #expect(entries.map(\.length) == records.map(\.count))
        #expect(entries.map(\.type) == ["warcinfo", "response", "request"])
        #expect(entries.map(\.targetURI) == [nil, "http://example.com/a", "http://example.com/a"])
        #expect(entries.map(\.captured) == Array(repeating: "2014-01-03T03:03:21Z", count: 3))
        #expect(entries.allSatisfy { !$0.offsetIsDecoded && $0.format == "warc" })
    }

    @Test func perRecordGzipOffsetsAreMemberOffsets() throws {
        let members = Fixture.threeRecords().map { Fixture.compress($0) }
        let (entries, damage) = try Fixture.list(try Fixture.write(members.flatMap { $0 }, name: "t.warc.gz"))
        #expect(damage.isEmpty)
        #expect(entries.map(\.offset) == [0, members[0].count, members[0].count + members[1].count])
        #expect(entries.map(\.length) == members.map(\.count))
        #expect(entries.allSatisfy { !$0.offsetIsDecoded })
    }

    @Test func wholeFileGzipCountsDecodedBytes() throws {
        let records = Fixture.threeRecords()
        let path = try Fixture.write(Fixture.compress(records.flatMap { $0 }), name: "t.warc.gz")
        let (entries, damage) = try Fixture.list(path)
        #expect(entries.map(\.offset) == [0, records[0].count, records[0].count + records[1].count])
        #expect(entries.map(\.offsetIsDecoded) == [false, true, true])
        #expect(entries.map(\.length) == [nil, records[1].count, records[2].count])
        #expect(damage.map(\.kind) == ["records share gzip members"])
        #expect(damage.first?.offset == 0)
    }

    @Test func truncatedMemberInTheMiddleKeepsTheRecordsAround() throws {
        let members = Fixture.threeRecords().map { Fixture.compress($0) }
        let cut = Array(members[1].prefix(members[1].count / 2))
        let path = try Fixture.write(members[0] + cut + members[2], name: "t.warc.gz")
        let (entries, damage) = try Fixture.list(path)
        #expect(entries.first?.type == "warcinfo")
        #expect(entries.last?.offset == members[0].count + cut.count)
        #expect(entries.last?.type == "request")
        // zlib reads the next member's bytes as more of the cut stream: depending on those
        // bytes it stops at invalid data ("corrupt") or runs out of input ("truncated").
        // Either is reported at the cut member, and the record after it still lands.
        #expect(
            damage.contains {
                $0.offset == members[0].count && ["corrupt gzip member", "truncated gzip member"].contains($0.kind)
            })
    }

    @Test func truncatedLastMemberIsReported() throws {
        let members = Fixture.threeRecords().map { Fixture.compress($0) }
        let cut = Array(members[2].prefix(members[2].count - 12))
        let (entries, damage) = try Fixture.list(try Fixture.write(members[0] + members[1] + cut, name: "t.warc.gz"))
        #expect(entries.count >= 2)
        #expect(
            damage.contains { $0.offset == members[0].count + members[1].count && $0.kind == "truncated gzip member" })
    }

    @Test func garbageBetweenRecordsIsSkippedAndReported() throws {
        let records = Fixture.threeRecords()
        let garbage = Array("this is not a record\r\nnor is this\r\n".utf8)
        let path = try Fixture.write(records[0] + garbage + records[1] + records[2])
        let (entries, damage) = try Fixture.list(path)
        #expect(
            entries.map(\.offset) == [
                0, records[0].count + garbage.count, records[0].count + garbage.count + records[1].count,
            ])
        #expect(damage.count == 1)
        #expect(damage.first?.offset == records[0].count)
        #expect(damage.first?.kind == "garbage between records")
        #expect(damage.first?.reason.hasPrefix("\(garbage.count) bytes") == true)
    }

    @Test func garbageBetweenGzipMembersIsSkippedAndReported() throws {
        let members = Fixture.threeRecords().map { Fixture.compress($0) }
        let garbage = Array("garbage, not gzip".utf8)
        let path = try Fixture.write(members[0] + garbage + members[1] + members[2], name: "t.warc.gz")
        let (entries, damage) = try Fixture.list(path)
        let second = members[0].count + garbage.count
        #expect(entries.map(\.offset) == [0, second, second + members[1].count])
        #expect(damage.map(\.offset) == [members[0].count])
        #expect(damage.map(\.kind) == ["garbage between gzip members"])
    }

    @Test func contentLengthTooLongIsCutAtTheNextRecord() throws {
        let records = Fixture.threeRecords()
        let block = Fixture.http("<html>long</html>")
        let wrong = Fixture.warc(uri: "http://example.com/long", block: block, contentLength: String(block.count + 30))
        let path = try Fixture.write(records[0] + wrong + records[2])
        let (entries, damage) = try Fixture.list(path)
        #expect(entries.map(\.offset) == [0, records[0].count, records[0].count + wrong.count])
        #expect(damage.map(\.kind) == ["wrong content-length"])
        #expect(damage.first?.offset == records[0].count)

        let reader = try ArchiveReader(path: path)
        _ = reader.next()
        let record = try #require(reader.next())
        #expect(record.contentLength == block.count + 30)
        let read = reader.readBlock(limit: 1 << 20)
        #expect(read.bytes == block)
        #expect(read.truncated)
        #expect(reader.next()?.type == "request")
    }

    @Test func contentLengthTooShortLeavesReportedGarbage() throws {
        let records = Fixture.threeRecords()
        let block = Fixture.http("<html>short</html>")
        let wrong = Fixture.warc(uri: "http://example.com/short", block: block, contentLength: String(block.count - 10))
        let path = try Fixture.write(records[0] + wrong + records[2])
        let (entries, damage) = try Fixture.list(path)
        #expect(entries.map(\.offset) == [0, records[0].count, records[0].count + wrong.count])
        #expect(damage.map(\.kind) == ["garbage between records"])
        #expect(damage.first?.offset == records[0].count + wrong.count - 14)
        #expect(damage.first?.reason.contains("Content-Length may be wrong") == true)
    }

    @Test func contentLengthTooLongInGzipStopsAtTheNextMember() throws {
        let records = Fixture.threeRecords()
        let block = Fixture.http("<html>long</html>")
        let wrong = Fixture.warc(uri: "http://example.com/long", block: block, contentLength: String(block.count + 100))
        let members = [records[0], wrong, records[2]].map { Fixture.compress($0) }
        let (entries, damage) = try Fixture.list(try Fixture.write(members.flatMap { $0 }, name: "t.warc.gz"))
        #expect(entries.map(\.offset) == [0, members[0].count, members[0].count + members[1].count])
        #expect(damage.map(\.kind) == ["truncated record"])
        #expect(damage.first?.offset == members[0].count)
    }

    @Test func missingContentLengthTakesTheBlockUpToTheNextRecord() throws {
        let records = Fixture.threeRecords()
        let bare = Fixture.warcWithoutLength(uri: "http://example.com/bare", block: Array("hello world".utf8))
        let path = try Fixture.write(records[0] + bare + records[2])
        let (entries, damage) = try Fixture.list(path)
        #expect(entries.map(\.offset) == [0, records[0].count, records[0].count + bare.count])
        #expect(entries[1].contentLength == 11)
        #expect(damage.map(\.kind) == ["missing content-length"])

        let reader = try ArchiveReader(path: path)
        _ = reader.next()
        _ = reader.next()
        #expect(reader.readBlock(limit: 100).bytes == Array("hello world".utf8))
        #expect(reader.next()?.type == "request")
    }

    @Test func headerWithoutWARCStartIsGarbage() throws {
        let records = Fixture.threeRecords()
        let bad = Array("WARX".utf8) + records[1].dropFirst(4)
        let path = try Fixture.write(records[0] + bad + records[2])
        let (entries, damage) = try Fixture.list(path)
        #expect(entries.map(\.type) == ["warcinfo", "request"])
        #expect(entries.last?.offset == records[0].count + bad.count)
        #expect(damage.map(\.kind) == ["garbage between records"])
        #expect(damage.first?.reason.hasPrefix("\(bad.count) bytes") == true)
    }

    @Test func declaredTwoGigabytesInAShortFileIsReadAsTruncated() throws {
        let body = Array(repeating: UInt8(ascii: "x"), count: 100)
        let record = Fixture.warc(block: body, contentLength: "2147483648")
        let reader = try ArchiveReader(path: try Fixture.write(Array(record.dropLast(4))))
        let header = try #require(reader.next())
        #expect(header.contentLength == 2_147_483_648)
        #expect(reader.readBlock(limit: 1 << 20).overLimit)
        let block = reader.readBlock(limit: .max)
        #expect(block.bytes == body)
        #expect(block.truncated)
        #expect(reader.windowCapacity <= 8 << 20)
        #expect(reader.next() == nil)
        #expect(reader.takeDamage().map(\.kind) == ["truncated record"])
    }

    @Test func largeRecordIsSkippedWithConstantMemory() throws {
        let size = 30 << 20
        let records = Fixture.threeRecords()
        let first = Fixture.compress(records[0])
        let last = Fixture.compress(records[2])
        let header = Array(
            "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://example.com/big\r\nContent-Length: \(size)\r\n\r\n"
                .utf8)
        let path = try Fixture.write(first, name: "big.warc.gz")
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try file.seekToEnd()
        let deflater = Fixture.Deflater(level: 1)
        var big = deflater.feed(header)
        let pattern = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
        for _ in 0..<(size >> 20) {
            big += deflater.feed(pattern)
            try file.write(contentsOf: big)
            big.removeAll(keepingCapacity: true)
        }
        let tail = deflater.feed(Array("\r\n\r\n".utf8)) + deflater.finish()
        try file.write(contentsOf: tail)
        let bigLength = Int(try file.offset()) - first.count
        try file.write(contentsOf: last)
        try file.close()

        let reader = try ArchiveReader(path: path)
        var offsets: [Int] = []
        while let record = reader.next() { offsets.append(record.offset) }
        #expect(offsets == [0, first.count, first.count + bigLength])
        #expect(reader.takeDamage().isEmpty)
        #expect(reader.windowCapacity <= 8 << 20)
    }

    @Test func recordSplitAcrossMembersIsReadWhole() throws {
        let records = Fixture.threeRecords()
        let half = records[1].count / 2
        let members = [
            Fixture.compress(records[0]), Fixture.compress(Array(records[1].prefix(half))),
            Fixture.compress(Array(records[1].dropFirst(half))), Fixture.compress(records[2]),
        ]
        let path = try Fixture.write(members.flatMap { $0 }, name: "t.warc.gz")
        let reader = try ArchiveReader(path: path)
        _ = reader.next()
        let record = try #require(reader.next())
        #expect(reader.readBlock(limit: 1 << 20).bytes == Fixture.http("<html>a</html>"))
        #expect(record.offset == members[0].count)
        #expect(reader.next()?.offset == members[0].count + members[1].count + members[2].count)
        #expect(reader.takeDamage().map(\.kind) == ["record spans gzip members"])
    }

    @Test func revisitFieldsAreParsed() throws {
        let revisit = Fixture.warc(
            type: "revisit", uri: "<http://example.com/new>", block: Array("HTTP/1.1 200 OK\r\n\r\n".utf8),
            extra: [
                "WARC-Refers-To-Target-URI: <http://example.com/old>", "WARC-Refers-To-Date: 2014-01-01T00:00:00Z",
                "WARC-Payload-Digest: sha1:B2LTWWPUOYAH7UIPQ7ZUPQ4VMBSVC36A",
                "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest",
            ], version: "WARC/1.1")
        let reader = try ArchiveReader(path: try Fixture.write(revisit))
        let record = try #require(reader.next())
        #expect(record.type == "revisit")
        #expect(record.version == "WARC/1.1")
        #expect(record.targetURI == "http://example.com/new")
        #expect(record.refersToTargetURI == "http://example.com/old")
        #expect(record.refersToDate == "2014-01-01T00:00:00Z")
        #expect(record.payloadDigest == "sha1:B2LTWWPUOYAH7UIPQ7ZUPQ4VMBSVC36A")
        #expect(record.header("warc-profile")?.hasSuffix("identical-payload-digest") == true)
    }

    @Test func targetURIsKeepSpacesAndReadLatin1() throws {
        var latin1 = Array("WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://example.com/caf".utf8)
        latin1 += [0xE9] + Array("\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n".utf8)
        let spaced = Fixture.warc(type: "resource", uri: "file:///a file.png", block: Array("png".utf8))
        let (entries, damage) = try Fixture.list(try Fixture.write(latin1 + spaced))
        #expect(damage.isEmpty)
        #expect(entries.map(\.targetURI) == ["http://example.com/caf\u{E9}", "file:///a file.png"])
    }

    @Test func duplicateRecordIDsAreAllListedAndReported() throws {
        let one = Fixture.warc(id: "same", block: Fixture.http("one"))
        let two = Fixture.warc(id: "same", block: Fixture.http("two"))
        let (entries, damage) = try Fixture.list(try Fixture.write(one + two))
        #expect(damage.map(\.kind) == ["duplicate record id"])
        #expect(damage.first?.offset == one.count)
        #expect(entries.map(\.recordID) == ["<urn:uuid:same>", "<urn:uuid:same>"])
        #expect(entries.map(\.offset) == [0, one.count])
    }

    @Test func doubledCarriageReturnsEndLines() throws {
        let block = Array("HTTP/1.0 302 \r\r\nLocation: http://example.com/x\r\r\nContent-Length: 0\r\r\n\r\r\n".utf8)
        let header = [
            "WARC/1.0", "WARC-Type: response", "WARC-Target-URI: http://example.com/", "Content-Length: \(block.count)",
            "", "",
        ].joined(separator: "\r\r\n")
        let reader = try ArchiveReader(path: try Fixture.write(Array(header.utf8) + block + Array("\r\r\n\r\r\n".utf8)))
        let record = try #require(reader.next())
        #expect(record.contentLength == block.count)
        let response = try #require(HTTPResponse.parse(reader.readBlock(limit: 1 << 20).bytes, maxBodyBytes: 1 << 20))
        #expect(response.status == 302)
        #expect(response.reason == nil)
        #expect(response.header("location") == "http://example.com/x")
        #expect(reader.next() == nil)
        #expect(reader.takeDamage().isEmpty)
    }

    @Test func overlongHeaderLineDoesNotHang() throws {
        let records = Fixture.threeRecords()
        let long = Array("WARC/1.0\r\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 300 << 10) + [0x0a]
        let (entries, damage) = try Fixture.list(try Fixture.write(long + records[2]))
        #expect(entries.map(\.offset) == [long.count])
        #expect(damage.map(\.kind) == ["garbage between records"])
    }

    @Test func headerCutByTheEndOfTheFile() throws {
        let records = Fixture.threeRecords()
        let path = try Fixture.write(records[0] + Array("WARC/1.0\r\nWARC-Type: response\r\nContent-Le".utf8))
        let (entries, damage) = try Fixture.list(path)
        #expect(entries.count == 1)
        #expect(damage.map(\.offset) == [records[0].count])
        #expect(damage.first?.reason.contains("end of the file") == true)
    }

    @Test func emptyAndTinyFilesHaveNoRecords() throws {
        for bytes in [[], [0x1f], [0x1f, 0x8b], Array("\r\n\r\n".utf8)] as [[UInt8]] {
            let (entries, _) = try Fixture.list(try Fixture.write(bytes))
            #expect(entries.isEmpty)
        }
    }

    @Test func unreadablePathThrows() {
        #expect(throws: ArchiveError.self) { try ArchiveReader(path: "/nonexistent/file.warc") }
    }
}
