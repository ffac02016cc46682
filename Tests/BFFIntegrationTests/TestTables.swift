import AWSCore
import Foundation
import PlatformTestSupport

/// Tables for one test, created from their `infra/tables.json` definitions under unique names.
enum TestTables {
    private struct Definitions: Decodable {
        struct Table: Decodable {
            var name: String
            var envVar: String
            var partitionKeyOnly: Bool?
        }
        var tables: [Table]
    }

    /// Creates each named table (e.g. `platform-sessions`); returns its `envVar` -> unique name.
    static func create(_ names: [String], in dynamoDB: DynamoDBClient) async throws -> [String: String] {
        let file = LocalIdentityProvider.repositoryRoot.appendingPathComponent("infra/tables.json")
        let definitions = try JSONDecoder().decode(Definitions.self, from: Data(contentsOf: file))
        var environment: [String: String] = [:]
        for name in names {
            guard let table = definitions.tables.first(where: { $0.name == name }) else {
                throw CocoaError(.fileReadCorruptFile)
            }
            let unique = LocalAWS.unique(table.name)
            _ = try await dynamoDB.createTable(.init(
                tableName: unique, partitionKey: .init("PK"),
                sortKey: table.partitionKeyOnly == true ? nil : .init("SK")))
            environment[table.envVar] = unique
        }
        return environment
    }
}
