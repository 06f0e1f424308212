package main

import "github.com/spf13/cobra"

func newCheckCmd() *cobra.Command {
	return &cobra.Command{Use: "check [VAULT]", Short: "Check every link of the vault", Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error { return errFailed }}
}
