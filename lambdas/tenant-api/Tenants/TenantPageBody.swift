/// One page of tenants; `nextToken` is written as `null` on the last page, as the spec requires.
struct TenantPageBody: Encodable, Sendable {
    var items: [TenantBody]
    var nextToken: String?

    enum CodingKeys: String, CodingKey { case items, nextToken }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextToken, forKey: .nextToken)
    }
}
