package site

import (
	"bytes"
	"encoding/base64"
	"html/template"
	"image"
	"image/jpeg"
	"image/png"
)

// maxLogoPixels bounds the logo the site takes, as the PDF does: far more
// than a masthead shows, and decoding it costs about 4 bytes a pixel.
const maxLogoPixels = 16 << 20

// logoURL returns the logo as a data: URL for every page, or "" when it
// is not a readable PNG or JPEG image (the PDF names why in a warning).
//
// The image is decoded and encoded again, never copied: a logo file
// carries what its maker's tools wrote into it (EXIF with the camera,
// the author and GPS coordinates, XMP, PNG text chunks with the author's
// name and the path it was saved under, ICC profiles with a name), and
// the pixels are all a page needs. A PNG stays a lossless PNG; a JPEG is
// written again at quality 90. Both encoders are deterministic, so the
// same logo gives the same bytes.
func logoURL(b []byte) template.URL {
	if len(b) == 0 {
		return ""
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || (format != "png" && format != "jpeg") || cfg.Width <= 0 || cfg.Height <= 0 ||
		cfg.Width*cfg.Height > maxLogoPixels {
		return ""
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return ""
	}
	var out bytes.Buffer
	typ := "image/png"
	if format == "jpeg" {
		typ = "image/jpeg"
		err = jpeg.Encode(&out, img, &jpeg.Options{Quality: 90})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, img)
	}
	if err != nil {
		return ""
	}
	// Built here from freshly encoded pixels, so it is trusted as a URL.
	return template.URL("data:" + typ + ";base64," + base64.StdEncoding.EncodeToString(out.Bytes())) //nolint:gosec // base64 of an image encoded here
}
