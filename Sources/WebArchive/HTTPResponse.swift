import CBrotli
import CZlib
import Foundation

/// An HTTP response as an archive stores it: status line, headers, and the body
/// with transfer and content encodings undone.
public struct HTTPResponse: Sendable {
    public var status: Int?
    public var reason: String?
    public var headers: [HeaderField]
    /// The decoded body; empty when it could not be decoded within the limit.
    public var body: [UInt8]
    /// True when the decoded body would exceed the limit (a gzip bomb, or a huge page).
    public var bodyOverLimit: Bool
    /// What was unusual and what was done (bad chunking, unknown encodings).
    public var warnings: [String]

    /// The first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first(where: { HeaderText.sameName($0.name, name) })?.value
    }

    /// The media type of `Content-Type`, lower-cased (`text/html`).
    public var mediaType: String? {
        header("Content-Type").map { MediaType.essence($0) }
    }

    /// The `charset` parameter of `Content-Type`.
    public var charset: String? {
        header("Content-Type").flatMap(MediaType.charset)
    }

    /// Parses an HTTP response message.
    /// - Parameters:
    ///   - block: the record's content block (status line, headers, body).
    ///   - maxBodyBytes: the decoded body may not grow past this (gzip bombs).
    /// - Returns: `nil` when the block does not start with an HTTP status line.
    public static func parse(_ block: [UInt8], maxBodyBytes: Int) -> HTTPResponse? {
        guard block.starts(with: Array("HTTP/".utf8)) else { return nil }
        var lines: [String] = []
        var i = 0
        var bodyStart = block.count
        while i < block.count {
            guard let newline = block[i...].firstIndex(of: 0x0a) else {
                lines.append(String(decoding: block[i...], as: UTF8.self))
                break
            }
            var end = newline
            while end > i, block[end - 1] == 0x0d { end -= 1 }
            if end == i {
                bodyStart = newline + 1
                break
            }
            lines.append(String(decoding: block[i..<end], as: UTF8.self))
            i = newline + 1
        }
        guard let statusLine = lines.first else { return nil }
        let statusParts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        var response = HTTPResponse(
            status: statusParts.count > 1 ? Int(statusParts[1]) : nil,
            reason: statusParts.count > 2 ? String(statusParts[2]) : nil, headers: [], body: [],
            bodyOverLimit: false, warnings: [])
        response.headers = HeaderText.fields(lines.dropFirst())
        var body = Array(block[min(bodyStart, block.count)...])
        if let transfer = response.header("Transfer-Encoding")?.lowercased(), transfer.contains("chunked") {
            let dechunked = Dechunker.dechunk(body)
            body = dechunked.body
            if let problem = dechunked.problem {
                response.warnings.append("invalid chunked transfer encoding (\(problem))")
            }
        }
        let encodings = (response.header("Content-Encoding") ?? "").lowercased()
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty && $0 != "identity"
            }
        for encoding in encodings.reversed() {
            switch BodyDecoder.decode(body, encoding: encoding, limit: maxBodyBytes) {
            case .decoded(let decoded): body = decoded
            case .overLimit:
                response.bodyOverLimit = true
                response.warnings.append(
                    "\(encoding) body inflates past \(maxBodyBytes >> 20) MB (a gzip bomb?): body not read")
                return response
            case .failed(let reason):
                response.warnings.append(
                    "\(encoding) content-encoding could not be decoded (\(reason)): body kept as stored")
            case .unsupported:
                response.warnings.append("unsupported content-encoding \(encoding): body kept as stored")
            }
        }
        if body.count > maxBodyBytes {
            response.bodyOverLimit = true
            return response
        }
        response.body = body
        return response
    }
}

/// `type/subtype; charset=…` helpers.
public enum MediaType {
    /// The lower-cased `type/subtype` without parameters.
    public static func essence(_ contentType: String) -> String {
        (contentType.split(separator: ";").first.map(String.init) ?? contentType)
            .trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The `charset` parameter, unquoted, or nil.
    public static func charset(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else {
                continue
            }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(["\"", "'"]))
            return value.isEmpty ? nil : value
        }
        return nil
    }
}

