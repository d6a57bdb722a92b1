module github.com/xpreflight/xpreflight

go 1.26.8

require github.com/santhosh-tekuri/jsonschema/v5 v5.3.1
