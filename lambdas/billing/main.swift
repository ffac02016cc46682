// The billing Lambda's entry point. The runtime-API loop (LambdaRuntime) is not merged
// yet; until it is, this executable only explains that and exits non-zero.
fatalError("billing: not wired to the Lambda runtime yet")
