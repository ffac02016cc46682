"""The one error type of agent delivery: a step that failed, said for an operator."""


class DeliveryError(Exception):
    """`step` names the pipeline step; the message never carries a token or a payload."""

    def __init__(self, step: str, message: str):
        super().__init__(f"{step}: {message}")
        self.step = step
        self.message = message
