extension HTTPHeaders {
    /// Removes every field whose lowercased name is in `names`, in one pass.
    mutating func removeAll(named names: Set<String>) {
        guard fields.contains(where: { names.contains($0.name.lowercased()) }) else { return }
        var kept = HTTPHeaders()
        for field in fields where !names.contains(field.name.lowercased()) {
            kept.add(field.name, field.value)
        }
        self = kept
    }
}
