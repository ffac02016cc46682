import AWSCore
import Foundation

/// The platform's table definitions as the local stack deploys them: read from the synthesized
/// template scripts/test.sh deploys into moto (`infra/cdk.out/platform-platform-local.template.json`),
/// so tests that need a private copy of a table get the same keys, indexes and stream as the real one.
public enum DeployedTables {
    public struct Definition: Sendable {
        public var name: String
        public var environmentVariable: String
        public var sortKey: String?
        public var indexes: [DynamoDBClient.Index]
        public var streamViewType: String?
    }

    public struct TemplateMissing: Error, CustomStringConvertible {
        public var path: String
        public var description: String {
            "\(path) is missing: run the tests through `make test` (it synthesizes and deploys the local stack)"
        }
    }

    public static let templatePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../infra/cdk.out/platform-platform-local.template.json").standardized.path

    /// Every `AWS::DynamoDB::Table` of the local Platform stack, by table name.
    public static func definitions() throws -> [String: Definition] {
        guard let data = FileManager.default.contents(atPath: templatePath),
              let template = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let resources = template["Resources"] as? [String: [String: Any]] else {
            throw TemplateMissing(path: templatePath)
        }
        var found: [String: Definition] = [:]
        for resource in resources.values where resource["Type"] as? String == "AWS::DynamoDB::Table" {
            guard let properties = resource["Properties"] as? [String: Any],
                  let name = properties["TableName"] as? String,
                  let variable = (resource["Metadata"] as? [String: Any])?["platform:envVar"] as? String else { continue }
            let indexes = (properties["GlobalSecondaryIndexes"] as? [[String: Any]] ?? []).compactMap { index -> DynamoDBClient.Index? in
                guard let indexName = index["IndexName"] as? String else { return nil }
                let schema = index["KeySchema"] as? [[String: String]] ?? []
                guard let partition = key(schema, "HASH") else { return nil }
                return .init(name: indexName, partitionKey: partition, sortKey: key(schema, "RANGE"))
            }
            let stream = (properties["StreamSpecification"] as? [String: Any])?["StreamViewType"] as? String
            found[name] = Definition(name: name, environmentVariable: variable,
                                     sortKey: key(properties["KeySchema"] as? [[String: String]] ?? [], "RANGE"),
                                     indexes: indexes, streamViewType: stream)
        }
        return found
    }

    /// Creates a uniquely named copy of each named table; returns its variable -> copy's name.
    public static func createCopies(_ names: [String], in dynamoDB: DynamoDBClient) async throws -> [String: String] {
        let all = try definitions()
        var environment: [String: String] = [:]
        for name in names {
            guard let definition = all[name] else { throw TemplateMissing(path: "\(templatePath) (table \(name))") }
            let unique = LocalAWS.unique(name)
            let indexKeys = Set(definition.indexes.flatMap { [$0.partitionKey] + ($0.sortKey.map { [$0] } ?? []) })
            _ = try await dynamoDB.createTable(.init(
                tableName: unique, partitionKey: .init("PK"), sortKey: definition.sortKey.map { .init($0) },
                indexAttributes: indexKeys.sorted().map { .init($0) }, globalSecondaryIndexes: definition.indexes,
                streamViewType: definition.streamViewType))
            environment[definition.environmentVariable] = unique
        }
        return environment
    }

    private static func key(_ schema: [[String: String]], _ type: String) -> String? {
        schema.first { $0["KeyType"] == type }?["AttributeName"]
    }
}
