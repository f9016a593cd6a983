# Local developer setup for Windows
$ErrorActionPreference = "Stop"
$env:GITHUB_REFRESH_TOKEN = "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"
$env:GH_TOKEN = "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"
dotnet run --project src/Api/Api.csproj
