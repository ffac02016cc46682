import AWSCore
import DataAccess
import FoundationEssentials

/// POSTs one signed delivery to the address that was checked; true for a 2xx answer.
protocol WebhookSender: Sendable {
    func post(url: CallbackURL, address: CallbackAddress, body: Data, headers: [(String, String)]) async -> Bool
}

/// `WebhookSender` on libcurl: connects only to `address` (no second lookup),
/// only with the URL's own scheme (https, or http to a local receiver), no
/// redirects, no proxy; the 10 s timeout is set on the transport.
struct CurlWebhookSender: WebhookSender {
    let transport: CurlTransport

    func post(url: CallbackURL, address: CallbackAddress, body: Data, headers: [(String, String)]) async -> Bool {
        guard let request = HTTPRequest(method: "POST", url: url.rawValue, headers: HTTPHeaders(headers), body: body) else {
            return false
        }
        let policy = CurlConnectionPolicy(host: url.host, port: url.port, address: address.description,
                                          protocols: url.isHTTPS ? "https" : "http")
        guard let response = try? await transport.send(request, policy: policy) else { return false }
        return (200..<300).contains(response.status)
    }
}
