/// Errors that stop reading an input file before any record is read. Damage
/// inside a file never throws: it is reported as ``ArchiveDamage``.
public enum ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read (\(reason)); check the path and permissions"
        }
    }
}
