@preconcurrency internal import CLibXML2

/// Why an XML document was refused.
public enum XMLDocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Empty, binary or oversized input (see ``MarkupError``).
    case input(MarkupError)
    /// The bytes are not well-formed XML; `line` and `column` count from 1 and point
    /// where libxml2 gave up, `reason` is libxml2's message.
    case notWellFormed(line: Int, column: Int, reason: String)

    public var description: String {
        switch self {
        case .input(let error): return error.description
        case .notWellFormed(let line, let column, let reason):
            return "not well-formed XML at line \(line), column \(column): \(reason)"
        }
    }
}

/// A parsed XML file (an export), queried with namespace-aware XPath.
///
/// Parsing is safe on untrusted files: no network, no DTD loading, no external
/// entities, and entity references are never expanded into the tree (an undeclared
/// or custom entity's text is left out; the five predefined entities and character
/// references are ordinary text). libxml2's entity amplification checks stay on
/// (`XML_PARSE_HUGE`, which turns them off in libxml2 2.9, is used only for files
/// without a DOCTYPE: they declare no entities, and may then hold text nodes over
/// libxml2's 10 MB default), so a "billion laughs" file fails fast.
/// Before parsing, a UTF-8 (or undeclared) or windows-1252 file has invalid UTF-8 and
/// the control characters XML forbids replaced by U+FFFD, so one bad byte in a large
/// export does not lose the whole file (``repairedBytes`` tells).
/// One document must be used from one thread at a time.
public final class XMLDocument: @unchecked Sendable {
    let doc: xmlDocPtr
    let xpathContext: xmlXPathContextPtr
    /// True when bytes were replaced by U+FFFD before parsing (see the type's summary).
    public let repairedBytes: Bool

