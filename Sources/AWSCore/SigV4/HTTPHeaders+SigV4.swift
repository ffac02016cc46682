extension HTTPHeaders {
    /// Removes every field whose name satisfies `shouldRemove`, in one pass.
    mutating func removeAll(where shouldRemove: (String) -> Bool) {
        guard fields.contains(where: { shouldRemove($0.name) }) else { return }
        var kept = HTTPHeaders()
        for field in fields where !shouldRemove(field.name) {
            kept.add(field.name, field.value)
        }
        self = kept
    }

    /// Whether a field is named `lowercaseName`, ignoring case, without allocating.
    func contains(lowercaseName: String) -> Bool {
        fields.contains { $0.name.equalsIgnoringASCIICase(lowercase: lowercaseName) }
    }
}
