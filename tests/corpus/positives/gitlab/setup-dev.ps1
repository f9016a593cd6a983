# Local developer setup for Windows
$ErrorActionPreference = "Stop"
$env:GITLAB_TOKEN = "glpat-gzE1H75LnvG4qwmDu1XW"
$env:GITLAB_DEPLOY_TOKEN = "gldt-Enu11SLfOSnXtIH8A37e"
dotnet run --project src/Api/Api.csproj
