package user

import "golang.org/x/crypto/bcrypt"

type Credentials struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

func (c Credentials) Verify(hash []byte) error {
	return bcrypt.CompareHashAndPassword(hash, []byte(c.Password))
}
