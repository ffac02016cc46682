import FoundationEssentials

/// The awsQuery protocol: a form-encoded `POST /` with `Action` and `Version`,
/// answered in XML (`<{Action}Response><{Action}Result>`).
extension AWSClient {
    func query(action: String, version: String, parameters: [(String, String)]) async throws -> XMLElement {
        var request = endpoint.request(method: "POST", path: "/")
        request.headers.set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        let fields = [("Action", action), ("Version", version)] + parameters
        request.body = Data(Self.formEncoded(fields).utf8)
        let response = try await send(request, operation: action)
        let root: XMLElement
        do {
            root = try XMLReader.parse(response.body)
        } catch {
            throw AWSResponseError(service: service.id, operation: action, status: response.status, reason: error.description)
        }
        // Actions without output (IAM PutRolePolicy) answer with no Result element.
        return root.child("\(action)Result") ?? XMLElement(name: "\(action)Result")
    }

    /// `name=value&...` with both sides percent-encoded (SigV4's unreserved set).
    static func formEncoded(_ fields: [(String, String)]) -> String {
        fields.map { "\(SigV4URIEncoding.encoded($0.0))=\(SigV4URIEncoding.encoded($0.1))" }.joined(separator: "&")
    }
}
