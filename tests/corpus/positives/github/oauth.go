package auth

import (
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/github"
)

var Config = &oauth2.Config{
	ClientID:     "Iv1.8a61f9b3a7aba766",
	ClientSecret: "b11b1896b8f1f1e1b6c88426684bcee64b5ba027",
	Endpoint:     github.Endpoint,
	Scopes:       []string{"read:user", "user:email"},
}
