module github.com/citat-go/citat

go 1.26.8

require (
	github.com/google/go-cmp v0.7.0
	golang.org/x/text v0.44.0
)
