import Testing
import WebArchive

/// ARC version 1 and 2 files built in code.
@Suite struct ARCTests {
    static func record(_ header: String, block: String) -> [UInt8] {
        Array("\(header) \(block.utf8.count)\n\(block)\n".utf8)
    }

    static let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>page</html>"

    @Test func versionOne() throws {
        let records = [
            Self.record(
                "filedesc://test.arc 0.0.0.0 20080430204825 text/plain",
                block: "1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"),
            Self.record("http://example.com/a b?c=d e 93.184.216.119 20140216050221 text/html", block: Self.page),
            Self.record("dns:example.com 1.2.3.4 20140216050222 text/dns", block: "20140216050222\nexample.com. A"),
        ]
        let path = try Fixture.write(records.flatMap { $0 }, name: "t.arc")
        let (entries, damage) = try Fixture.list(path)
        #expect(damage.isEmpty)
        #expect(entries.map(\.offset) == [0, records[0].count, records[0].count + records[1].count])
        #expect(entries.map(\.length) == records.map(\.count))
        #expect(entries.map(\.type) == ["warcinfo", "response", "response"])
        #expect(entries.map(\.targetURI) == ["filedesc://test.arc", "http://example.com/a b?c=d e", "dns:example.com"])
        #expect(entries.map(\.date) == ["20080430204825", "20140216050221", "20140216050222"])
        #expect(entries[1].captured == "2014-02-16T05:02:21Z")
        #expect(entries.map(\.contentType) == ["text/plain", "text/html", "text/dns"])
        #expect(entries.allSatisfy { $0.format == "arc" })

        let reader = try ArchiveReader(path: path)
        #expect(reader.next()?.version == "ARC/1")
        _ = reader.next()
        let response = HTTPResponse.parse(reader.readBlock(limit: 1 << 20).bytes, maxBodyBytes: 1 << 20)
        #expect(response?.body == Array("<html>page</html>".utf8))
    }

    @Test func versionTwo() throws {
        let names =
            "URL IP-address Archive-date Content-type Result-code Checksum Location Offset Filename Archive-length"
        let records = [
            Self.record(
                "filedesc://test2.arc 0.0.0.0 20080430204825 text/plain 200 - - 0 test2.arc",
                block: "2 0 Test\n\(names)\n"),
            Self.record(
                "http://example.com/ 93.184.216.119 20080430204826 text/html 200 3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ - 0 test2.arc",
                block: Self.page),
        ]
        let path = try Fixture.write(records.flatMap { $0 }, name: "t.arc")
        let (entries, damage) = try Fixture.list(path)
        #expect(damage.isEmpty)
        #expect(entries.map(\.offset) == [0, records[0].count])
        #expect(entries.map(\.targetURI) == ["filedesc://test2.arc", "http://example.com/"])
        #expect(entries.map(\.captured) == ["2008-04-30T20:48:25Z", "2008-04-30T20:48:26Z"])
        #expect(entries[1].contentType == "text/html")
        #expect(entries[1].contentLength == Self.page.utf8.count)
        let reader = try ArchiveReader(path: path)
        #expect(reader.next()?.version == "ARC/2")
    }

    @Test func gzipPerRecord() throws {
        let records = [
            Self.record(
                "filedesc://test.arc 0.0.0.0 20080430204825 text/plain",
                block: "1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"),
            Self.record("http://example.com/ 1.2.3.4 20140216050221 text/html", block: Self.page),
        ]
        let members = records.map { Fixture.compress($0) }
        let (entries, damage) = try Fixture.list(try Fixture.write(members.flatMap { $0 }, name: "t.arc.gz"))
        #expect(damage.isEmpty)
        #expect(entries.map(\.offset) == [0, members[0].count])
        #expect(entries.map(\.length) == members.map(\.count))
    }

    @Test func badLengthsAreRecordsWithReportedDamage() throws {
        let text = """
            filedesc://bad.arc 127.0.0.1 20140301000000 text/plain -1
            1 0 Bad
            URL IP-address Archive-date Content-type Archive-length

            http://example.com/ 93.184.216.119 201404010000000000 text/html -1

            http://example.com/ 127.0.0.1 20140102000000 text/plain 1


            http://example.com/ 93.184.216.119 201404010000000000 text/html abc

            """
        let (entries, damage) = try Fixture.list(try Fixture.write(Array(text.utf8), name: "bad.arc"))
        #expect(entries.map(\.type) == ["warcinfo", "response", "response", "response"])
        #expect(entries.map(\.captured)[1] == "2014-04-01T00:00:00Z")
        #expect(damage.map(\.kind) == Array(repeating: "missing content-length", count: 3))
    }

    @Test func missingSeparatorIsReportedOnce() throws {
        let block = "1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
        let text =
            "filedesc://t.arc 0.0.0.0 20080430204825 text/plain \(block.utf8.count)\n\(block)"
            + "dns:a.org 1.2.3.4 20080430204825 text/dns 3\nabc"
            + "dns:b.org 1.2.3.4 20080430204825 text/dns 3\nabc"
        let (entries, damage) = try Fixture.list(try Fixture.write(Array(text.utf8), name: "t.arc"))
        #expect(entries.map(\.targetURI) == ["filedesc://t.arc", "dns:a.org", "dns:b.org"])
        #expect(damage.map(\.kind) == ["missing record separator"])
    }
}
