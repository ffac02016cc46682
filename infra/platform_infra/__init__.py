"""The platform's CDK app: stacks, the repository facts they are derived from, and the deploy tooling."""
