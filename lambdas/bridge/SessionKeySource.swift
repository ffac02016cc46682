/// The key runtime session ids are derived with (ADR 0026).
protocol SessionKeySource: Sendable {
    func key() async throws -> [UInt8]
}
