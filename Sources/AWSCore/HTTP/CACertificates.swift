#if canImport(Glibc)
import Glibc
#endif

/// Where libcurl finds the trusted CA certificates, chosen at run time.
///
/// One bootstrap runs on Amazon Linux 2023 (provided.al2023) and on Debian (the
/// local stack, the arm64 tests under qemu), and each distribution's libcurl
/// defaults to its own bundle path. Naming the bundle that exists makes TLS work
/// whichever libcurl is loaded (docs/decisions/0033).
enum CACertificates {
    /// Amazon Linux, Fedora, RHEL.
    static let amazonLinuxBundle = "/etc/pki/tls/certs/ca-bundle.crt"
    /// Debian, Ubuntu.
    static let debianBundle = "/etc/ssl/certs/ca-certificates.crt"

    /// The file for `CURLOPT_CAINFO`, or nil to keep libcurl's built-in default:
    /// `SSL_CERT_FILE` when set (OpenSSL's own override), else the first bundle that exists.
    static func bundle(environment: (String) -> String?, fileExists: (String) -> Bool) -> String? {
        if let chosen = environment("SSL_CERT_FILE"), !chosen.isEmpty { return chosen }
        return [amazonLinuxBundle, debianBundle].first(where: fileExists)
    }

    /// Decided once per process, on the first transfer.
    static let processBundle: String? = bundle(
        environment: { getenv($0).map { String(cString: $0) } },
        fileExists: { access($0, R_OK) == 0 }
    )
}
