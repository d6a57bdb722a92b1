package params

//go:generate go run ../../schemas/internal/genrequest
