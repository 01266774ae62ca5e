# Limber. `make run` and `make test` set up what they need on Debian/Ubuntu.
GO      ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
BIN     := bin/limber
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -s -w -X github.com/limberapp/limber/cmd.Version=$(VERSION)

# Build: Fyne's cgo/GL needs these; the rest are for the desktop tests.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev
TEST_PKGS  := xvfb dbus dbus-x11 dunst haskell-status-notifier-item-utils xdotool \
              x11-utils imagemagick librsvg2-bin libnotify-bin fonts-dejavu-core \
              desktop-file-utils appstream x11-xserver-utils openbox \
              xfwm4 xfce4-panel xfce4-notifyd xfconf xterm mutter xwayland \
              sway kwin-wayland wtype grim mako-notifier wayland-utils
BENCH_PKGS := workrave safeeyes procps libreoffice-calc-nogui openbox libglib2.0-bin

export LANG := en_US.UTF-8
export PATH := $(PATH):/usr/local/go/bin

.PHONY: run build test unit model fuzz e2e e2e-xfce e2e-gnome e2e-sway e2e-kwin bench bench-idle bench-all bench-desktops deps deps-test deps-bench vet contact-sheet clean

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
	$(GO) vet -tags gnome ./e2e/

unit:
	scripts/desktop-session.sh $(GO) test -race -count=1 ./...
	scripts/desktop-session.sh $(GO) test -count=1 -run 'Ticker|RefreshesOnlyWhileShown' ./ui/

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

# The XFCE row of the desktop matrix: Xvfb, xfwm4, xfce4-panel's status
# tray and xfce4-notifyd (scripts/desktop-xfce.sh); screenshots land in
# LIMBER_SHOTS (default /tmp/limber-e2e-shots).
e2e-xfce: build
	LIMBER_BIN=$(CURDIR)/$(BIN) scripts/desktop-xfce.sh $(GO) test -tags e2e -count=1 -v -run '^TestXFCE' ./e2e/

# The GNOME rows: mutter headless with XWayland, then without (--no-x11).
# Idle from mutter's IdleMonitor, input through its RemoteDesktop, no tray
# host; the test's own notification server stands in for gnome-shell's.
e2e-gnome: build
	LIMBER_BIN=$(CURDIR)/$(BIN) scripts/desktop-gnome.sh --no-notify $(GO) test -tags gnome -count=1 -v ./e2e/
	LIMBER_BIN=$(CURDIR)/$(BIN) scripts/desktop-gnome.sh --no-x11 --no-notify $(GO) test -tags gnome -count=1 -v ./e2e/

# The Wayland desktops (headless sway and KWin, run as an unprivileged
# user the scripts create): the Wayland client against the real
# compositor, then the agent end to end. Test binaries are built first so
# that user needs no Go toolchain.
e2e-sway e2e-kwin: e2e-%: build
	$(GO) test -c -o bin/platform.test ./platform/
	$(GO) test -c -tags e2e -o bin/e2e.test ./e2e/
	cd platform && ../scripts/desktop-$*.sh ../bin/platform.test -test.run 'RealCompositor|FullscreenWaylandSway' -test.v
	cd e2e && LIMBER_BIN=$(CURDIR)/$(BIN) ../scripts/desktop-$*.sh ../bin/e2e.test -test.run 'TestWaylandDesktop' -test.v

test: deps-test vet unit model fuzz e2e e2e-xfce e2e-gnome e2e-sway e2e-kwin check-install

# The break window next to Workrave's, in one run (about 9 minutes): CPU,
# context switches and RSS while it shows (figure moving, holding a pose,
# minimised; a static settings window as the floor; Workrave's rest break
# and exercises window), then click-to-window latency, cold, pre-started
# and Workrave's RestBreak; the journal's read costs on a year. bench-idle
# (about 15 minutes) is the agent's idle footprint next to Workrave and
# Safe Eyes, and on each desktop; bench-all runs both.
bench: deps-bench build
	$(GO) build -o bin/winready ./scripts/winready
	@rm -f bin/bench-results
	BENCH_RESULTS=$(CURDIR)/bin/bench-results scripts/bench-break-cpu.sh $(CURDIR)/$(BIN)
	BENCH_RESULTS=$(CURDIR)/bin/bench-results scripts/bench-break-latency.sh $(CURDIR)/$(BIN) $(CURDIR)/bin/winready
	scripts/bench-journal.sh
	scripts/bench-table.sh bin/bench-results

# The agent's idle footprint on each desktop scripts/desktop-*.sh runs.
bench-desktops: deps-test build
	scripts/bench-idle-desktops.sh $(CURDIR)/$(BIN)

bench-idle: deps-bench build
	scripts/bench-idle.sh $(CURDIR)/$(BIN)
	scripts/bench-idle-desktops.sh $(CURDIR)/$(BIN)

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
