import AWSCore
import FoundationEssentials

/// POSTs one signed delivery; true for a 2xx answer.
protocol WebhookSender: Sendable {
    func post(url: String, body: Data, headers: [(String, String)]) async -> Bool
}

/// `WebhookSender` on the shared HTTP transport (10 s timeout set on it).
struct TransportWebhookSender: WebhookSender {
    let transport: any HTTPTransport

    func post(url: String, body: Data, headers: [(String, String)]) async -> Bool {
        guard let request = HTTPRequest(method: "POST", url: url, headers: HTTPHeaders(headers), body: body),
              let response = try? await transport.send(request) else { return false }
        return (200..<300).contains(response.status)
    }
}
