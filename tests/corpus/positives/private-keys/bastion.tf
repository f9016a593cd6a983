resource "null_resource" "provision" {
  connection {
    type        = "ssh"
    host        = aws_instance.bastion.public_ip
    user        = "ubuntu"
    private_key = <<-EOT
-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACAY27lKB+BNhGBdC1EP1vkWG3SJAg9nt6EjBP9MRPW6PAAAAJhFUskTwMRK
NwAAAAtzc2gtZWQyNTUxOQAAACD/eqTIfIZ57MdPywd7xtVa2lSLRIqmo4wBWrh9wcIXew
AAAEBvgNB9O+lugwrWCYQ4u5zkni0Z9YnFkZueVecab8V7O5GxCYPE6hYqs7u5N+7lSHWR
sDVScJAOLybh9Sp0nkRhAAAAD2RlcGxveUBjaS1ydW5uZXIBAgMEBQ==
-----END OPENSSH PRIVATE KEY-----
    EOT
  }
}
