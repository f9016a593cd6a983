$headers = @{
    "Authorization" = "Bearer K3ZbM2PFQjYQzJdtO0X4EyUX66H9QFmK"
    "Accept"        = "text/csv"
}
Invoke-WebRequest -Uri "https://reports.orbitpay.internal/v2/export" -Headers $headers -OutFile export.csv
