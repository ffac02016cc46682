import Synchronization

/// Derived signing keys, per secret + date + region + service.
///
/// Deriving costs four HMACs; a key is valid for a whole UTC day, so a
/// process signs with the same few keys all day. Bounded: when full it is
/// simply emptied (keys are cheap to rederive and the working set is tiny).
final class SigV4SigningKeyCache: Sendable {
    static let shared = SigV4SigningKeyCache(capacity: 128)

    private struct Key: Hashable {
        let secret: String
        let dateStamp: Substring
        let region: String
        let service: String
    }

    private let capacity: Int
    private let keys = Mutex<[Key: HMACKey]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    func signingKey(secret: String, dateStamp: Substring, region: String, service: String) -> HMACKey {
        let key = Key(secret: secret, dateStamp: dateStamp, region: region, service: service)
        if let cached = keys.withLock({ $0[key] }) { return cached }
        let derived = Self.derive(secret: secret, dateStamp: dateStamp, region: region, service: service)
        keys.withLock { keys in
            if keys.count >= capacity { keys.removeAll(keepingCapacity: true) }
            keys[key] = derived
        }
        return derived
    }

    var count: Int { keys.withLock { $0.count } }

    /// Task 3 of SigV4: kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4-create-signed-request.html#derive-signing-key
    static func derive(secret: String, dateStamp: Substring, region: String, service: String) -> HMACKey {
        let dateKey = HMACKey("AWS4" + secret).authenticationCode(for: String(dateStamp))
        let regionKey = HMACKey(dateKey).authenticationCode(for: region)
        let serviceKey = HMACKey(regionKey).authenticationCode(for: service)
        return HMACKey(HMACKey(serviceKey).authenticationCode(for: "aws4_request"))
    }
}
