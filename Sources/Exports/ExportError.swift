/// Why an export file could not be read at all: where, why, and what to do.
public struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A category, for counting failures.
    public enum Kind: String, Sendable {
        case notAnExport = "not an export"
        case unreadable = "unreadable file"
        case notWellFormed = "not well-formed XML"
        case unexpectedStructure = "unexpected structure"
    }

    public var kind: Kind
    /// The file as the caller named it.
    public var file: String
    /// The line (from 1) the problem was found on, when known.
    public var line: Int?
    public var reason: String
    /// What the user can do about it.
    public var remedy: String

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(reason). \(remedy)"
    }
}
