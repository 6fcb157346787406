package citat_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/citat-go/citat/speaker"
)

func TestDbg(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("F"))
	a := speaker.Analyze(string(b))
	for _, e := range a.Entities {
		fmt.Printf("%q %v role=%q party=%q\n", e.Name, e.Type, e.Role, e.Party)
	}
}
