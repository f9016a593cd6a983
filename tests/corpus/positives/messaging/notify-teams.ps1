$webhook = "https://contoso.webhook.office.com/webhookb2/bc3758fe-258e-4b42-8e8d-f41af8575de3@c5543fd9-abe0-4b5f-9bcc-f50fddbf4bfc/IncomingWebhook/9d70e43f75c5059a15e998264bb10c68/e01f4469-a87f-4621-95c5-9293077ec048/V20XUQ306eW8-uRC8JXZwFahCqCcLjYEWD0brvtZjZZZp"
$body = @{ text = "Backup finished on $env:COMPUTERNAME" } | ConvertTo-Json
Invoke-RestMethod -Method Post -Uri $webhook -Body $body -ContentType 'application/json'
