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
        .target(
            name: "EntraAuth",
            dependencies: ["AWSCore", "DataAccess", "JWT"]
        ),
        // Shared by the AgentCore Gateway request and response interceptors.
        .target(
            name: "InterceptorKit",
            dependencies: ["AWSCore", "DataAccess", "EntraAuth", "LambdaEvents"]
        ),

        .target(
            name: "PlatformAPI",
            dependencies: ["AWSCore", "LambdaEvents"]
        ),

        // MARK: Lambdas
        .target(
            name: "RequestInterceptor",
            dependencies: ["AWSCore", "DataAccess", "EntraAuth", "InterceptorKit", "LambdaEvents"],
            path: "lambdas/request-interceptor"
        ),
        .target(
            name: "ResponseInterceptor",
            dependencies: ["AWSCore", "DataAccess", "EntraAuth", "InterceptorKit", "LambdaEvents"],
            path: "lambdas/response-interceptor"
        ),

        // MARK: Local platform (never linked into a Lambda)
        .target(
            name: "LocalGateway",
            dependencies: ["LambdaEvents"]
        ),

        .target(
            name: "JWT",
            dependencies: ["COpenSSL"]
        ),

        // MARK: Benchmarks
        .executableTarget(
            name: "SigV4Bench",
            dependencies: ["AWSCore", "COpenSSL"]
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
            name: "EntraAuthTests",
            dependencies: ["AWSCore", "DataAccess", "EntraAuth", "JWT"]
        ),
        .testTarget(
            name: "EntraAuthIntegrationTests",
            dependencies: ["AWSCore", "DataAccess", "EntraAuth", "JWT", "PlatformTestSupport"]
        ),
        .testTarget(
            name: "InterceptorTests",
            dependencies: [
                "DataAccess", "EntraAuth", "InterceptorKit", "LambdaEvents", "RequestInterceptor", "ResponseInterceptor",
            ]
        ),
        .testTarget(
            name: "DataAccessTests",
            dependencies: ["DataAccess", "AWSCore"]
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
            name: "PlatformAPITests",
            dependencies: ["PlatformAPI", "LambdaEvents"]
        ),
        .testTarget(
            name: "LocalGatewayTests",
            dependencies: ["LocalGateway", "LambdaEvents"]
        ),
        .testTarget(
            name: "JWTTests",
            dependencies: ["JWT"],
            exclude: ["generate_fixtures.py"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
