import DataAccess
import PlatformAPI

extension ValidationFailure {
    /// The 400 answer: one `details` entry per field error.
    var apiError: APIError {
        .invalid(errors.map { APIError.Detail(field: $0.field, message: $0.message) })
    }
}

extension ValidationError {
    var apiError: APIError { .invalid([.init(field: field, message: message)]) }
}
