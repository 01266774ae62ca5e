// Command i18n-dump writes the content library's English texts in the
// language file format (content/data/i18n/README.md), or checks the
// language files.
//
//	go run ./content/cmd/i18n-dump              # every English key and text
//	go run ./content/cmd/i18n-dump -missing de  # the English entries de.toml lacks
//	go run ./content/cmd/i18n-dump -check       # check every language file
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/limberapp/limber/content"
)

func main() {
	missing := flag.String("missing", "", "print only the English entries this language's file lacks")
	check := flag.Bool("check", false, "check every language file; exit 1 on any problem")
	flag.Parse()
	fsys := content.DataFS()
	lib, err := content.LoadFS(fsys)
	if err != nil {
		fmt.Fprintln(os.Stderr, "i18n-dump:", err)
		os.Exit(1)
	}
	switch {
	case *check:
		bad := false
		for _, tag := range content.Langs(fsys) {
			file := content.LangDir + "/" + tag + ".toml"
			b, _ := fs.ReadFile(fsys, file)
			for _, e := range lib.CheckLang(file, b) {
				fmt.Println(e)
				bad = true
			}
		}
		if bad {
			os.Exit(1)
		}
	case *missing != "":
		file := content.LangDir + "/" + *missing + ".toml"
		b, err := fs.ReadFile(fsys, file)
		if err != nil {
			fmt.Fprintln(os.Stderr, "i18n-dump:", err)
			os.Exit(1)
		}
		for _, e := range lib.CheckLang(file, b) {
			if ce, ok := e.(*content.Error); !ok || !strings.HasPrefix(ce.Msg, "missing:") {
				fmt.Fprintln(os.Stderr, e)
			}
		}
		os.Stdout.Write(content.FormatTexts(lib.MissingTexts(file, b)))
	default:
		os.Stdout.Write(lib.DumpTexts())
	}
}
