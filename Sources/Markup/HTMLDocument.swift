@preconcurrency internal import CLibXML2

/// Limits applied before parsing.
public struct ParseLimits: Sendable {
    /// Pages larger than this are refused rather than parsed.
    public var maxBytes: Int

    public init(maxBytes: Int = 32 << 20) { self.maxBytes = maxBytes }
}

/// A parsed HTML page. Owns the libxml2 tree; ``Node`` values keep it alive.
///
/// Parsing recovers from broken markup, lifts libxml2's 255-level depth limit,
/// never touches the network, and decides the encoding with ``EncodingSniffer``.
/// One document must be used from one thread at a time; separate documents may be
/// parsed and queried on separate threads.
public final class HTMLDocument: @unchecked Sendable {
    let doc: htmlDocPtr
    let xpathContext: xmlXPathContextPtr
    /// The encoding label the bytes were decoded with.
    public let encoding: String
    /// How that encoding was decided.
    public let encodingSource: EncodingSource
    /// True when invalid UTF-8 sequences were replaced by U+FFFD before parsing.
    public let repairedInvalidUTF8: Bool
    /// True when libxml2 reported a character conversion error: the page's text may
    /// be cut short where the bytes did not fit the declared encoding.
    public let conversionFailed: Bool
    /// Bytes that did not fit the page's encoding and became U+FFFD.
    public let replacedBytes: Int

    /// Parses `bytes` as HTML.
    /// - Parameters:
    ///   - bytes: the raw page.
    ///   - url: the page URL, used by libxml2 only as the document's base.
    ///   - declaredEncoding: a charset from outside the page (HTTP `Content-Type`).
    ///   - limits: size limits.
    /// - Throws: ``MarkupError`` for empty, binary or oversized input.
    public init(
        bytes: UnsafeRawBufferPointer, url: String? = nil, declaredEncoding: String? = nil,
        limits: ParseLimits = ParseLimits()
    ) throws(MarkupError) {
        Self.ensureInitialised()
        guard bytes.count > 0, bytes.contains(where: { !Self.isSpace($0) }) else { throw .empty }
        // libxml2 takes an Int32 length, and windows-1252 can triple in UTF-8.
        let limit = min(limits.maxBytes, Int(Int32.max) / 3)
        guard bytes.count <= limit else { throw .tooLarge(bytes: bytes.count, limit: limit) }
        let decision = EncodingSniffer.decide(bytes, declared: declaredEncoding) { label in
            guard let handler = xmlFindCharEncodingHandler(label) else { return false }
            xmlCharEncCloseFunc(handler)
            return true
        }
        if !decision.label.hasPrefix("UTF-16"), let nul = Self.firstNUL(in: bytes, limit: 4096) {
            throw .binary(offset: nul)
        }
        let options =
            Int32(
                HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                    | HTML_PARSE_NONET.rawValue) | Int32(XML_PARSE_HUGE.rawValue)
        let body = UnsafeRawBufferPointer(rebasing: bytes[decision.skip...])
        let errors = ParseErrorLog()
        var replaced = 0
        let parsed: htmlDocPtr? = errors.capturing {
            // UTF-8 repair and windows-1252 are done here, not by iconv: glibc's CP1252
            // rejects five bytes and libxml2 then drops the rest of the page.
            if decision.needsUTF8Repair {
                return Self.parse(UTF8Validator.repaired(body), url: url, encoding: "UTF-8", options: options)
            } else if decision.label == "windows-1252" {
                return Self.parse(Windows1252.utf8(body), url: url, encoding: "UTF-8", options: options)
            } else if decision.label != "UTF-8", !decision.label.hasPrefix("UTF-16"),
                let converted = IconvTranscoder.utf8(body, from: decision.label)
            {
                replaced = converted.replaced
                return Self.parse(converted.bytes, url: url, encoding: "UTF-8", options: options)
            }
            return htmlReadMemory(
                body.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(body.count), url, decision.label,
                options)
        }
        guard let parsed else { throw .unparseable }
        guard let context = xmlXPathNewContext(parsed) else {
            xmlFreeDoc(parsed)
            throw .unparseable
        }
        // Pages are never modified after parsing: stamping document order on elements
        // lets libxml2 sort node sets by a number instead of climbing to the root for
        // every comparison, which is quadratic on deeply nested comment threads.
        xmlXPathOrderDocElems(parsed)
        context.pointee.error = { _, _ in }
        XPathFunctions.register(on: context)
        doc = parsed
        xpathContext = context
        encoding = decision.label
        encodingSource = decision.source
        repairedInvalidUTF8 = decision.needsUTF8Repair
        conversionFailed = errors.encodingErrors > 0
        replacedBytes = replaced
    }

