@preconcurrency internal import CLibXML2

/// A node of a parsed page: an element, text, comment or attribute.
/// Keeps its ``HTMLDocument`` alive; equal when it is the same node.
public struct Node: Hashable, @unchecked Sendable {
    let document: HTMLDocument
    let pointer: xmlNodePtr

    init(document: HTMLDocument, pointer: xmlNodePtr) {
        self.document = document
        self.pointer = pointer
    }

    public static func == (lhs: Node, rhs: Node) -> Bool { lhs.pointer == rhs.pointer }
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }

    /// Lower-case element or attribute name; `#text` for text, `#comment` for comments.
    public var name: String {
        switch pointer.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: return "#text"
        case XML_COMMENT_NODE: return "#comment"
        default: return pointer.pointee.name.map { String(cString: $0).lowercased() } ?? ""
        }
    }

    /// True for elements.
    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The parent node, `nil` at the document.
    public var parent: Node? {
        guard let p = pointer.pointee.parent, p.pointee.type != XML_HTML_DOCUMENT_NODE,
            p.pointee.type != XML_DOCUMENT_NODE
        else { return nil }
        return Node(document: document, pointer: p)
    }

    /// The node just before this one under the same parent (text nodes included), or `nil`.
    public var previousSibling: Node? {
        pointer.pointee.prev.map { Node(document: document, pointer: $0) }
    }

    /// The value of attribute `name`, or `nil` when absent.
    public func attribute(_ name: String) -> String? {
        guard isElement, let value = xmlGetProp(pointer, name) else { return nil }
        defer { xmlFree(value) }
        return String(cString: value)
    }

    /// ``attribute(_:)`` lower-cased, read from the tree without an intermediate copy
    /// when the value is plain ASCII text.
    public func lowercasedAttribute(_ name: String) -> String? {
        guard isElement, let property = xmlHasProp(pointer, name) else { return nil }
        if let text = property.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE,
            let content = text.pointee.content
        {
            let length = Int(xmlStrlen(content))
            let buffer = UnsafeBufferPointer(start: content, count: length)
            if !buffer.contains(where: { $0 >= 0x80 }) {
                return String(unsafeUninitializedCapacity: length) { (out: UnsafeMutableBufferPointer<UInt8>) in
                    for (i, byte) in buffer.enumerated() { out[i] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }
                    return length
                }
            }
        }
        return self.attribute(name)?.lowercased()
    }

    /// The XPath string-value (all descendant text, scripts included, no layout).
    public var stringValue: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { xmlFree(content) }
        return String(cString: content)
    }

    /// The text a reader sees: `<script>`, `<style>` and similar are skipped, `<br>` and
    /// block boundaries become line breaks, whitespace runs collapse to one space,
    /// lines are trimmed and empty lines dropped.
    /// - Parameter excluded: subtrees to leave out (e.g. bylines, nested replies).
    /// - Complexity: O(size of the subtree); iterative, so any nesting depth is safe.
    public func visibleText(excluding excluded: Set<Node> = []) -> String {
        TextLayout.normalise(rawText(excluding: excluded.isEmpty ? [] : [NodeSet(excluded)]))
    }

    /// ``visibleText(excluding:)`` with several prepared sets, so a page-wide set
    /// (all comment items) is built once and not copied per comment.
    public func visibleText(excluding sets: [NodeSet]) -> String {
        TextLayout.normalise(rawText(excluding: sets))
    }

    /// ``visibleText(excluding:)`` on one line: line breaks become spaces.
    public func inlineText(excluding excluded: Set<Node> = []) -> String {
        TextLayout.normalise(rawText(excluding: excluded.isEmpty ? [] : [NodeSet(excluded)]), lineBreak: 32)
    }

    /// The subtree's text before layout, without the excluded subtrees.
    private func rawText(excluding sets: [NodeSet]) -> [UInt8] {
        var raw: [UInt8] = []
        let sets = sets.filter { !$0.pointers.isEmpty }
        if sets.isEmpty {
            appendVisibleText(to: &raw) { _ in false }
        } else {
            appendVisibleText(to: &raw) { node in sets.contains { $0.pointers.contains(node) } }
        }
        return raw
    }

    func appendVisibleText(to out: inout [UInt8], isExcluded: (xmlNodePtr) -> Bool) {
        if pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE {
            Self.appendContent(pointer, to: &out)
            return
        }
        let start = pointer
        var current = start.pointee.children
        while let node = current {
            var descend = false
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                // A rule may exclude a bare text node ("Says:" beside the author link).
                if !isExcluded(node) { Self.appendContent(node, to: &out) }
            case XML_ELEMENT_NODE where !isExcluded(node):
                let kind = TextLayout.kind(of: node.pointee.name)
                switch kind {
                case .skip: break
                case .lineBreak: out.append(10)
                case .block:
                    out.append(10)
                    descend = node.pointee.children != nil
                    if !descend { out.append(10) }
                case .inline:
                    descend = node.pointee.children != nil
                }
            default: break
            }
            if descend {
                current = node.pointee.children
                continue
            }
            // Move to the next sibling, closing blocks on the way up.
            var climb: xmlNodePtr? = node
            current = nil
            while let c = climb, c != start {
                if let next = c.pointee.next {
                    current = next
                    break
                }
                climb = c.pointee.parent
                if let up = climb, up != start, TextLayout.kind(of: up.pointee.name) == .block { out.append(10) }
            }
        }
    }

    private static func appendContent(_ node: xmlNodePtr, to out: inout [UInt8]) {
        guard let content = node.pointee.content else { return }
        let length = Int(xmlStrlen(content))
        // Line breaks in the source are whitespace; only markup makes lines.
        content.withMemoryRebound(to: UInt8.self, capacity: length) {
            for byte in UnsafeBufferPointer(start: $0, count: length) { out.append(byte == 10 ? 32 : byte) }
        }
    }
}

