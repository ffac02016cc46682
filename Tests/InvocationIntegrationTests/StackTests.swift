import Testing

/// Every suite that runs against the shared local platform, one at a time:
/// they share its region parameter, injected faults and agent processes.
@Suite(.serialized) enum StackTests {}
