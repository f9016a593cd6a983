$user = "ORBIT\svc-join"
$pass = ConvertTo-SecureString "Spring2024" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential($user, $pass)
Add-Computer -DomainName orbit.local -Credential $cred -Restart