/// How text layout treats each element when a node's visible text is taken.
enum TextLayout {
    enum Kind { case skip, lineBreak, block, inline }

    private static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg", "select",
        "textarea", "button",
    ]
    private static let blocks: Set<String> = [
        "p", "div", "li", "dt", "dd", "dl", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
        "table", "tbody", "thead", "tfoot", "pre", "section", "article", "header", "footer", "aside", "nav",
        "form", "hr", "address", "figure", "figcaption", "main", "center", "fieldset", "td", "th", "caption",
    ]

    static func kind(of name: UnsafePointer<xmlChar>?) -> Kind {
        guard let name, let key = NameKey(name) else { return .inline }
        return kinds[key] ?? .inline
    }

    /// An element name of at most 16 bytes packed into two integers, so telling its
    /// kind costs one small hash, not a Swift string.
    private struct NameKey: Hashable {
        var head: UInt64 = 0
        var tail: UInt64 = 0

        init?(_ name: UnsafePointer<xmlChar>) {
            var i = 0
            while name[i] != 0 {
                guard i < 16 else { return nil }
                if i < 8 {
                    head |= UInt64(name[i]) << UInt64(8 * i)
                } else {
                    tail |= UInt64(name[i]) << UInt64(8 * (i - 8))
                }
                i += 1
            }
        }

        init(_ name: String) {
            for (i, byte) in name.utf8.enumerated() {
                if i < 8 {
                    head |= UInt64(byte) << UInt64(8 * i)
                } else {
                    tail |= UInt64(byte) << UInt64(8 * (i - 8))
                }
            }
        }
    }

    private static let kinds: [NameKey: Kind] = {
        var table: [NameKey: Kind] = [NameKey("br"): .lineBreak]
        for name in skipped { table[NameKey(name)] = .skip }
        for name in blocks { table[NameKey(name)] = .block }
        return table
    }()

    /// Collapses whitespace (ASCII whitespace and U+00A0) within lines, trims lines,
    /// and drops empty ones; the lines are joined with `lineBreak`.
    static func normalise(_ raw: [UInt8], lineBreak: UInt8 = 10) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var line: [UInt8] = []
        var pendingSpace = false
        func flushLine() {
            if !line.isEmpty {
                if !out.isEmpty { out.append(lineBreak) }
                out.append(contentsOf: line)
                line.removeAll(keepingCapacity: true)
            }
            pendingSpace = false
        }
        var i = 0
        let n = raw.count
        while i < n {
            let b = raw[i]
            if b == 10 {
                flushLine()
                i += 1
                continue
            }
            let isNBSP = b == 0xC2 && i + 1 < n && raw[i + 1] == 0xA0
            if b == 32 || b == 9 || b == 13 || b == 12 || b == 11 || isNBSP {
                pendingSpace = !line.isEmpty
                i += isNBSP ? 2 : 1
                continue
            }
            if pendingSpace {
                line.append(32)
                pendingSpace = false
            }
            line.append(b)
            i += 1
        }
        flushLine()
        return String(decoding: out, as: UTF8.self)
    }
}

extension Node {
    /// Unlinks this node (and its subtree) from the tree until the returned
    /// detachment is restored. Restore detachments in the reverse order of detaching
    /// (last detached, first restored) to put every node back where it was.
    public func detach() -> Detachment {
        let detachment = Detachment(node: pointer, parent: pointer.pointee.parent, next: pointer.pointee.next)
        xmlUnlinkNode(pointer)
        return detachment
    }
}

/// A node taken out of its tree by ``Node/detach()``, with where it belongs.
public struct Detachment {
    let node: xmlNodePtr
    let parent: xmlNodePtr?
    let next: xmlNodePtr?

    /// Puts the node back before the sibling that followed it, or last under its parent.
    public func restore() {
        if let next {
            xmlAddPrevSibling(next, node)
        } else if let parent {
            xmlAddChild(parent, node)
        }
    }
}

/// An immutable set of nodes, prepared once and shared by many text walks.
public final class NodeSet: @unchecked Sendable {
    let pointers: Set<xmlNodePtr>

    public init(_ nodes: some Sequence<Node>) { pointers = Set(nodes.lazy.map(\.pointer)) }

    /// Whether `node` is in the set.
    public func contains(_ node: Node) -> Bool { pointers.contains(node.pointer) }
}
