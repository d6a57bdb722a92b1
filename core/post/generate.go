package post

//go:generate go run ../../internal/genpost
