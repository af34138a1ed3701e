import Foundation

/// Writing to stderr, and whether stderr is a terminal (progress only then).
enum Terminal {
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Rewrites the current stderr line (terminal only).
    static func progress(_ line: String) {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    static func endProgress() {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// Buffered stdout for bulk output (JSONL). A failed write (disk full, closed
/// pipe) is an error, so a map step never exits 0 with its output cut short.
final class StandardOutput {
    struct WriteError: Error, CustomStringConvertible {
        var code: Int32
        var description: String {
            "cannot write to standard output: \(String(cString: strerror(code)).lowercased())"
        }
    }

    private var buffer: [UInt8] = []

    func write(_ data: Data) throws {
        buffer.append(contentsOf: data)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func write(_ string: String) throws { try write(Data(string.utf8)) }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw WriteError(code: errno) }
                offset += n
            }
        }
    }
}

/// A failure about an input file: printed as `Error: <description>`, exit status 1
/// (``ValidationError`` is kept for mistakes in the command line itself).
struct InputError: Error, CustomStringConvertible {
    var description: String
}
