/// Renders coding paths for error messages: `webhooks[2].callbackUrl`.
package enum DynamoDBItemCodingPath {
    package static func describe(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue, key.stringValue == "Index \(index)" {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text.isEmpty ? "<item>" : text
    }
}
