import PlatformAPI

extension Caller {
    /// The actor block of events and audit records.
    var actor: PlatformEvent.Actor { .init(sub: subject, tenantId: tenantID.rawValue, appId: appID) }
}
