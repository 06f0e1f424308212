package render

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// KindWebEmbed is the kind of WebEmbed.
var KindWebEmbed = ast.NewNodeKind("WebEmbed")

// WebEmbed is image syntax whose URL Obsidian shows as a player or a post
// rather than a picture (SPEC §4.5): "![](https://www.youtube.com/watch?v=…)",
// youtu.be, Vimeo, and X or Twitter status links. Any other web URL stays
// an image.
type WebEmbed struct {
	ast.BaseInline
	Provider string // "youtube", "vimeo" or "post"
	URL      string // as written: the link-out and the site's link checks
	Player   string // the iframe's src; empty for a post
	Author   string // a post's account, without "@"
	Title    string // the alt text, if any
	Width    int
	Height   int
}

// Kind implements ast.Node.
func (n *WebEmbed) Kind() ast.NodeKind { return KindWebEmbed }

// Dump implements ast.Node.
func (n *WebEmbed) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Provider": n.Provider, "URL": n.URL}, nil)
}

// webEmbedOf returns the WebEmbed for a web URL in image syntax, or nil
// when the URL is no player or post we know and stays an image.
func webEmbedOf(dest string) *WebEmbed {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "https" && u.Scheme != "http" {
		return nil
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	host = strings.TrimPrefix(host, "m.")
	parts := strings.Split(strings.Trim(u.EscapedPath(), "/"), "/")
	switch host {
	case "youtube.com", "youtube-nocookie.com", "youtu.be":
		return youtubeEmbed(host, parts, u.Query(), dest)
	case "vimeo.com", "player.vimeo.com":
		return vimeoEmbed(parts, u.Query(), dest)
	case "twitter.com", "x.com", "mobile.twitter.com", "mobile.x.com":
		if len(parts) >= 3 && parts[1] == "status" && digits.MatchString(parts[2]) && account.MatchString(parts[0]) {
			return &WebEmbed{Provider: "post", URL: dest, Author: parts[0]}
		}
	}
	return nil
}

var (
	youtubeID = regexp.MustCompile(`^[A-Za-z0-9_-]{11}$`)
	listID    = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
	digits    = regexp.MustCompile(`^[0-9]+$`)
	account   = regexp.MustCompile(`^[A-Za-z0-9_]{1,15}$`)
	vimeoHash = regexp.MustCompile(`^[0-9a-f]+$`)
)

// youtubeEmbed reads watch?v=ID, youtu.be/ID, /shorts/ID, /embed/ID and
// /live/ID, a playlist (list=) and a start time (t= or start=), and plays
// them from youtube-nocookie.com, which sets no cookie until the reader
// presses play.
func youtubeEmbed(host string, parts []string, q url.Values, dest string) *WebEmbed {
	id := ""
	switch {
	case host == "youtu.be" && len(parts) == 1:
		id = parts[0]
	case len(parts) == 1 && parts[0] == "watch":
		id = q.Get("v")
	case len(parts) == 2 && (parts[0] == "shorts" || parts[0] == "embed" || parts[0] == "live"):
		id = parts[1]
	}
	list := q.Get("list")
	if !listID.MatchString(list) {
		list = ""
	}
	player := url.Values{}
	switch {
	case youtubeID.MatchString(id):
		if list != "" {
			player.Set("list", list)
		}
	case list != "" && (parts[0] == "playlist" || parts[0] == "watch"):
		id = "videoseries"
		player.Set("list", list)
	default:
		return nil
	}
	t := q.Get("t")
	if t == "" {
		t = q.Get("start")
	}
	if s := startSeconds(t); s > 0 {
		player.Set("start", strconv.Itoa(s))
	}
	src := "https://www.youtube-nocookie.com/embed/" + id
	if len(player) > 0 {
		src += "?" + player.Encode()
	}
	return &WebEmbed{Provider: "youtube", URL: dest, Player: src}
}

// startSeconds reads "90", "90s" or "1h2m3s"; 0 when it is none of these.
func startSeconds(t string) int {
	if n, err := strconv.Atoi(strings.TrimSuffix(t, "s")); err == nil {
		return n
	}
	total, num := 0, 0
	for _, c := range t {
		switch {
		case c >= '0' && c <= '9':
			num = num*10 + int(c-'0')
		case c == 'h':
			total, num = total+num*3600, 0
		case c == 'm':
			total, num = total+num*60, 0
		case c == 's':
			total, num = total+num, 0
		default:
			return 0
		}
	}
	return total + num
}

// vimeoEmbed reads vimeo.com/ID, vimeo.com/ID/HASH (an unlisted video),
// vimeo.com/channels/NAME/ID and player.vimeo.com/video/ID, and plays
// them with dnt=1, which asks Vimeo not to track the reader.
func vimeoEmbed(parts []string, q url.Values, dest string) *WebEmbed {
	id, hash := "", q.Get("h")
	for i, p := range parts {
		if digits.MatchString(p) {
			id = p
			if i+1 < len(parts) && vimeoHash.MatchString(parts[i+1]) {
				hash = parts[i+1]
			}
			break
		}
	}
	if id == "" {
		return nil
	}
	player := url.Values{"dnt": {"1"}}
	if vimeoHash.MatchString(hash) {
		player.Set("h", hash)
	}
	return &WebEmbed{Provider: "vimeo", URL: dest, Player: "https://player.vimeo.com/video/" + id + "?" + player.Encode()}
}

// toWebEmbed puts the WebEmbed of img's URL where img was, with the alt
// text as its title and a size written as for images ("![|640x360](…)"),
// and reports whether it did; an image it does not know stays.
func toWebEmbed(img *ast.Image, alt string) bool {
	e := webEmbedOf(string(img.Destination))
	if e == nil {
		return false
	}
	e.Title, e.Width, e.Height = parseSize(alt, true)
	if e.Width == 0 && e.Title == "" {
		e.Title = alt
	}
	e.SetPos(img.Pos())
	img.Parent().ReplaceChild(img.Parent(), img, e)
	return true
}

// webEmbedHTMLRenderer prints a player as a lazy iframe, and a post as a
// link card that needs no script of the post's site: the reader's
// browser asks the site for nothing until the link is followed.
type webEmbedHTMLRenderer struct{}

var _ renderer.NodeRenderer = webEmbedHTMLRenderer{}

func (r webEmbedHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindWebEmbed, r.render)
}

