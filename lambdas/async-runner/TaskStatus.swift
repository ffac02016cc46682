import PlatformJSON
import AWSCore
import FoundationEssentials

/// The agent's answer to `{"action": "job_status", "taskId"}`.
enum TaskStatus: Sendable, Equatable {
    case running
    case completed(result: JSONValue)
    case failed(message: String)
    /// The agent does not know the task (lost session, another tenant's id).
    case unknown

    init(body: Data) {
        guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: body),
              case .string(let status)? = fields["status"] else { self = .unknown; return }
        switch status {
        case "running": self = .running
        case "completed": self = .completed(result: fields["result"] ?? .null)
        case "failed":
            if case .string(let message)? = fields["errorMessage"] { self = .failed(message: message) } else {
                self = .failed(message: "the agent reported a failure")
            }
        default: self = .unknown
        }
    }
}
