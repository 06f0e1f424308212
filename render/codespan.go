package render

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// codeSpanParser is goldmark's code span parser with cmark's remedy for
// its one superlinear input: an opener whose run length has no run after
// it in the block is plain text at once. goldmark searches the rest of
// the block for every opener, so "e" and runs of 1, 2, 3 … backticks
// cost n^1.5 (a 1 MB note: 0.4 s of its 0.6 s build).
type codeSpanParser struct{}

// codeSpanPriority runs before goldmark's code span parser (100), which
// then never sees a backtick.
const codeSpanPriority = 99

var (
	goldmarkCodeSpan = parser.NewCodeSpanParser()
	codeSpanRunsKey  = parser.NewContextKey()
)

// blockRuns is, for one block, where the last backtick run of each
// length starts (an offset into the source).
type blockRuns struct {
	block ast.Node
	last  map[int]int
}

func (codeSpanParser) Trigger() []byte { return []byte{'`'} }

func (codeSpanParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	n := 0
	for n < len(line) && line[n] == '`' {
		n++
	}
	if last, ok := runsAfter(parent, block, pc)[n]; !ok || last < seg.Start+n {
		block.Advance(n)
		return ast.NewTextSegment(seg.WithStop(seg.Start + n))
	}
	return goldmarkCodeSpan.Parse(parent, block, pc)
}

// runsAfter returns the table of the block being parsed, made on its
// first opener from the rest of the block: later openers come after it.
func runsAfter(parent ast.Node, block text.Reader, pc parser.Context) map[int]int {
	if r, ok := pc.Get(codeSpanRunsKey).(*blockRuns); ok && r.block == parent {
		return r.last
	}
	r := &blockRuns{block: parent, last: map[int]int{}}
	l, pos := block.Position()
	for {
		line, seg := block.PeekLine()
		if line == nil {
			break
		}
		start := seg.Start - seg.Padding // the offset of line[0]
		for i := 0; i < len(line); {
			if line[i] != '`' {
				i++
				continue
			}
			j := i
			for j < len(line) && line[j] == '`' {
				j++
			}
			r.last[j-i] = start + i
			i = j
		}
		block.AdvanceLine()
	}
	block.SetPosition(l, pos)
	pc.Set(codeSpanRunsKey, r)
	return r.last
}
