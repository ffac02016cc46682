/// A machine API key's state; revoked keys never authenticate.
public enum APIKeyStatus: String, StrictStringEnum, Hashable {
    case active
    case revoked
}
