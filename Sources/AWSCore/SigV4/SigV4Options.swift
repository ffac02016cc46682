/// The knobs that differ between services (and between the conformance
/// suite's cases); `init(service:)` gives each service its AWS defaults.
package struct SigV4Options: Sendable, Equatable {
    /// Remove `.`/`..` and empty path segments before encoding (all but S3).
    package var normalizesPath: Bool
    /// Encode the already-encoded path a second time (all but S3).
    package var encodesPathTwice: Bool
    /// Send the payload hash as `x-amz-content-sha256` (S3 requires it).
    package var addsContentSHA256Header: Bool
    /// Include the session token in what is signed. When false the token is
    /// still sent, but added after signing (the suite's `omit_session_token`).
    package var signsSessionToken: Bool
    /// The payload hash for presigned URLs: S3 presigns `UNSIGNED-PAYLOAD`,
    /// other services hash the body.
    package var presignedPayload: SigV4Payload

    package init(
        normalizesPath: Bool,
        encodesPathTwice: Bool,
        addsContentSHA256Header: Bool,
        signsSessionToken: Bool = true,
        presignedPayload: SigV4Payload = .signed
    ) {
        self.normalizesPath = normalizesPath
        self.encodesPathTwice = encodesPathTwice
        self.addsContentSHA256Header = addsContentSHA256Header
        self.signsSessionToken = signsSessionToken
        self.presignedPayload = presignedPayload
    }

    /// AWS's defaults for `service`: S3 is the one service with a verbatim
    /// path, a content-hash header and unsigned presigned payloads.
    package init(service: String) {
        let isS3 = service == "s3"
        self.init(
            normalizesPath: !isS3,
            encodesPathTwice: !isS3,
            addsContentSHA256Header: isS3,
            presignedPayload: isS3 ? .unsigned : .signed
        )
    }
}
