package erp

import "net/http"

func newRequest(url string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-Auth-Token", "C_KDCFnECGM4s3IydVVI7I9P7O5o2ZJ5lhWMqQT98Ph")
	req.Header.Set("Accept", "application/json")
	return req, nil
}
