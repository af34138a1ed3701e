/// Something a run noticed about one input: a skipped file, a recovered record.
/// Collected, counted and reported at the end; never fatal on its own.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case note, warning, error }

    public var severity: Severity
    public var file: String
    /// Byte offset of the record inside `file` (0 for a whole file).
    public var offset: Int
    /// What was wrong and what was done, as a short fragment.
    public var reason: String
    /// A short category for counting, e.g. `binary content`.
    public var kind: String

    public init(_ severity: Severity, file: String, offset: Int = 0, reason: String, kind: String) {
        self.severity = severity
        self.file = file
        self.offset = offset
        self.reason = reason
        self.kind = kind
    }

    /// `file:offset: severity: reason`.
    public var description: String { "\(file):\(offset): \(severity.rawValue): \(reason)" }
}
