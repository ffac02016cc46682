import Testing
@testable import Billing

@Suite struct MicroUSDTests {
    @Test(arguments: [
        ("0.003", 3_000), ("0.0025", 2_500), ("1e-05", 10), ("1.5E+2", 150_000_000), ("1000", 1_000_000_000),
        ("0", 0), ("12.345678", 12_345_678), ("12.3456780000", 12_345_678), ("0.000001", 1), ("+2", 2_000_000),
    ] as [(String, Int64)])
    func parsesDecimalsExactly(text: String, micro: Int64) {
        #expect(MicroUSD(decimal: text) == MicroUSD(micro))
    }

    @Test(arguments: ["", "-1", "0.0000001", "1.2.3", "abc", "1e", "1e999", "99999999999999999999", ".", "1,5"])
    func rejectsWhatItCannotHoldExactly(text: String) {
        #expect(MicroUSD(decimal: text) == nil)
    }

    @Test func printsExactDecimalText() {
        #expect(MicroUSD(12_500_000).decimalString == "12.5")
        #expect(MicroUSD(1).decimalString == "0.000001")
        #expect(MicroUSD(3_000_000).decimalString == "3")
        #expect(MicroUSD(1_000_010).decimalString == "1.00001")
        #expect(MicroUSD(0).decimalString == "0")
    }

    @Test func tenthsAddUpWithoutDrift() throws {
        // 0.1 + 0.2 is not 0.3 in binary floating point; in micro-dollars it is.
        #expect(try MicroUSD(decimal: "0.1")! + MicroUSD(decimal: "0.2")! == MicroUSD(decimal: "0.3")!)
        var total = MicroUSD.zero
        for _ in 0..<1000 { total = try total + MicroUSD(decimal: "0.001")! }
        #expect(total == MicroUSD(decimal: "1")!)
    }

    @Test func additionOverflowThrows() {
        #expect(throws: BillingError.arithmeticOverflow) { try MicroUSD(.max) + MicroUSD(1) }
    }
}
