@preconcurrency internal import CLibXML2

/// XPath functions threadminer adds to every HTML document's XPath context.
enum XPathFunctions {
    /// Registers `has-class(name)` and `numbered-id(prefix)`; see ``hasClass(_:_:)`` and
    /// ``numberedID(_:_:)``.
    static func register(on context: xmlXPathContextPtr) {
        xmlXPathRegisterFunc(context, "has-class", hasClass)
        xmlXPathRegisterFunc(context, "numbered-id", numberedID)
    }
}

/// `has-class('x')`: true when `x` is one of the context element's class tokens, the
/// `class` attribute split on XML white space (space, tab, CR, LF). For a token `x` that is
/// `contains(concat(' ', normalize-space(@class), ' '), ' x ')`, without building three
/// strings for every element the query visits. A name holding white space is never a token.
private func hasClass(_ parser: xmlXPathParserContextPtr?, _ arguments: Int32) {
    guard let parser else { return }
    guard arguments == 1 else {
        xmlXPathErr(parser, Int32(XPATH_INVALID_ARITY.rawValue))
        return
    }
    guard let wanted = xmlXPathPopString(parser) else { return }
    defer { xmlFree(wanted) }
    let found = contextAttribute(parser, "class") { hasToken($0, wanted) }
    valuePush(parser, xmlXPathNewBoolean(found ? 1 : 0))
}

/// `test` applied to the value of the context element's attribute `name`; `false` when the
/// context node is not an element or has no such attribute. The value is read in place
/// when it is one text node.
private func contextAttribute(
    _ parser: xmlXPathParserContextPtr, _ name: String, _ test: (UnsafePointer<xmlChar>) -> Bool
) -> Bool {
    guard let node = parser.pointee.context.pointee.node, node.pointee.type == XML_ELEMENT_NODE,
        let attribute = xmlHasProp(node, name)
    else { return false }
    if let text = attribute.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE,
        let content = text.pointee.content
    {
        return test(content)
    }
    guard let value = xmlGetProp(node, name) else { return false }
    defer { xmlFree(value) }
    return test(value)
}

/// `numbered-id('comment-')`: true when the context element's `id` is the prefix followed
/// by one or more ASCII digits (`comment-123`), as `starts-with(@id,'comment-') and
/// string-length(@id)>8 and translate(substring(@id,9),'0123456789','')=''` for an ASCII prefix.
private func numberedID(_ parser: xmlXPathParserContextPtr?, _ arguments: Int32) {
    guard let parser else { return }
    guard arguments == 1 else {
        xmlXPathErr(parser, Int32(XPATH_INVALID_ARITY.rawValue))
        return
    }
    guard let prefix = xmlXPathPopString(parser) else { return }
    defer { xmlFree(prefix) }
    let found = contextAttribute(parser, "id") { value in
        var at = 0
        while prefix[at] != 0, value[at] == prefix[at] { at += 1 }
        guard prefix[at] == 0, value[at] != 0 else { return false }
        while value[at] != 0 {
            if value[at] < 0x30 || value[at] > 0x39 { return false }
            at += 1
        }
        return true
    }
    valuePush(parser, xmlXPathNewBoolean(found ? 1 : 0))
}

/// Whether the NUL-terminated `list`, split on XML white space, holds `token`.
private func hasToken(_ list: UnsafePointer<xmlChar>, _ token: UnsafePointer<xmlChar>) -> Bool {
    func isSpace(_ c: xmlChar) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
    var length = 0
    while token[length] != 0 {
        if isSpace(token[length]) { return false }
        length += 1
    }
    guard length > 0 else { return false }
    var at = 0
    while list[at] != 0 {
        if isSpace(list[at]) {
            at += 1
            continue
        }
        var k = 0
        while k < length, list[at + k] == token[k] { k += 1 }
        if k == length, list[at + k] == 0 || isSpace(list[at + k]) { return true }
        while list[at] != 0, !isSpace(list[at]) { at += 1 }
    }
    return false
}
