$password = ConvertTo-SecureString "Dragon2023" -AsPlainText -Force
$credential = New-Object System.Management.Automation.PSCredential ("ORBIT\svc_deploy", $password)
