@preconcurrency internal import CLibXML2

/// XPath functions threadminer adds to every HTML document's XPath context.
enum XPathFunctions {
    /// Registers `has-class(name)`; see ``hasClass(_:_:)``.
    static func register(on context: xmlXPathContextPtr) {
        xmlXPathRegisterFunc(context, "has-class", hasClass)
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
    var found = false
    if let node = parser.pointee.context.pointee.node, node.pointee.type == XML_ELEMENT_NODE,
        let attribute = xmlHasProp(node, "class")
    {
        if let text = attribute.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE,
            let content = text.pointee.content
        {
            found = hasToken(content, wanted)
        } else if let value = xmlGetProp(node, "class") {
            found = hasToken(value, wanted)
            xmlFree(value)
        }
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
