/// EMF metrics (`Platform/Bridge`): the runtime's metrics writer in the
/// Lambda, a recorder in tests.
protocol BridgeMetrics: Sendable {
    /// One line with `metrics` (name, value, unit) under `dimensions`.
    func emit(_ metrics: [(name: String, value: Double, unit: String)], dimensions: [(String, String)])
}
