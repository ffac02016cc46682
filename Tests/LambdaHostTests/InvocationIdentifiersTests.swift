@testable import LambdaHost
import Testing

@Suite struct InvocationIdentifiersTests {
    @Test func requestIDsAreVersion4UUIDs() {
        #expect(InvocationIdentifiers.uuid(high: 0x0123_4567_89AB_CDEF, low: 0xFEDC_BA98_7654_3210)
            == "01234567-89ab-4def-bedc-ba9876543210")
        #expect(InvocationIdentifiers.uuid(high: 0, low: 0) == "00000000-0000-4000-8000-000000000000")
    }

    @Test func traceIDsHaveXRaysShape() {
        #expect(InvocationIdentifiers.traceID(epochSeconds: 0x6512_BD43, root: 0xA, rootTail: 0xFFFF_FFFF, parent: 0x53995C3F42CD8AD8)
            == "Root=1-6512bd43-000000000000000affffffff;Parent=53995c3f42cd8ad8;Sampled=0")
    }

    @Test func generatedIDsDifferAndDependOnlyOnTheSeed() {
        let ids = InvocationIdentifiers(seed: 42)
        let drawn = (0..<1000).map { _ in ids.requestID() }
        #expect(Set(drawn).count == 1000)
        #expect(InvocationIdentifiers(seed: 42).requestID() == drawn[0])
        #expect(drawn.allSatisfy { $0.utf8.count == 36 && $0 == $0.lowercased() })
        #expect(ids.traceID(epochSeconds: 1).hasPrefix("Root=1-00000001-"))
    }
}