/// Undoes `Transfer-Encoding: chunked`.
enum Dechunker {
    /// The joined chunks, and what was wrong with the framing, if anything. Like
    /// warcio, a size line that is not hex ends the dechunking: the rest of the body
    /// is kept as stored (all of it when the first size is bad, so a body marked
    /// chunked that is not stays whole); a chunk running past the end keeps what is
    /// there. A missing last chunk is tolerated.
    static func dechunk(_ body: [UInt8]) -> (body: [UInt8], problem: String?) {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = 0
        while i < body.count {
            let newline = body[i...].firstIndex(of: 0x0a) ?? body.count
            let line = String(decoding: body[i..<newline], as: UTF8.self)
            let sizeText = (line.split(separator: ";").first.map(String.init) ?? "").trimmingCharacters(
                in: .whitespacesAndNewlines)
            guard !sizeText.isEmpty, sizeText.count <= 15, let size = Int(sizeText, radix: 16), size >= 0 else {
                let problem =
                    i == 0
                    ? "no chunk size at the start: body kept as stored"
                    : "chunk size line at byte \(i) is not hex: the rest of the body kept as stored"
                out.append(contentsOf: body[i...])
                return (out, problem)
            }
            i = min(newline + 1, body.count)
            if size == 0 { return (out, nil) }
            guard size <= body.count - i else {
                out.append(contentsOf: body[i...])
                return (out, "chunk of \(size) bytes at byte \(i) runs past the end: kept the \(body.count - i) there")
            }
            out.append(contentsOf: body[i..<(i + size)])
            i += size
            if i < body.count, body[i] == 0x0d { i += 1 }
            if i < body.count, body[i] == 0x0a { i += 1 }
        }
        return (out, nil)
    }
}

/// Undoes `Content-Encoding` gzip, deflate and br, within a size limit.
enum BodyDecoder {
    enum Outcome {
        case decoded([UInt8])
        case overLimit
        case failed(String)
        case unsupported
    }

    static func decode(_ body: [UInt8], encoding: String, limit: Int) -> Outcome {
        switch encoding {
        case "gzip", "x-gzip": return inflate(body, windowBits: 15 + 32, limit: limit)
        case "deflate":
            // Servers send zlib-wrapped or raw deflate under this name.
            let wrapped = inflate(body, windowBits: 15, limit: limit)
            if case .failed = wrapped { return inflate(body, windowBits: -15, limit: limit) }
            return wrapped
        case "br": return brotli(body, limit: limit)
        default: return .unsupported
        }
    }

    private static func inflate(_ body: [UInt8], windowBits: Int32, limit: Int) -> Outcome {
        guard !body.isEmpty else { return .decoded([]) }
        let z = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        z.initialize(to: z_stream())
        defer { z.deallocate() }
        guard inflateInit2_(z, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failed("zlib could not start")
        }
        defer { inflateEnd(z) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256 << 10)
        return body.withUnsafeBufferPointer { input -> Outcome in
            z.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            z.pointee.avail_in = UInt32(input.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    z.pointee.next_out = buffer.baseAddress
                    z.pointee.avail_out = UInt32(buffer.count)
                    let status = CZlib.inflate(z, Z_NO_FLUSH)
                    out.append(contentsOf: buffer[0..<(buffer.count - Int(z.pointee.avail_out))])
                    return status
                }
                if out.count > limit { return .overLimit }
                switch status {
                case Z_STREAM_END: return .decoded(out)
                case Z_OK: continue
                case Z_BUF_ERROR:
                    // Input ended before the stream did: keep what decoded (truncated captures are common).
                    return out.isEmpty ? .failed("truncated data") : .decoded(out)
                default:
                    return .failed(z.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)")
                }
            }
        }
    }

    private static func brotli(_ body: [UInt8], limit: Int) -> Outcome {
        guard let state = BrotliDecoderCreateInstance(nil, nil, nil) else { return .failed("brotli could not start") }
        defer { BrotliDecoderDestroyInstance(state) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256 << 10)
        return body.withUnsafeBufferPointer { input -> Outcome in
            var availableIn = input.count
            var nextIn = input.baseAddress
            while true {
                var result = BROTLI_DECODER_RESULT_ERROR
                chunk.withUnsafeMutableBufferPointer { buffer in
                    var availableOut = buffer.count
                    var nextOut = buffer.baseAddress
                    result = BrotliDecoderDecompressStream(
                        state, &availableIn, &nextIn, &availableOut, &nextOut, nil)
                    out.append(contentsOf: buffer[0..<(buffer.count - availableOut)])
                }
                if out.count > limit { return .overLimit }
                switch result {
                case BROTLI_DECODER_RESULT_SUCCESS: return .decoded(out)
                case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: continue
                case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
                    return out.isEmpty ? .failed("truncated data") : .decoded(out)
                default:
                    return .failed(String(cString: BrotliDecoderErrorString(BrotliDecoderGetErrorCode(state))))
                }
            }
        }
    }
}
