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
BENCH_PKGS := workrave safeeyes procps openbox libglib2.0-bin

export LANG := en_US.UTF-8
export PATH := $(PATH):/usr/local/go/bin

.PHONY: run build test unit model fuzz e2e bench bench-idle bench-all deps deps-test deps-bench vet contact-sheet clean

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
	scripts/desktop-session.sh $(GO) test -race -count=1 ./...

# The agent's model-based random test at full size (10,000 sequences;
# under -race above it runs 400). LIMBER_MODEL_SEED=N replays one.
model:
	$(GO) test -count=1 -run '^TestAgentModel$$' -v ./agent/

# Each fuzz target for FUZZTIME; what they find lands in the package's
# testdata/fuzz as a seed corpus (and fails the run).
FUZZTIME ?= 20s
FUZZ := ./prefs/:FuzzLoad ./agent/:FuzzDecodeRequest ./content/:FuzzLoadFS ./content/:FuzzUserExercises ./journal/:FuzzParse
fuzz:
	@set -e; for t in $(FUZZ); do pkg=$${t%%:*}; fn=$${t##*:}; \
		echo "fuzz: $$fn ($$pkg) for $(FUZZTIME)"; \
		$(GO) test -run XXX -fuzz "^$$fn\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s $$pkg; \
	done

e2e: build
	LIMBER_BIN=$(CURDIR)/$(BIN) scripts/desktop-session.sh $(GO) test -tags e2e -count=1 -v ./e2e/

test: deps-test vet unit model fuzz e2e check-install

# The break window next to Workrave's, in one run (about 9 minutes): CPU,
# context switches and RSS while it shows (figure moving, holding a pose,
# minimised; a static settings window as the floor; Workrave's rest break
# and exercises window), then click-to-window latency, cold, pre-started
# and Workrave's RestBreak. bench-idle (about 11 minutes) is the agent's
# idle footprint next to Workrave and Safe Eyes; bench-all runs both.
bench: deps-bench build
	scripts/bench-break-cpu.sh $(CURDIR)/$(BIN)
	scripts/bench-break-latency.sh $(CURDIR)/$(BIN)

bench-idle: deps-bench build
	scripts/bench-idle.sh $(CURDIR)/$(BIN)

bench-all: bench bench-idle

contact-sheet: build
	scripts/contact-sheet.sh

clean:
	rm -rf bin dist

# Install like any desktop program. DESTDIR is honoured for packaging.
PREFIX ?= /usr/local
APPID  := org.limber.Limber
ICON_SIZES := 16 22 24 32 48 64 128 256 512

.PHONY: install uninstall check-install
install: build
	install -Dm755 $(BIN) $(DESTDIR)$(PREFIX)/bin/limber
	install -Dm644 packaging/$(APPID).desktop $(DESTDIR)$(PREFIX)/share/applications/$(APPID).desktop
	install -Dm644 packaging/$(APPID).metainfo.xml $(DESTDIR)$(PREFIX)/share/metainfo/$(APPID).metainfo.xml
	install -Dm644 assets/icon/limber.svg $(DESTDIR)$(PREFIX)/share/icons/hicolor/scalable/apps/$(APPID).svg
	for s in $(ICON_SIZES); do \
		install -Dm644 assets/icon/limber-$$s.png $(DESTDIR)$(PREFIX)/share/icons/hicolor/$${s}x$${s}/apps/$(APPID).png; \
	done

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/limber \
	      $(DESTDIR)$(PREFIX)/share/applications/$(APPID).desktop \
	      $(DESTDIR)$(PREFIX)/share/metainfo/$(APPID).metainfo.xml \
	      $(DESTDIR)$(PREFIX)/share/icons/hicolor/scalable/apps/$(APPID).svg
	for s in $(ICON_SIZES); do rm -f $(DESTDIR)$(PREFIX)/share/icons/hicolor/$${s}x$${s}/apps/$(APPID).png; done

# Installs into a temporary prefix, validates what was installed, and
# checks that uninstall removes every file again.
check-install: build
	@set -e; tmp=$$(mktemp -d); \
	$(MAKE) -s install PREFIX=$$tmp >/dev/null; \
	desktop-file-validate $$tmp/share/applications/$(APPID).desktop; \
	appstreamcli validate --no-net --pedantic $$tmp/share/metainfo/$(APPID).metainfo.xml >/dev/null || appstreamcli validate --no-net $$tmp/share/metainfo/$(APPID).metainfo.xml; \
	$$tmp/bin/limber --version; \
	for s in $(ICON_SIZES); do test -s $$tmp/share/icons/hicolor/$${s}x$${s}/apps/$(APPID).png; done; \
	$(MAKE) -s uninstall PREFIX=$$tmp >/dev/null; \
	left=$$(find $$tmp -type f | wc -l); \
	if [ $$left -ne 0 ]; then echo "uninstall left $$left files in $$tmp"; exit 1; fi; \
	rm -rf $$tmp; echo "check-install: installed, validated and uninstalled cleanly"

# A release archive with `fyne package` (fyne.io/tools from the module
# proxy): Limber.tar.xz with the binary, the .desktop file and the icon.
# fyne bumps Build in FyneApp.toml; that change is kept out of the tree.
.PHONY: package
package: deps
	cp FyneApp.toml .FyneApp.toml.keep
	$(GO) run fyne.io/tools/cmd/fyne@v1.7.4 package -os linux --release; status=$$?; mv .FyneApp.toml.keep FyneApp.toml; exit $$status
