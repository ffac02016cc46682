import CCurl

/// Maps libcurl result codes to `TransportError`s.
enum CurlErrorMapping {
    static func error(for code: CURLcode, detail: String, host: String, connected: Bool,
                      limits: CurlTransfer.Limits) -> any Error {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST:
            return TransportError.dnsFailure(host: host)
        case CURLE_COULDNT_CONNECT:
            return TransportError.connectionRefused(host: host)
        case CURLE_OPERATION_TIMEDOUT:
            let limit = connected ? limits.timeout : limits.connectTimeout
            return TransportError.timedOut(host: host, connected: connected, seconds: seconds(limit))
        case CURLE_PARTIAL_FILE:
            return TransportError.truncatedBody(host: host)
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR:
            return TransportError.connectionLost(host: host, detail: detail.isEmpty ? "code \(code.rawValue)" : detail)
        case CURLE_ABORTED_BY_CALLBACK:
            return CancellationError()
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CLIENTCERT:
            return TransportError.tls(host: host, detail: detail)
        default:
            let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            return TransportError.other(host: host, code: Int(code.rawValue), detail: text)
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
