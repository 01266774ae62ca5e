// Package winicon writes Windows icon files (.ico): what the Windows tray
// (Shell_NotifyIcon through LoadImage) and resource compilers take, where
// the other systems take a PNG. Each image is stored as a 32-bit DIB with
// its alpha channel and an AND mask, the form every Windows version and
// Wine read.
package winicon

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/png"

	"golang.org/x/image/draw"
)

// FromPNG decodes a PNG and writes an icon holding it scaled to each of
// sizes (pixels, square, 1 to 256).
func FromPNG(data []byte, sizes ...int) ([]byte, error) {
	src, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("icon: reading the PNG: %w", err)
	}
	imgs := make([]image.Image, 0, len(sizes))
	for _, s := range sizes {
		if s < 1 || s > 256 {
			return nil, fmt.Errorf("icon: size %d, expected 1 to 256 pixels", s)
		}
		dst := image.NewNRGBA(image.Rect(0, 0, s, s))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
		imgs = append(imgs, dst)
	}
	return Encode(imgs)
}

// Encode writes imgs (each at most 256×256) as one icon file.
func Encode(imgs []image.Image) ([]byte, error) {
	if len(imgs) == 0 {
		return nil, fmt.Errorf("icon: no images")
	}
	var dir, body bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&dir, le, [3]uint16{0, 1, uint16(len(imgs))}) // ICONDIR: reserved, type 1 = icon, count
	offset := 6 + 16*len(imgs)
	for _, img := range imgs {
		b := img.Bounds()
		w, h := b.Dx(), b.Dy()
		if w < 1 || h < 1 || w > 256 || h > 256 {
			return nil, fmt.Errorf("icon: an image of %d×%d, expected 1 to 256 pixels a side", w, h)
		}
		dib := encodeDIB(img)
		// ICONDIRENTRY: width and height (0 means 256), no palette,
		// 1 plane, 32 bits, size, offset.
		dir.Write([]byte{byte(w), byte(h), 0, 0})
		binary.Write(&dir, le, [2]uint16{1, 32})
		binary.Write(&dir, le, [2]uint32{uint32(len(dib)), uint32(offset)})
		offset += len(dib)
		body.Write(dib)
	}
	return append(dir.Bytes(), body.Bytes()...), nil
}

// maskStride is the bytes of one AND-mask row: 1 bit a pixel, rows padded
// to 32 bits.
func maskStride(w int) int { return (w + 31) / 32 * 4 }

// encodeDIB is one icon image: a BITMAPINFOHEADER whose height counts the
// colour rows and the mask rows, the BGRA rows bottom-up, then the AND
// mask bottom-up (1 where fully transparent, for readers without alpha).
func encodeDIB(img image.Image) []byte {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	ms := maskStride(w)
	var out bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&out, le, struct {
		Size                        uint32
		Width, Height               int32
		Planes, BitCount            uint16
		Compression, SizeImage      uint32
		XPels, YPels, Used, Importa int32
	}{40, int32(w), int32(2 * h), 1, 32, 0, uint32(w*h*4 + ms*h), 0, 0, 0, 0})
	mask := make([]byte, ms*h)
	for row := 0; row < h; row++ {
		y := b.Max.Y - 1 - row
		for x := 0; x < w; x++ {
			c := color.NRGBAModel.Convert(img.At(b.Min.X+x, y)).(color.NRGBA)
			out.Write([]byte{c.B, c.G, c.R, c.A})
			if c.A == 0 {
				mask[row*ms+x/8] |= 0x80 >> (x % 8)
			}
		}
	}
	out.Write(mask)
	return out.Bytes()
}
