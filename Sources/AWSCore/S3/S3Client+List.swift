import FoundationEssentials

/// ListObjectsV2.
extension S3Client {
    public struct ListedObject: Sendable, Equatable {
        public var key: String
        public var size: Int
        public var eTag: String?
    }

    public struct ListPage: Sendable, Equatable {
        public var objects: [ListedObject]
        /// Pass to the next call to continue; nil on the last page.
        public var nextContinuationToken: String?
    }

    public func listObjectsV2(bucket: String, prefix: String? = nil, continuationToken: String? = nil,
                              maxKeys: Int? = nil) async throws -> ListPage {
        var query = [("list-type", "2")]
        if let prefix { query.append(("prefix", prefix)) }
        if let continuationToken { query.append(("continuation-token", continuationToken)) }
        if let maxKeys { query.append(("max-keys", String(maxKeys))) }
        let response = try await client.send(request("GET", bucket: bucket, key: nil, query: query),
                                             operation: "ListObjectsV2")
        let root: XMLElement
        do {
            root = try XMLReader.parse(response.body)
        } catch {
            throw AWSResponseError(service: client.service.id, operation: "ListObjectsV2", status: response.status,
                                   reason: error.description)
        }
        let objects = root.children("Contents").compactMap { entry -> ListedObject? in
            guard let key = entry.text("Key") else { return nil }
            return ListedObject(key: key, size: Int(entry.text("Size") ?? "") ?? 0, eTag: entry.text("ETag"))
        }
        let truncated = root.text("IsTruncated") == "true"
        return ListPage(objects: objects, nextContinuationToken: truncated ? root.text("NextContinuationToken") : nil)
    }
}
