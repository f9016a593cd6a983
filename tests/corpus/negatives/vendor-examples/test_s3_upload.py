import boto3
from moto import mock_aws


@mock_aws
def test_upload_creates_object():
    s3 = boto3.client("s3", region_name="us-east-1",
                      aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
                      aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    s3.create_bucket(Bucket="reports")
    s3.put_object(Bucket="reports", Key="a.txt", Body=b"x")
    assert s3.list_objects_v2(Bucket="reports")["KeyCount"] == 1
