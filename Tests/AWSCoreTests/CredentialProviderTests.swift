import Testing
@testable import AWSCore

@Suite struct CredentialProviderTests {
    @Test func readsLambdaCredentialVariables() async throws {
        let provider = EnvironmentCredentialProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "token",
        ])
        #expect(try await provider.credentials()
            == AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token"))
    }

    @Test func emptySessionTokenMeansNone() async throws {
        let provider = EnvironmentCredentialProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "",
        ])
        #expect(try await provider.credentials().sessionToken == nil)
    }

    @Test func missingVariablesAreNamedNotShown() async {
        let provider = EnvironmentCredentialProvider(environment: ["AWS_ACCESS_KEY_ID": "AKIDVALUE"])
        let error = await #expect(throws: AWSConfigurationError.self) { try await provider.credentials() }
        #expect(error == .missingCredentials(variables: ["AWS_SECRET_ACCESS_KEY"]))
        #expect(error?.description.contains("AKIDVALUE") == false)
    }

    @Test func staticProviderReturnsItsCredentials() async throws {
        let credentials = AWSCredentials(accessKeyID: "a", secretAccessKey: "b")
        #expect(try await StaticCredentialProvider(credentials).credentials() == credentials)
    }
}
