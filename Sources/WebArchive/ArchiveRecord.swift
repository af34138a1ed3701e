/// The container format a record came from.
public enum ArchiveFormat: String, Sendable {
    case warc
    case arc
}

/// One WARC or ARC record's header, with where it sits in its file.
public struct ArchiveRecord: Sendable, Equatable {
    /// The file the record is in.
    public var file: String
    /// Where to seek to read the record again: the gzip member it starts (compressed
    /// offset) or its first byte in a plain file. When one gzip member holds several
    /// records (`offsetIsDecoded`), the offset counts decompressed bytes instead.
    public var offset: Int
    /// True when `offset` counts decompressed bytes (records share gzip members).
    public var offsetIsDecoded: Bool
    /// Bytes from this record's offset to the next record's (compressed for gzip);
    /// `nil` until the reader has found where the record ends.
    public var length: Int?
    public var format: ArchiveFormat
    /// `WARC/1.0`, `WARC/1.1`, `ARC/1`, `ARC/2`.
    public var version: String
    /// `warcinfo`, `response`, `request`, `resource`, `metadata`, `revisit`,
    /// `conversion`, `continuation` (ARC: `warcinfo` for the file header, else `response`).
    public var type: String
    public var targetURI: String?
    /// The date as written in the record.
    public var date: String?
    /// The date as ISO 8601 UTC `YYYY-MM-DDTHH:MM:SSZ`, missing parts filled with their
    /// earliest value; `nil` when the date cannot be read.
    public var captured: String?
    public var recordID: String?
    public var contentType: String?
    /// The length of the content block the header declares; when it declares none
    /// usable (missing, `-1`, `abc`), the length found up to the next record.
    public var contentLength: Int
    public var payloadDigest: String?
    /// For revisits: the original's target URI and date (`WARC-Refers-To-*`).
    public var refersToTargetURI: String?
    public var refersToDate: String?
    /// All header fields in order (names as written).
    public var headers: [HeaderField]

    /// The first header field named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first(where: { HeaderText.sameName($0.name, name) })?.value
    }
}

/// One `Name: value` header line.
public struct HeaderField: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A record's content block as read: complete, cut short, or over the size limit.
public struct RecordBlock: Sendable {
    /// The bytes read (at most the limit asked for).
    public var bytes: [UInt8]
    /// The declared length.
    public var declaredLength: Int
    /// True when fewer bytes than declared are there: the input ended or was damaged,
    /// or the next record starts inside the declared length.
    public var truncated: Bool
    /// True when the declared length exceeds the limit asked for; `bytes` is then empty.
    public var overLimit: Bool
}
