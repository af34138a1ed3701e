public import Foundation

/// Lists every record of an archive file with its length, as `threadminer records`
/// prints it: one JSON object per record, keys sorted, for comparison with other
/// tools' indexes (warcio `index`, CDX).
public enum RecordListing {
    /// One listed record.
    public struct Entry: Encodable, Sendable, Equatable {
        public var file: String
        public var offset: Int
        public var offsetIsDecoded: Bool
        public var length: Int?
        public var format: String
        public var type: String
        public var targetURI: String?
        public var date: String?
        public var captured: String?
        public var recordID: String?
        public var contentType: String?
        public var contentLength: Int
        public var payloadDigest: String?

        enum CodingKeys: String, CodingKey {
            case file, offset, length, format, type, date, captured
            case offsetIsDecoded = "offset_is_decoded"
            case targetURI = "target_uri"
            case recordID = "record_id"
            case contentType = "content_type"
            case contentLength = "content_length"
            case payloadDigest = "payload_digest"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(offset, forKey: .offset)
            try c.encode(offsetIsDecoded, forKey: .offsetIsDecoded)
            try c.encode(length, forKey: .length)
            try c.encode(format, forKey: .format)
            try c.encode(type, forKey: .type)
            try c.encode(targetURI, forKey: .targetURI)
            try c.encode(date, forKey: .date)
            try c.encode(captured, forKey: .captured)
            try c.encode(recordID, forKey: .recordID)
            try c.encode(contentType, forKey: .contentType)
            try c.encode(contentLength, forKey: .contentLength)
            try c.encode(payloadDigest, forKey: .payloadDigest)
        }

        init(_ r: ArchiveRecord) {
            file = r.file
            offset = r.offset
            offsetIsDecoded = r.offsetIsDecoded
            length = r.length
            format = r.format.rawValue
            type = r.type
            targetURI = r.targetURI
            date = r.date
            captured = r.captured
            recordID = r.recordID
            contentType = r.contentType
            contentLength = r.contentLength
            payloadDigest = r.payloadDigest
        }

        /// The entry as one JSON line (no newline).
        public func jsonLine() throws -> Data {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(self)
        }
    }

    /// Reads `path` and calls `entry` for each record in file order and `damage` for
    /// each problem, in the order they are met.
    /// - Throws: ``ArchiveError`` when the file cannot be opened.
    public static func list(
        path: String, entry: (Entry) throws -> Void, damage: (ArchiveDamage) throws -> Void
    ) throws {
        let (sources, problems) = try ArchiveSource.streams(of: path)
        for problem in problems { try damage(problem) }
        for source in sources { try list(source, entry: entry, damage: damage) }
    }

    private static func list(
        _ source: ArchiveSource, entry: (Entry) throws -> Void, damage: (ArchiveDamage) throws -> Void
    ) throws {
        let reader = try source.open()
        var previous: ArchiveRecord?
        func emit(_ record: ArchiveRecord, nextOffset: Int?) throws {
            var record = record
            if let nextOffset { record.length = nextOffset - record.offset }
            try entry(Entry(record))
        }
        while let record = reader.next() {
            for d in reader.takeDamage() { try damage(d) }
            if let previous {
                try emit(previous, nextOffset: previous.offsetIsDecoded == record.offsetIsDecoded ? record.offset : nil)
            }
            previous = record
        }
        for d in reader.takeDamage() { try damage(d) }
        if let previous {
            try emit(previous, nextOffset: previous.offsetIsDecoded ? reader.decodedEnd : reader.fileSize)
        }
    }
}
