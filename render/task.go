package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindTaskCheckBox is the kind of TaskCheckBox.
var KindTaskCheckBox = ast.NewNodeKind("TaskCheckBox")

// TaskCheckBox is the "[ ]" that opens a task list item (SPEC §6.8).
// goldmark's own task list knows only "[ ]" and "[x]"; Obsidian accepts
// any character, and themes style "[?]", "[-]", "[/]", "[>]", "[!]" by it.
type TaskCheckBox struct {
	ast.BaseInline
	// Task is the character between the brackets as written, "" for a
	// space: the data-task value. Any other character checks the box.
	Task string
}

// Checked reports whether the box shows as ticked.
func (n *TaskCheckBox) Checked() bool { return n.Task != "" }

// Kind implements ast.Node.
func (n *TaskCheckBox) Kind() ast.NodeKind { return KindTaskCheckBox }

// Dump implements ast.Node.
func (n *TaskCheckBox) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Task": n.Task}, nil)
}

// taskPriority runs before every other inline parser, as goldmark's
// task list does (0): "[x]" must not be read as a link label first.
const taskPriority = 0

// taskParser reads "[c]" at the very start of a list item's first line,
// followed by a space, a tab or the end of the line, where c is any one
// character but a line break or a bracket.
type taskParser struct{}

var _ parser.InlineParser = taskParser{}

func (taskParser) Trigger() []byte { return []byte{'['} }

// Parse returns a TaskCheckBox and marks the list item (class
// "task-list-item", "is-checked", data-task) and its list (class
// "contains-task-list") as Obsidian does, or returns nil anywhere else.
func (taskParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	item, ok := parent.Parent().(*ast.ListItem)
	if !ok || item.FirstChild() != parent || parent.HasChildren() {
		return nil
	}
	line, _ := block.PeekLine()
	r, size := utf8.DecodeRune(line[min(1, len(line)):])
	end := 1 + size
	if r == utf8.RuneError || r == '\n' || r == '\r' || r == '[' || r == ']' || end >= len(line) || line[end] != ']' {
		return nil
	}
	if end+1 < len(line) && line[end+1] != ' ' && line[end+1] != '\t' && line[end+1] != '\n' && line[end+1] != '\r' {
		return nil
	}
	n := &TaskCheckBox{}
	if !unicode.IsSpace(r) {
		n.Task = string(r)
	}
	markTaskItem(item, n)
	adv := end + 1
	for adv < len(line) && (line[adv] == ' ' || line[adv] == '\t') {
		adv++
	}
	block.Advance(adv)
	return n
}

// markTaskItem sets Obsidian's classes and data-task on a task's list
// item and list.
func markTaskItem(item *ast.ListItem, n *TaskCheckBox) {
	class := "task-list-item"
	if n.Checked() {
		class += " is-checked"
	}
	item.SetAttributeString("class", []byte(class))
	item.SetAttributeString("data-task", []byte(n.Task))
	if list, ok := item.Parent().(*ast.List); ok {
		list.SetAttributeString("class", []byte("contains-task-list"))
	}
}

// taskHTMLRenderer prints the check box. It is disabled: a static page
// cannot save a tick, and a box that forgets it would mislead.
type taskHTMLRenderer struct{}

var _ renderer.NodeRenderer = taskHTMLRenderer{}

func (r taskHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTaskCheckBox, r.render)
}

func (r taskHTMLRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*TaskCheckBox)
	_, _ = w.WriteString(`<input type="checkbox" class="task-list-item-checkbox"`)
	writeAttr(w, "data-task", n.Task)
	writeAttr(w, "aria-label", taskLabel(n, src))
	if n.Checked() {
		_, _ = w.WriteString(" checked")
	}
	_, _ = w.WriteString(" disabled> ")
	return ast.WalkContinue, nil
}

// taskLabel is the check box's accessible name: the task's own text,
// which follows the box on its line, or "Task" when there is none.
// Obsidian's box has no name, so a screen reader announces an unnamed
// check box (axe's "label" rule, critical); a label element around the
// text would change the DOM that themes style.
func taskLabel(n *TaskCheckBox, src []byte) string {
	var b strings.Builder
	for c := n.NextSibling(); c != nil; c = c.NextSibling() {
		b.WriteString(plainText(c, src))
	}
	if label := strings.Join(strings.Fields(b.String()), " "); label != "" {
		return label
	}
	return "Task"
}
