package apierr

//go:generate go run ../../schemas/internal/genresponse
