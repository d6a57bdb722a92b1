module github.com/xpreflight/xpreflight/worker/goworker

go 1.26.8

replace github.com/xpreflight/xpreflight => ../..

require (
	github.com/syumai/workers v0.31.0
	github.com/xpreflight/xpreflight v0.0.0-00010101000000-000000000000
)

require github.com/santhosh-tekuri/jsonschema/v5 v5.3.1 // indirect
