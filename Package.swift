// swift-tools-version:6.0
// The platform's Lambdas, their runtime, and the local stack's tools.
// No package dependencies by design (docs/decisions): only the toolchain,
// FoundationEssentials, and libcurl + OpenSSL as system libraries.
import PackageDescription

let package = Package(
    name: "AgentPlatform",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bridge", targets: ["Bridge"]),
        .executable(name: "async-runner", targets: ["AsyncRunner"]),
        .executable(name: "webhook-delivery", targets: ["WebhookDelivery"]),
        .executable(name: "local-platform", targets: ["LocalPlatform"]),
        .executable(name: "tenant-api", targets: ["TenantAPI"]),
        .executable(name: "bff", targets: ["BFF"]),
        .executable(name: "billing", targets: ["Billing"]),
        .executable(name: "authoriser", targets: ["Authoriser"]),
        .executable(name: "request-interceptor", targets: ["RequestInterceptor"]),
        .executable(name: "response-interceptor", targets: ["ResponseInterceptor"]),
        .executable(name: "tool-echo", targets: ["ToolEcho"]),
        .executable(name: "tool-tenant-status", targets: ["ToolTenantStatus"]),
    ],
    targets: [
        // MARK: System libraries and C shims
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "CGlibcShim"),
        // Days <-> calendar dates in UTC, for every timestamp formatter.
        .target(name: "CivilTime"),

        // MARK: Shared libraries
        // The one JSON value: ordered members, literal numbers, a strict parser, exact serialisation.
        .target(name: "PlatformJSON"),
        .target(
            name: "AWSCore",
            dependencies: ["CCurl", "COpenSSL", "CivilTime", "PlatformJSON"]
        ),
        .target(
            name: "DataAccess",
            dependencies: ["AWSCore", "LambdaRuntime"]
        ),
        .target(name: "LambdaEvents", dependencies: ["PlatformJSON"]),
        // The runtime invocation path shared by bridge and async-runner: AgentCore
        // calls, active region, failover lock, tenant role credentials.
        .target(
            name: "AgentInvocation",
            dependencies: ["AWSCore", "DataAccess"]
        ),
        .target(
            name: "EntraAuth",
            dependencies: ["AWSCore", "DataAccess", "JWT"]
        ),
        // Shared by the AgentCore Gateway request and response interceptors.
        .target(
            name: "InterceptorKit",
            dependencies: ["AWSCore", "DataAccess", "EntraAuth", "LambdaEvents", "PlatformJSON"]
        ),

        .target(
            name: "PlatformAPI",
            dependencies: ["AWSCore", "DataAccess", "LambdaEvents", "PlatformJSON"]
        ),

        // MARK: Authoriser (the decision logic is a library so the local platform's bench and tests run it in-process)
        .target(
            name: "AuthoriserCore",
            dependencies: ["AWSCore", "DataAccess", "EntraAuth", "LambdaEvents", "PlatformAPI", "PlatformJSON"],
            path: "lambdas/authoriser/Core"
        ),
        .executableTarget(
            name: "Authoriser",
            dependencies: ["AuthoriserCore", "AWSCore", "DataAccess", "EntraAuth", "LambdaEvents", "LambdaRuntime"],
            path: "lambdas/authoriser",
            exclude: ["Core"]
        ),

        // MARK: Lambdas
        .executableTarget(
            name: "TenantAPI",
            dependencies: ["AWSCore", "DataAccess", "LambdaEvents", "LambdaRuntime", "PlatformAPI", "PlatformJSON"],
            path: "lambdas/tenant-api"
        ),
        .executableTarget(
            name: "BFF",
            dependencies: ["AWSCore", "DataAccess", "LambdaEvents", "LambdaRuntime", "PlatformAPI"],
            path: "lambdas/bff"
        ),
        .executableTarget(
            name: "Billing",
            dependencies: ["AWSCore", "CivilTime", "DataAccess", "LambdaRuntime"],
            path: "lambdas/billing"
        ),
        .executableTarget(
            name: "RequestInterceptor",
            dependencies: ["AWSCore", "DataAccess", "EntraAuth", "InterceptorKit", "JWT", "LambdaEvents", "LambdaRuntime", "PlatformJSON"],
            path: "lambdas/request-interceptor"
        ),
        .executableTarget(
            name: "ResponseInterceptor",
            dependencies: ["AWSCore", "EntraAuth", "InterceptorKit", "LambdaEvents", "LambdaRuntime", "PlatformJSON"],
            path: "lambdas/response-interceptor"
        ),

        // MARK: Local platform (never linked into a Lambda)
        .executableTarget(
            name: "LocalPlatform",
            dependencies: ["LocalGateway", "LambdaHost", "HTTPServer", "HTTPWire", "LocalAgentCore", "LocalStreams",
                           "AWSCore", "LocalMCPGateway", "EntraAuth"],
            path: "Sources/LocalPlatform"
        ),
        .target(
            name: "LocalGateway",
            dependencies: ["LambdaEvents"]
        ),

        .target(
            name: "JWT",
            dependencies: ["COpenSSL", "PlatformJSON"]
        ),

        // MARK: Benchmarks
        .executableTarget(
            name: "SigV4Bench",
            dependencies: ["AWSCore", "COpenSSL"]
        ),

        // MARK: Lambda runtime and the local Lambda host
        // HTTP/1.1 on POSIX sockets: head parsing, chunked coding, buffered reads.
        .target(name: "HTTPWire"),
        // The runtime-API loop every Lambda links (FoundationEssentials only).
        .target(name: "LambdaRuntime", dependencies: ["HTTPWire", "CGlibcShim", "CivilTime"]),
        // A small threaded HTTP/1.1 server for the local stack (never in a Lambda).
        .target(name: "HTTPServer", dependencies: ["HTTPWire"]),
        // Hosts bootstrap processes behind the Runtime API, like Lambda.
        .target(name: "LambdaHost", dependencies: ["HTTPServer", "HTTPWire"]),
        .executableTarget(name: "lambda-emulator", dependencies: ["HTTPServer", "LambdaHost"], path: "Sources/LambdaEmulator"),

        // MARK: Lambdas (every executable target under lambdas/ is packaged)
        .executableTarget(name: "hello", dependencies: ["LambdaRuntime"], path: "scripts/bench/hello"),

        // MARK: Test fixtures and benchmark peers
        .executableTarget(name: "runtime-fixture", dependencies: ["LambdaRuntime"], path: "Tests/Fixtures/RuntimeFixture"),
        .executableTarget(
            name: "authoriser-bench",
            dependencies: ["AuthoriserCore", "AWSCore", "DataAccess", "EntraAuth", "JWT", "LambdaEvents", "PlatformJSON"],
            path: "scripts/bench/authoriser"
        ),
        .executableTarget(name: "runtime-bench-hello-curl", dependencies: ["LambdaRuntime", "CCurl"], path: "scripts/bench/runtime-hello-curl"),
        .executableTarget(name: "runtime-bench", dependencies: ["LambdaHost", "HTTPServer", "HTTPWire"], path: "scripts/bench/runtime-bench"),

        // The local AgentCore Runtime data plane (never linked into a Lambda).
        .target(name: "LocalAgentCore", dependencies: ["AWSCore", "HTTPServer", "HTTPWire"]),
        // Feeds DynamoDB stream records from moto to a hosted function (local stack only).
        .target(name: "LocalStreams", dependencies: ["AWSCore"]),

        // MARK: Lambdas (bridge, async-runner, webhook-delivery)
        .executableTarget(
            name: "Bridge",
            dependencies: ["AgentInvocation", "AWSCore", "COpenSSL", "DataAccess", "LambdaEvents", "LambdaRuntime",
                           "PlatformAPI", "PlatformJSON"],
            path: "lambdas/bridge"
        ),
        .executableTarget(
            name: "AsyncRunner",
            dependencies: ["AgentInvocation", "AWSCore", "DataAccess", "LambdaRuntime", "PlatformJSON"],
            path: "lambdas/async-runner"
        ),
        .executableTarget(
            name: "WebhookDelivery",
            dependencies: ["AWSCore", "COpenSSL", "DataAccess", "LambdaRuntime"],
            path: "lambdas/webhook-delivery"
        ),

        // MARK: Tool path (issue 18): tool Lambdas on ToolKit, and the local AgentCore Gateway
        // Scoped-token check and runtime loop every tool Lambda shares (ADR 0004, 0041).
        .target(
            name: "ToolKit",
            dependencies: ["AWSCore", "DataAccess", "JWT", "LambdaEvents", "LambdaRuntime", "PlatformJSON"]
        ),
        .executableTarget(name: "ToolEcho", dependencies: ["ToolKit", "PlatformJSON"], path: "lambdas/tool-echo"),
        .executableTarget(
            name: "ToolTenantStatus",
            dependencies: ["ToolKit", "AWSCore", "DataAccess", "PlatformJSON"],
            path: "lambdas/tool-tenant-status"
        ),
        // MCP endpoint in front of the tool Lambdas, through both interceptors (local stack only).
        .target(
            name: "LocalMCPGateway",
            dependencies: ["AWSCore", "DataAccess", "LambdaEvents", "LambdaHost", "LocalGateway", "PlatformJSON"]
        ),
        .testTarget(name: "LocalMCPGatewayTests", dependencies: ["AWSCore", "LocalGateway", "LocalMCPGateway", "PlatformJSON"]),
        .testTarget(
            name: "ToolGatewayIntegrationTests",
            dependencies: [
                "AWSCore", "DataAccess", "EntraAuth", "JWT", "LambdaHost", "LocalGateway", "LocalMCPGateway", "PlatformJSON",
                "PlatformTestSupport", "RequestInterceptor", "ResponseInterceptor", "ToolEcho", "ToolKit", "ToolTenantStatus",
            ]
        ),

        // MARK: Tests
        .target(
            name: "PlatformTestSupport",
            dependencies: ["AWSCore", "HTTPWire"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "AWSCoreTests",
            dependencies: ["AWSCore"],
            // The vendored aws-c-auth SigV4 suite (Apache-2.0, see its NOTICE.md).
            resources: [.copy("Fixtures/sigv4")]
        ),
        .testTarget(
            name: "EntraAuthTests",
            dependencies: ["AWSCore", "DataAccess", "EntraAuth", "JWT"]
        ),
        .testTarget(
            name: "EntraAuthIntegrationTests",
            dependencies: ["AWSCore", "DataAccess", "EntraAuth", "JWT", "PlatformJSON", "PlatformTestSupport"]
        ),
        .testTarget(
            name: "InterceptorTests",
            dependencies: [
                "DataAccess", "EntraAuth", "InterceptorKit", "JWT", "LambdaEvents", "PlatformJSON", "RequestInterceptor", "ResponseInterceptor",
            ]
        ),
        .testTarget(
            name: "InterceptorIntegrationTests",
            dependencies: [
                "AWSCore", "DataAccess", "JWT", "LambdaEvents", "LambdaHost", "PlatformJSON", "PlatformTestSupport", "RequestInterceptor",
                "ResponseInterceptor",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "DataAccessTests",
            dependencies: ["DataAccess", "AWSCore", "PlatformJSON"]
        ),
        .testTarget(
            name: "DataAccessIntegrationTests",
            dependencies: ["DataAccess", "AWSCore", "PlatformTestSupport"]
        ),
        .testTarget(
            name: "AWSCoreIntegrationTests",
            dependencies: ["AWSCore", "PlatformTestSupport"]
        ),
        .testTarget(
            name: "BridgeTests",
            dependencies: ["Bridge", "AgentInvocation", "AWSCore", "DataAccess", "LambdaEvents", "PlatformAPI", "PlatformJSON"]
        ),
        .testTarget(name: "LocalAgentCoreTests", dependencies: ["LocalAgentCore", "AWSCore"]),
        .testTarget(name: "WebhookDeliveryTests", dependencies: ["WebhookDelivery", "AWSCore", "DataAccess"]),
        .testTarget(name: "AsyncRunnerTests", dependencies: ["AsyncRunner", "AgentInvocation", "AWSCore", "DataAccess"]),
        .testTarget(
            name: "InvocationIntegrationTests",
            dependencies: ["LocalAgentCore", "AWSCore", "DataAccess", "PlatformTestSupport", "HTTPServer",
                           "HTTPWire", "COpenSSL"]
        ),
        .testTarget(
            name: "PlatformAPITests",
            dependencies: ["PlatformAPI", "LambdaEvents", "DataAccess", "AWSCore"]
        ),
        .testTarget(
            name: "AuthoriserTests",
            dependencies: ["AuthoriserCore", "AWSCore", "DataAccess", "LambdaEvents", "LocalGateway", "PlatformAPI"]
        ),
        .testTarget(
            name: "TenantAPITests",
            dependencies: ["TenantAPI", "AWSCore", "DataAccess", "LambdaEvents", "PlatformAPI"]
        ),
        .testTarget(
            name: "TenantAPIIntegrationTests",
            dependencies: ["TenantAPI", "AWSCore", "DataAccess", "LambdaEvents", "PlatformTestSupport"]
        ),
        .testTarget(
            name: "LocalGatewayTests",
            dependencies: ["LocalGateway", "LambdaEvents"]
        ),
        .testTarget(name: "PlatformJSONTests", dependencies: ["PlatformJSON"]),
        .testTarget(
            name: "BFFTests",
            dependencies: ["BFF", "AWSCore", "DataAccess", "LambdaEvents", "PlatformAPI"]
        ),
        .testTarget(
            name: "BFFIntegrationTests",
            dependencies: ["BFF", "AWSCore", "DataAccess", "HTTPServer", "LambdaEvents", "LambdaHost", "PlatformTestSupport"]
        ),
        .testTarget(
            name: "BillingIntegrationTests",
            dependencies: ["Billing", "AWSCore", "DataAccess", "LambdaHost", "PlatformTestSupport"]
        ),
        .testTarget(
            name: "BillingTests",
            dependencies: ["Billing", "AWSCore", "DataAccess", "LambdaRuntime"]
        ),
        .testTarget(
            name: "JWTTests",
            dependencies: ["JWT", "PlatformJSON"],
            exclude: ["generate_fixtures.py"]
        ),
        .testTarget(name: "LambdaRuntimeTests", dependencies: ["LambdaRuntime", "HTTPWire"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "HTTPWire", "PlatformTestSupport"]),
        .testTarget(name: "LambdaHostTests", dependencies: ["LambdaHost"]),
        .testTarget(
            name: "LambdaRuntimeIntegrationTests",
            dependencies: ["LambdaHost", "HTTPServer", "HTTPWire", "PlatformTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
