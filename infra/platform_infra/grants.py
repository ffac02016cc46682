"""Least-privilege statements with every action named. CDK's grant helpers emit wildcard actions
(`kms:GenerateDataKey*`, `s3:GetObject*`, ...), which the Guard rules refuse, so the stacks
grant through these instead."""
from __future__ import annotations

from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs

TABLE_READ = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:ConditionCheckItem",
              "dynamodb:DescribeTable"]
TABLE_WRITE = TABLE_READ + ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                            "dynamodb:BatchWriteItem"]
STREAM_READ = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"]
KEY_DECRYPT = ["kms:Decrypt", "kms:DescribeKey"]
KEY_USE = KEY_DECRYPT + ["kms:Encrypt", "kms:GenerateDataKey"]
OBJECT_READ = ["s3:GetObject"]
OBJECT_WRITE = ["s3:GetObject", "s3:PutObject"]


def table(role: iam.IRole, table: dynamodb.ITable, key: kms.IKey, write: bool) -> None:
    role.add_to_principal_policy(iam.PolicyStatement(
        actions=TABLE_WRITE if write else TABLE_READ, resources=[table.table_arn, f"{table.table_arn}/index/*"]))
    key_use(role, key, write)


def stream(role: iam.IRole, table: dynamodb.ITable, key: kms.IKey) -> None:
    role.add_to_principal_policy(iam.PolicyStatement(actions=STREAM_READ, resources=[table.table_stream_arn]))
    key_use(role, key, write=False)


def objects(role: iam.IRole, bucket: s3.IBucket, key: kms.IKey, prefix: str, write: bool) -> None:
    role.add_to_principal_policy(iam.PolicyStatement(
        actions=OBJECT_WRITE if write else OBJECT_READ, resources=[bucket.arn_for_objects(prefix)]))
    key_use(role, key, write)


def send(role: iam.IRole, queue: sqs.IQueue, key: kms.IKey) -> None:
    role.add_to_principal_policy(iam.PolicyStatement(
        actions=["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], resources=[queue.queue_arn]))
    key_use(role, key, write=True)


def key_use(role: iam.IRole, key: kms.IKey, write: bool) -> None:
    role.add_to_principal_policy(iam.PolicyStatement(actions=KEY_USE if write else KEY_DECRYPT,
                                                     resources=[key.key_arn]))


def key_policy(*extra: iam.PolicyStatement) -> iam.PolicyDocument:
    """A key policy that lets the account administer and use the key through IAM (every action
    named, no wildcard principal), plus the service statements a key class needs."""
    return iam.PolicyDocument(statements=[iam.PolicyStatement(
        sid="AccountAdministersThroughIam", principals=[iam.AccountRootPrincipal()], resources=["*"],
        actions=["kms:CreateAlias", "kms:CreateGrant", "kms:DeleteAlias", "kms:DescribeKey", "kms:DisableKey",
                 "kms:DisableKeyRotation", "kms:EnableKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy",
                 "kms:GetKeyRotationStatus", "kms:ListAliases", "kms:ListGrants", "kms:ListKeyPolicies",
                 "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:RetireGrant", "kms:RevokeGrant",
                 "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:TagResource", "kms:UntagResource",
                 "kms:UpdateAlias", "kms:UpdateKeyDescription", "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom",
                 "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext"]), *extra])
