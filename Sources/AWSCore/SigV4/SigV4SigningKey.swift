/// What a signer needs per secret + day + region + service: the derived key
/// (as precomputed HMAC state) and the credential scope string.
struct SigV4SigningKey: Sendable {
    let hmac: HMACKey
    /// `date/region/service/aws4_request`.
    let scope: String

    /// Task 3 of SigV4: kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4-create-signed-request.html#derive-signing-key
    init(secret: String, dateStamp: Substring, region: String, service: String) {
        let dateKey = HMACKey("AWS4" + secret).authenticationCode(for: String(dateStamp))
        let regionKey = HMACKey(dateKey).authenticationCode(for: region)
        let serviceKey = HMACKey(regionKey).authenticationCode(for: service)
        hmac = HMACKey(HMACKey(serviceKey).authenticationCode(for: "aws4_request"))
        scope = "\(dateStamp)/\(region)/\(service)/aws4_request"
    }
}
