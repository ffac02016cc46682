import Testing
@testable import AWSCore

@Suite struct DynamoDBItemNumberTests {
    @Test func readsIntegersExactly() throws {
        #expect(try DynamoDBItemNumber.integer("9007199254740993", as: Int64.self) == 9_007_199_254_740_993)
        #expect(try DynamoDBItemNumber.integer("18446744073709551615", as: UInt64.self) == .max)
        #expect(try DynamoDBItemNumber.integer("-9223372036854775808", as: Int64.self) == .min)
        #expect(try DynamoDBItemNumber.integer("+42", as: Int.self) == 42)
        #expect(try DynamoDBItemNumber.integer("-0", as: Int.self) == 0)
        #expect(try DynamoDBItemNumber.integer("007", as: Int.self) == 7)
    }

    @Test func acceptsIntegralDecimalAndExponentForms() throws {
        #expect(try DynamoDBItemNumber.integer("1.000", as: Int.self) == 1)
        #expect(try DynamoDBItemNumber.integer("1E+2", as: Int.self) == 100)
        #expect(try DynamoDBItemNumber.integer("1.5e1", as: Int.self) == 15)
        #expect(try DynamoDBItemNumber.integer("1500E-2", as: Int.self) == 15)
        #expect(try DynamoDBItemNumber.integer("0.000e-5", as: Int.self) == 0)
        #expect(try DynamoDBItemNumber.integer("0E+100", as: Int.self) == 0)
        #expect(try DynamoDBItemNumber.integer("0.0E+30", as: Int.self) == 0)
    }

    @Test func refusesFractions() {
        #expect(throws: DynamoDBItemNumber.Failure.notIntegral) { try DynamoDBItemNumber.integer("1.5", as: Int.self) }
        #expect(throws: DynamoDBItemNumber.Failure.notIntegral) { try DynamoDBItemNumber.integer("15E-1", as: Int.self) }
        #expect(throws: DynamoDBItemNumber.Failure.notIntegral) { try DynamoDBItemNumber.integer("5E-3", as: Int.self) }
    }

    @Test func refusesOverflow() {
        #expect(throws: DynamoDBItemNumber.Failure.outOfRange) { try DynamoDBItemNumber.integer("128", as: Int8.self) }
        #expect(throws: DynamoDBItemNumber.Failure.outOfRange) { try DynamoDBItemNumber.integer("-1", as: UInt8.self) }
        #expect(throws: DynamoDBItemNumber.Failure.outOfRange) {
            try DynamoDBItemNumber.integer("18446744073709551616", as: UInt64.self)
        }
        #expect(throws: DynamoDBItemNumber.Failure.outOfRange) { try DynamoDBItemNumber.integer("1E+100", as: Int.self) }
        #expect(throws: DynamoDBItemNumber.Failure.outOfRange) { try DynamoDBItemNumber.integer("1E+30", as: Int.self) }
    }

    @Test(arguments: ["", "-", "abc", "0x10", "1e", "1e+", ".5", "5.", "1.2.3", "nan", "inf", " 1", "1 ", "1e12345", "١"])
    func refusesNonNumbers(_ text: String) {
        #expect(throws: DynamoDBItemNumber.Failure.notANumber) { try DynamoDBItemNumber.integer(text, as: Int.self) }
        #expect(throws: DynamoDBItemNumber.Failure.notANumber) { try DynamoDBItemNumber.floatingPoint(text, as: Double.self) }
    }

    @Test func readsFloatingPoint() throws {
        #expect(try DynamoDBItemNumber.floatingPoint("0.1", as: Double.self) == 0.1)
        #expect(try DynamoDBItemNumber.floatingPoint("-2.5E-3", as: Double.self) == -0.0025)
        #expect(try DynamoDBItemNumber.floatingPoint("1.5", as: Float.self) == 1.5)
        #expect(throws: DynamoDBItemNumber.Failure.outOfRange) { try DynamoDBItemNumber.floatingPoint("1E+999", as: Double.self) }
    }

    @Test func writesFiniteFloatingPointOnly() {
        #expect(DynamoDBItemNumber.text(0.1) == "0.1")
        #expect(DynamoDBItemNumber.text(Double.nan) == nil)
        #expect(DynamoDBItemNumber.text(-Double.infinity) == nil)
    }
}
