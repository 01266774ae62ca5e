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
# The Windows cross build, its MSI and the tests under Wine.
WINDOWS_PKGS := gcc-mingw-w64-x86-64 wine wine64 msitools wixl xvfb openbox xdotool imagemagick

# The person's own language, for `make run`; the tests run in English
# whatever the developer's desktop speaks.
RUN_LOCALE := LANG='$(LANG)' LANGUAGE='$(LANGUAGE)' LC_ALL='$(LC_ALL)' LC_MESSAGES='$(LC_MESSAGES)'
export LANG := en_US.UTF-8
unexport LANGUAGE LC_ALL LC_MESSAGES
export PATH := $(PATH):/usr/local/go/bin

.PHONY: build-windows package-windows test-windows deps-windows
.PHONY: run build test unit model fuzz e2e e2e-xfce e2e-gnome e2e-sway e2e-kwin bench bench-idle bench-peers bench-all bench-desktops deps deps-test deps-bench vet contact-sheet clean

run: deps build
	env $(RUN_LOCALE) ./$(BIN)

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) .

deps:
	@scripts/install-deps.sh $(BUILD_PKGS)

deps-test: deps
	@scripts/install-deps.sh $(TEST_PKGS)

deps-windows: deps
	@scripts/install-deps.sh $(WINDOWS_PKGS)

deps-bench: deps-test
	@scripts/install-deps.sh $(BENCH_PKGS)

vet: deps-windows
	$(GO) vet ./...
	CGO_ENABLED=1 GOOS=windows CC=x86_64-w64-mingw32-gcc $(GO) vet ./...
	# macOS: no Apple SDK here, so the packages that need cgo there (Fyne's
	# GL driver, systray: agent, cmd, ui, main) cannot be vetted; the rest,
	# platform's _darwin files among them, are.
	GOOS=darwin $(GO) vet $$($(GO) list ./... | grep -v -e '/agent$$' -e '/cmd$$' -e '/ui$$' -e 'limberapp/limber$$')
	$(GO) vet -tags wine ./e2e/
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

test: deps-test vet unit model fuzz e2e e2e-xfce e2e-gnome e2e-sway e2e-kwin check-install test-windows

# The break window next to Workrave's, in one run (about 9 minutes): CPU,
# context switches and RSS while it shows (figure moving, holding a pose,
# minimised; a static settings window as the floor; Workrave's rest break
# and exercises window), then click-to-window latency, cold, pre-started
# and Workrave's RestBreak; the journal's read costs on a year. bench-idle
# (about 25 minutes) is the agent's idle footprint on each desktop, one
# table against the goals; bench-peers (about 10 minutes) the agent's next
# to Workrave and Safe Eyes; bench-all runs all three.
bench: deps-bench build
	$(GO) build -o bin/winready ./scripts/winready
	@rm -f bin/bench-results
	BENCH_RESULTS=$(CURDIR)/bin/bench-results scripts/bench-break-cpu.sh $(CURDIR)/$(BIN)
	BENCH_RESULTS=$(CURDIR)/bin/bench-results scripts/bench-break-latency.sh $(CURDIR)/$(BIN) $(CURDIR)/bin/winready
	scripts/bench-journal.sh
	scripts/bench-table.sh bin/bench-results

# The agent's idle footprint on each desktop scripts/desktop-*.sh runs.
bench-idle bench-desktops: deps-test deps-bench build
	scripts/bench-idle-desktops.sh $(CURDIR)/$(BIN)

bench-peers: deps-bench build
	scripts/bench-idle.sh $(CURDIR)/$(BIN)

bench-all: bench bench-idle bench-peers

contact-sheet: build
	scripts/contact-sheet.sh

clean:
	rm -rf bin dist rsrc_windows_amd64.syso

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

# Windows, cross-built with mingw (the same Go build cache as the Linux
# build, so a warm cache serves both). limber.exe is a GUI-subsystem
# program (the agent and views: no console window); limber.com is the same
# program as a console program, so that `limber status` typed in cmd or
# PowerShell (which try .com before .exe) waits and prints. Both carry the
# icon and version resources (scripts/windows-resources.sh).
WIN_GO  := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc $(GO)
WIN_BIN := bin/windows
MSI     := dist/limber-$(VERSION)-x64.msi

build-windows: deps-windows
	@mkdir -p $(WIN_BIN)
	scripts/windows-resources.sh rsrc_windows_amd64.syso
	$(WIN_GO) build -trimpath -ldflags '$(LDFLAGS) -H windowsgui' -o $(WIN_BIN)/limber.exe .
	$(WIN_GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(WIN_BIN)/limber.com .

# The MSI (wixl from msitools): Program Files\Limber, a Start-menu
# shortcut; packaging/windows/limber.wxs.
package-windows: build-windows
	@mkdir -p dist
	convert $(foreach s,16 24 32 48 64 256,assets/icon/limber-$(s).png) $(WIN_BIN)/limber.ico
	wixl -a x64 -D Version=$(VERSION) -D Exe=$(WIN_BIN)/limber.exe -D Com=$(WIN_BIN)/limber.com \
		-D Icon=$(WIN_BIN)/limber.ico -o $(MSI) packaging/windows/limber.wxs
	@ls -l $(MSI)

# Under Wine 8 in a throwaway prefix (scripts/wine-session.sh): the
# packages' Windows-only unit tests, then e2e/wine_test.go (version,
# resources, the agent over its named pipe, a break window, idle through
# GetLastInputInfo, the MSI installed and removed). Screenshots land in
# LIMBER_SHOTS (default /tmp/limber-e2e-shots).
test-windows: package-windows
	@mkdir -p $(WIN_BIN)/tests
	@set -e; for d in $$(ls */*_windows_test.go 2>/dev/null | xargs -r -n1 dirname | sort -u); do \
		echo "test-windows: building $$d's tests for Windows"; \
		$(WIN_GO) test -c -o $(WIN_BIN)/tests/$$d.test.exe ./$$d/; \
	done
	$(GO) test -c -tags wine -o $(WIN_BIN)/tests/e2e-wine.test ./e2e/
	LIMBER_EXE=$(CURDIR)/$(WIN_BIN)/limber.exe LIMBER_COM=$(CURDIR)/$(WIN_BIN)/limber.com \
		LIMBER_MSI=$(CURDIR)/$(MSI) scripts/wine-session.sh scripts/wine-tests.sh $(WIN_BIN)/tests