    /// Parses `bytes` as XML.
    /// - Parameters:
    ///   - bytes: the raw file.
    ///   - namespaces: prefix → namespace URI, for the prefixes XPath queries use
    ///     (`["atom": "http://www.w3.org/2005/Atom"]`); they need not match the file's.
    ///   - limits: size limit; never above about 700 MB (libxml2 takes a 32-bit length,
    ///     and repairing invalid UTF-8 can triple the bytes).
    /// - Throws: ``XMLDocumentError``, with the line and column of the first error when
    ///   the file is not well-formed (truncated, damaged, an entity bomb).
    public init(
        bytes: UnsafeRawBufferPointer, namespaces: [String: String] = [:],
        limits: ParseLimits = ParseLimits(maxBytes: Int(Int32.max))
    ) throws(XMLDocumentError) {
        HTMLDocument.ensureInitialised()
        guard bytes.contains(where: { !Self.isSpace($0) }) else { throw .input(.empty) }
        let limit = min(limits.maxBytes, Int(Int32.max) / 3)
        guard bytes.count <= limit else { throw .input(.tooLarge(bytes: bytes.count, limit: limit)) }
        let isUTF16 = bytes.count >= 2 && (bytes[0] == 0xFF || bytes[0] == 0xFE || bytes[0] == 0 || bytes[1] == 0)
        if !isUTF16, let nul = bytes.prefix(4096).firstIndex(of: 0) { throw .input(.binary(offset: nul)) }
        let cleaned = isUTF16 ? nil : Self.cleanedUTF8(bytes)
        var options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_BIG_LINES.rawValue)
        if cleaned != nil { options |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
        let hasNoDoctype =
            !isUTF16
            && (cleaned.map { $0.bytes.withUnsafeBytes(Self.startsWithoutDoctype) } ?? Self.startsWithoutDoctype(bytes))
        if hasNoDoctype { options |= Int32(XML_PARSE_HUGE.rawValue) }
        let errors = XMLErrorLog()
        let parsed: xmlDocPtr? = errors.capturing {
            guard let cleaned else {
                return xmlReadMemory(
                    bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, nil, options)
            }
            return cleaned.bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    xmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options)
                }
            }
        }
        guard let parsed else {
            let first = errors.first
            throw .notWellFormed(
                line: first?.line ?? 0, column: first?.column ?? 0,
                reason: first?.reason ?? "libxml2 returned no document")
        }
        guard let context = xmlXPathNewContext(parsed) else {
            xmlFreeDoc(parsed)
            throw .input(.unparseable)
        }
        context.pointee.error = { _, _ in }
        for (prefix, uri) in namespaces { xmlXPathRegisterNs(context, prefix, uri) }
        xmlXPathOrderDocElems(parsed)
        doc = parsed
        xpathContext = context
        repairedBytes = cleaned?.repaired ?? false
    }

    deinit {
        xmlXPathFreeContext(xpathContext)
        xmlFreeDoc(doc)
    }

    /// The document element.
    public var root: Element? {
        xmlDocGetRootElement(doc).map { Element(document: self, pointer: $0) }
    }

    /// The elements `expression` selects from `context` (the document element when
    /// `nil`), in document order; other node kinds (attributes, text) are left out.
    public func elements(_ expression: XPathExpression, from context: Element? = nil) -> [Element] {
        xpathContext.pointee.node = context?.pointer ?? xmlDocGetRootElement(doc)
        guard let result = xmlXPathCompiledEval(expression.compiled, xpathContext) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard result.pointee.type == XPATH_NODESET, let set = result.pointee.nodesetval else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { i in
            guard let node = set.pointee.nodeTab[i], node.pointee.type == XML_ELEMENT_NODE else { return nil }
            return Element(document: self, pointer: node)
        }
    }

    /// An element of an ``XMLDocument``; keeps its document alive.
    public struct Element: Hashable, @unchecked Sendable {
        let document: XMLDocument
        let pointer: xmlNodePtr

        public static func == (lhs: Element, rhs: Element) -> Bool { lhs.pointer == rhs.pointer }
        public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }

        /// The name without its prefix (`entry` for `<atom:entry>`).
        public var localName: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

        /// The element's namespace URI, `nil` when it has none.
        public var namespaceURI: String? { pointer.pointee.ns?.pointee.href.map { String(cString: $0) } }

        /// The line of the start tag in the parsed file, from 1.
        public var line: Int { xmlGetLineNo(pointer) }

        /// The value of the un-namespaced attribute `name`, `nil` when absent.
        /// Entity references in the value are left out, as in ``text``.
        public func attribute(_ name: String) -> String? {
            var attribute = pointer.pointee.properties
            while let current = attribute {
                if current.pointee.ns == nil, let attributeName = current.pointee.name,
                    String(cString: attributeName) == name
                {
                    var out: [UInt8] = []
                    var child = current.pointee.children
                    while let node = child {
                        if node.pointee.type == XML_TEXT_NODE { Self.appendContent(node, to: &out) }
                        child = node.pointee.next
                    }
                    return String(decoding: out, as: UTF8.self)
                }
                attribute = current.pointee.next
            }
            return nil
        }

        /// All text and CDATA inside the element, in document order, as written (no
        /// whitespace changes). Entity references are not followed, so their text is
        /// left out and an entity bomb cannot expand here.
        /// - Complexity: O(size of the subtree); iterative, so any depth is safe.
        public var text: String {
            var out: [UInt8] = []
            var current = pointer.pointee.children
            while let node = current {
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: Self.appendContent(node, to: &out)
                case XML_ELEMENT_NODE where node.pointee.children != nil:
                    current = node.pointee.children
                    continue
                default: break
                }
                var climb: xmlNodePtr? = node
                current = nil
                while let c = climb, c != pointer {
                    if let next = c.pointee.next {
                        current = next
                        break
                    }
                    climb = c.pointee.parent
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        private static func appendContent(_ node: xmlNodePtr, to out: inout [UInt8]) {
            guard let content = node.pointee.content else { return }
            let length = Int(xmlStrlen(content))
            content.withMemoryRebound(to: UInt8.self, capacity: length) {
                out.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
            }
        }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
}

extension XMLDocument {
    /// UTF-8 bytes with forbidden characters replaced, or `nil` when the file needs no
    /// change or is in an encoding libxml2 should convert itself.
    fileprivate static func cleanedUTF8(_ bytes: UnsafeRawBufferPointer) -> (bytes: [UInt8], repaired: Bool)? {
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let body = UnsafeRawBufferPointer(rebasing: bytes[(hasBOM ? 3 : 0)...])
        let label = declaredEncoding(body).map(EncodingSniffer.canonicalLabel) ?? "UTF-8"
        var utf8: [UInt8]
        var repaired = false
        if label == "windows-1252" && !hasBOM {
            utf8 = Windows1252.utf8(body)
        } else if label == "UTF-8" || hasBOM {
            let valid = UTF8Validator.isValid(body)
            guard !valid || body.contains(where: isForbiddenControl) else { return nil }
            utf8 = valid ? Array(body) : UTF8Validator.repaired(body)
            repaired = !valid
        } else {
            return nil
        }
        guard utf8.contains(where: isForbiddenControl) else { return (utf8, repaired) }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            if isForbiddenControl(byte) {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                out.append(byte)
            }
        }
        return (out, true)
    }

    /// True when the prolog (XML declaration, processing instructions, comments) ends
    /// at the root element's start tag without a `<!DOCTYPE`; false when unsure.
    fileprivate static func startsWithoutDoctype(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let lt = UInt8(ascii: "<")
        var i = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        func starts(_ literal: String, at index: Int) -> Bool {
            let utf8 = Array(literal.utf8)
            return index + utf8.count <= bytes.count && bytes[index..<index + utf8.count].elementsEqual(utf8)
        }
        func skip(past terminator: String, from index: Int) -> Int? {
            let utf8 = Array(terminator.utf8)
            var k = index
            while k + utf8.count <= bytes.count {
                if bytes[k] == utf8[0], bytes[k..<k + utf8.count].elementsEqual(utf8) { return k + utf8.count }
                k += 1
            }
            return nil
        }
        while i < bytes.count {
            if isSpace(bytes[i]) {
                i += 1
                continue
            }
            guard bytes[i] == lt, i + 1 < bytes.count else { return false }
            if starts("<?", at: i) {
                guard let next = skip(past: "?>", from: i + 2) else { return false }
                i = next
            } else if starts("<!--", at: i) {
                guard let next = skip(past: "-->", from: i + 4) else { return false }
                i = next
            } else {
                let first = bytes[i + 1]
                return first >= 0x80 || first == UInt8(ascii: "_") || first == UInt8(ascii: ":")
                    || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z"))
            }
        }
        return false
    }

    /// C0 controls other than tab, line feed and carriage return: not allowed in XML 1.0.
    private static func isForbiddenControl(_ b: UInt8) -> Bool { b < 0x20 && b != 9 && b != 10 && b != 13 }

    /// The `encoding` of the XML declaration at the start of `bytes`, if any.
    private static func declaredEncoding(_ bytes: UnsafeRawBufferPointer) -> String? {
        let head = String(decoding: bytes.prefix(200), as: UTF8.self)
        guard head.hasPrefix("<?xml"), let end = head.firstRange(of: "?>") else { return nil }
        let declaration = head[..<end.lowerBound]
        guard let key = declaration.firstRange(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        let label = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." || $0 == ":" }
        return label.isEmpty ? nil : String(label)
    }
}

/// Keeps the first error libxml2 reports during one parse on this thread (the first
/// fatal one when there is one), and keeps every report off stderr (libxml2's error
/// handlers are per thread).
private final class XMLErrorLog {
    typealias Report = (line: Int, column: Int, reason: String)
    private var firstError: Report?
    private var firstFatal: Report?
    /// The error that explains a refused document.
    var first: Report? { firstFatal ?? firstError }

    func capturing<T>(_ body: () -> T) -> T {
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(context) { context, error in
            guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let log = Unmanaged<XMLErrorLog>.fromOpaque(context).takeUnretainedValue()
            let isFatal = error.pointee.level == XML_ERR_FATAL
            guard log.firstFatal == nil, log.firstError == nil || isFatal else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
            let reason = message.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" })
                .joined(separator: " ")
            let report = (Int(error.pointee.line), Int(error.pointee.int2), reason)
            if isFatal { log.firstFatal = report } else { log.firstError = report }
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return body()
    }
}
