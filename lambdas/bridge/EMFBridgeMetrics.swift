import LambdaRuntime

/// `BridgeMetrics` as EMF lines through the runtime's metrics writer.
struct EMFBridgeMetrics: BridgeMetrics {
    let metrics: LambdaMetrics

    func emit(_ values: [(name: String, value: Double, unit: String)], dimensions: [(String, String)]) {
        metrics.emit(values.map { Metric($0.name, $0.value, unit: MetricUnit(rawValue: $0.unit) ?? .none) },
                     dimensions: dimensions)
    }
}
