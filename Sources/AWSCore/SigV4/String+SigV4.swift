extension String {
    /// Compares ignoring ASCII case; `lowercase` must already be lowercase.
    /// Header names are ASCII tokens, so this is all SigV4 needs.
    func equalsIgnoringASCIICase(lowercase: String) -> Bool {
        guard utf8.count == lowercase.utf8.count else { return false }
        return zip(utf8, lowercase.utf8).allSatisfy { ($0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0) == $1 }
    }
}
