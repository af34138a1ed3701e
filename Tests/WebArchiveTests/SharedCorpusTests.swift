import Foundation
import Testing
import WebArchive

/// Every WARC/ARC file of `../shared/corpus` (real crawler output and reader test
/// files from warcio and pywb), with the record counts confirmed against warcio by
/// `scripts/compare-warcio`. Skipped, with a message, where `../shared` is absent.
@Suite struct SharedCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static var available: Bool {
        FileManager.default.fileExists(atPath: corpus.appendingPathComponent("warcio-testdata").path)
    }

    /// Records and damage reports per file. Damage is expected exactly on the broken files.
    static let expected: [String: (records: Int, damage: Int)] = [
        "ukwa-test-warcs/BL-20140325121225068-00000-32090~opera~8443.warc.gz": (190, 0),
        "ukwa-test-warcs/BL-20140325122341434-00000-32090~opera~8443.warc.gz": (190, 0),
        // No line break between records: warcio stops at the second record.
        "ukwa-test-warcs/IAH-20080430204825-00000-blackbook-truncated.arc": (9, 1),
        "ukwa-test-warcs/IAH-20080430204825-00000-blackbook-truncated.arc.gz": (9, 0),
        "ukwa-test-warcs/IAH-20080430204825-00000-blackbook-truncated.warc": (23, 0),
        "ukwa-test-warcs/IAH-20080430204825-00000-blackbook-truncated.warc.gz": (23, 0),
        // 1 duplicate WARC-Record-ID, each reported.
        "ukwa-test-warcs/IAH-urls-wget.warc.gz": (36, 1),
        // 1 duplicate WARC-Record-ID, each reported.
        "ukwa-test-warcs/flashfrozen-jwat-recompressed.warc.gz": (82, 1),
        "ukwa-test-warcs/ip-host-testcase.warc.gz": (6, 0),
        "ukwa-test-warcs/transfer_compression_brotli.warc": (5, 0),
        "ukwa-test-warcs/transfer_compression_brotli.warc.gz": (5, 0),
        "ukwa-test-warcs/transfer_compression_gzip.warc": (5, 0),
        "ukwa-test-warcs/transfer_compression_gzip.warc.gz": (5, 0),
        "ukwa-test-warcs/transfer_compression_none.warc": (5, 0),
        "ukwa-test-warcs/transfer_compression_none.warc.gz": (5, 0),
        "ukwa-test-warcs/truncated_datetime.warc": (5, 0),
        // Lengths -1 and abc: records kept, each reported.
        "warcio-testdata/bad.arc": (4, 3),
        // One gzip member for the whole file.
        "warcio-testdata/example-bad-non-chunked.warc.gz": (6, 1),
        "warcio-testdata/example-bad.warc.gz.bad": (6, 1),
        // 3 duplicate WARC-Record-IDs, each reported.
        "warcio-testdata/example-digest.warc": (4, 3),
        "warcio-testdata/example-iana.org-chunked.warc": (3, 0),
        "warcio-testdata/example-resource.warc.gz": (3, 0),
        "warcio-testdata/example-space-in-target-uri.warc.gz": (2, 0),
        // The file ends 12 bytes before the declared length.
        "warcio-testdata/example-space-in-url.arc": (2, 1),
        // Content-Length 2 bytes short: 6 bytes of garbage after the record.
        "warcio-testdata/example-trunc.warc": (4, 1),
        "warcio-testdata/example-wget-bad-target-uri.warc.gz": (6, 0),
        // The first record's block is split over two gzip members.
        "warcio-testdata/example-wrong-chunks.warc.gz": (2, 1),
        "warcio-testdata/example.arc": (2, 0),
        "warcio-testdata/example.arc.gz": (2, 0),
        "warcio-testdata/example.warc": (6, 0),
        "warcio-testdata/example.warc.gz": (6, 0),
        "warcio-testdata/post-test.warc.gz": (6, 0),
        "pywb-sample-warcs/bad.arc": (4, 3),
        "pywb-sample-warcs/dupes.warc.gz": (25, 0),
        "pywb-sample-warcs/example-bad.warc.gz.bad": (6, 1),
        // 3 duplicate WARC-Record-IDs, each reported.
        "pywb-sample-warcs/example-extra.warc": (6, 3),
        "pywb-sample-warcs/example-url-agnostic-orig.warc.gz": (2, 0),
        "pywb-sample-warcs/example-url-agnostic-revisit.warc.gz": (2, 0),
        // 1 duplicate WARC-Record-ID, each reported.
        "pywb-sample-warcs/example-wget-1-14.warc.gz": (6, 1),
        "pywb-sample-warcs/example-wpull.warc.gz": (4, 0),
        "pywb-sample-warcs/example.arc": (2, 0),
        "pywb-sample-warcs/example.arc.gz": (2, 0),
        // A request whose Content-Length is one byte short: its last "m" is left over.
        "pywb-sample-warcs/example.warc": (6, 1),
        "pywb-sample-warcs/example.warc.gz": (6, 0),
        "pywb-sample-warcs/example2.warc.gz": (3, 0),
        "pywb-sample-warcs/httpbin-resource.warc.gz": (1, 0),
        "pywb-sample-warcs/iana.warc.gz": (343, 0),
        "pywb-sample-warcs/missing-status-text.warc": (1, 0),
        "pywb-sample-warcs/post-test.warc.gz": (6, 0),
    ]

    static let suffixes = [".warc", ".warc.gz", ".arc", ".arc.gz", ".bad"]

    @Test(.enabled(if: available, "../shared/corpus not found next to the checkout: real WARC/ARC files not read"))
    func everyFileHasTheConfirmedRecords() throws {
        var seen: Set<String> = []
        for folder in ["ukwa-test-warcs", "warcio-testdata", "pywb-sample-warcs"] {
            let names = try FileManager.default.contentsOfDirectory(
                atPath: Self.corpus.appendingPathComponent(folder).path)
            for name in names where Self.suffixes.contains(where: { name.hasSuffix($0) }) {
                let file = "\(folder)/\(name)"
                seen.insert(file)
                let expected = try #require(
                    Self.expected[file], "\(file) is new: confirm it with scripts/compare-warcio")
                let (entries, damage) = try Fixture.list(Self.corpus.appendingPathComponent(file).path)
                #expect(entries.count == expected.records, "\(file)")
                #expect(damage.count == expected.damage, "\(file): \(damage)")
            }
        }
        #expect(seen == Set(Self.expected.keys))
    }

    /// Every HTTP response in the corpus parses, and the transfer-compression samples
    /// decode to the same page.
    @Test(.enabled(if: available, "../shared/corpus not found next to the checkout: real WARC/ARC files not read"))
    func responsesDecode() throws {
        var pages: [String: [UInt8]] = [:]
        for file in Self.expected.keys.sorted() {
            let reader = try ArchiveReader(path: Self.corpus.appendingPathComponent(file).path)
            while let record = reader.next() {
                guard record.type == "response" || record.format == .arc else { continue }
                let block = reader.readBlock(limit: 16 << 20)
                guard let response = HTTPResponse.parse(block.bytes, maxBodyBytes: 16 << 20) else { continue }
                #expect(response.status != nil, "\(file) at \(record.offset)")
                if file.contains("transfer_compression"), response.mediaType == "text/html" {
                    #expect(response.warnings.isEmpty, "\(file): \(response.warnings)")
                    pages[file] = response.body
                }
            }
        }
        #expect(pages.count == 6)
        #expect(Set(pages.values.map { String(decoding: $0, as: UTF8.self).contains("</html>") }) == [true])
    }
}
