package notify

import "net/smtp"

var cfg = SMTPConfig{
	Host:     "smtp.mailprovider.net",
	Port:     587,
	Username: "alerts@orbitpay.io",
	Password: "YT1kqaqX?iX_4l3l",
}

func auth() smtp.Auth {
	return smtp.PlainAuth("", cfg.Username, cfg.Password, cfg.Host)
}
