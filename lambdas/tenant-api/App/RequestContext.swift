import DataAccess
import PlatformAPI

/// What a route handler knows about the request beyond its event.
struct RequestContext: Sendable {
    let requestID: String
    /// Nil only on routes without an authoriser (health).
    let caller: Caller?

    func requireCaller() throws(APIError) -> Caller {
        guard let caller else { throw APIError(.unauthenticated, "The request carries no valid caller identity.") }
        return caller
    }

    /// `Platform.Admin` or `Platform.Operator`, else 403.
    func requireStaff() throws(APIError) -> Caller {
        let caller = try requireCaller()
        guard caller.isPlatformStaff else { throw APIError.forbidden }
        return caller
    }
}
