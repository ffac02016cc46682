extension String {
    /// The string with ASCII A-Z lowercased; itself (no copy) when already lowercase.
    /// Header names are ASCII tokens, so this is all SigV4 needs.
    var asciiLowercased: String {
        if !utf8.contains(where: { $0 &- UInt8(ascii: "A") < 26 }) { return self }
        return String(decoding: utf8.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Compares ignoring ASCII case; `lowercase` must already be lowercase.
    func equalsIgnoringASCIICase(lowercase: String) -> Bool {
        guard utf8.count == lowercase.utf8.count else { return false }
        return zip(utf8, lowercase.utf8).allSatisfy { ($0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0) == $1 }
    }
}
