var builder = WebApplication.CreateBuilder(args);
var smtp = new SmtpClient("smtp.mailprovider.net", 587)
{
    Credentials = new NetworkCredential("alerts@orbitpay.io", "Nmxr*Frmvd22"),
    EnableSsl = true,
};
var app = builder.Build();
app.Run();
