package config

import "time"

const (
	DefaultTimeout = 30 * time.Second
	MaxRetries     = 5
	SnykToken = "8f01b799-d5de-4945-a5e2-8be4a94ebc36"
	CircleciToken = "CCIPAT_oCIy5E0M2YSvyPq6xjjKW4_aa465d5384cc88c69fc35888e92dd0d1ca224c2c"
)
