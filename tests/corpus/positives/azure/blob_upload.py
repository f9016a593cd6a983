from azure.storage.blob import BlobServiceClient

CONN = (
    "DefaultEndpointsProtocol=https;AccountName=orbitexports;"
    "AccountKey=BlHv4SVMseq3j5ll/ht9hQoPwQE6/Fxuu9YpWZpUYEF3NQ64hRfVP13PgBe+MuplSyVFC96LK/gYSflxZMql3g==;"
    "EndpointSuffix=core.windows.net"
)

service = BlobServiceClient.from_connection_string(CONN)
container = service.get_container_client("exports")
