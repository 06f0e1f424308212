// Package config reads vaultsite.yaml, the project's settings: site title,
// base URL, language, what to publish, the home note, what the output
// folder keeps, and check severities.
package config
