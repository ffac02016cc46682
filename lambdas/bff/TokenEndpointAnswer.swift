import AWSCore
import FoundationEssentials

/// Reads the token endpoint's HTTP answer (RFC 6749 sections 5.1 and 5.2).
enum TokenEndpointAnswer {
    private struct Success: Decodable {
        var accessToken: String
        var tokenType: String
        var expiresIn: FlexibleInteger
        var scope: String?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token", tokenType = "token_type", expiresIn = "expires_in", scope
        }
    }

    private struct Failure: Decodable {
        var error: String?
    }

    /// Entra v1 endpoints send `expires_in` as a string, v2 as a number; take either.
    private struct FlexibleInteger: Decodable {
        var value: Int
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                value = number
            } else if let number = Int(try container.decode(String.self)) {
                value = number
            } else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expires_in is not an integer")
            }
        }
    }

    static func interpret(_ response: HTTPResponse, requestedScope: String, now: Date) -> Result<IssuedToken, TokenExchangeError> {
        guard response.status == 200 else {
            let failure = try? JSONDecoder().decode(Failure.self, from: response.body)
            return .failure(.rejected(
                status: response.status, entraError: failure?.error.flatMap(safeErrorCode),
                retryAfterSeconds: response.headers["Retry-After"].flatMap(retryAfterSeconds)
            ))
        }
        guard let success = try? JSONDecoder().decode(Success.self, from: response.body),
              !success.accessToken.isEmpty, success.tokenType.lowercased() == "bearer", success.expiresIn.value > 0
        else {
            return .failure(.unavailable(reason: "unreadable token endpoint answer"))
        }
        return .success(IssuedToken(
            accessToken: success.accessToken, tokenType: "Bearer",
            expiresAt: now.addingTimeInterval(Double(success.expiresIn.value)),
            scope: success.scope ?? requestedScope
        ))
    }

    /// OAuth error codes are `snake_case` words; anything else is dropped rather than echoed.
    private static func safeErrorCode(_ code: String) -> String? {
        let allowed = code.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || $0 == 95 }
        return allowed && !code.isEmpty && code.utf8.count <= 64 ? code : nil
    }

    /// `Retry-After` in delta-seconds (HTTP dates are not worth parsing here).
    private static func retryAfterSeconds(_ header: String) -> Int? {
        guard let seconds = Int(header.trimmingSpaces()), seconds >= 0 else { return nil }
        return max(1, min(seconds, 3600))
    }
}
