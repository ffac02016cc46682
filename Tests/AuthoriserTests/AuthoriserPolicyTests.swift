@testable import AuthoriserCore
import DataAccess
import FoundationEssentials
import LambdaEvents
import Testing
@testable import LocalGateway

@Suite struct AuthoriserPolicyTests {
    static let routes: [Route] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../infra/routes.json")
        return try! RouteTable(json: try! Data(contentsOf: url)).routes
    }()

    /// A concrete method ARN for a route template (every `{param}` filled in).
    static func arn(_ route: Route) -> String {
        let path = route.path.split(separator: "/").map { $0.hasPrefix("{") ? "x1" : String($0) }.joined(separator: "/")
        return "\(Events.apiRoot)/\(route.method)/\(path)"
    }

    static func caller(_ tenant: String, roles: [String], kind: AuthorisedCaller.Kind = .human) -> AuthorisedCaller {
        AuthorisedCaller(kind: kind, tenantID: try! TenantID(validating: tenant), appID: "app", tier: .basic, subject: "s", roles: roles, usageKeyID: "K")
    }

    static let anyMethod = "\(Events.apiRoot)/GET/v1/agents"

    @Test func theAdminResourcesAreExactlyTheRouteTablesAdminRoutes() {
        let tenantUser = AuthoriserPolicy.allow(Self.caller("acme-basic", roles: []), apiRoot: Events.apiRoot, methodARN: Self.anyMethod)
        let platformAdmin = AuthoriserPolicy.allow(Self.caller("platform", roles: ["Platform.Admin"]), apiRoot: Events.apiRoot,
                                                   methodARN: Self.anyMethod)
        #expect(Self.routes.count > 20)
        for route in Self.routes {
            let arn = Self.arn(route)
            let isAdmin = route.auth == .admin
            // A machine's Allow is for the signed method only, and never an admin one.
            let machine = AuthoriserPolicy.allow(Self.caller("acme-basic", roles: ["Platform.Admin"], kind: .machine),
                                                 apiRoot: Events.apiRoot, methodARN: arn)
            #expect(PolicyEvaluator.allows(tenantUser.policyDocument, methodARN: arn) == !isAdmin, "\(route.method) \(route.path)")
            #expect(PolicyEvaluator.allows(machine.policyDocument, methodARN: arn) == !isAdmin, "\(route.method) \(route.path)")
            #expect(PolicyEvaluator.allows(platformAdmin.policyDocument, methodARN: arn), "\(route.method) \(route.path)")
        }
    }

    @Test func aMachineAllowCoversOnlyTheSignedMethodARN() {
        let signed = "\(Events.apiRoot)/GET/v1/agents"
        let machine = AuthoriserPolicy.allow(Self.caller("acme-basic", roles: ["Machine.Invoke"], kind: .machine),
                                             apiRoot: Events.apiRoot, methodARN: signed)
        #expect(PolicyEvaluator.allows(machine.policyDocument, methodARN: signed))
        // A cached copy of this policy must not open any other route.
        for route in Self.routes where Self.arn(route) != signed {
            #expect(!PolicyEvaluator.allows(machine.policyDocument, methodARN: Self.arn(route)), "\(route.method) \(route.path)")
        }
        #expect(!PolicyEvaluator.allows(machine.policyDocument, methodARN: "\(Events.apiRoot)/POST/v1/agents"))
    }

    @Test func platformRolesCountOnlyOnThePlatformTenant() {
        // A Platform role in a customer tenant's directory grants no admin route at all.
        for roles in [["Platform.Operator"], ["Platform.Admin"]] {
            let tenantAdmin = AuthoriserPolicy.allow(Self.caller("acme-basic", roles: roles), apiRoot: Events.apiRoot,
                                                     methodARN: Self.anyMethod)
            for route in Self.routes where route.auth == .admin {
                #expect(!PolicyEvaluator.allows(tenantAdmin.policyDocument, methodARN: Self.arn(route)), "\(route.method) \(route.path)")
            }
            #expect(!Self.caller("acme-basic", roles: roles).isAdmin)
            #expect(Self.caller("platform", roles: roles).isAdmin)
        }
    }

    @Test func apiRootComesFromTheMethodARN() {
        #expect(AuthoriserPolicy.apiRoot(ofMethodARN: "arn:aws:execute-api:eu-west-2:123456789012:abc/prod/GET/v1/agents")
            == "arn:aws:execute-api:eu-west-2:123456789012:abc/prod")
        #expect(AuthoriserPolicy.apiRoot(ofMethodARN: "arn:aws:s3:::bucket/key") == nil)
        #expect(AuthoriserPolicy.apiRoot(ofMethodARN: "arn:aws:execute-api:eu-west-2:1:abc") == nil)
        #expect(AuthoriserPolicy.apiRoot(ofMethodARN: "") == nil)
        #expect(AuthoriserPolicy.apiRoot(ofMethodARN: "arn:aws:execute-api:eu-west-2:1:abc//GET/x") == nil)
        #expect(AuthoriserPolicy.apiRoot(ofMethodARN: "arn:aws:execute-api:eu-west-2:1:abc/prod") == "arn:aws:execute-api:eu-west-2:1:abc/prod")
    }

    @Test func theResponseEncodesAsAPIGatewayExpects() throws {
        let response = AuthoriserPolicy.allow(Self.caller("acme-basic", roles: ["a\"b"]), apiRoot: Events.apiRoot, methodARN: Self.anyMethod)
        let json = try #require(String(data: try JSONEncoder().encode(response), encoding: .utf8))
        #expect(json.contains(#""Version":"2012-10-17""#))
        #expect(json.contains(#""Action":"execute-api:Invoke""#))
        #expect(json.contains(#""usageIdentifierKey":"K""#))
        #expect(response.context?["roles"] == #"["a\"b"]"#)
    }
}
