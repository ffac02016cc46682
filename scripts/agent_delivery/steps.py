"""Each step printed with its duration; the first failure stops the run with its message."""
from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from botocore.exceptions import BotoCoreError, ClientError

from .errors import DeliveryError


@dataclass
class StepLog:
    command: str
    out: object = sys.stdout
    timings: dict = field(default_factory=dict)

    def say(self, text: str) -> None:
        print(f"[{self.command}] {text}", file=self.out, flush=True)

    @contextmanager
    def step(self, name: str):
        started = time.monotonic()
        note = []
        try:
            try:
                yield note
            except (BotoCoreError, ClientError) as err:
                # An AWS call failed: say which, without a traceback (botocore never puts secrets here).
                raise DeliveryError(name, f"AWS call failed: {err}") from None
        except DeliveryError:
            self.timings[name] = time.monotonic() - started
            self.say(f"{name:<20} FAILED after {self.timings[name]:.2f} s")
            raise
        self.timings[name] = time.monotonic() - started
        self.say(f"{name:<20} {self.timings[name]:6.2f} s  {' '.join(note)}".rstrip())

    def total(self) -> float:
        return sum(self.timings.values())
