/// `AsyncInvokeResponse` (docs/openapi.yaml), answered with 202.
struct AsyncInvokeResponse: Codable, Sendable, Equatable {
    var jobId: String
    var status = "accepted"
    var mode = "async"
    var pollUrl: String
    var webhookDelivery: String

    init(jobID: String, webhookRegistered: Bool) {
        jobId = jobID
        pollUrl = "/v1/jobs/\(jobID)"
        webhookDelivery = webhookRegistered ? "registered" : "not_registered"
    }
}
