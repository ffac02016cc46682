// The BFF's entry point. The runtime-API loop (LambdaRuntime) is not merged yet;
// until it is, this executable only explains that and exits non-zero.
print("bff: LambdaRuntime is not merged yet; BFFHandler cannot be served")
exitWithFailure()

func exitWithFailure() -> Never { fatalError("bff: not wired to the Lambda runtime yet") }
