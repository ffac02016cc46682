import FoundationEssentials

/// An operations lock (`LOCK#{name}` / `METADATA`), e.g. the runtime
/// failover lock shared by the bridge and the ops CLI. `expiresAt` is epoch
/// seconds so the acquire condition `attribute_not_exists(PK) OR expiresAt < :now`
/// compares numbers.
public struct OpsLock: TableRecord, Equatable {
    /// The runtime failover lock's name.
    public static let runtimeFailover: LockName = Identifier(uncheckedLiteral: "platform-runtime-failover")

    public var lockName: LockName
    public var lockID: String
    public var owner: String
    public var acquiredAt: Date
    public var expiresAt: EpochSeconds
    public var ttl: EpochSeconds

    enum CodingKeys: String, CodingKey {
        case lockName, lockID = "lockId", owner, acquiredAt, expiresAt, ttl
    }

    /// A lock held by `owner` for `duration` (default 300 s) from `now`.
    public init(lockName: LockName, lockID: String, owner: String, now: Date, duration: TimeInterval = Retention.lock) {
        self.lockName = lockName
        self.lockID = lockID
        self.owner = owner
        acquiredAt = now
        expiresAt = EpochSeconds(now.addingTimeInterval(duration))
        ttl = expiresAt
    }

    public var key: TableKey { .lock(lockName) }

    public func isLive(at now: Date) -> Bool { EpochSeconds(now) <= expiresAt }

    /// Checks that `lockID` holds `lock` at `now` (failover route: 409 otherwise).
    public static func verifyHeld(_ lock: OpsLock?, lockID: String, now: Date) throws(LockCheckError) {
        guard let lock else { throw .notHeld }
        guard lock.lockID == lockID else { throw .mismatch }
        guard lock.isLive(at: now) else { throw .expired }
    }
}
