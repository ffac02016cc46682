import FoundationEssentials
@testable import LambdaHost
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct LambdaHostUnitTests {
    @Test func reportLinesLookLikeLambdas() {
        let line = ReportLine.report(
            requestID: "r", durationMilliseconds: 1.234, memorySize: 128, maxMemoryUsedMB: 14, initDurationMilliseconds: 3.456
        )
        #expect(line == "REPORT RequestId: r\tDuration: 1.23 ms\tBilled Duration: 5 ms\tMemory Size: 128 MB\tMax Memory Used: 14 MB\tInit Duration: 3.46 ms")
        let warm = ReportLine.report(requestID: "r", durationMilliseconds: 0.2, memorySize: 256, maxMemoryUsedMB: 9, initDurationMilliseconds: nil, status: "timeout")
        #expect(warm == "REPORT RequestId: r\tDuration: 0.20 ms\tBilled Duration: 1 ms\tMemory Size: 256 MB\tMax Memory Used: 9 MB\tStatus: timeout")
        #expect(ReportLine.fixed2(3) == "3.00")
        #expect(ReportLine.fixed2(0.005) == "0.01")
    }

    @Test func functionEnvironmentIsLambdasPlusPassThrough() {
        let configuration = FunctionConfiguration(name: "f", bootstrap: "/var/task/bootstrap", environment: ["TABLE": "t", "AWS_REGION": "override"], memorySize: 512)
        let environment = FunctionEnvironment.make(
            configuration: configuration, runtimeAPI: "127.0.0.1:9", region: "eu-west-1",
            host: ["AWS_ACCESS_KEY_ID": "AKID", "AWS_ENDPOINT_URL_DYNAMODB": "http://x", "SECRET_OF_HOST": "no", "PATH": "/bin"]
        )
        #expect(environment["AWS_LAMBDA_RUNTIME_API"] == "127.0.0.1:9")
        #expect(environment["AWS_LAMBDA_FUNCTION_NAME"] == "f")
        #expect(environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] == "512")
        #expect(environment["AWS_LAMBDA_FUNCTION_VERSION"] == "$LATEST")
        #expect(environment["LAMBDA_TASK_ROOT"] == "/var/task")
        #expect(environment["_HANDLER"] == "bootstrap")
        #expect(environment["AWS_LAMBDA_LOG_FORMAT"] == "Text")
        #expect(environment["AWS_ACCESS_KEY_ID"] == "AKID")
        #expect(environment["AWS_ENDPOINT_URL_DYNAMODB"] == "http://x")
        #expect(environment["SECRET_OF_HOST"] == nil)
        #expect(environment["AWS_REGION"] == "override")
        #expect(environment["PATH"] == "/bin")
    }

    @Test func emulatorConfigurationComesFromFlagsAndFiles() throws {
        let file = #"{"port":0,"region":"eu-central-1","functions":[{"name":"a","bootstrap":"/a","timeout":9}]}"#
        let configuration = try EmulatorConfiguration.parse(
            arguments: ["--config", "c.json", "--function", "name=b,bootstrap=/b,memory=256,concurrency=4,streaming=true,env.K=V,init-timeout=2"],
            readFile: { _ in Data(file.utf8) }
        )
        #expect(configuration.port == 0)
        #expect(configuration.region == "eu-central-1")
        #expect(configuration.functions == [
            FunctionConfiguration(name: "a", bootstrap: "/a", timeout: 9),
            FunctionConfiguration(name: "b", bootstrap: "/b", environment: ["K": "V"], memorySize: 256, concurrency: 4, streaming: true, initTimeout: 2),
        ])
        #expect(throws: EmulatorConfiguration.UsageError.self) { try EmulatorConfiguration.parse(arguments: [], readFile: { _ in Data() }) }
        #expect(throws: EmulatorConfiguration.UsageError.self) {
            try EmulatorConfiguration.parse(arguments: ["--function", "name=x"], readFile: { _ in Data() })
        }
        #expect(throws: EmulatorConfiguration.UsageError.self) {
            try EmulatorConfiguration.parse(arguments: ["--port", "70000", "--function", "name=x,bootstrap=/x"], readFile: { _ in Data() })
        }
    }

    @Test func launcherComesFromFlagsAndFiles() throws {
        let file = #"{"functions":[{"name":"a","bootstrap":"/a","launcher":["qemu-aarch64-static","-L","/sysroot"]}]}"#
        let configuration = try EmulatorConfiguration.parse(
            arguments: ["--config", "c.json", "--function", "name=b,bootstrap=/b,launcher=qemu-aarch64-static -L /s"],
            readFile: { _ in Data(file.utf8) }
        )
        #expect(configuration.functions.map(\.launcher) == [["qemu-aarch64-static", "-L", "/sysroot"], ["qemu-aarch64-static", "-L", "/s"]])
        let plain = try EmulatorConfiguration.parse(arguments: ["--function", "name=c,bootstrap=/c"], readFile: { _ in Data() })
        #expect(plain.functions[0].launcher.isEmpty)
    }

    @Test func launcherRunsTheBootstrapAsItsLastArgumentFoundOnPath() throws {
        // sh (found on PATH, no slash) exits 7 only when handed the bootstrap path last.
        let process = try ChildProcess.spawn(
            executable: "/no/such/bootstrap", environment: [:], workingDirectory: "/",
            launcher: ["sh", "-c", #"test "$1" = /no/such/bootstrap && exit 7"#, "sh"]
        )
        #expect(process.wait() == .exited(7))
        #expect(throws: SpawnError(executable: "no-such-launcher", errno: ENOENT)) {
            try ChildProcess.spawn(executable: "/bin/true", environment: [:], workingDirectory: "/", launcher: ["no-such-launcher"])
        }
    }

    @Test func functionNamesMayBeARNsOrQualified() {
        #expect(LambdaHost.functionName("arn:aws:lambda:us-east-1:1:function:f:prod") == "f")
        #expect(LambdaHost.functionName("f:$LATEST") == "f")
        #expect(LambdaHost.functionName("f") == "f")
    }

    @Test func clientContextIsDecodedFromBase64() {
        #expect(InvokeEndpoint.decodeClientContext("eyJhIjoxfQ==") == #"{"a":1}"#)
        #expect(InvokeEndpoint.decodeClientContext("not base64!") == "not base64!")
    }
}
