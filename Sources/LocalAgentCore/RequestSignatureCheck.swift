import AWSCore
import Foundation

/// SigV4 on the local data plane (service `bedrock-agentcore`, the ARN's region).
///
/// Keys in `knownSecrets` are verified cryptographically. Temporary keys that
/// moto's STS issued cannot be (their secret never reaches this process), so
/// for them the header is parsed and the scope, date and signed headers are
/// checked: a request signed for another service, region or day, or one that
/// does not sign the session header, is refused either way.
struct RequestSignatureCheck: Sendable {
    static let service = "bedrock-agentcore"
    let knownSecrets: [String: String]

    enum Refusal: Error, Equatable {
        case missing
        case invalid(String)
    }

    func check(_ request: HTTPRequest, region: String, now: Date) throws(Refusal) {
        guard request.headers["authorization"] != nil else { throw .missing }
        let authorization: SigV4Authorization
        do { authorization = try SigV4Verifier.authorization(of: request) } catch { throw .invalid(error.description) }
        let required = ["host", "x-amz-date", "x-amzn-bedrock-agentcore-runtime-session-id"]
        let verifier = SigV4Verifier(region: region, service: Self.service, requiredSignedHeaders: required)
        if let secret = knownSecrets[authorization.accessKeyID] {
            do {
                try verifier.verify(request, authorization: authorization, secretAccessKey: secret, now: now)
            } catch { throw .invalid(error.description) }
            return
        }
        guard authorization.service == Self.service else { throw .invalid("credential scope names another service") }
        guard authorization.region == region else { throw .invalid("credential scope names another region") }
        guard let amzDate = request.headers["x-amz-date"], amzDate.hasPrefix(authorization.dateStamp),
              let date = Self.date(amzDate), abs(date.timeIntervalSince(now)) <= 300 else {
            throw .invalid("x-amz-date is missing, outside the credential scope or more than 300 s away")
        }
        for name in required where !authorization.signedHeaders.contains(name) {
            throw .invalid("\(name) is not signed")
        }
        if authorization.accessKeyID.hasPrefix("ASIA"), request.headers["x-amz-security-token"] == nil {
            throw .invalid("temporary credentials without x-amz-security-token")
        }
    }

    /// `YYYYMMDD'T'HHMMSS'Z'`.
    static func date(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: text)
    }
}
