// Package named holds values that only their names say are credentials.
package named

// Config is a service configuration.
type Config struct {
	Host      string
	User      string
	Password  string
	APIKey    string
	TokenType string
	TokenURL  string
}

// AWSCredentials mirrors the AWS SDK's static credentials.
type AWSCredentials struct {
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    *string
}

// String returns a pointer to s, as aws.String does.
func String(s string) *string { return &s }

// Login authenticates user with password.
func Login(user, password string) error { return nil }

// Hash returns a digest of s.
func Hash(s string) string { return s }
