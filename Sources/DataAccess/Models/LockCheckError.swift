/// Why a caller does not hold a lock; the code is the API's 409 error code.
public enum LockCheckError: String, Error, Sendable {
    case notHeld = "LOCK_NOT_HELD"
    case expired = "LOCK_EXPIRED"
    case mismatch = "LOCK_MISMATCH"

    public var code: String { rawValue }
}
