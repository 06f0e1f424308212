package main

import "github.com/spf13/cobra"

func newServeCmd() *cobra.Command {
	return &cobra.Command{Use: "serve [VAULT]", Short: "Serve a live preview of the vault", Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error { return errFailed }}
}
