// Wiring comes with the LambdaRuntime module; see BridgeHandler.
