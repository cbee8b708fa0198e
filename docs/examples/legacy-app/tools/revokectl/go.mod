module example.com/legacy-app/tools/revokectl

go 1.22

require github.com/cloudflare/cloudflare-go/v4 v4.0.0
