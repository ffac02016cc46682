import AWSCore
import FoundationEssentials
import JWT

/// Fetches the issuer's JWKS. Every failure (transport, status, size, shape)
/// is `keySetUnavailable`: the cache then keeps serving the keys it has.
struct KeySetSource: Sendable {
    let request: HTTPRequest
    let transport: any HTTPTransport
    let maxBytes: Int

    /// The key set, once under each of its kids.
    func fetch() async throws(EntraAuthError) -> [String: JWKS] {
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw .keySetUnavailable
        }
        guard response.status == 200, response.body.count <= maxBytes, let keySet = try? JWKS(json: response.body) else {
            throw .keySetUnavailable
        }
        // `JWKS` keeps the first key of a repeated kid, so kids are unique.
        return Dictionary(uniqueKeysWithValues: keySet.kids.map { ($0, keySet) })
    }
}
