package render

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// delimiterContext is the parser.Context of a parse, which keeps emphasis
// closers that nothing can close from costing a search each.
//
// goldmark pairs delimiters (*, _, ==, ~~) at the end of a block by
// searching back from each closer through every earlier delimiter for an
// opener, and it keeps no bound below which it need not look again (what
// cmark calls openers_bottom). A paragraph of thousands of closers with
// no opener of their kind ("*a_ " repeated: the "_" close, only "*"
// open) was therefore quadratic. Here each delimiter is seen as it is
// pushed: a delimiter that can only close, and that no earlier opener of
// the block could ever match, is marked as not closing, and goldmark
// passes it over at once. It stays text, as it would have.
//
// Whether an opener could match depends on its character, whether it can
// also close and its length (CommonMark's rule of 3), so one opener of
// each such class stands for all of them; classes only grow within a
// block, so a closer kept is at worst searched for as before.
type delimiterContext struct {
	parser.Context
	openers []*parser.Delimiter // one per class, this block
}

var _ parser.Context = (*delimiterContext)(nil)

func newDelimiterContext() *delimiterContext {
	return &delimiterContext{Context: parser.NewContext()}
}

// PushDelimiter implements parser.Context.
func (c *delimiterContext) PushDelimiter(d *parser.Delimiter) {
	if d.CanClose && !d.CanOpen && !c.mayClose(d) {
		d.CanClose = false
	}
	if d.CanOpen && !c.known(d) {
		c.openers = append(c.openers, d)
	}
	c.Context.PushDelimiter(d)
}

// ClearDelimiters implements parser.Context. goldmark clears them all
// (bottom nil) when a block's inlines are done.
func (c *delimiterContext) ClearDelimiters(bottom ast.Node) {
	if bottom == nil {
		c.openers = c.openers[:0]
	}
	c.Context.ClearDelimiters(bottom)
}

// mayClose reports whether an opener pushed earlier in the block could
// pair with the closer d, as goldmark's ProcessDelimiters decides it.
func (c *delimiterContext) mayClose(d *parser.Delimiter) bool {
	for _, o := range c.openers {
		if o.Processor.CanOpenCloser(o, d) && o.CalcComsumption(d) > 0 {
			return true
		}
	}
	return false
}

// known reports whether an opener of d's class was pushed in the block.
func (c *delimiterContext) known(d *parser.Delimiter) bool {
	for _, o := range c.openers {
		if o.Char == d.Char && o.CanClose == d.CanClose && o.OriginalLength == d.OriginalLength {
			return true
		}
	}
	return false
}
