#if canImport(Glibc)
import Synchronization
import Glibc
#endif

/// A blocking IPv4 TCP socket; the one C handle wrapper of this module.
///
/// `@unchecked Sendable`: the descriptor is an integer, and the kernel
/// serialises concurrent calls; `close` is guarded so it runs once.
package final class TCPSocket: ByteSource, @unchecked Sendable {
    package let descriptor: Int32
    private let closed = Atomic(false)

    package init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close() }

    /// Connects to `host:port` (IPv4 dotted quad or a name), with `TCP_NODELAY`.
    package static func connect(host: String, port: Int) throws(HTTPWireError) -> TCPSocket {
        var address = try ipv4Address(host: host, port: port)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .io(operation: "socket", errno: errno) }
        let sock = TCPSocket(descriptor: fd)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else { throw .io(operation: "connect", errno: errno) }
        sock.setNoDelay()
        return sock
    }

    /// Listens on `host:port` (port 0 picks a free one); returns the socket and its port.
    package static func listen(host: String, port: Int, backlog: Int32 = 512) throws(HTTPWireError) -> (TCPSocket, Int) {
        var address = try ipv4Address(host: host, port: port)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .io(operation: "socket", errno: errno) }
        let sock = TCPSocket(descriptor: fd)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                guard bind(fd, pointer, length) == 0, Glibc.listen(fd, backlog) == 0 else { return false }
                return getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw .io(operation: "bind/listen", errno: errno) }
        return (sock, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// Waits for a connection; the new socket has `TCP_NODELAY` and close-on-exec.
    package func accept() throws(HTTPWireError) -> TCPSocket {
        while true {
            let fd = Glibc.accept(descriptor, nil, nil)
            if fd >= 0 {
                // accept4 is not exported by the Glibc module; children spawned in
                // the gap may inherit this descriptor, which only delays its close.
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                let sock = TCPSocket(descriptor: fd)
                sock.setNoDelay()
                return sock
            }
            if errno == EINTR || errno == ECONNABORTED { continue }
            throw .io(operation: "accept", errno: errno)
        }
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(HTTPWireError) -> Int {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            if errno == ECONNRESET { return 0 }
            throw .io(operation: "recv", errno: errno)
        }
    }

    /// Sends every byte (one `send` call unless the kernel takes fewer).
    package func send(_ bytes: [UInt8]) throws(HTTPWireError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += sent
            }
        }
        if failure != 0 { throw .io(operation: "send", errno: failure) }
    }

    /// Stops reads and writes in every thread using the socket; `close` still follows.
    package func shutdown() {
        _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
    }

    package func close() {
        if closed.exchange(true, ordering: .acquiringAndReleasing) == false {
            _ = Glibc.close(descriptor)
        }
    }

    private func setNoDelay() {
        var one: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    private static func ipv4Address(host: String, port: Int) throws(HTTPWireError) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        let name = host == "localhost" ? "127.0.0.1" : host
        if inet_pton(AF_INET, name, &address.sin_addr) == 1 { return address }
        // Names go through the resolver (NSS); the Runtime API address is numeric in Lambda.
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &result) == 0, let first = result else {
            throw .io(operation: "getaddrinfo", errno: EHOSTUNREACH)
        }
        defer { freeaddrinfo(result) }
        first.pointee.ai_addr.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
            address.sin_addr = $0.pointee.sin_addr
        }
        return address
    }
}
