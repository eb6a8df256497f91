package pdf

import (
	"bufio"
	"bytes"
	"image"
	"io"
	"strconv"
)

// Object numbers: 1 catalog, 2 page tree, 3 information, 4 resources, then
// two per page (page, contents), five per font, two per image (the image
// and its alpha mask) and the outline (its root, one per entry).

// Output writes the PDF file to w.
func (p *writer) Output(w io.Writer) error {
	if p.err != nil {
		return p.err // before the first byte: no partial file
	}
	f := &file{w: bufio.NewWriterSize(w, 32<<10)}
	np := len(p.pages)
	pageObj := func(i int) int { return 5 + 2*(i-1) } // i from 1
	fontAt := 5 + 2*np
	imageAt := fontAt + 5*len(p.fonts)
	outlineAt := imageAt + 2*len(p.images)
	size := outlineAt
	if len(p.marks) > 0 {
		size += 1 + len(p.marks)
	}
	dest := func(d dest) string {
		return "[" + strconv.Itoa(pageObj(d.page)) + " 0 R /XYZ 0 " + num((p.h-d.y)*p.k) + " null]"
	}

	f.printf("%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n")
	f.obj(1)
	f.printf("<</Type /Catalog /Pages 2 0 R /OpenAction [%d 0 R /FitH null] /PageLayout /OneColumn", pageObj(1))
	if len(p.marks) > 0 {
		f.printf(" /Outlines %d 0 R /PageMode /UseOutlines", outlineAt)
	}
	if p.lang != "" {
		f.printf(" /Lang %s", literal(p.lang))
	}
	f.printf(">>\nendobj\n")

	f.obj(2)
	f.printf("<</Type /Pages /Count %d /Kids [", np)
	for i := 1; i <= np; i++ {
		f.printf("%d 0 R ", pageObj(i))
	}
	f.printf("]>>\nendobj\n")

	f.obj(3)
	f.printf("<<")
	for _, kv := range p.info {
		f.printf("/%s %s ", kv[0], textString(kv[1]))
	}
	f.printf("/CreationDate %s /ModDate %s>>\nendobj\n", pdfDate(p.created), pdfDate(p.created))

	f.obj(4)
	f.printf("<</ProcSet [/PDF /Text /ImageB /ImageC] /Font <<")
	for i := range p.fonts {
		f.printf("/F%d %d 0 R ", i+1, fontAt+5*i)
	}
	f.printf(">> /XObject <<")
	for i := range p.images {
		f.printf("/I%d %d 0 R ", i+1, imageAt+2*i)
	}
	f.printf(">> /ExtGState <<")
	for i, a := range p.alphas {
		v := strconv.FormatFloat(a, 'f', -1, 64)
		f.printf("/GS%d <</ca %s /CA %s /BM /Normal>> ", i+1, v, v)
	}
	f.printf(">>>>\nendobj\n")

	for i, pg := range p.pages {
		n := pageObj(i + 1)
		f.obj(n)
		f.printf("<</Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Resources 4 0 R /Contents %d 0 R",
			num(p.w*p.k), num(p.h*p.k), n+1)
		if len(pg.annot) > 0 {
			f.printf(" /Annots [")
			for _, a := range pg.annot {
				f.printf("<</Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] ",
					num(a.x), num(a.y), num(a.x+a.w), num(a.y+a.h))
				if a.uri != "" {
					f.printf("/A <</S /URI /URI %s>>>>", literal(a.uri))
				} else {
					f.printf("/Dest %s>>", dest(p.links[a.link-1]))
				}
			}
			f.printf("]")
		}
		f.printf(">>\nendobj\n")
		f.stream(n+1, "", pg.buf.Bytes())
		pg.buf = bytes.Buffer{} // the page is in the file: let it go
	}

	for i, ff := range p.fonts {
		ff.embed(f, fontAt+5*i)
	}
	for i, img := range p.images {
		writeImage(f, imageAt+2*i, img)
	}
	if len(p.marks) > 0 {
		p.outline(f, outlineAt, dest)
	}

	xref := f.at
	f.printf("xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		f.printf("%010d 00000 n \n", f.offs[n])
	}
	f.printf("trailer\n<</Size %d /Root 1 0 R /Info 3 0 R>>\nstartxref\n%d\n%%%%EOF\n", size, xref)
	if err := f.w.Flush(); err != nil {
		return err
	}
	return f.err
}

// outline writes the outline's root at n and its entries after it; an
// entry's parent is the nearest earlier entry of a lower level.
func (p *writer) outline(f *file, n int, dest func(dest) string) {
	m := len(p.marks)
	parent, prev, next, first, last := make([]int, m), make([]int, m), make([]int, m), make([]int, m), make([]int, m)
	for i := range m {
		parent[i], prev[i], next[i], first[i], last[i] = -1, -1, -1, -1, -1
	}
	var stack []int // open entries, by level
	top := []int{}
	lastAt := map[int]int{} // last child seen, by parent (-1: the root)
	for i, mk := range p.marks {
		for len(stack) > 0 && p.marks[stack[len(stack)-1]].level >= mk.level {
			stack = stack[:len(stack)-1]
		}
		par := -1
		if len(stack) > 0 {
			par = stack[len(stack)-1]
		}
		parent[i] = par
		if j, ok := lastAt[par]; ok {
			prev[i], next[j] = j, i
		} else if par >= 0 {
			first[par] = i
		}
		lastAt[par] = i
		if par >= 0 {
			last[par] = i
		} else {
			top = append(top, i)
		}
		stack = append(stack, i)
	}
	obj := func(i int) int { return n + 1 + i }
	f.obj(n)
	f.printf("<</Type /Outlines /First %d 0 R /Last %d 0 R /Count %d>>\nendobj\n", obj(top[0]), obj(top[len(top)-1]), len(top))
	for i, mk := range p.marks {
		f.obj(obj(i))
		par := n
		if parent[i] >= 0 {
			par = obj(parent[i])
		}
		f.printf("<</Title %s /Parent %d 0 R", textString(mk.title), par)
		for _, l := range []struct {
			key string
			at  int
		}{{"Prev", prev[i]}, {"Next", next[i]}, {"First", first[i]}, {"Last", last[i]}} {
			if l.at >= 0 {
				f.printf(" /%s %d 0 R", l.key, obj(l.at))
			}
		}
		f.printf(" /Dest %s>>\nendobj\n", dest(mk.dest))
	}
}

// writeImage writes img as 8-bit RGB at n and its alpha at n+1 (an opaque
// image gets an opaque mask, so that the numbering stays simple).
func writeImage(f *file, n int, img *image.NRGBA) {
	b := img.Bounds()
	rgb := make([]byte, 0, 3*b.Dx()*b.Dy())
	alpha := make([]byte, 0, b.Dx()*b.Dy())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := img.NRGBAAt(x, y)
			rgb = append(rgb, c.R, c.G, c.B)
			alpha = append(alpha, c.A)
		}
	}
	dims := "/Type /XObject /Subtype /Image /Width " + strconv.Itoa(b.Dx()) + " /Height " + strconv.Itoa(b.Dy()) + " /BitsPerComponent 8 "
	f.stream(n, dims+"/ColorSpace /DeviceRGB /SMask "+strconv.Itoa(n+1)+" 0 R ", rgb)
	f.stream(n+1, dims+"/ColorSpace /DeviceGray ", alpha)
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
