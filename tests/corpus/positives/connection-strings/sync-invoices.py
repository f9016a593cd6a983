import ftplib  # noqa: F401
from urllib.request import urlopen

SOURCE = "ftp://invoices:eV7.ruPeCUHW0HzbVlo4@ftp.partner-logistics.com/outgoing/invoices.csv"

with urlopen(SOURCE) as resp, open("invoices.csv", "wb") as out:
    out.write(resp.read())
