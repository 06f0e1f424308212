package templates

import "testing"

func TestCompact(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ name, give, want string }{
		{"block tags lose the whitespace beside them",
			"<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n", "<ul><li>a</li><li>b</li></ul>"},
		{"inline elements keep a newline between them",
			"<a>x</a>\n  <a>y</a>", "<a>x</a>\n<a>y</a>"},
		{"a run without a newline becomes a space",
			"<b>a</b> \t <i>b</i>", "<b>a</b> <i>b</i>"},
		{"actions are copied as they are",
			"{{if  .X}}\n  <p>{{ printf \"a  b\" .Y }}</p>\n{{end}}", "{{if  .X}}<p>{{ printf \"a  b\" .Y }}</p>{{end}}"},
		{"attributes are joined, quoted values kept",
			"<button type=\"button\"\n  data-x=\"a  b\"\n  title='{{.T}}'\n  hidden >x</button>", "<button type=\"button\" data-x=\"a  b\" title='{{.T}}' hidden>x</button>"},
		{"an action in a quoted value may hold quotes",
			"<a href=\"{{printf \"%s  x\" .U}}\"  >y</a>", "<a href=\"{{printf \"%s  x\" .U}}\">y</a>"},
		{"pre, textarea and style keep their text",
			"<pre>\n a  b\n</pre>\n<textarea> c\n\n</textarea> <style>p  { }</style>", "<pre>\n a  b\n</pre><textarea> c\n\n</textarea><style>p  { }</style>"},
		{"a script is minified",
			"<script>\n  var  answer = 40 + 2;\n</script>\n<p>x</p>", "<script>var answer=40+2</script><p>x</p>"},
		{"a script holding an action is not",
			"<script type=\"application/json\">\n{{.}}\n</script>", "<script type=\"application/json\">\n{{.}}\n</script>"},
		{"a script the minifier cannot read is kept",
			"<script>if (</script>", "<script>if (</script>"},
		{"an end tag starts no raw text",
			"<i>a</i>  <em>b  c</em>", "<i>a</i> <em>b c</em>"},
		{"a bare < is text",
			"<p>1 < 2  and  {{.X}}</p>", "<p>1 < 2 and {{.X}}</p>"},
		{"an unclosed action is left to the parser",
			"<p>{{.X</p>", "<p>{{.X</p>"},
	} {
		if got := compact(tt.give); got != tt.want {
			t.Errorf("%s:\ncompact(%q)\n got %q\nwant %q", tt.name, tt.give, got, tt.want)
		}
	}
}
