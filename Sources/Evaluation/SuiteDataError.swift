/// A file of an evaluation suite (dragnet, snippets, extracted records) that could not
/// be read or understood.
public struct SuiteDataError: Error, Equatable, CustomStringConvertible {
    /// The file concerned, with `:LINE` for a line of a JSON-lines file.
    public var file: String
    /// What went wrong, a short lower-case fragment.
    public var problem: String

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}
