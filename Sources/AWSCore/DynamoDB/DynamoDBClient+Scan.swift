/// Scan, for small control-plane tables (the agent registry); never for tenant data.
extension DynamoDBClient {
    private struct ScanInput: Encodable {
        var tableName: String
        var exclusiveStartKey: DynamoDBItem?
        enum CodingKeys: String, CodingKey { case tableName = "TableName", exclusiveStartKey = "ExclusiveStartKey" }
    }

    /// Every item of `table`, following `LastEvaluatedKey`, up to `maxPages` pages.
    public func scanAll(table: String, maxPages: Int = 100) async throws -> [DynamoDBItem] {
        var input = ScanInput(tableName: table)
        var items: [DynamoDBItem] = []
        for _ in 0..<maxPages {
            let page = try await call("Scan", input, as: QueryOutput.self)
            items += page.items
            guard let next = page.lastEvaluatedKey, !next.isEmpty else { return items }
            input.exclusiveStartKey = next
        }
        return items
    }
}
