package main

import (
	"context"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/external"
	"github.com/vaultsite/vaultsite/site"
)

// checkExternal asks every external http(s) URL of the vault whether it
// answers; cache, when set, remembers good answers for a day.
func checkExternal(ctx context.Context, a *build.Analysis, cache string) (site.Diagnostics, error) {
	return external.Check(ctx, a.Vault.Notes, external.Options{Cache: cache})
}
