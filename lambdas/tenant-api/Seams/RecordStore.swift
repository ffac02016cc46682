import AWSCore
import DataAccess

/// The tenant API's one seam to DynamoDB: typed records in, typed records out.
///
/// Two implementations back it in production, chosen explicitly per request
/// (``StoreProvider``): one bound to the caller's tenant (every key checked,
/// scans refused) and one for the control plane (operator paths only).
protocol RecordStore: Sendable {
    func get<R: TableRecord>(_ type: R.Type, table: String, key: TableKey) async throws -> R?

    /// Writes `record` if `guard` holds, else throws ``WriteConflict``.
    func put(_ record: some TableRecord, table: String, guard: WriteGuard) async throws

    /// Deletes the item at `key` if `guard` holds, else throws ``WriteConflict``.
    func delete(table: String, key: TableKey, guard: WriteGuard) async throws

    /// One page of one partition, oldest sort key first.
    func query<R: TableRecord>(
        _ type: R.Type, table: String, partition: String, sortKey: SortKeyCondition?, limit: Int?, nextToken: String?
    ) async throws -> Page<R>

    /// One page of every row whose sort key matches, across partitions (control plane only).
    func scan<R: TableRecord>(
        _ type: R.Type, table: String, sortKey: SortKeyCondition, limit: Int?, nextToken: String?
    ) async throws -> Page<R>
}

extension RecordStore {
    /// Every page of a partition (bounded, so a runaway partition cannot pin the Lambda).
    func queryAll<R: TableRecord>(
        _ type: R.Type, table: String, partition: String, sortKey: SortKeyCondition?, maxPages: Int = 50
    ) async throws -> [R] {
        var items: [R] = []
        var token: String?
        for _ in 0..<maxPages {
            let page = try await query(type, table: table, partition: partition, sortKey: sortKey, limit: nil, nextToken: token)
            items += page.items
            guard let next = page.nextToken else { return items }
            token = next
        }
        return items
    }

    /// Every page of a scan (bounded like ``queryAll``).
    func scanAll<R: TableRecord>(_ type: R.Type, table: String, sortKey: SortKeyCondition, maxPages: Int = 50) async throws -> [R] {
        var items: [R] = []
        var token: String?
        for _ in 0..<maxPages {
            let page = try await scan(type, table: table, sortKey: sortKey, limit: nil, nextToken: token)
            items += page.items
            guard let next = page.nextToken else { return items }
            token = next
        }
        return items
    }
}
