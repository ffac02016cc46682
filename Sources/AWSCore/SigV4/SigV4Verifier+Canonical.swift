import FoundationEssentials

extension SigV4Verifier {
    /// SigV4's encoding of one query name or value: every byte but
    /// `A-Z a-z 0-9 - . _ ~` as `%XX`, for rebuilding a query from decoded parameters.
    public static func percentEncoded(_ text: String) -> String {
        SigV4URIEncoding.encoded(text)
    }

    /// The canonical form of a raw query string, exactly as the verifier signs
    /// it: each name and value decoded and re-encoded, sorted by name then value.
    public static func canonicalQueryString(_ query: String) -> String {
        var output = SigV4ByteWriter(capacity: 3 * query.utf8.count)
        SigV4CanonicalRequest.writeQuery(query, adding: [], to: &output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// The instant an `x-amz-date` (`YYYYMMDDTHHMMSSZ`) names; nil when malformed.
    public static func date(amzDate: String) -> Date? {
        SigV4Timestamp(amzDate: amzDate)?.date
    }
}
