package winicon

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"math/rand"
	"strings"
	"testing"
)

// decode reads an icon written by Encode back into images, checking the
// structure Windows relies on as it goes.
func decode(t *testing.T, ico []byte) []*image.NRGBA {
	t.Helper()
	le := binary.LittleEndian
	if len(ico) < 6 || le.Uint16(ico[0:]) != 0 || le.Uint16(ico[2:]) != 1 {
		t.Fatalf("not an icon header: % x", ico[:min(6, len(ico))])
	}
	n := int(le.Uint16(ico[4:]))
	var out []*image.NRGBA
	for i := 0; i < n; i++ {
		e := ico[6+16*i:]
		w, h := int(e[0]), int(e[1])
		if w == 0 {
			w = 256
		}
		if h == 0 {
			h = 256
		}
		if le.Uint16(e[4:]) != 1 || le.Uint16(e[6:]) != 32 {
			t.Fatalf("entry %d: planes %d bits %d", i, le.Uint16(e[4:]), le.Uint16(e[6:]))
		}
		size, off := int(le.Uint32(e[8:])), int(le.Uint32(e[12:]))
		if off+size > len(ico) {
			t.Fatalf("entry %d: %d bytes at %d, past the end (%d)", i, size, off, len(ico))
		}
		d := ico[off : off+size]
		if le.Uint32(d) != 40 || int(int32(le.Uint32(d[4:]))) != w || int(int32(le.Uint32(d[8:]))) != 2*h || le.Uint16(d[14:]) != 32 {
			t.Fatalf("entry %d: header % x for %d×%d", i, d[:16], w, h)
		}
		ms := maskStride(w)
		if size != 40+w*h*4+ms*h {
			t.Fatalf("entry %d: %d bytes, want %d", i, size, 40+w*h*4+ms*h)
		}
		img := image.NewNRGBA(image.Rect(0, 0, w, h))
		px, mask := d[40:40+w*h*4], d[40+w*h*4:]
		for row := 0; row < h; row++ {
			y := h - 1 - row
			for x := 0; x < w; x++ {
				p := px[(row*w+x)*4:]
				c := color.NRGBA{R: p[2], G: p[1], B: p[0], A: p[3]}
				transparent := mask[row*ms+x/8]&(0x80>>(x%8)) != 0
				if transparent != (c.A == 0) {
					t.Fatalf("entry %d pixel %d,%d: alpha %d but mask bit %v", i, x, y, c.A, transparent)
				}
				img.SetNRGBA(x, y, c)
			}
		}
		out = append(out, img)
	}
	return out
}

// Any image (odd sizes, whose mask rows need padding, included) comes back
// pixel for pixel, the right way up.
func TestEncodeRoundTrip(t *testing.T) {
	seed := rand.Int63()
	r := rand.New(rand.NewSource(seed))
	var imgs []image.Image
	for _, s := range [][2]int{{1, 1}, {16, 16}, {33, 7}, {256, 256}, {5, 40}} {
		img := image.NewNRGBA(image.Rect(0, 0, s[0], s[1]))
		for i := range img.Pix {
			img.Pix[i] = byte(r.Intn(256))
		}
		for i := 3; i < len(img.Pix); i += 4 * 3 {
			img.Pix[i] = 0 // some fully transparent pixels
		}
		imgs = append(imgs, img)
	}
	ico, err := Encode(imgs)
	if err != nil {
		t.Fatal(err)
	}
	got := decode(t, ico)
	if len(got) != len(imgs) {
		t.Fatalf("%d images back, want %d", len(got), len(imgs))
	}
	for i, want := range imgs {
		if !bytes.Equal(got[i].Pix, want.(*image.NRGBA).Pix) {
			t.Fatalf("seed %d: image %d differs", seed, i)
		}
	}
}

func TestFromPNGSizesAndErrors(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 64, 64))
	for y := 0; y < 64; y++ {
		for x := 0; x < 64; x++ {
			if x >= 16 && x < 48 && y >= 16 && y < 48 {
				src.SetNRGBA(x, y, color.NRGBA{200, 40, 10, 255})
			}
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, src)
	ico, err := FromPNG(buf.Bytes(), 16, 32)
	if err != nil {
		t.Fatal(err)
	}
	imgs := decode(t, ico)
	if len(imgs) != 2 || imgs[0].Bounds().Dx() != 16 || imgs[1].Bounds().Dx() != 32 {
		t.Fatalf("sizes %v", imgs)
	}
	if c := imgs[0].NRGBAAt(8, 8); c.A != 255 || c.R != 200 {
		t.Errorf("the middle of the 16 px image: %v, want the square's colour", c)
	}
	if c := imgs[0].NRGBAAt(0, 0); c.A != 0 {
		t.Errorf("the corner of the 16 px image: %v, want transparent", c)
	}
	if _, err := FromPNG([]byte("not a png"), 16); err == nil || !strings.Contains(err.Error(), "PNG") {
		t.Errorf("bad PNG: %v", err)
	}
	if _, err := FromPNG(buf.Bytes(), 300); err == nil || !strings.Contains(err.Error(), "300") {
		t.Errorf("size 300: %v", err)
	}
	if _, err := Encode(nil); err == nil {
		t.Error("no images accepted")
	}
}
