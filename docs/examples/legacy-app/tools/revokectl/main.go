// Command revokectl revokes or restores WARP registrations from the command line.
package main

import (
	"context"
	"log"
	"os"

	"github.com/cloudflare/cloudflare-go/v4"
	"github.com/cloudflare/cloudflare-go/v4/option"
	"github.com/cloudflare/cloudflare-go/v4/zero_trust"
)

func main() {
	if len(os.Args) < 3 {
		log.Fatal("usage: revokectl revoke|unrevoke ID...")
	}
	client := cloudflare.NewClient(option.WithAPIToken(os.Getenv("CLOUDFLARE_API_TOKEN")))
	accountID := cloudflare.F(os.Getenv("CLOUDFLARE_ACCOUNT_ID"))
	ids := os.Args[2:]
	ctx := context.Background()

	var err error
	switch os.Args[1] {
	case "revoke":
		_, err = client.ZeroTrust.Devices.Revoke.New(ctx, zero_trust.DeviceRevokeNewParams{AccountID: accountID, Body: ids})
	case "unrevoke":
		_, err = client.ZeroTrust.Devices.Unrevoke.New(ctx, zero_trust.DeviceUnrevokeNewParams{AccountID: accountID, Body: ids})
	default:
		log.Fatalf("unknown command %q", os.Args[1])
	}
	if err != nil {
		log.Fatal(err)
	}
}
