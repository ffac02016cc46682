import DataAccess
import LambdaEvents
import PlatformAPI

/// The tenant-api Lambda: routes a REST proxy event, establishes the caller
/// from the authoriser context, runs the handler, audits admin actions and
/// answers every failure in the platform's error envelope.
struct TenantAPI: Sendable {
    let dependencies: TenantAPIDependencies
    private let router: Router<String>

    init(dependencies: TenantAPIDependencies) {
        self.dependencies = dependencies
        var router = Router<String>()
        for entry in TenantAPIRoutes.all(dependencies) {
            router.on(entry.method, entry.resource) { request, requestID in
                await Self.run(entry, request, requestID: requestID, dependencies: dependencies)
            }
        }
        self.router = router
    }

    func handle(_ request: APIGatewayProxyRequest) async -> APIGatewayProxyResponse {
        let requestID = request.requestContext.requestId
        guard let handler = router.handler(for: request) else {
            return APIResponse.error(.notFound("The route"), requestID: requestID)
        }
        do {
            return try await handler(request, requestID)
        } catch {
            // `run` answers every error itself; this is only for the type checker.
            return APIResponse.error(.internalError, requestID: requestID)
        }
    }

    private static func run(
        _ entry: RouteEntry, _ request: APIGatewayProxyRequest, requestID: String, dependencies: TenantAPIDependencies
    ) async -> APIGatewayProxyResponse {
        var caller: Caller?
        if entry.authenticated {
            do {
                caller = try Caller(request: request)
            } catch {
                return APIResponse.error(error, requestID: requestID)
            }
        }
        let response: APIGatewayProxyResponse
        var failure: APIError?
        do {
            response = try await entry.handler(request, RequestContext(requestID: requestID, caller: caller))
        } catch {
            let mapped = ErrorMapping.apiError(for: error) { message, fields in
                dependencies.log("ERROR", message, fields.merging(["requestId": requestID, "route": entry.resource]) { $1 })
            }
            failure = mapped
            response = APIResponse.error(mapped, requestID: requestID)
        }
        if let operation = entry.audit, let caller {
            let target = entry.auditTarget(request)
            await AuditTrail(dependencies: dependencies).record(
                caller: caller, target: target, operation: operation, outcome: outcome(of: failure))
        }
        return response
    }

    static func outcome(of failure: APIError?) -> AuditOutcome {
        guard let failure else { return .succeeded }
        return failure.code == .forbidden ? .denied : .failed
    }
}
