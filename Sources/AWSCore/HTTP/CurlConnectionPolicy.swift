/// Restrictions for a transfer to an address a tenant chose (a webhook
/// callback): the connection goes to the one address that was checked, with
/// only the allowed protocols, no redirects, no proxy and no reused connection.
public struct CurlConnectionPolicy: Sendable, Equatable {
    /// `host:port:address` for `CURLOPT_RESOLVE` (IPv6 addresses in brackets):
    /// libcurl connects there without a lookup of its own, so a name cannot
    /// resolve to a checked address first and to a private one afterwards.
    public var pinnedResolve: String
    /// `CURLOPT_PROTOCOLS_STR`, e.g. `https`.
    public var protocols: String

    public init(host: String, port: Int, address: String, protocols: String) {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let pinned = address.contains(":") ? "[\(address)]" : address
        pinnedResolve = "\(bare):\(port):\(pinned)"
        self.protocols = protocols
    }
}
