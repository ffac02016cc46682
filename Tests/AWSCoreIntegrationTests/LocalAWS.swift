import Foundation
import Testing
@testable import AWSCore

/// The moto_server that `make test-int` starts (signature checking on), as
/// described by the variables scripts/test.sh exports.
struct LocalAWS {
    struct NotConfigured: Error, CustomStringConvertible {
        var missing: [String]
        var description: String {
            "integration tests need a local moto_server: run `make test-int` (missing \(missing.joined(separator: ", ")))"
        }
    }

    let environment: [String: String]
    let transport: CurlTransport

    /// Fails the calling test, with the fix, when the local stack is not configured.
    init() throws {
        let variables = ProcessInfo.processInfo.environment
        let needed = ["AWS_ENDPOINT_URL", "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]
        let missing = needed.filter { (variables[$0] ?? "").isEmpty }
        guard missing.isEmpty else {
            let error = NotConfigured(missing: missing)
            Issue.record("\(error)")
            throw error
        }
        environment = variables.filter { $0.key.hasPrefix("AWS_") }
        transport = Self.sharedTransport
    }

    private static let sharedTransport = CurlTransport(configuration: .init(timeout: .seconds(30)))

    var region: String { environment["AWS_REGION"]! }

    func client(_ service: AWSService, credentials: (any CredentialProvider)? = nil) throws -> AWSClient {
        try AWSClient(service: service, environment: environment, transport: transport, credentials: credentials)
    }

    /// A name unique to this run, so tests running in parallel never share a resource.
    static func unique(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}
