/// Bounds on what one client can make the server hold.
package struct HTTPServerLimits: Sendable {
    /// Request line plus headers.
    package var maxHeadBytes = 64 * 1024
    /// Unread request body the server drains to keep a connection alive.
    package var maxDrainBytes = 8 * 1024 * 1024

    package init(maxHeadBytes: Int = 64 * 1024, maxDrainBytes: Int = 8 * 1024 * 1024) {
        self.maxHeadBytes = maxHeadBytes
        self.maxDrainBytes = maxDrainBytes
    }
}
