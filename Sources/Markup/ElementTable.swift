@preconcurrency internal import CLibXML2

extension HTMLDocument {
    /// The root element (`<html>`), `nil` when the tree has none.
    public var rootElement: Node? {
        xmlDocGetRootElement(doc).map { Node(document: self, pointer: $0) }
    }
}

/// The elements of a subtree in document order with their sizes, built in one
/// iterative walk, so structural heuristics can scan a page without per-node XPath.
/// Elements whose text a reader never sees (`script`, `style`, `head` …) are left
/// out with their subtrees.
public struct ElementTable {
    /// The elements, the walk's root first.
    public let nodes: [Node]
    /// Lower-case element names.
    public let names: [String]
    /// Index of each element's parent in the table, `-1` for the root.
    public let parents: [Int]
    /// One past the index of each element's last descendant: the subtree of `i` is `i..<ends[i]`.
    public let ends: [Int]
    /// Non-whitespace bytes of visible text in each subtree.
    public let textBytes: [Int]
    /// The part of ``textBytes`` inside links (`<a>`).
    public let linkTextBytes: [Int]

    /// - Complexity: O(size of the subtree); iterative, so any nesting depth is safe.
    public init(root: Node) {
        var nodes: [Node] = []
        var names: [String] = []
        var parents: [Int] = []
        var ends: [Int] = []
        var text: [Int] = []
        var linkText: [Int] = []
        // Open elements: table index and whether the element is or sits in a link.
        var open: [(index: Int, inLink: Bool)] = []
        func enter(_ pointer: xmlNodePtr) {
            let name = pointer.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            let inLink = name == "a" || (open.last?.inLink ?? false)
            nodes.append(Node(document: root.document, pointer: pointer))
            names.append(name)
            parents.append(open.last?.index ?? -1)
            ends.append(0)
            text.append(0)
            linkText.append(0)
            open.append((nodes.count - 1, inLink))
        }
        func leave() {
            let (index, _) = open.removeLast()
            ends[index] = nodes.count
            if let up = open.last?.index {
                text[up] += text[index]
                linkText[up] += linkText[index]
            }
        }
        guard root.isElement else {
            self.init(nodes: [], names: [], parents: [], ends: [], textBytes: [], linkTextBytes: [])
            return
        }
        enter(root.pointer)
        let start = root.pointer
        var current = start.pointee.children
        while let node = current {
            var descend = false
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let top = open.last {
                    let count = Self.nonSpaceBytes(node)
                    text[top.index] += count
                    if top.inLink { linkText[top.index] += count }
                }
            case XML_ELEMENT_NODE where TextLayout.kind(of: node.pointee.name) != .skip:
                enter(node)
                descend = node.pointee.children != nil
                if !descend { leave() }
            default: break
            }
            if descend {
                current = node.pointee.children
                continue
            }
            var climb: xmlNodePtr? = node
            current = nil
            while let c = climb, c != start {
                if let next = c.pointee.next {
                    current = next
                    break
                }
                climb = c.pointee.parent
                if let up = climb, up != start { leave() }
            }
        }
        while !open.isEmpty { leave() }
        self.init(nodes: nodes, names: names, parents: parents, ends: ends, textBytes: text, linkTextBytes: linkText)
    }

    private init(nodes: [Node], names: [String], parents: [Int], ends: [Int], textBytes: [Int], linkTextBytes: [Int]) {
        self.nodes = nodes
        self.names = names
        self.parents = parents
        self.ends = ends
        self.textBytes = textBytes
        self.linkTextBytes = linkTextBytes
    }

    private static func nonSpaceBytes(_ node: xmlNodePtr) -> Int {
        guard let content = node.pointee.content else { return 0 }
        var count = 0
        var p = content
        while p.pointee != 0 {
            let b = p.pointee
            if b != 32, b != 9, b != 10, b != 13, b != 12 { count += 1 }
            p += 1
        }
        return count
    }
}
