"""Each stack test module starts from the process environment and AWS session it was given.

Modules start their own stacks (and one its own moto) and some change `os.environ` while they
run; boto3's default session caches the credentials it first resolved. Without this, a module's
clients could sign with another module's moto credentials (moto answers InvalidClientTokenId).
"""
import os

import boto3
import pytest


@pytest.fixture(autouse=True, scope="module")
def isolated_aws_environment():
    saved = dict(os.environ)
    boto3.DEFAULT_SESSION = None
    yield
    os.environ.clear()
    os.environ.update(saved)
    boto3.DEFAULT_SESSION = None
