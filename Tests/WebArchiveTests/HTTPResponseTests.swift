import Foundation
import Testing
import WebArchive

/// HTTP responses as archives store them: status line, chunking, content encodings
/// and the size limit.
@Suite struct HTTPResponseTests {
    static let html = "<html><body>hello</body></html>"

    static func response(_ headers: [String], body: [UInt8]) -> [UInt8] {
        Array((["HTTP/1.1 200 OK"] + headers).joined(separator: "\r\n").utf8) + Array("\r\n\r\n".utf8) + body
    }

    static func parse(_ headers: [String], body: [UInt8], limit: Int = 1 << 20) throws -> HTTPResponse {
        try #require(HTTPResponse.parse(response(headers, body: body), maxBodyBytes: limit))
    }

    @Test func statusHeadersAndMediaType() throws {
        let parsed = try Self.parse(["Content-Type: Text/HTML; charset=\"ISO-8859-1\""], body: Array("x".utf8))
        #expect(parsed.status == 200)
        #expect(parsed.reason == "OK")
        #expect(parsed.mediaType == "text/html")
        #expect(parsed.charset == "ISO-8859-1")
        #expect(parsed.header("content-type") != nil)
        #expect(parsed.body == Array("x".utf8))
        #expect(parsed.warnings.isEmpty)
    }

    @Test func notHTTPIsNil() {
        #expect(HTTPResponse.parse(Array("20080430204825\nwww.archive.org.".utf8), maxBodyBytes: 100) == nil)
    }

    @Test func chunkedBodyIsJoined() throws {
        let body = Array("5\r\nHello\r\n7;ext=1\r\n World!\r\n0\r\nTrailer: x\r\n\r\n".utf8)
        let parsed = try Self.parse(["Transfer-Encoding: chunked"], body: body)
        #expect(parsed.body == Array("Hello World!".utf8))
        #expect(parsed.warnings.isEmpty)
    }

    @Test func wrongChunkSizesKeepTheBodyWithAWarning() throws {
        let body = Array("5\r\nHello\r\n3\r\n World!\r\n0\r\n\r\n".utf8)
        let parsed = try Self.parse(["Transfer-Encoding: chunked"], body: body)
        #expect(parsed.body == Array("Hello World!\r\n0\r\n\r\n".utf8))
        #expect(parsed.warnings.count == 1)
        #expect(parsed.warnings.first?.contains("chunk") == true)
    }

    @Test func chunkRunningPastTheEndKeepsWhatIsThere() throws {
        let parsed = try Self.parse(["Transfer-Encoding: chunked"], body: Array("5\r\nHello\r\n20\r\nabc".utf8))
        #expect(parsed.body == Array("Helloabc".utf8))
        #expect(parsed.warnings.count == 1)
    }

    @Test func bodyMarkedChunkedThatIsNotStaysWhole() throws {
        let parsed = try Self.parse(["Transfer-Encoding: chunked"], body: Array(Self.html.utf8))
        #expect(parsed.body == Array(Self.html.utf8))
        #expect(parsed.warnings.count == 1)
    }

    @Test(arguments: [("gzip", 15 + 16), ("x-gzip", 15 + 16), ("deflate", 15), ("deflate", -15)] as [(String, Int32)])
    func contentEncodingIsUndone(encoding: String, windowBits: Int32) throws {
        let compressed = Fixture.compress(Array(Self.html.utf8), windowBits: windowBits)
        let parsed = try Self.parse(["Content-Encoding: \(encoding)"], body: compressed)
        #expect(parsed.body == Array(Self.html.utf8))
        #expect(parsed.warnings.isEmpty)
    }

    @Test func gzipInsideChunkedIsUndone() throws {
        let compressed = Fixture.compress(Array(Self.html.utf8))
        let chunked =
            Array(String(compressed.count, radix: 16).utf8) + [0x0d, 0x0a] + compressed
            + Array("\r\n0\r\n\r\n".utf8)
        let parsed = try Self.parse(["Transfer-Encoding: chunked", "Content-Encoding: gzip"], body: chunked)
        #expect(parsed.body == Array(Self.html.utf8))
    }

    /// `<p>` + "brotli body " × 20 + `</p>`, compressed with Python's brotli 1.2.1
    /// and checked to decompress to that text.
    static let brotliBody: [UInt8] = [
        0x1b, 0xf6, 0x00, 0xf8, 0xc5, 0x6d, 0x6c, 0x5d, 0xd7, 0x90, 0xde, 0x90, 0x4e, 0x10, 0x18, 0xd1,
        0xa9, 0x04, 0x59, 0xb0, 0x16, 0x40, 0x66, 0x1e, 0x4e, 0x68, 0x7d, 0x5d, 0x90, 0xf3, 0xc1, 0x0f,
    ]

    @Test func brotliIsUndone() throws {
        let parsed = try Self.parse(["Content-Encoding: br"], body: Self.brotliBody)
        #expect(parsed.body == Array(("<p>" + String(repeating: "brotli body ", count: 20) + "</p>").utf8))
        #expect(parsed.warnings.isEmpty)
    }

    @Test func unsupportedEncodingKeepsTheBodyWithAWarning() throws {
        let parsed = try Self.parse(["Content-Encoding: compress"], body: Array("stored".utf8))
        #expect(parsed.body == Array("stored".utf8))
        #expect(parsed.warnings == ["unsupported content-encoding compress: body kept as stored"])
    }

    @Test func undecodableGzipKeepsTheBodyWithAWarning() throws {
        let parsed = try Self.parse(["Content-Encoding: gzip"], body: Array("not gzip at all".utf8))
        #expect(parsed.body == Array("not gzip at all".utf8))
        #expect(parsed.warnings.count == 1)
        #expect(!parsed.bodyOverLimit)
    }

    /// 64 MB of zeros in about 64 KB: inflating stops at the limit, quickly.
    @Test(arguments: [Int32(15 + 16), 15])
    func compressionBombIsOverLimit(windowBits: Int32) throws {
        let deflater = Fixture.Deflater(windowBits: windowBits, level: 9)
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        var bomb: [UInt8] = []
        for _ in 0..<64 { bomb += deflater.feed(zeros) }
        bomb += deflater.finish()
        #expect(bomb.count < 1 << 17)
        let started = Date()
        let parsed = try Self.parse(
            ["Content-Encoding: \(windowBits == 15 ? "deflate" : "gzip")"], body: bomb, limit: 1 << 20)
        #expect(parsed.bodyOverLimit)
        #expect(parsed.body.isEmpty)
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test func plainBodyOverTheLimit() throws {
        let parsed = try Self.parse([], body: [UInt8](repeating: 0x61, count: 2000), limit: 1000)
        #expect(parsed.bodyOverLimit)
        #expect(parsed.body.isEmpty)
    }
}
