package site

import (
	"sort"
	"time"
	"unicode/utf8"
)

// FileKind says what a vault file is, by its extension (SPEC §4).
type FileKind int

const (
	KindOther FileKind = iota
	KindNote
	KindCanvas
	KindBase
	KindImage
	KindAudio
	KindVideo
	KindPDF
)

var kindByExt = map[string]FileKind{
	"md": KindNote, "canvas": KindCanvas, "base": KindBase,
	"avif": KindImage, "bmp": KindImage, "gif": KindImage, "jpeg": KindImage, "jpg": KindImage,
	"png": KindImage, "svg": KindImage, "webp": KindImage, "ico": KindImage,
	"flac": KindAudio, "m4a": KindAudio, "mp3": KindAudio, "ogg": KindAudio, "wav": KindAudio, "3gp": KindAudio,
	// webm is listed as audio and video by Obsidian; treat it as video (SPEC §4).
	"mkv": KindVideo, "mov": KindVideo, "mp4": KindVideo, "ogv": KindVideo, "webm": KindVideo,
	"pdf": KindPDF,
}

// KindOf returns the kind of the file at p.
func KindOf(p VaultPath) FileKind { return kindByExt[p.Ext()] }

// htmlDocumentExts are the extensions static hosts serve as documents a
// browser runs script in: HTML and XHTML, XML (which may hold XHTML
// elements, or name an XSLT that makes them), saved web archives, and
// compressed SVG, which cannot be sanitised as it is stored.
var htmlDocumentExts = map[string]bool{
	"html": true, "htm": true, "shtml": true, "xhtml": true, "xht": true, "xml": true,
	"xsl": true, "xslt": true, "mht": true, "mhtml": true, "svgz": true,
}

// IsHTMLDocument reports whether the file at p, opened from the site,
// would run its scripts with the site's origin, so that publishing it
// takes the author's consent. SVG files would too, but they are
// sanitised instead (build/attachments.go).
func IsHTMLDocument(p VaultPath) bool { return htmlDocumentExts[p.Ext()] }

// Note is one Markdown file of the vault.
type Note struct {
	// Load fills these.
	Path   VaultPath
	Slug   Slug   // unique among pages; a collision adds a suffix
	Source []byte // the file, CRLF and lone CR turned into LF
	// BodyStart is the byte offset where the body begins, after the
	// frontmatter block (0 when there is none).
	BodyStart int
	Props     Properties
	// Published is false for notes that must leave no trace in the output.
	Published bool
	// Unpublished says why a note is not published ("publish: false").
	Unpublished string
	// UnpublishedLine is the line of the frontmatter key that unpublishes
	// the note (publish: false, draft: true); 0 when another rule does.
	UnpublishedLine int
	// FolderNote is set when the note's slug is also a folder's slug.
	FolderNote bool

	// LoadDiags are the problems Load found in this note (frontmatter).
	LoadDiags Diagnostics

	lines    []int // byte offsets of line starts, set by Load
	read     bool  // Load has read the file
	pathSlug Slug  // n.Path.Slug(), computed once
	size     int64 // the file's size and time when read, for Reload
	modTime  time.Time

	// The parse phase (render.Parse) fills these, in source order.
	Links    []Link
	Headings []Heading
	Blocks   []Block
	Tags     []Tag
	External []ExternalLink
	// Title is the first H1 when the note starts with one, else "".
	FirstH1 string
}

// Title is what pages show: a title property, else the file name.
func (n *Note) Title() string {
	if n.Props.Title != "" {
		return n.Props.Title
	}
	return n.Path.Name()
}

// ModTime is the file's modification time when Load read it (zero when
// the file system gives none).
func (n *Note) ModTime() time.Time { return n.modTime }

// Pos converts a byte offset in Source into a position.
func (n *Note) Pos(off int) Pos {
	lines := n.lines
	if lines == nil {
		lines = lineStarts(n.Source) // a note made outside Load; not cached, so Pos stays safe for concurrent use
	}
	return PosIn(n.Path, n.Source, lines, off)
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// PosIn converts a byte offset into a position, given the line starts.
func PosIn(p VaultPath, src []byte, lines []int, off int) Pos {
	off = max(0, min(off, len(src)))
	i := sort.Search(len(lines), func(i int) bool { return lines[i] > off }) - 1
	i = max(i, 0)
	col := utf8.RuneCount(src[lines[i]:off]) + 1
	return Pos{Path: p, Line: i + 1, Col: col}
}

// LinkKind tells wikilinks from Markdown links.
type LinkKind int

const (
	WikiLink LinkKind = iota
	MarkdownLink
)

// Link is one internal link or embed as written in a note. External URLs
// are not Links.
type Link struct {
	Kind  LinkKind
	Embed bool
	// Path is the linkpath: trimmed, percent-decoded for Markdown links,
	// NFC; "" for a link into the same note.
	Path string
	// Subpath is what followed the first "#", without it: "A#B" for a
	// heading chain, "^id" for a block.
	Subpath string
	// Display is the text after "|", or a Markdown link's text.
	Display string
	// Offset is the byte offset in Note.Source of the link's first
	// character ("[" or "!").
	Offset int
	// RawSpace marks a Markdown link whose destination holds raw spaces and
	// was accepted by vaultsite's forgiving rule (SPEC §13).
	RawSpace bool
	// Raw is the destination as written, for messages and fixes.
	Raw string
	// InProperty marks a link found in a frontmatter value.
	InProperty bool
}

// ExternalLink is a link or image whose URL has a scheme ("https://…"),
// for check --external.
type ExternalLink struct {
	URL    string
	Offset int // of the link's first character
}

// Heading is one heading of a note.
type Heading struct {
	Level int
	// Text is the raw inline source after the markers (SPEC §9.1).
	Text string
	// Plain is the rendered text without markup, for outlines.
	Plain string
	// ID is the GitHub-style slug of the rendered text, de-duplicated.
	ID     string
	Offset int
}

// Block is a block id "^id" defined in a note.
type Block struct {
	ID     string // without "^"
	Offset int
}

// Tag is one #tag in a note body or its tags property.
type Tag struct {
	Name   string // without "#", as written
	Offset int    // -1 for a tag from the frontmatter
}

// Asset is any vault file that is not a note.
type Asset struct {
	Path VaultPath
	Kind FileKind
	Size int64
}

// Target is what a link resolves to: exactly one of Note and Asset is set.
type Target struct {
	Note  *Note
	Asset *Asset
}

// Path returns the vault path of the target, or "" for none.
func (t Target) Path() VaultPath {
	switch {
	case t.Note != nil:
		return t.Note.Path
	case t.Asset != nil:
		return t.Asset.Path
	}
	return ""
}

// Found reports whether the target names a file.
func (t Target) Found() bool { return t.Note != nil || t.Asset != nil }
