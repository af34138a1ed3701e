import CZlib
import Foundation
import Testing
import WebArchive

/// Builds WARC and ARC files for tests: records as text, gzip per record or whole,
/// written to a fresh temporary folder.
enum Fixture {
    /// One WARC record: header, block, and the two line breaks after it.
    static func warc(
        type: String = "response", uri: String? = "http://example.com/", date: String = "2014-01-03T03:03:21Z",
        id: String = UUID().uuidString, contentType: String = "application/http; msgtype=response",
        block: [UInt8], contentLength: String? = nil, extra: [String] = [], version: String = "WARC/1.0"
    ) -> [UInt8] {
        var lines = [version, "WARC-Type: \(type)", "WARC-Record-ID: <urn:uuid:\(id)>", "WARC-Date: \(date)"]
        if let uri { lines.append("WARC-Target-URI: \(uri)") }
        lines.append("Content-Type: \(contentType)")
        lines += extra
        lines.append("Content-Length: \(contentLength ?? String(block.count))")
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) + block + Array("\r\n\r\n".utf8)
    }

    /// A WARC record without a Content-Length line.
    static func warcWithoutLength(uri: String, block: [UInt8]) -> [UInt8] {
        let header =
            "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: 2014-01-03T03:03:21Z\r\n\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    /// An HTTP response block.
    static func http(_ body: String, headers: [String] = ["Content-Type: text/html"]) -> [UInt8] {
        Array((["HTTP/1.1 200 OK"] + headers).joined(separator: "\r\n").utf8) + Array("\r\n\r\n\(body)".utf8)
    }

    /// `bytes` as one gzip member (or a zlib stream / raw deflate with `windowBits` 15 / -15).
    static func compress(_ bytes: [UInt8], windowBits: Int32 = 15 + 16, level: Int32 = 6) -> [UInt8] {
        let deflater = Deflater(windowBits: windowBits, level: level)
        return deflater.feed(bytes) + deflater.finish()
    }

    /// Streaming deflate, for inputs too large to hold.
    final class Deflater {
        private let z = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

        init(windowBits: Int32 = 15 + 16, level: Int32 = 6) {
            z.initialize(to: z_stream())
            let status = deflateInit2_(
                z, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size))
            precondition(status == Z_OK)
        }

        deinit {
            deflateEnd(z)
            z.deallocate()
        }

        func feed(_ bytes: [UInt8]) -> [UInt8] { run(bytes, flush: Z_NO_FLUSH) }
        func finish() -> [UInt8] { run([], flush: Z_FINISH) }

        private func run(_ bytes: [UInt8], flush: Int32) -> [UInt8] {
            var input = bytes
            var out: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            input.withUnsafeMutableBufferPointer { inBuffer in
                z.pointee.next_in = inBuffer.baseAddress
                z.pointee.avail_in = UInt32(inBuffer.count)
                repeat {
                    chunk.withUnsafeMutableBufferPointer { outBuffer in
                        z.pointee.next_out = outBuffer.baseAddress
                        z.pointee.avail_out = UInt32(outBuffer.count)
                        _ = deflate(z, flush)
                        out.append(contentsOf: outBuffer[0..<(outBuffer.count - Int(z.pointee.avail_out))])
                    }
                } while z.pointee.avail_out == 0 || (flush == Z_FINISH && z.pointee.avail_in > 0)
            }
            return out
        }
    }

    /// Writes `bytes` to a file named `name` in a new temporary folder; returns its path.
    static func write(_ bytes: [UInt8], name: String = "test.warc") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "webarchive-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Every listed record and every damage of `path`.
    static func list(_ path: String) throws -> (records: [RecordListing.Entry], damage: [ArchiveDamage]) {
        var records: [RecordListing.Entry] = []
        var damage: [ArchiveDamage] = []
        try RecordListing.list(path: path, entry: { records.append($0) }, damage: { damage.append($0) })
        return (records, damage)
    }

    /// Three ordinary records: warcinfo, response, request. Their record ids are fixed, so
    /// the bytes (and their gzip members) are the same on every run.
    static func threeRecords() -> [[UInt8]] {
        [
            warc(
                type: "warcinfo", uri: nil, id: "00000000-0000-4000-8000-000000000001",
                contentType: "application/warc-fields", block: Array("software: test\r\n".utf8)),
            warc(
                uri: "http://example.com/a", id: "00000000-0000-4000-8000-000000000002", block: http("<html>a</html>")
            ),
            warc(
                type: "request", uri: "http://example.com/a", id: "00000000-0000-4000-8000-000000000003",
                contentType: "application/http; msgtype=request",
                block: Array("GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n".utf8)),
        ]
    }
}
