import CCurl

/// Owns one libcurl easy handle; the audited `@unchecked Sendable` wrapper of a C handle.
///
/// A handle is used by one transfer at a time (the pool hands it out
/// exclusively), so moving it between threads is safe; libcurl allows that.
final class CurlEasyHandle: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer

    /// nil when libcurl cannot be initialised or allocate a handle.
    init?() {
        guard CurlEasyHandle.globalInitialised, let raw = curl_easy_init() else { return nil }
        self.raw = raw
    }

    deinit { curl_easy_cleanup(raw) }

    /// `curl_global_init` runs exactly once per process, on the first handle:
    /// a static `let` is initialised lazily and thread-safely, so nothing from
    /// libcurl runs on the Lambda start-up path.
    private static let globalInitialised: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
}
