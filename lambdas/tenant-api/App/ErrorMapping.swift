import AWSCore
import DataAccess
import PlatformAPI

/// Turns what a handler threw into the API's error envelope. Unknown errors
/// become 500 with only their type logged (messages may quote inputs).
enum ErrorMapping {
    static func apiError(for error: any Error, log: (String, [String: String]) -> Void) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let failure as ValidationFailure:
            return failure.apiError
        case let error as ValidationError:
            return error.apiError
        case let transition as IllegalTransition:
            return APIError(.conflict, "An agent version cannot move from \(transition.from.rawValue) to \(transition.to.rawValue).")
        case let lock as LockCheckError:
            switch lock {
            case .notHeld: return APIError(.lockNotHeld, "No failover lock is held.")
            case .expired: return APIError(.lockExpired, "The failover lock expired.")
            case .mismatch: return APIError(.lockMismatch, "The failover lock is held by another lockId.")
            }
        case is WriteConflict:
            return APIError(.conflict, "The resource changed while the request was processed; read it again and retry.")
        case is TenantAccessViolation:
            // DataAccess has already logged and counted it; the caller learns nothing more.
            return .forbidden
        case is InvalidNextToken:
            return .invalid([.init(field: "nextToken", message: "is not a token this API issued")])
        default:
            var fields = ["errorType": String(describing: type(of: error))]
            if let aws = error as? AWSError {
                fields["awsService"] = aws.service
                fields["awsCode"] = aws.code
            }
            log("unhandled_error", fields)
            return .internalError
        }
    }
}

/// A `nextToken` this API did not issue.
struct InvalidNextToken: Error, Sendable, Equatable {}
