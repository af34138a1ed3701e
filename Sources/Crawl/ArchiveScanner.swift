import Corpus
import Foundation
import WebArchive

/// One unit of crawl work: a capture's provenance and what to extract from.
struct CaptureJob: Sendable {
    enum Payload: Sendable {
        /// A saved page on disk, read by the worker.
        case file(String)
        /// An HTML body read from an archive record, with the HTTP charset.
        case bytes([UInt8], charset: String?)
        /// Nothing to extract: the outcome in `capture` is final.
        case none
    }

    var capture: CaptureInput
    var payload: Payload
    /// The record's number in its file, from 0 (resume point); 0 for saved pages.
    var sequence = 0
    /// Problems met while reading this record (reported, not fatal).
    var notes: [Diagnostic] = []
}

/// Reads one WARC/ARC file record by record and turns each record into a
/// ``CaptureJob``: HTML responses to extract, revisits to resolve later, other
/// responses indexed. Requests, metadata and warcinfo records are passed over.
final class ArchiveScanner {
    let path: String
    private let reader: ArchiveReader
    private let maxPageBytes: Int
    private let resumeRecord: Int
    /// The last job read, held back until the next record tells its length.
    private var held: CaptureJob?
    private(set) var finished = false
    /// Damage found while reading, as diagnostics in file order.
    private(set) var damage: [Diagnostic] = []
    /// Records met, by WARC type (for the summary).
    private(set) var recordTypes: [String: Int] = [:]

    /// Non-HTML resources worth not reading at all, by URL path extension.
    static let skippedExtensions: Set<String> = [
        "jpg", "jpeg", "png", "gif", "webp", "svg", "ico", "bmp", "css", "js", "pdf", "zip", "gz", "mp3", "mp4",
        "woff", "woff2", "ttf", "eot", "swf", "flv", "avi", "mov", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
    ]

    init(source: ArchiveSource, maxPageBytes: Int, resumeRecord: Int) throws(ArchiveError) {
        self.path = source.name
        reader = try source.open()
        self.maxPageBytes = maxPageBytes
        self.resumeRecord = resumeRecord
    }

    /// Compressed bytes read so far.
    var bytesRead: Int { reader.bytesRead }
    var fileSize: Int { reader.fileSize }

    /// Where a rerun should resume once every job returned so far is stored: the
    /// held-back record's offset, or the end of the file when reading finished.
    var resumePoint: Int { held?.sequence ?? recordsRead }
    /// Records read so far (the next record's number).
    private var recordsRead = 0

    /// The next jobs, up to `count` of them or `bytes` of HTML; empty when the file is done.
    func nextBatch(count: Int, bytes: Int) -> [CaptureJob] {
        var jobs: [CaptureJob] = []
        var batchBytes = 0
        while jobs.count < count && batchBytes < bytes {
            guard let record = reader.next() else {
                collectDamage()
                if var last = held {
                    last.capture.length =
                        (last.capture.offsetIsDecoded ? reader.decodedEnd : reader.fileSize)
                        - last.capture.offset
                    jobs.append(last)
                    held = nil
                }
                finished = true
                break
            }
            collectDamage()
            recordTypes[record.type, default: 0] += 1
            let sequence = recordsRead
            recordsRead += 1
            if sequence < resumeRecord { continue }
            if var previous = held {
                if previous.capture.offsetIsDecoded == record.offsetIsDecoded {
                    previous.capture.length = record.offset - previous.capture.offset
                }
                jobs.append(previous)
                if case .bytes(let body, _) = previous.payload { batchBytes += body.count }
                held = nil
            }
            held = job(for: record)
            held?.sequence = sequence
        }
        return jobs
    }

    private func collectDamage() {
        for d in reader.takeDamage() {
            damage.append(Diagnostic(.warning, file: path, offset: d.offset, reason: d.reason, kind: d.kind))
        }
    }

    /// Takes the damage collected so far.
    func takeDamage() -> [Diagnostic] {
        defer { damage.removeAll() }
        return damage
    }

    private func baseCapture(_ record: ArchiveRecord, outcome: CaptureOutcome) -> CaptureInput {
        var capture = CaptureInput(
            file: path, offset: record.offset, recordType: record.type, sha1: nil, bytes: record.contentLength,
            outcome: outcome)
        capture.offsetIsDecoded = record.offsetIsDecoded
        capture.url = record.targetURI
        capture.captured = record.captured
        capture.payloadDigest = record.payloadDigest
        return capture
    }

