# Local developer setup for Windows
$ErrorActionPreference = "Stop"
$env:POSTMAN_API_KEY = "PMAK-9065f8fbcae6ead6107b953c-62f637d4bea953ea0ad377a646a157c616"
$env:FIGMA_TOKEN = "figd_3ri-lYBj0iVeCRt1GeyWHY2fqnjnVmF5_2rKyX4G"
$env:AIRTABLE_API_KEY = "patX3Y35tnDXLeEgI.0397651ea8d78885b7cc96f1bae3ae393d01e586f5908965b12c85f0bb973952"
dotnet run --project src/Api/Api.csproj
