package csp

import (
	"crypto/rand"
	"encoding/base64"
)

func Nonce() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return base64.StdEncoding.EncodeToString(b)
}
