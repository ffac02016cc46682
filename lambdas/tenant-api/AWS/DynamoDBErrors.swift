import DataAccess

/// DataAccess's store errors as the tenant API's own.
enum DynamoDBErrors {
    static func mapped<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let conflict as ConditionalWriteConflict {
            throw WriteConflict(table: conflict.table)
        } catch is InvalidPageToken {
            throw InvalidNextToken()
        }
    }
}
