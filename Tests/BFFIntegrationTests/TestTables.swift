import AWSCore
import PlatformTestSupport

/// Tables for one test: private copies of the local stack's tables, as its template defines them.
enum TestTables {
    /// Creates each named table (e.g. `platform-sessions`); returns its `envVar` -> unique name.
    static func create(_ names: [String], in dynamoDB: DynamoDBClient) async throws -> [String: String] {
        try await DeployedTables.createCopies(names, in: dynamoDB)
    }
}