    private static func parse(_ bytes: [UInt8], url: String?, encoding: String, options: Int32) -> htmlDocPtr? {
        bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) {
                htmlReadMemory($0.baseAddress, Int32($0.count), url, encoding, options)
            }
        }
    }

    deinit {
        xmlXPathFreeContext(xpathContext)
        xmlFreeDoc(doc)
    }

    /// Nodes selected by `expression`, in document order, evaluated from `context`
    /// (the document when `nil`).
    public func nodes(_ expression: XPathExpression, from context: Node? = nil) -> [Node] {
        if case .nodes(let nodes) = evaluate(expression, from: context) { return nodes }
        return []
    }

    /// The XPath value of `expression` as a result: nodes, a string, a number or a boolean.
    public func evaluate(_ expression: XPathExpression, from context: Node? = nil) -> XPathValue {
        guard let result = xpathObject(expression, from: context) else { return .nodes([]) }
        defer { xmlXPathFreeObject(result) }
        switch result.pointee.type {
        case XPATH_NODESET:
            var out: [Node] = []
            if let set = result.pointee.nodesetval {
                for i in 0..<Int(set.pointee.nodeNr) {
                    if let p = set.pointee.nodeTab[i] { out.append(Node(document: self, pointer: p)) }
                }
            }
            return .nodes(out)
        case XPATH_STRING:
            return .string(result.pointee.stringval.map { String(cString: $0) } ?? "")
        case XPATH_NUMBER:
            return .number(result.pointee.floatval)
        case XPATH_BOOLEAN:
            return .boolean(result.pointee.boolval != 0)
        default:
            return .nodes([])
        }
    }

    private func xpathObject(_ expression: XPathExpression, from context: Node?) -> xmlXPathObjectPtr? {
        xpathContext.pointee.node = context?.pointer ?? xmlDocGetRootElement(doc).map { UnsafeMutablePointer($0) }
        return xmlXPathCompiledEval(expression.compiled, xpathContext)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }

    private static func firstNUL(in bytes: UnsafeRawBufferPointer, limit: Int) -> Int? {
        bytes.prefix(limit).firstIndex(of: 0)
    }
}

/// The value of an XPath expression.
public enum XPathValue {
    case nodes([Node])
    case string(String)
    case number(Double)
    case boolean(Bool)
}

/// A compiled XPath 1.0 expression, reusable across documents.
///
/// On HTML documents it may also call `has-class('x')`: true when `x` is one of the
/// context element's class tokens (the `class` attribute split on XML white space).
///
/// Compile once per worker thread and reuse; compilation errors are reported as
/// ``MarkupError/invalidXPath(_:)`` and never printed.
public final class XPathExpression: @unchecked Sendable {
    let compiled: xmlXPathCompExprPtr
    /// The expression's source text.
    public let source: String

    /// - Throws: ``MarkupError/invalidXPath(_:)`` when `source` is not valid XPath 1.0.
    public init(_ source: String) throws(MarkupError) {
        HTMLDocument.ensureInitialised()
        guard let context = xmlXPathNewContext(nil) else { throw .invalidXPath(source) }
        defer { xmlXPathFreeContext(context) }
        context.pointee.error = { _, _ in }
        guard let compiled = xmlXPathCtxtCompile(context, source) else { throw .invalidXPath(source) }
        self.compiled = compiled
        self.source = source
    }

    deinit { xmlXPathFreeCompExpr(compiled) }
}

extension HTMLDocument {
    /// Calls `xmlInitParser()` once per process, before any parse or compile.
    static func ensureInitialised() { _ = initialised }
    private static let initialised: Void = { xmlInitParser() }()
}

/// Collects libxml2's error reports for one parse on this thread instead of letting
/// them reach stderr (libxml2's error handlers are per thread).
final class ParseErrorLog {
    private(set) var encodingErrors = 0

    func capturing<T>(_ body: () -> T) -> T {
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(context) { context, error in
            guard let context, let error else { return }
            let log = Unmanaged<ParseErrorLog>.fromOpaque(context).takeUnretainedValue()
            let domain = error.pointee.domain
            if domain == Int32(XML_FROM_I18N.rawValue) || domain == Int32(XML_FROM_IO.rawValue) {
                log.encodingErrors += 1
            }
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return body()
    }
}
