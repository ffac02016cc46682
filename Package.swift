// swift-tools-version:6.0
// The platform's Lambdas, their runtime, and the local stack's tools.
// No package dependencies by design (docs/decisions): only the toolchain,
// FoundationEssentials, and libcurl + OpenSSL as system libraries.
import PackageDescription

let package = Package(
    name: "AgentPlatform",
    platforms: [.macOS(.v15)],
    products: [],
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

        // MARK: Shared libraries
        .target(
            name: "AWSCore",
            dependencies: ["CCurl", "COpenSSL"]
        ),
        .target(
            name: "DataAccess",
            dependencies: ["AWSCore"]
        ),
        .target(name: "LambdaEvents"),
        // The runtime invocation path shared by bridge and async-runner: AgentCore
        // calls, active region, failover lock, tenant role credentials.
        .target(
            name: "AgentInvocation",
            dependencies: ["AWSCore", "DataAccess"]
        ),
        .target(
            name: "PlatformAPI",
            dependencies: ["AWSCore", "LambdaEvents"]
        ),

        // MARK: Local platform (never linked into a Lambda)
        .target(
            name: "LocalGateway",
            dependencies: ["LambdaEvents"]
        ),

        // MARK: Lambdas (bridge, async-runner, webhook-delivery)
        .executableTarget(
            name: "Bridge",
            dependencies: ["AgentInvocation", "AWSCore", "COpenSSL", "DataAccess", "LambdaEvents", "PlatformAPI"],
            path: "lambdas/bridge"
        ),

        // MARK: Tests
        .target(
            name: "PlatformTestSupport",
            dependencies: ["AWSCore"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "AWSCoreTests",
            dependencies: ["AWSCore"]
        ),
        .testTarget(
            name: "DataAccessTests",
            dependencies: ["DataAccess", "AWSCore"]
        ),
        .testTarget(
            name: "AWSCoreIntegrationTests",
            dependencies: ["AWSCore", "PlatformTestSupport"]
        ),
        .testTarget(
            name: "BridgeTests",
            dependencies: ["Bridge", "AgentInvocation", "AWSCore", "DataAccess", "LambdaEvents", "PlatformAPI"]
        ),
        .testTarget(
            name: "PlatformAPITests",
            dependencies: ["PlatformAPI", "LambdaEvents"]
        ),
        .testTarget(
            name: "LocalGatewayTests",
            dependencies: ["LocalGateway", "LambdaEvents"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
