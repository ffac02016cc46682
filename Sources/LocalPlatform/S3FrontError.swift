/// Why the local S3 front refused a request, as S3 says it: a code and an
/// XML error body (`<Error><Code>..</Code><Message>..</Message></Error>`).
/// Messages never carry a signature, a key secret or a header value.
enum S3FrontError: Error, Equatable {
    case malformed(String)
    case expired
    case notYetValid
    case unknownAccessKey
    case signatureMismatch(String)
    case methodNotAllowed

    var status: Int {
        switch self {
        case .malformed: 400
        case .methodNotAllowed: 405
        case .expired, .notYetValid, .unknownAccessKey, .signatureMismatch: 403
        }
    }

    var code: String {
        switch self {
        case .malformed: "AuthorizationQueryParametersError"
        case .expired, .notYetValid: "AccessDenied"
        case .unknownAccessKey: "InvalidAccessKeyId"
        case .signatureMismatch: "SignatureDoesNotMatch"
        case .methodNotAllowed: "MethodNotAllowed"
        }
    }

    var message: String {
        switch self {
        case .malformed(let detail): detail
        case .expired: "Request has expired"
        case .notYetValid: "Request is not valid yet"
        case .unknownAccessKey: "The AWS Access Key Id you provided does not exist in our records."
        case .signatureMismatch(let detail):
            "The request signature we calculated does not match the signature you provided (\(detail))."
        case .methodNotAllowed: "A presigned URL allows only GET and HEAD here."
        }
    }

    func xml(requestID: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error><Code>\(code)</Code><Message>\(Self.escaped(message))</Message><RequestId>\(requestID)</RequestId></Error>
        """
    }

    private static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}
