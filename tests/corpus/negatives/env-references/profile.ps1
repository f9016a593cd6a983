$env:API_KEY = (Get-Secret -Name OrbitApiKey -AsPlainText)
$password = Read-Host -AsSecureString "Password"
