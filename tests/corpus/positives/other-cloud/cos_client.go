package storage

import (
	"net/http"

	"github.com/tencentyun/cos-go-sdk-v5"
)

func NewClient(u *cos.BaseURL) *cos.Client {
	return cos.NewClient(u, &http.Client{
		Transport: &cos.AuthorizationTransport{
			SecretID:  "AKIDcLkNBJgdQSHNOCax6jqa5qYw0gBEIKs2",
			SecretKey: "1mAWvpdxg8LAFI8qclwEp81mffVldeve",
		},
	})
}
