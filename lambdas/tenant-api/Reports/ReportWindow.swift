import AWSCore
import DataAccess
import FoundationEssentials
import PlatformAPI

/// The time window of an operator report: the last `hours` hours before `now`
/// (1 to 2160, the 90 days invocation records are kept; default 24).
struct ReportWindow: Sendable, Equatable {
    static let maximumHours = 2160
    let hours: Int
    let start: Date
    let end: Date

    init(hoursText: String?, now: Date) throws(APIError) {
        var hours = 24
        if let text = hoursText {
            guard let value = Int(text), (1...Self.maximumHours).contains(value) else {
                throw .invalid([.init(field: "hours", message: "must be a whole number from 1 to \(Self.maximumHours)")])
            }
            hours = value
        }
        self.hours = hours
        end = now
        start = now.addingTimeInterval(-Double(hours) * 3600)
    }

    /// Invocation sort keys (`INV#{timestamp}#{id}`) inside the window.
    var sortKey: SortKeyCondition {
        .between("INV#" + DynamoDBItemTimestamp.string(from: start), "INV#" + DynamoDBItemTimestamp.string(from: end) + "#~")
    }

    struct Body: Encodable, Sendable { var hours: Int; var start: String; var end: String }
    var body: Body {
        Body(hours: hours, start: DynamoDBItemTimestamp.string(from: start), end: DynamoDBItemTimestamp.string(from: end))
    }
}