// playerSandbox and playerAllow are what a player iframe may do: run its
// own scripts in its own origin, go full screen and open the video's page
// in a new tab; never navigate this page or open dialogs.
const (
	playerSandbox = "allow-scripts allow-same-origin allow-presentation allow-popups"
	playerAllow   = "encrypted-media; fullscreen; picture-in-picture"
)

var providerNames = map[string]string{"youtube": "YouTube video", "vimeo": "Vimeo video"}

func (r webEmbedHTMLRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*WebEmbed)
	if n.Player == "" {
		postCard(w, n)
		return ast.WalkSkipChildren, nil
	}
	title := n.Title
	if title == "" {
		title = providerNames[n.Provider]
	}
	_, _ = w.WriteString(`<iframe class="external-embed ` + n.Provider + `-embed"`)
	writeAttr(w, "src", n.Player)
	writeAttr(w, "title", title)
	if n.Width > 0 {
		writeAttr(w, "width", strconv.Itoa(n.Width))
	}
	if n.Height > 0 {
		writeAttr(w, "height", strconv.Itoa(n.Height))
	}
	writeAttr(w, "sandbox", playerSandbox)
	writeAttr(w, "allow", playerAllow)
	_, _ = w.WriteString(` allowfullscreen loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`)
	return ast.WalkSkipChildren, nil
}

// postCard prints an X/Twitter post as a card linking to it: Obsidian
// loads the site's widget script to show the post, which a published page
// should not make every reader fetch.
func postCard(w util.BufWriter, n *WebEmbed) {
	_, _ = w.WriteString(`<a class="external-link external-embed post-embed"`)
	writeAttr(w, "href", string(util.URLEscape([]byte(n.URL), false)))
	_, _ = w.WriteString(` target="_blank" rel="noopener nofollow"><span class="post-embed-site">Post on X</span> <span class="post-embed-author">@`)
	_, _ = w.Write(util.EscapeHTML([]byte(n.Author)))
	_, _ = w.WriteString(`</span>`)
	if n.Title != "" {
		_, _ = w.WriteString(` <span class="post-embed-text">`)
		_, _ = w.Write(util.EscapeHTML([]byte(n.Title)))
		_, _ = w.WriteString(`</span>`)
	}
	_, _ = w.WriteString(`</a>`)
}
