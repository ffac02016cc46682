import AWSCore
import DataAccess
import Foundation
import Synchronization
@testable import TenantAPI

/// Tables in memory, shared by the tenant-scoped and control-plane views a test hands out.
final class InMemoryTables: Sendable {
    let rows = Mutex<[String: [String: DynamoDBItem]]>([:])
    let writes = Mutex<Int>(0)

    static func id(_ item: DynamoDBItem) -> String {
        guard case .s(let pk)? = item["PK"] else { return "" }
        if case .s(let sk)? = item["SK"] { return pk + "\u{1}" + sk }
        return pk
    }

    func items(in table: String) -> [DynamoDBItem] {
        rows.withLock { $0[table].map { Array($0.values) } ?? [] }.sorted { Self.id($0) < Self.id($1) }
    }

    func count(in table: String) -> Int { rows.withLock { $0[table]?.count ?? 0 } }
}

/// A fake ``RecordStore`` with DynamoDB's semantics where the handlers rely on
/// them: conditional writes, sorted partitions, `Limit` counting evaluated rows
/// before the filter, opaque tokens. With a `scope` it refuses other tenants'
/// keys and every scan, like the tenant-scoped client.
struct InMemoryRecordStore: RecordStore {
    struct Violation: Error, Equatable { var key: String }

    let tables: InMemoryTables
    let scope: TenantID?

    private func check(_ partition: String) throws {
        guard let scope, partition.hasPrefix("TENANT#"), partition != TableKey.tenantPartition(scope) else { return }
        throw Violation(key: partition)
    }

    private func rowID(_ key: TableKey) -> String {
        key.sortKey.map { key.partitionKey + "\u{1}" + $0 } ?? key.partitionKey
    }

    func get<R: TableRecord>(_ type: R.Type, table: String, key: TableKey) async throws -> R? {
        try check(key.partitionKey)
        return try tables.rows.withLock { $0[table]?[rowID(key)] }.map { try R(item: $0) }
    }

    func put(_ record: some TableRecord, table: String, guard: WriteGuard) async throws {
        try check(record.key.partitionKey)
        let item = try record.item()
        let id = rowID(record.key)
        try tables.rows.withLock { rows in
            try Self.evaluate(`guard`, rows[table]?[id], table: table)
            rows[table, default: [:]][id] = item
        }
        tables.writes.withLock { $0 += 1 }
    }

    func delete(table: String, key: TableKey, guard: WriteGuard) async throws {
        try check(key.partitionKey)
        let id = rowID(key)
        try tables.rows.withLock { rows in
            try Self.evaluate(`guard`, rows[table]?[id], table: table)
            rows[table]?[id] = nil
        }
        tables.writes.withLock { $0 += 1 }
    }

    func query<R: TableRecord>(
        _ type: R.Type, table: String, partition: String, sortKey: SortKeyCondition?, limit: Int?, nextToken: String?
    ) async throws -> Page<R> {
        try check(partition)
        let matching = tables.items(in: table).filter { item in
            guard case .s(partition)? = item["PK"], case .s(let sk)? = item["SK"] else { return false }
            return sortKey?.contains(sk) ?? true
        }
        return try page(matching, limit: limit, nextToken: nextToken, filter: { _ in true })
    }

    func scan<R: TableRecord>(
        _ type: R.Type, table: String, sortKey: SortKeyCondition, limit: Int?, nextToken: String?
    ) async throws -> Page<R> {
        if scope != nil { throw Violation(key: table) }
        return try page(tables.items(in: table), limit: limit, nextToken: nextToken) { item in
            guard case .s(let sk)? = item["SK"] else { return false }
            return sortKey.contains(sk)
        }
    }

    /// Evaluates up to `limit` rows after the token, then filters: DynamoDB's `Limit` semantics.
    private func page<R: TableRecord>(
        _ rows: [DynamoDBItem], limit: Int?, nextToken: String?, filter: (DynamoDBItem) -> Bool
    ) throws -> Page<R> {
        var remaining = rows
        if let nextToken {
            guard let start = Data(base64Encoded: nextToken).map({ String(decoding: $0, as: UTF8.self) }) else {
                throw InvalidNextToken()
            }
            remaining = rows.filter { Self.id($0) > start }
        }
        let evaluated = limit.map { Array(remaining.prefix($0)) } ?? remaining
        let more = evaluated.count < remaining.count
        let token = more ? evaluated.last.map { Data(Self.id($0).utf8).base64EncodedString() } : nil
        return Page(items: try evaluated.filter(filter).map { try R(item: $0) }, nextToken: token)
    }

    private static func id(_ item: DynamoDBItem) -> String { InMemoryTables.id(item) }

    private static func evaluate(_ guard: WriteGuard, _ existing: DynamoDBItem?, table: String) throws {
        switch `guard` {
        case .none: return
        case .absent: if existing != nil { throw WriteConflict(table: table) }
        case .present: if existing == nil { throw WriteConflict(table: table) }
        case .unchanged(let attribute, let value): if existing?[attribute] != value { throw WriteConflict(table: table) }
        }
    }
}
