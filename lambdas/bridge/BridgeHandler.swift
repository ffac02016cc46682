import AWSCore
import DataAccess
import FoundationEssentials
import LambdaEvents
import PlatformAPI

/// The bridge function: `GET /v1/agents`, `GET /v1/agents/{agentName}`,
/// `POST /v1/agents/{agentName}/invoke`, `GET /v1/jobs/{jobId}`.
struct BridgeHandler: Sendable {
    static let invokeResource = "/v1/agents/{agentName}/invoke"

    let dependencies: BridgeDependencies

    /// Answers `request` on `sink`. Throws only after a stream has started
    /// (the error then travels in the trailers).
    func handle(_ request: APIGatewayProxyRequest, sink: any ResponseSink) async throws {
        let isInvoke = request.httpMethod == "POST" && request.resource == Self.invokeResource
        let responder = HTTPResponder(sink: sink, streamingIntegration: isInvoke)
        let requestID = request.requestContext.requestId
        do {
            let caller = try Caller(request: request)
            if isInvoke {
                return try await InvokeHandler(dependencies: dependencies)
                    .handle(request, caller: caller, responder: responder)
            }
            guard let route = router.handler(for: request) else { throw APIError.notFound("The resource") }
            try responder.send(try await route(request, caller))
        } catch let error as InvokeHandler.StreamAborted {
            throw error
        } catch let error as APIError {
            try responder.send(APIResponse.error(error, requestID: requestID))
        } catch {
            dependencies.log("request \(requestID) failed: \(type(of: error)): \(error)")
            try responder.send(APIResponse.error(.internalError, requestID: requestID))
        }
    }

    private var router: Router<Caller> {
        var router = Router<Caller>()
        let catalog = AgentCatalog(registry: dependencies.registry)
        let tenantStore = dependencies.tenantStore
        router.on("GET", "/v1/agents") { _, caller in
            let tier = try await tenantStore(caller.tenantID).activeTenant().tier
            return try APIResponse.json(200, ["items": try await catalog.list(tier: tier).map(AgentView.summary)])
        }
        router.on("GET", "/v1/agents/{agentName}") { request, caller in
            let tier = try await tenantStore(caller.tenantID).activeTenant().tier
            return try APIResponse.json(200, AgentView.detail(try await catalog.resolve(request.pathParameters?["agentName"],
                                                                                        tier: tier)))
        }
        router.on("GET", "/v1/jobs/{jobId}") { request, caller in
            try await jobResponse(request.pathParameters?["jobId"], caller: caller)
        }
        return router
    }

    /// A job of the caller's tenant; another tenant's job is 404, never 403.
    private func jobResponse(_ jobIDText: String?, caller: Caller) async throws -> APIGatewayProxyResponse {
        guard let jobIDText, !jobIDText.isEmpty, jobIDText.utf8.count <= 64,
              let jobID = try? JobID(validating: jobIDText) else {
            throw APIError.invalid([.init(field: "jobId", message: "must be 1-64 letters, digits, underscores or hyphens")])
        }
        guard let job = try await dependencies.tenantStore(caller.tenantID).job(jobID) else {
            throw APIError.notFound("The job")
        }
        var resultURL: String?
        if job.status == .completed {
            resultURL = try await dependencies.results.presignedURL(forKey: job.resolvedResultKey, tenant: caller.tenantID)
        }
        return try APIResponse.json(200, JobView(job, resultURL: resultURL))
    }
}

extension Job {
    /// The stored result key, checked to be under the job's own tenant prefix.
    var resolvedResultKey: String {
        guard let key = resultS3Key, key.hasPrefix("tenants/\(tenantID.rawValue)/") else { return resultObjectKey }
        return key
    }
}
