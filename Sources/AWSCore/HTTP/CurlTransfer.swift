import CCurl
import Dispatch
import FoundationEssentials
import Synchronization

/// One HTTP exchange on a curl easy handle, run synchronously on a blocking
/// thread. Callbacks reach this object through libcurl's user-data pointer.
final class CurlTransfer {
    typealias HeadHandler = @Sendable (HTTPResponse) async throws -> Void
    typealias ChunkHandler = @Sendable (Data) async throws -> Void

    struct Limits: Sendable {
        var connectTimeout: Duration
        var timeout: Duration
        var maxBodyBytes: Int
    }

    private let handle: CurlEasyHandle
    private let request: HTTPRequest
    private let limits: Limits
    private let policy: CurlConnectionPolicy?
    private let cancelled: CancellationFlag
    private let onHead: HeadHandler?
    private let onChunk: ChunkHandler?

    private var headers = HTTPHeaders()
    private var body = Data()
    private var headDelivered = false
    /// Set when a callback aborts the transfer on purpose; wins over curl's code.
    private var abortError: (any Error)?

    init(handle: CurlEasyHandle, request: HTTPRequest, limits: Limits, policy: CurlConnectionPolicy? = nil,
         cancelled: CancellationFlag, onHead: HeadHandler? = nil, onChunk: ChunkHandler? = nil) {
        self.handle = handle
        self.request = request
        self.limits = limits
        self.policy = policy
        self.cancelled = cancelled
        self.onHead = onHead
        self.onChunk = onChunk
    }

