package llm

import "net/http"

const groqKey = "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"

func authorize(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+groqKey)
}
