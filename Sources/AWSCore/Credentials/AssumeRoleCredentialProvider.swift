import FoundationEssentials

/// Credentials of an assumed role, cached until 5 minutes before they expire.
/// An actor so that concurrent callers share one refresh instead of each
/// calling STS.
public actor AssumeRoleCredentialProvider: CredentialProvider {
    private let sts: STSClient
    private let roleARN: String
    private let sessionName: String
    private let tags: [String: String]
    private let durationSeconds: Int
    private let now: @Sendable () -> Date
    private var cached: AWSCredentials?
    private var refresh: Task<AWSCredentials, any Error>?

    /// Credentials are refreshed this long before they expire.
    static let refreshMargin: TimeInterval = 300

    public init(sts: STSClient, roleARN: String, sessionName: String, tags: [String: String] = [:],
                durationSeconds: Int = 3600, now: @escaping @Sendable () -> Date = { Date() }) {
        self.sts = sts
        self.roleARN = roleARN
        self.sessionName = sessionName
        self.tags = tags
        self.durationSeconds = durationSeconds
        self.now = now
    }

    public func credentials() async throws -> AWSCredentials {
        if let cached, let expiry = cached.expiration, now() < expiry.addingTimeInterval(-Self.refreshMargin) {
            return cached
        }
        if let refresh { return try await refresh.value }
        let task = Task { [sts, roleARN, sessionName, tags, durationSeconds] in
            try await sts.assumeRole(roleARN: roleARN, sessionName: sessionName, tags: tags,
                                     durationSeconds: durationSeconds).credentials
        }
        refresh = task
        defer { refresh = nil }
        let fresh = try await task.value
        cached = fresh
        return fresh
    }
}
