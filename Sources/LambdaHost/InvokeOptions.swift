/// Per-invocation inputs beyond the payload.
package struct InvokeOptions: Sendable, Equatable {
    /// Client context JSON (already decoded from the Invoke API's base64).
    package var clientContext: String?
    package var cognitoIdentity: String?
    package var tenantID: String?
    package var traceID: String?

    package init(clientContext: String? = nil, cognitoIdentity: String? = nil, tenantID: String? = nil, traceID: String? = nil) {
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.tenantID = tenantID
        self.traceID = traceID
    }
}