    /// Runs the exchange; the response body is empty when streaming.
    func perform() -> Result<HTTPResponse, any Error> {
        let curl = handle.raw
        curl_easy_reset(curl)  // keeps the connection, DNS and TLS session caches
        guard let headerList = makeHeaderList() else {
            return .failure(TransportError.invalidRequest("a header name or value contains CR, LF or NUL"))
        }
        defer { curl_slist_free_all(headerList) }
        let resolveList: UnsafeMutablePointer<curl_slist>? = policy.flatMap { curl_slist_append(nil, $0.pinnedResolve) }
        defer { if let resolveList { curl_slist_free_all(resolveList) } }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let context = Unmanaged.passUnretained(self).toOpaque()

        let code: CURLcode = request.body.withUnsafeBytes { bodyBytes in
            var emptyBody: UInt8 = 0
            return withUnsafeMutablePointer(to: &emptyBody) { emptyPointer in
                errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
                    _ = ccurl_setopt_string(curl, CURLOPT_URL, request.url)
                    _ = ccurl_setopt_long(curl, CURLOPT_NOSIGNAL, 1)
                    _ = ccurl_setopt_slist(curl, CURLOPT_HTTPHEADER, headerList)
                    _ = ccurl_setopt_long(curl, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(limits.connectTimeout))
                    _ = ccurl_setopt_long(curl, CURLOPT_TIMEOUT_MS, Self.milliseconds(limits.timeout))
                    _ = ccurl_setopt_pointer(curl, CURLOPT_ERRORBUFFER, errorPointer.baseAddress)
                    if let policy {
                        _ = ccurl_setopt_slist(curl, CURLOPT_RESOLVE, resolveList)
                        _ = ccurl_setopt_string(curl, CURLOPT_PROTOCOLS_STR, policy.protocols)
                        _ = ccurl_setopt_string(curl, CURLOPT_REDIR_PROTOCOLS_STR, policy.protocols)
                        _ = ccurl_setopt_long(curl, CURLOPT_FOLLOWLOCATION, 0)
                        _ = ccurl_setopt_string(curl, CURLOPT_NOPROXY, "*")
                        _ = ccurl_setopt_long(curl, CURLOPT_FRESH_CONNECT, 1)
                        _ = ccurl_setopt_long(curl, CURLOPT_FORBID_REUSE, 1)
                    }
                    switch request.method {
                    case "GET": _ = ccurl_setopt_long(curl, CURLOPT_HTTPGET, 1)
                    case "HEAD": _ = ccurl_setopt_long(curl, CURLOPT_NOBODY, 1)
                    default:
                        // POSTFIELDS points at our buffer (no copy); it outlives the perform call.
                        let pointer = bodyBytes.baseAddress.map { UnsafeMutableRawPointer(mutating: $0) }
                            ?? UnsafeMutableRawPointer(emptyPointer)
                        _ = ccurl_setopt_string(curl, CURLOPT_CUSTOMREQUEST, request.method)
                        _ = ccurl_setopt_off(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bodyBytes.count))
                        _ = ccurl_setopt_pointer(curl, CURLOPT_POSTFIELDS, pointer)
                    }
                    _ = ccurl_setopt_write_callback(curl) { data, size, count, context in
                        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
                        return transfer.receive(UnsafeRawBufferPointer(start: data, count: size * count))
                    }
                    _ = ccurl_setopt_pointer(curl, CURLOPT_WRITEDATA, context)
                    _ = ccurl_setopt_header_callback(curl) { data, size, count, context in
                        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
                        transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
                        return size * count
                    }
                    _ = ccurl_setopt_pointer(curl, CURLOPT_HEADERDATA, context)
                    // The progress callback is the only place libcurl lets us stop a running transfer.
                    _ = ccurl_setopt_long(curl, CURLOPT_NOPROGRESS, 0)
                    _ = ccurl_setopt_xferinfo_callback(curl) { context, _, _, _, _ in
                        Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().cancelled.isSet ? 1 : 0
                    }
                    _ = ccurl_setopt_pointer(curl, CURLOPT_XFERINFODATA, context)
                    return curl_easy_perform(curl)
                }
            }
        }
        // Detach our buffers from the handle before it goes back to the pool.
        _ = ccurl_setopt_pointer(curl, CURLOPT_ERRORBUFFER, nil)
        _ = ccurl_setopt_slist(curl, CURLOPT_HTTPHEADER, nil)
        _ = ccurl_setopt_slist(curl, CURLOPT_RESOLVE, nil)

        if let abortError { return .failure(abortError) }
        guard code == CURLE_OK else {
            let detail = errorBuffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return .failure(CurlErrorMapping.error(for: code, detail: detail, host: request.host,
                                                   connected: connectTime() > 0, limits: limits))
        }
        if !headDelivered, let onHead {
            headDelivered = true
            let head = head()
            if let error = Self.runBlocking({ try await onHead(head) }) { return .failure(error) }
        }
        return .success(HTTPResponse(status: statusCode(), headers: headers, body: body))
    }

    private func receive(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard let onChunk else {
            guard body.count + bytes.count <= limits.maxBodyBytes else {
                abortError = TransportError.bodyTooLarge(host: request.host, limit: limits.maxBodyBytes)
                return 0
            }
            body.append(contentsOf: bytes)
            return bytes.count
        }
        if !headDelivered, let onHead {
            headDelivered = true
            let head = head()
            if let error = Self.runBlocking({ try await onHead(head) }) { abortError = error; return 0 }
        }
        let chunk = Data(bytes)
        if let error = Self.runBlocking({ try await onChunk(chunk) }) { abortError = error; return 0 }
        return bytes.count
    }

    private func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var line = Substring(String(decoding: bytes, as: UTF8.self))
        while let last = line.last, last.isNewline { line.removeLast() }  // "\r\n" is one Character
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()  // a new response head (after a 1xx) replaces the old one
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers.add(name, String(value.reversed().drop { $0 == " " || $0 == "\t" }.reversed()))
        }
    }

    private func head() -> HTTPResponse { HTTPResponse(status: statusCode(), headers: headers) }

    private func statusCode() -> Int {
        var status = 0
        _ = ccurl_getinfo_long(handle.raw, CURLINFO_RESPONSE_CODE, &status)
        return status
    }

    private func connectTime() -> Double {
        var seconds = 0.0
        _ = ccurl_getinfo_double(handle.raw, CURLINFO_CONNECT_TIME, &seconds)
        return seconds
    }

    private func makeHeaderList() -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        var lines = [String]()
        for field in request.headers {
            let forbidden = (field.name + field.value).unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0 == "\0" }
            if forbidden { curl_slist_free_all(list); return nil }
            // "Name;" is libcurl's spelling of a header with an empty value ("Name:" would remove it).
            lines.append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        // No 100-continue round trip; no form content type that nobody asked for.
        lines.append("Expect:")
        if !request.headers.contains("Content-Type") { lines.append("Content-Type:") }
        for line in lines { list = curl_slist_append(list, line) }
        return list
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    /// Runs an async callback from the curl thread and waits for it; this
    /// thread is ours (see `BlockingThread`), so waiting here is fine.
    private static func runBlocking(_ operation: @escaping @Sendable () async throws -> Void) -> (any Error)? {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task {
            do { try await operation() } catch { outcome.error.withLock { $0 = error } }
            done.signal()
        }
        done.wait()
        return outcome.error.withLock { $0 }
    }

    private final class Outcome: Sendable {
        let error = Mutex<(any Error)?>(nil)
    }
}
