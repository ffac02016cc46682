/// Query-string parameters as API Gateway hands them to integrations:
/// percent-decoded (`+` as space), the last value in the single-value map,
/// every value in the multi-value map.
struct QueryString: Equatable {
    var single: [String: String] = [:]
    var multi: [String: [String]] = [:]

    init(_ raw: String) {
        for pair in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: "=")
            let name = Self.decoded(equals.map { pair[..<$0] } ?? pair[...])
            let value = equals.map { Self.decoded(pair[pair.index(after: $0)...]) } ?? ""
            guard !name.isEmpty else { continue }
            single[name] = value
            multi[name, default: []].append(value)
        }
    }

    static func decoded(_ text: Substring) -> String {
        let spaced = String(text.map { $0 == "+" ? " " : $0 })
        return RouteTable.percentDecoded(Substring(spaced)) ?? spaced
    }
}
