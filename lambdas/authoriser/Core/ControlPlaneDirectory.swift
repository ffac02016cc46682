import AWSCore
import DataAccess
import FoundationEssentials

/// Reads tenant and API key rows and key secrets for a caller who is not
/// authenticated yet: control-plane access by design (there is no tenant to
/// scope to until the decision is made), by exact key only.
public struct ControlPlaneDirectory: AuthoriserDirectory {
    let records: ControlPlaneDynamoDB
    let secrets: SecretsManagerClient
    let tables: TableNames

    public init(records: ControlPlaneDynamoDB, secrets: SecretsManagerClient, tables: TableNames) {
        self.records = records
        self.secrets = secrets
        self.tables = tables
    }

    public func tenant(_ tenantID: TenantID) async throws(AuthorisationFailure) -> TenantStanding? {
        do {
            return try await records.get(Tenant.self, from: tables.tenants, key: .tenantMetadata(tenantID), consistentRead: true)
                .map(TenantStanding.init)
        } catch {
            throw .dependencyUnavailable("tenants")
        }
    }

    public func apiKey(_ keyID: APIKeyID, of tenantID: TenantID) async throws(AuthorisationFailure) -> APIKeyStanding? {
        do {
            return try await records.get(APIKeyRecord.self, from: tables.tenants, key: .apiKey(tenantID, keyID), consistentRead: true)
                .map(APIKeyStanding.init)
        } catch {
            throw .dependencyUnavailable("tenants")
        }
    }

    public func apiKeySecret(of tenantID: TenantID) async throws(AuthorisationFailure) -> APIKeySecret? {
        let value: SecretsManagerClient.SecretValue
        do {
            value = try await secrets.getSecretValue(APIKeySecret.secretName(of: tenantID))
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return nil
        } catch {
            throw .dependencyUnavailable("secrets")
        }
        guard let text = value.secretString,
              let secret = try? JSONDecoder().decode(APIKeySecret.self, from: Data(text.utf8)) else {
            throw .dependencyUnavailable("secrets")
        }
        return secret
    }
}
