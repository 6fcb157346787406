package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDir(t *testing.T) {
	if got, err := Dir("elsewhere"); err != nil || got != "elsewhere" {
		t.Errorf("Dir(elsewhere) = %q, %v", got, err)
	}
	got, err := Dir("")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(got, "politik-skolereform.txt")); err != nil {
		t.Errorf("Dir found %s without the bundled articles: %v", got, err)
	}
	t.Chdir(t.TempDir())
	if _, err := Dir(""); err == nil {
		t.Error("no error outside the repository")
	}
}
