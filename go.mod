module github.com/xpreflight/xpreflight

go 1.26.8

require (
	github.com/santhosh-tekuri/jsonschema/v5 v5.3.1
	golang.org/x/text v0.14.0
	gopkg.in/yaml.v3 v3.0.1
)
