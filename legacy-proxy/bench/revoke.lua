-- One deprecated revoke call per request: a JSON array body of one registration ID.
wrk.method = "POST"
wrk.body = '["f174e90a-fafe-4643-bbbc-4a0ed4fc8415"]'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer bench-token"
