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

func TestArticles(t *testing.T) {
	folder, paths, err := Articles("")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 2 || filepath.Dir(paths[0]) != folder || filepath.Ext(paths[0]) != ".txt" {
		t.Errorf("Articles found %d paths in %s: %q", len(paths), folder, paths)
	}
	if _, _, err := Articles(t.TempDir()); err == nil {
		t.Error("no error for a folder without articles")
	}
}