    private func job(for record: ArchiveRecord) -> CaptureJob? {
        switch record.type {
        case "response", "resource":
            guard let uri = record.targetURI, uri.hasPrefix("http:") || uri.hasPrefix("https:") else { return nil }
            return responseJob(record, url: uri)
        case "revisit":
            return revisitJob(record)
        default:
            return nil
        }
    }

    private func responseJob(_ record: ArchiveRecord, url: String) -> CaptureJob {
        var capture = baseCapture(record, outcome: .indexed)
        if let ext = Self.pathExtension(url), Self.skippedExtensions.contains(ext) {
            return CaptureJob(capture: capture, payload: .none)
        }
        let block = reader.readBlock(limit: maxPageBytes + (64 << 10))
        if block.overLimit {
            capture.outcome = .skipped("record of \(block.declaredLength) bytes is over the page size limit")
            return CaptureJob(
                capture: capture, payload: .none,
                notes: [
                    Diagnostic(
                        .error, file: path, offset: record.offset,
                        reason: "skipped: record of \(block.declaredLength >> 20) MB is over the page size limit",
                        kind: "page too large")
                ])
        }
        var notes: [Diagnostic] = []
        if block.truncated {
            notes.append(
                Diagnostic(
                    .warning, file: path, offset: record.offset,
                    reason:
                        "record truncated (\(block.bytes.count) of \(block.declaredLength) bytes): extracted what is there",
                    kind: "truncated record"))
        }
        let isHTTP = record.format == .arc || (record.contentType ?? "").lowercased().hasPrefix("application/http")
        var body = block.bytes
        var charset: String?
        var mime: String?
        if isHTTP {
            guard let response = HTTPResponse.parse(block.bytes, maxBodyBytes: maxPageBytes) else {
                capture.outcome = .skipped("not an HTTP response")
                return CaptureJob(capture: capture, payload: .none, notes: notes)
            }
            capture.httpStatus = response.status
            mime = response.mediaType
            charset = response.charset
            for warning in response.warnings {
                notes.append(
                    Diagnostic(.warning, file: path, offset: record.offset, reason: warning, kind: "http body"))
            }
            if response.bodyOverLimit {
                capture.outcome = .skipped(response.warnings.last ?? "body over the page size limit")
                return CaptureJob(capture: capture, payload: .none, notes: notes)
            }
            body = response.body
            guard let status = response.status, (200..<300).contains(status) else {
                capture.mime = mime
                return CaptureJob(capture: capture, payload: .none, notes: notes)
            }
        } else {
            mime = record.contentType.map(MediaType.essence)
            charset = record.contentType.flatMap(MediaType.charset)
        }
        capture.mime = mime
        capture.bytes = body.count
        guard Self.isHTML(mime: mime, body: body) else { return CaptureJob(capture: capture, payload: .none) }
        return CaptureJob(capture: capture, payload: .bytes(body, charset: charset), notes: notes)
    }

    private func revisitJob(_ record: ArchiveRecord) -> CaptureJob? {
        guard let uri = record.targetURI, uri.hasPrefix("http:") || uri.hasPrefix("https:") else { return nil }
        if let ext = Self.pathExtension(uri), Self.skippedExtensions.contains(ext) { return nil }
        var capture = baseCapture(record, outcome: .revisit)
        capture.refersToDigest = record.payloadDigest
        capture.refersToURL = record.refersToTargetURI
        let block = reader.readBlock(limit: 64 << 10)
        if let response = HTTPResponse.parse(block.bytes, maxBodyBytes: 64 << 10) {
            capture.httpStatus = response.status
            capture.mime = response.mediaType
        }
        if let mime = capture.mime, !Self.isHTML(mime: mime, body: []) { capture.outcome = .indexed }
        if capture.refersToDigest == nil {
            capture.outcome = .skipped("revisit without WARC-Payload-Digest: cannot find what it repeats")
        }
        return CaptureJob(capture: capture, payload: .none)
    }

    static func pathExtension(_ url: String) -> String? {
        guard let path = URLComponents(string: url)?.path, let dot = path.lastIndex(of: "."),
            !path[dot...].contains("/")
        else { return nil }
        return path[path.index(after: dot)...].lowercased()
    }

    /// HTML by media type, or by its first bytes when the type is missing or generic.
    static func isHTML(mime: String?, body: [UInt8]) -> Bool {
        if let mime, mime == "text/html" || mime == "application/xhtml+xml" { return true }
        if let mime, !(mime.isEmpty || mime == "text/plain" || mime == "application/octet-stream" || mime == "unk") {
            return false
        }
        let head = String(decoding: body.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html")
    }
}
