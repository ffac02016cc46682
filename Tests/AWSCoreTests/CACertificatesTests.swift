import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import AWSCore

@Suite struct CACertificatesTests {
    @Test func amazonLinuxBundleWinsThenDebians() {
        let both: Set = [CACertificates.amazonLinuxBundle, CACertificates.debianBundle]
        #expect(CACertificates.bundle(environment: { _ in nil }, fileExists: both.contains) == "/etc/pki/tls/certs/ca-bundle.crt")
        #expect(CACertificates.bundle(environment: { _ in nil }, fileExists: { $0 == CACertificates.debianBundle })
            == "/etc/ssl/certs/ca-certificates.crt")
    }

    @Test func noKnownBundleKeepsLibcurlsDefault() {
        #expect(CACertificates.bundle(environment: { _ in nil }, fileExists: { _ in false }) == nil)
        #expect(CACertificates.bundle(environment: { _ in "" }, fileExists: { _ in false }) == nil)
    }

    @Test func sslCertFileOverridesTheSearch() {
        let environment = { (name: String) in name == "SSL_CERT_FILE" ? "/opt/ca.pem" : nil }
        #expect(CACertificates.bundle(environment: environment, fileExists: { _ in true }) == "/opt/ca.pem")
    }

    @Test func thisProcessUsesABundleThatExists() throws {
        // The test machine is Debian: its bundle is there, so transfers name it.
        let bundle = try #require(CACertificates.processBundle)
        let override = getenv("SSL_CERT_FILE").map { String(cString: $0) }
        #expect([CACertificates.amazonLinuxBundle, CACertificates.debianBundle, override].contains(bundle))
    }
}
