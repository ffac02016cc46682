/// Lambda's per-invocation platform log lines.
package enum ReportLine {
    package static func start(requestID: String) -> String {
        "START RequestId: \(requestID) Version: $LATEST"
    }

    package static func end(requestID: String) -> String {
        "END RequestId: \(requestID)"
    }

    /// `REPORT RequestId: … Duration: 1.23 ms Billed Duration: 2 ms …`; init
    /// duration only on an environment's first invocation, status on failures.
    package static func report(
        requestID: String, durationMilliseconds: Double, memorySize: Int, maxMemoryUsedMB: Int,
        initDurationMilliseconds: Double?, status: String? = nil
    ) -> String {
        let billed = Int((durationMilliseconds + (initDurationMilliseconds ?? 0)).rounded(.up))
        var line = "REPORT RequestId: \(requestID)\tDuration: \(fixed2(durationMilliseconds)) ms\t"
            + "Billed Duration: \(max(1, billed)) ms\tMemory Size: \(memorySize) MB\tMax Memory Used: \(maxMemoryUsedMB) MB"
        if let initDurationMilliseconds { line += "\tInit Duration: \(fixed2(initDurationMilliseconds)) ms" }
        if let status { line += "\tStatus: \(status)" }
        return line
    }

    /// Two decimals, rounded half up, without Foundation's formatters.
    package static func fixed2(_ value: Double) -> String {
        let hundredths = Int((max(0, value) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
