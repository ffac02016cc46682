import Foundation
import Testing
import AWSCore

/// The moto_server that `make test-int` starts (signature checking on), as
/// described by the variables scripts/test.sh exports. Shared by every
/// integration test target.
public struct LocalAWS: Sendable {
    public struct NotConfigured: Error, CustomStringConvertible {
        public var missing: [String]
        public var description: String {
            "integration tests need a local moto_server: run `make test-int` (missing \(missing.joined(separator: ", ")))"
        }
    }

    public let environment: [String: String]
    public let transport: CurlTransport

    /// Fails the calling test, with the fix, when the local stack is not configured.
    public init() throws {
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

    public var region: String { environment["AWS_REGION"]! }

    public func client(_ service: AWSService, credentials: (any CredentialProvider)? = nil) throws -> AWSClient {
        try AWSClient(service: service, environment: environment, transport: transport, credentials: credentials)
    }

    /// A name unique to this run, so tests running in parallel never share a resource.
    public static func unique(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}
