package signer

import "testing"

// Values from the AWS Signature Version 4 documentation examples.
const (
	testAccessKey = "AKIAIOSFODNN7EXAMPLE"
	testSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
)

func TestSign(t *testing.T) {
	sig := Sign(testAccessKey, testSecretKey, "20150830T123600Z")
	if sig == "" {
		t.Fatal("empty signature")
	}
}
