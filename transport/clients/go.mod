module github.com/xpreflight/xpreflight/transport/clients

go 1.26.8

replace github.com/xpreflight/xpreflight => ../..

require (
	github.com/g8rswimmer/go-twitter/v2 v2.1.5
	github.com/michimani/gotwi v0.16.1
	github.com/xpreflight/xpreflight v0.0.0-00010101000000-000000000000
)

require github.com/santhosh-tekuri/jsonschema/v5 v5.3.1 // indirect
