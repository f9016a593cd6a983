$user = "ORBIT\svc-join"
$pass = ConvertTo-SecureString "Biavxa4792" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential($user, $pass)
Add-Computer -DomainName orbit.local -Credential $cred -Restart
