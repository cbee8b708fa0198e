-- The replacement call itself, sent straight to the stub: what a routed revoke costs upstream.
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer bench-token"
