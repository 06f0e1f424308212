package links

import (
	"strings"

	"github.com/vaultsite/vaultsite/site"
)

// testVault builds a vault from paths: ".md" files become published notes,
// the rest assets.
func testVault(paths ...string) *site.Vault {
	var notes []*site.Note
	var assets []*site.Asset
	for _, p := range paths {
		vp := site.VaultPath(p)
		if strings.EqualFold(vp.Ext(), "md") {
			notes = append(notes, &site.Note{Path: vp, Published: true})
		} else {
			assets = append(assets, &site.Asset{Path: vp, Kind: site.KindOf(vp)})
		}
	}
	return site.NewVault(nil, notes, assets)
}

// result is a Resolution reduced to what tests compare.
type result struct {
	Path       site.VaultPath
	Step       Step
	Ambiguous  bool
	Candidates []site.VaultPath
	CaseOnly   bool
}

func reduce(r Resolution) result {
	return result{r.Target.Path(), r.Step, r.Ambiguous, r.Candidates, r.CaseOnly}
}

// from returns a note at p, for a source that need not be in the vault.
func from(p string) *site.Note { return &site.Note{Path: site.VaultPath(p)} }
