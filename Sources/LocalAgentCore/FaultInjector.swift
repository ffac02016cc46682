import Foundation
import Synchronization

/// Errors injected per region for failover and throttling tests:
/// `ServiceUnavailableException` (503) or `ThrottlingException` (429).
package final class FaultInjector: Sendable {
    package struct Fault: Codable, Sendable, Equatable {
        package var error: String
        /// How many calls fail; nil until cleared.
        package var remaining: Int?

        package var status: Int { error == "ThrottlingException" ? 429 : 503 }
    }

    private let faults = Mutex<[String: Fault]>([:])

    package init() {}

    package static let supported: Set<String> = ["ServiceUnavailableException", "ThrottlingException"]

    package func set(_ fault: Fault, region: String) { faults.withLock { $0[region] = fault } }

    package func clear(region: String) { _ = faults.withLock { $0.removeValue(forKey: region) } }

    package func clearAll() { faults.withLock { $0.removeAll() } }

    /// The fault this call in `region` gets, if any (consuming one of a counted fault).
    func take(region: String) -> Fault? {
        faults.withLock { faults in
            guard var fault = faults[region] else { return nil }
            if let remaining = fault.remaining {
                if remaining <= 1 { faults[region] = nil } else { fault.remaining = remaining - 1; faults[region] = fault }
            }
            return fault
        }
    }
}
