/// White space trimming and folding on Unicode scalars, without Foundation's `NSString`
/// bridging (which costs tens of thousands of instructions per call on Linux).
///
/// ``isWhiteSpace(_:)`` is the set of `CharacterSet.whitespacesAndNewlines` on Linux
/// (general category Z, tab, line ends U+000A–U+000D and U+0085, and the zero-width space
/// U+200B); ``isBlank(_:)`` is `CharacterSet.whitespaces` (category Zs, tab and U+200B).
public enum WhiteSpace {
    /// A scalar of `CharacterSet.whitespacesAndNewlines`.
    @inlinable public static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// A scalar of `CharacterSet.whitespaces`: spaces and tab, no line ends.
    @inlinable public static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `text` without the leading and trailing scalars that `trimmed` accepts.
    public static func trimming(_ text: Substring, _ trimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !trimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !trimmed($0) })!
        return String(Substring(scalars[first...last]))
    }
}

extension String {
    /// The text without leading and trailing white space and line ends, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it.
    public func trimmingWhiteSpace() -> String { WhiteSpace.trimming(self[...], WhiteSpace.isWhiteSpace) }

    /// The text without leading and trailing spaces and tabs, as
    /// `trimmingCharacters(in: .whitespaces)` gives it.
    public func trimmingBlanks() -> String { WhiteSpace.trimming(self[...], WhiteSpace.isBlank) }

    /// The text without the leading and trailing scalars that `trimmed` accepts.
    public func trimming(_ trimmed: (Unicode.Scalar) -> Bool) -> String { WhiteSpace.trimming(self[...], trimmed) }
}

extension Substring {
    /// As ``Swift/String/trimmingWhiteSpace()``.
    public func trimmingWhiteSpace() -> String { WhiteSpace.trimming(self, WhiteSpace.isWhiteSpace) }

    /// As ``Swift/String/trimmingBlanks()``.
    public func trimmingBlanks() -> String { WhiteSpace.trimming(self, WhiteSpace.isBlank) }

    /// As ``Swift/String/trimming(_:)``.
    public func trimming(_ trimmed: (Unicode.Scalar) -> Bool) -> String { WhiteSpace.trimming(self, trimmed) }
}
