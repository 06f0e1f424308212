// Package config reads vaultsite.yaml, the project's settings: site title,
// base URL, language, what to publish, the home note and check severities.
package config
