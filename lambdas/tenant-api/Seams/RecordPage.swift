/// One page of records and the opaque token for the next (nil on the last page).
struct RecordPage<Record: Sendable>: Sendable {
    var items: [Record]
    var nextToken: String?
}
