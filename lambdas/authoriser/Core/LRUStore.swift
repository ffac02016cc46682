import FoundationEssentials

/// A fixed-capacity map with a time-to-live per entry that, when full, makes
/// room by dropping expired entries first and then the least recently used
/// one: never everything at once. O(1) per lookup and insert (a doubly linked
/// recency list over an array); the sweep for expired entries runs at most
/// once per `sweepInterval`, so a flood of inserts stays O(1) amortised.
struct LRUStore<Key: Hashable, Value> {
    private struct Node {
        var key: Key
        var value: Value
        var expires: Date
        var newer: Int
        var older: Int
    }

    let capacity: Int
    let sweepInterval: TimeInterval
    private var nodes: [Node] = []
    private var slots: [Key: Int] = [:]
    private var freeSlots: [Int] = []
    /// Most and least recently used slot, -1 when empty.
    private var newest = -1
    private var oldest = -1
    private var nextSweep = Date.distantPast

    init(capacity: Int, sweepInterval: TimeInterval) {
        self.capacity = max(1, capacity)
        self.sweepInterval = sweepInterval
    }

    var count: Int { slots.count }

    /// The live value for `key`, which becomes the most recently used; an expired entry is dropped.
    mutating func value(for key: Key, now: Date) -> Value? {
        guard let slot = slots[key] else { return nil }
        guard nodes[slot].expires > now else {
            remove(slot)
            return nil
        }
        unlink(slot)
        linkNewest(slot)
        return nodes[slot].value
    }

    mutating func store(_ value: Value, for key: Key, expires: Date, now: Date) {
        if let slot = slots[key] {
            nodes[slot].value = value
            nodes[slot].expires = expires
            unlink(slot)
            linkNewest(slot)
            return
        }
        if slots.count >= capacity { makeRoom(now: now) }
        let node = Node(key: key, value: value, expires: expires, newer: -1, older: -1)
        let slot: Int
        if let reused = freeSlots.popLast() {
            nodes[reused] = node
            slot = reused
        } else {
            nodes.append(node)
            slot = nodes.count - 1
        }
        slots[key] = slot
        linkNewest(slot)
    }

    mutating func removeValue(for key: Key) {
        if let slot = slots[key] { remove(slot) }
    }

    /// Expired entries first (a sweep, at most once per interval), else the least recently used.
    private mutating func makeRoom(now: Date) {
        if now >= nextSweep {
            nextSweep = now.addingTimeInterval(sweepInterval)
            var slot = oldest
            while slot != -1 {
                let newer = nodes[slot].newer
                if nodes[slot].expires <= now { remove(slot) }
                slot = newer
            }
        }
        if slots.count >= capacity { remove(oldest) }
    }

    private mutating func remove(_ slot: Int) {
        unlink(slot)
        slots[nodes[slot].key] = nil
        freeSlots.append(slot)
    }

    private mutating func unlink(_ slot: Int) {
        let (newer, older) = (nodes[slot].newer, nodes[slot].older)
        if newer != -1 { nodes[newer].older = older } else { newest = older }
        if older != -1 { nodes[older].newer = newer } else { oldest = newer }
        nodes[slot].newer = -1
        nodes[slot].older = -1
    }

    private mutating func linkNewest(_ slot: Int) {
        nodes[slot].older = newest
        if newest != -1 { nodes[newest].newer = slot }
        newest = slot
        if oldest == -1 { oldest = slot }
    }
}
