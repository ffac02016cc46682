#if canImport(Glibc)
import Glibc
#endif

/// Resolves a callback host at delivery time; the handler checks every
/// address and pins the one it connects to.
protocol CallbackResolver: Sendable {
    /// Every address `host` resolves to (empty when it does not resolve).
    func addresses(of host: String) async -> [CallbackAddress]
}

/// `CallbackResolver` on the system resolver (`getaddrinfo`), IPv4 and IPv6.
struct SystemCallbackResolver: CallbackResolver {
    func addresses(of host: String) async -> [CallbackAddress] {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &list) == 0 else { return [] }
        defer { freeaddrinfo(list) }
        var addresses: [CallbackAddress] = []
        var entry = list
        while let info = entry?.pointee {
            entry = info.ai_next
            guard let socketAddress = info.ai_addr else { continue }
            var bytes: [UInt8] = []
            if info.ai_family == AF_INET {
                socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                    withUnsafeBytes(of: v4.pointee.sin_addr) { bytes = Array($0) }
                }
            } else if info.ai_family == AF_INET6 {
                socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                    withUnsafeBytes(of: v6.pointee.sin6_addr) { bytes = Array($0) }
                }
            }
            if let address = CallbackAddress(bytes: bytes), !addresses.contains(address) { addresses.append(address) }
        }
        return addresses
    }
}
