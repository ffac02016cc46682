// tenant-api: tenants, self-service, webhooks, agent registry and operator actions.
import FoundationEssentials
import LambdaEvents

let api = TenantAPI(dependencies: try TenantAPIDependencies.aws(
    environment: ProcessInfo.processInfo.environment, log: JSONLog.write))
// Until the runtime loop library is linked: one proxy event on stdin, its response on stdout.
var input = ""
while let line = readLine(strippingNewline: false) { input += line }
let response = await api.handle(try JSONDecoder().decode(APIGatewayProxyRequest.self, from: Data(input.utf8)))
print(String(decoding: try JSONEncoder().encode(response), as: UTF8.self))
