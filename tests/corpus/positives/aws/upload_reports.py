import boto3
from pathlib import Path

BUCKET = "orbitpay-reports-prod"

s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIA46BZQNA3ZDJDZMUO",
    aws_secret_access_key="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",
    region_name="eu-west-1",
)


def upload(path: Path) -> None:
    s3.upload_file(str(path), BUCKET, f"daily/{path.name}")
