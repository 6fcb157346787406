// Package corpus finds the bundled articles for the example programs, so
// that each runs with no arguments from anywhere inside the repository.
package corpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Dir returns dir if it is set, or else the nearest testdata/articles
// folder in the working directory or one of its parents.
func Dir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		cand := filepath.Join(d, "testdata", "articles")
		if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
			return cand, nil
		}
		if filepath.Dir(d) == d {
			return "", errors.New("no testdata/articles folder here or above; pass -dir")
		}
	}
}

// Articles returns the folder Dir finds for dir and the paths of its .txt
// articles, sorted; a folder without any is an error.
func Articles(dir string) (folder string, paths []string, err error) {
	folder, err = Dir(dir)
	if err != nil {
		return "", nil, err
	}
	paths, err = filepath.Glob(filepath.Join(folder, "*.txt"))
	if err != nil {
		return "", nil, err
	}
	if len(paths) == 0 {
		return "", nil, fmt.Errorf("no .txt articles in %s", folder)
	}
	return folder, paths, nil
}
