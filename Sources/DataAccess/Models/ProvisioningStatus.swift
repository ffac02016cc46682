/// Progress of a tenant's infrastructure (stack, memory store, API key).
public enum ProvisioningStatus: String, StrictStringEnum, Hashable {
    case pending
    case provisioning
    case ready
    case failed
}
