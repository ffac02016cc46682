/// One address a callback host resolved to (4 bytes IPv4, 16 bytes IPv6), and
/// whether a webhook may connect to it.
struct CallbackAddress: Equatable, Sendable, CustomStringConvertible {
    let bytes: [UInt8]

    init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// Dotted quad, or eight full hex groups (what libcurl's resolve list accepts).
    var description: String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }

    /// `127.0.0.0/8`, `::1`, or an IPv4 loopback address mapped or embedded in IPv6.
    var isLoopback: Bool {
        if let v4 = embeddedIPv4 { return v4[0] == 127 }
        return bytes.count == 16 && bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
    }

    /// A public unicast address: not private (RFC 1918), loopback, link-local
    /// (the metadata services 169.254.169.254 and fd00:ec2::254 included),
    /// unique-local, CGNAT, multicast, documentation, benchmarking, reserved,
    /// unspecified or broadcast, in IPv4 or in any IPv6 form that carries an
    /// IPv4 address (mapped, compatible, 6to4).
    var isPublic: Bool {
        if let v4 = embeddedIPv4 { return Self.isPublicIPv4(v4) }
        let b = bytes
        if b[0] == 0xFF { return false }                                   // ff00::/8 multicast
        if b[0] & 0xFE == 0xFC { return false }                            // fc00::/7 unique-local (fd00:ec2::254)
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return false }            // fe80::/10 link-local
        if b[0] == 0xFE && b[1] & 0xC0 == 0xC0 { return false }            // fec0::/10 site-local (deprecated)
        if b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B { return false }  // 64:ff9b::/96, /48 NAT64
        if b[0] == 0x01 && b[1] == 0x00 && b[2...7].allSatisfy({ $0 == 0 }) { return false }  // 100::/64 discard
        if b[0] == 0x20 && b[1] == 0x01 && b[2] & 0xFE == 0x00 { return false }  // 2001::/23 (Teredo, benchmarking, ...)
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8 { return false }  // 2001:db8::/32 documentation
        if b[0] == 0x20 && b[1] == 0x02 { return Self.isPublicIPv4(Array(b[2...5])) }    // 2002::/16 6to4
        if b[0..<15].allSatisfy({ $0 == 0 }) { return false }              // :: and ::1
        return true
    }

    /// The IPv4 address of an IPv4 address, or of an IPv4-mapped
    /// (`::ffff:a.b.c.d`) or IPv4-compatible (`::a.b.c.d`) IPv6 address.
    private var embeddedIPv4: [UInt8]? {
        if bytes.count == 4 { return bytes }
        guard bytes[0..<10].allSatisfy({ $0 == 0 }) else { return nil }
        if bytes[10] == 0xFF && bytes[11] == 0xFF { return Array(bytes[12...]) }
        // IPv4-compatible (deprecated); `::` and `::1` (first byte 0) are IPv6's own.
        if bytes[10] == 0 && bytes[11] == 0 && bytes[12] != 0 { return Array(bytes[12...]) }
        return nil
    }

    private static func isPublicIPv4(_ a: [UInt8]) -> Bool {
        switch (a[0], a[1], a[2]) {
        case (0, _, _), (10, _, _), (127, _, _): false                     // "this network", private, loopback
        case (100, let b, _) where b & 0xC0 == 64: false                   // 100.64.0.0/10 CGNAT
        case (169, 254, _): false                                          // link-local, instance metadata
        case (172, let b, _) where b & 0xF0 == 16: false                   // 172.16.0.0/12
        case (192, 0, 0), (192, 0, 2), (192, 88, 99), (192, 168, _): false // IETF, TEST-NET-1, 6to4 relay, private
        case (198, let b, _) where b & 0xFE == 18: false                   // 198.18.0.0/15 benchmarking
        case (198, 51, 100), (203, 0, 113): false                          // TEST-NET-2, TEST-NET-3
        case (let first, _, _) where first >= 224: false                   // multicast, reserved, broadcast
        default: true
        }
    }
}
