package storage

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

func staticCreds() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(
		"AKIAJFH2DXIM6TOOLSOZ",
		"IO1gfM8I1D/RTa4xMelYM5D6Hrc+cGeMvMWP5uL5",
		"",
	)
}
