import oss2

auth = oss2.Auth("LTAI5thxo19YF0gsWpLrvUKH", "mQ3YYSFL2Y4uHUVrRdLiNna6noAz6a")
bucket = oss2.Bucket(auth, "https://oss-cn-hangzhou.aliyuncs.com", "orbit-cn-assets")

for obj in oss2.ObjectIterator(bucket, prefix="img/"):
    print(obj.key)
