import Testing
@testable import WebhookDelivery

@Suite struct CallbackAddressTests {
    static func v6(_ groups: [UInt16]) -> CallbackAddress {
        CallbackAddress(bytes: groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })!
    }

    @Test func publicAddressesAreAllowed() {
        for bytes: [UInt8] in [[93, 184, 215, 14], [8, 8, 8, 8], [100, 128, 0, 1], [172, 32, 0, 1], [192, 169, 0, 1], [223, 255, 255, 255]] {
            #expect(CallbackAddress(bytes: bytes)!.isPublic, "\(bytes)")
        }
        #expect(Self.v6([0x2a00, 0x1450, 0x4009, 0x81b, 0, 0, 0, 0x200e]).isPublic)
        #expect(Self.v6([0x2002, 0x5db8, 0xd70e, 0, 0, 0, 0, 1]).isPublic, "6to4 of a public address")
    }

    @Test(arguments: [[0, 1, 2, 3], [10, 1, 2, 3], [127, 9, 9, 9], [100, 64, 0, 1], [100, 127, 255, 255], [169, 254, 169, 254],
                      [172, 16, 0, 1], [172, 31, 255, 255], [192, 0, 0, 8], [192, 0, 2, 1], [192, 88, 99, 1], [192, 168, 0, 1],
                      [198, 18, 0, 1], [198, 19, 255, 255], [198, 51, 100, 7], [203, 0, 113, 7], [224, 0, 0, 1], [240, 0, 0, 1],
                      [255, 255, 255, 255]] as [[UInt8]])
    func nonPublicIPv4IsRefused(bytes: [UInt8]) {
        #expect(!CallbackAddress(bytes: bytes)!.isPublic)
    }

    @Test func nonPublicIPv6IsRefused() {
        let refused: [[UInt16]] = [
            [0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1], [0, 0, 0, 0, 0, 0xffff, 0xa9fe, 0xa9fe],
            [0, 0, 0, 0, 0, 0, 0x0a00, 1], [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254], [0xfc00, 0, 0, 0, 0, 0, 0, 1], [0xfe80, 0, 0, 0, 0, 0, 0, 1],
            [0xfec0, 0, 0, 0, 0, 0, 0, 1], [0xff02, 0, 0, 0, 0, 0, 0, 1], [0x64, 0xff9b, 0, 0, 0, 0, 0x7f00, 1], [0x100, 0, 0, 0, 0, 0, 0, 1],
            [0x2001, 0, 0, 0, 0, 0, 0, 1], [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1], [0x2002, 0x7f00, 0x0001, 0, 0, 0, 0, 1],
        ]
        for groups in refused { #expect(!Self.v6(groups).isPublic, "\(Self.v6(groups))") }
    }

    @Test func loopbackIsRecognisedInEveryForm() {
        #expect(CallbackAddress(bytes: [127, 0, 0, 1])!.isLoopback)
        #expect(Self.v6([0, 0, 0, 0, 0, 0, 0, 1]).isLoopback)
        #expect(Self.v6([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]).isLoopback)
        #expect(!CallbackAddress(bytes: [10, 0, 0, 1])!.isLoopback)
        #expect(!Self.v6([0, 0, 0, 0, 0, 0, 0, 0]).isLoopback)
    }

    @Test func formatsForTheResolveList() {
        #expect(CallbackAddress(bytes: [93, 184, 215, 14])!.description == "93.184.215.14")
        #expect(Self.v6([0x2a00, 0x1450, 0, 0, 0, 0, 0, 0x200e]).description == "2a00:1450:0:0:0:0:0:200e")
        #expect(CallbackAddress(bytes: [1, 2, 3]) == nil)
    }

    @Test func theSystemResolverAnswersForLiteralsAndLocalhost() async {
        #expect(await SystemCallbackResolver().addresses(of: "127.0.0.1") == [CallbackAddress(bytes: [127, 0, 0, 1])!])
        #expect(await SystemCallbackResolver().addresses(of: "[::1]") == [Self.v6([0, 0, 0, 0, 0, 0, 0, 1])])
        #expect(await SystemCallbackResolver().addresses(of: "no-such-host.invalid").isEmpty)
    }
}
