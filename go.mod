module github.com/citat-go/citat

go 1.26.8
