package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/vaultsite/vaultsite/internal/version"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print vaultsite's version, revision, Go and library versions",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprint(cmd.OutOrStdout(), version.Get().Long())
			return err
		},
	}
}
