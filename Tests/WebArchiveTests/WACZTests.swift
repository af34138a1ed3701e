import Foundation
import Testing
import WebArchive

/// A ZIP with stored entries (no compression), as WACZ writers store WARCs.
func storedZIP(_ entries: [(name: String, bytes: [UInt8], method: UInt16)]) -> [UInt8] {
    func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    func u32(_ v: Int) -> [UInt8] { u16(v & 0xFFFF) + u16(v >> 16 & 0xFFFF) }
    var out: [UInt8] = []
    var directory: [UInt8] = []
    for entry in entries {
        let name = Array(entry.name.utf8)
        let offset = out.count
        let common =
            u16(20) + u16(0) + u16(Int(entry.method)) + u16(0) + u16(0) + u32(0)
            + u32(entry.bytes.count) + u32(entry.bytes.count) + u16(name.count) + u16(0)
        out += u32(0x0403_4b50) + common + name + entry.bytes
        directory += u32(0x0201_4b50) + u16(20) + common + u16(0) + u16(0) + u16(0) + u32(0) + u32(offset) + name
    }
    let start = out.count
    out += directory
    out +=
        u32(0x0605_4b50) + u16(0) + u16(0) + u16(entries.count) + u16(entries.count) + u32(directory.count)
        + u32(start) + u16(0)
    return out
}

@Suite struct WACZTests {
    @Test func warcsStoredInAPackageAreReadInPlaceWithTheirOwnOffsets() throws {
        let first = Fixture.warc(uri: "http://example.com/a", block: Fixture.http("<html>a</html>"))
        let second = Fixture.warc(uri: "http://example.com/b", block: Fixture.http("<html>b</html>"))
        let zip = storedZIP([
            (name: "datapackage.json", bytes: Array("{\"profile\": \"wacz\"}".utf8), method: 0),
            (name: "archive/data.warc", bytes: first + second, method: 0),
            (name: "archive/other.warc.gz", bytes: Array("squeezed".utf8), method: 8),
        ])
        let path = try Fixture.write(zip, name: "crawl.wacz")
        let (entries, damage) = try Fixture.list(path)
        #expect(entries.map(\.file) == [path + "#archive/data.warc", path + "#archive/data.warc"])
        #expect(entries.map(\.offset) == [0, first.count])
        #expect(entries.map(\.targetURI) == ["http://example.com/a", "http://example.com/b"])
        #expect(damage.map(\.kind) == ["unreadable WACZ entry"])
        #expect(damage.first?.reason.contains("archive/other.warc.gz") == true)
    }

    @Test func aPackageWithoutWARCsOrNotAZIPIsReported() throws {
        let empty = try Fixture.write(
            storedZIP([(name: "pages/pages.jsonl", bytes: Array("{}".utf8), method: 0)]), name: "e.wacz")
        let (entries, damage) = try Fixture.list(empty)
        #expect(entries.isEmpty)
        #expect(damage.map(\.kind) == ["empty WACZ"])
        let notZIP = try Fixture.write(Array("WARC/1.0\r\n".utf8), name: "n.wacz")
        #expect(throws: ArchiveError.self) { try Fixture.list(notZIP) }
    }

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: SharedCorpusTests.corpus.path),
            "../shared/corpus not found next to the checkout: real WACZ files not read"))
    func pywbSamplePackages() throws {
        let folder = SharedCorpusTests.corpus.appendingPathComponent("pywb-sample-warcs")
        let valid = try Fixture.list(folder.appendingPathComponent("valid_example_1.wacz").path)
        #expect(valid.records.map(\.type) == ["warcinfo", "warcinfo", "response", "request"])
        #expect(valid.damage.isEmpty)
        let invalid = try Fixture.list(folder.appendingPathComponent("invalid_example_1.wacz").path)
        #expect(invalid.records.isEmpty)
        #expect(invalid.damage.map(\.kind) == ["empty WACZ"])
    }
}
