import AWSCore
import FoundationEssentials
import Synchronization

/// Feeds a table's stream (moto's DynamoDB Streams) to a function, batch by
/// batch in order, the way a Lambda event source mapping does: a batch the
/// function fails is retried (3 times) before the poller moves on.
package final class TableStreamPoller: Sendable {
    package typealias Deliver = @Sendable (_ event: [UInt8]) async -> Bool

    private let dynamoDB: DynamoDBClient
    private let streams: DynamoDBStreamsClient
    private let table: String
    private let region: String
    private let deliver: Deliver
    private let log: @Sendable (String) -> Void
    private let interval: Duration
    private let task = Mutex<Task<Void, Never>?>(nil)

    package init(dynamoDB: DynamoDBClient, streams: DynamoDBStreamsClient, table: String, region: String,
                 interval: Duration = .milliseconds(200), log: @escaping @Sendable (String) -> Void,
                 deliver: @escaping Deliver) {
        self.dynamoDB = dynamoDB
        self.streams = streams
        self.table = table
        self.region = region
        self.interval = interval
        self.log = log
        self.deliver = deliver
    }

    package func start() {
        task.withLock { task in
            guard task == nil else { return }
            task = Task { [self] in await run() }
        }
    }

    package func stop() {
        task.withLock { $0?.cancel() }
    }

    private func run() async {
        var streamARN: String?
        var iterators: [String: String] = [:]
        var finished: Set<String> = []
        while !Task.isCancelled {
            do {
                if streamARN == nil { streamARN = try await dynamoDB.describeTable(table).latestStreamARN }
                if let arn = streamARN {
                    for shard in try await streams.shardIDs(streamARN: arn)
                    where iterators[shard] == nil && !finished.contains(shard) {
                        iterators[shard] = try await streams.shardIterator(streamARN: arn, shardID: shard, type: .trimHorizon)
                    }
                    for (shard, iterator) in iterators {
                        let page = try await streams.getRecords(shardIterator: iterator, limit: 100)
                        if !page.records.isEmpty {
                            await deliverWithRetries(page.records.map { StreamRecordPayload($0, region: region, streamARN: arn) })
                        }
                        if let next = page.nextShardIterator {
                            iterators[shard] = next
                        } else {
                            iterators[shard] = nil
                            finished.insert(shard)
                        }
                    }
                }
            } catch {
                // The table may not exist yet (the dev bootstrap creates it after start-up).
                streamARN = nil
                iterators = [:]
            }
            try? await Task.sleep(for: interval)
        }
    }

    private func deliverWithRetries(_ records: [StreamRecordPayload]) async {
        guard let event = try? StreamRecordPayload.event(records) else { return }
        for attempt in 1...3 {
            if await deliver(event) { return }
            log("stream batch of \(records.count) records failed in the function (attempt \(attempt))")
            try? await Task.sleep(for: .milliseconds(500 * attempt))
        }
    }
}
