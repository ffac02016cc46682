import FoundationEssentials
import LambdaEvents
import Synchronization

/// API Gateway's authoriser result cache: keyed on the identity source (the
/// `Authorization` header), holding the returned policy for a TTL. A cached
/// policy is re-evaluated against each new method ARN, which is why the
/// authoriser must allow the tenant's whole API rather than one method.
final class AuthorizerCache: Sendable {
    private struct Entry {
        var response: APIGatewayAuthorizerResponse
        var expires: Date
    }

    private let ttl: TimeInterval
    private let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])

    init(ttl: TimeInterval = 300, capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    func lookup(_ identity: String, now: Date) -> APIGatewayAuthorizerResponse? {
        entries.withLock { entries in
            guard let entry = entries[identity] else { return nil }
            guard entry.expires > now else {
                entries[identity] = nil
                return nil
            }
            return entry.response
        }
    }

    func store(_ response: APIGatewayAuthorizerResponse, for identity: String, now: Date) {
        guard ttl > 0 else { return }
        entries.withLock { entries in
            if entries.count >= capacity {
                // Bounded memory: drop expired entries first, then everything.
                entries = entries.filter { $0.value.expires > now }
                if entries.count >= capacity { entries.removeAll() }
            }
            entries[identity] = Entry(response: response, expires: now.addingTimeInterval(ttl))
        }
    }
}
