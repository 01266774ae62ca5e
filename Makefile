# Limber. `make run` and `make test` set up what they need on Debian/Ubuntu.
GO      ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
BIN     := bin/limber
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -s -w -X github.com/limberapp/limber/cmd.Version=$(VERSION)

# Build: Fyne's cgo/GL needs these; the rest are for the desktop tests.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev
TEST_PKGS  := xvfb dbus dbus-x11 dunst haskell-status-notifier-item-utils xdotool \
              x11-utils imagemagick librsvg2-bin libnotify-bin fonts-dejavu-core \
              desktop-file-utils appstream
BENCH_PKGS := workrave safeeyes procps

export LANG := C.UTF-8
export PATH := $(PATH):/usr/local/go/bin

.PHONY: run build test unit e2e bench deps deps-test deps-bench vet contact-sheet clean

run: deps build
	./$(BIN)

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) .

deps:
	@scripts/install-deps.sh $(BUILD_PKGS)

deps-test: deps
	@scripts/install-deps.sh $(TEST_PKGS)

deps-bench: deps-test
	@scripts/install-deps.sh $(BENCH_PKGS)

vet:
	$(GO) vet ./...
	$(GO) vet -tags e2e ./e2e/

unit:
	$(GO) test -race -count=1 ./...

e2e: build
	LIMBER_BIN=$(CURDIR)/$(BIN) scripts/desktop-session.sh $(GO) test -tags e2e -count=1 -v ./e2e/

test: deps-test vet unit e2e

bench: deps-bench build
	scripts/bench-idle.sh $(CURDIR)/$(BIN)

contact-sheet: build
	scripts/contact-sheet.sh $(CURDIR)/$(BIN)

clean:
	rm -rf bin dist
