package main

//go:generate go run . -ref ../../../../shared/ref -out ../..
