/// An element of a parsed XML document: its local name (namespace prefix
/// dropped), its child elements, and the character data directly inside it.
struct XMLElement: Sendable, Equatable {
    var name: String
    var children: [XMLElement] = []
    var text: String = ""

    /// The first child element named `name`.
    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// Every child element named `name`, in document order.
    func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// The text of the element reached by following `path` from here.
    func text(_ path: String...) -> String? {
        var element = self
        for name in path {
            guard let next = element.child(name) else { return nil }
            element = next
        }
        return element.text
    }

    /// The first element named `name` in this subtree, depth first, this element included.
    func first(named name: String) -> XMLElement? {
        if self.name == name { return self }
        for child in children {
            if let found = child.first(named: name) { return found }
        }
        return nil
    }
}
