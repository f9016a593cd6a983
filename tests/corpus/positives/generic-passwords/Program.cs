var builder = WebApplication.CreateBuilder(args);
var smtp = new SmtpClient("smtp.mailprovider.net", 587)
{
    Credentials = new NetworkCredential("alerts@orbitpay.io", "Marble=Lobster0549"),
    EnableSsl = true,
};
var app = builder.Build();
app.Run();
