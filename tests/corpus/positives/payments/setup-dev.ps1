# Local developer setup for Windows
$ErrorActionPreference = "Stop"
$env:SQUARE_OAUTH_SECRET = "sq0csp-4sF8pygMkUvgjMiS0tjLz8R8KqA9OYaSh4HqQ_VAjEe"
$env:SHOPIFY_ACCESS_TOKEN = "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"
$env:SHOPIFY_API_SECRET = "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"
dotnet run --project src/Api/Api.csproj
