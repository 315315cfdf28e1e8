package mdescape

import "testing"

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text, 3 words", "plain text, 3 words"},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"a & b", "a &amp; b"},
		{"**bold** _it_ `code` ~~x~~", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~x\\~\\~"},
		{"[link](x) ![img](y)", `\[link\](x) \!\[img\](y)`},
		{"| cell |", `\| cell \|`},
		{"# heading", `\# heading`},
		{`back\slash`, `back\\slash`},
		{"個人情報 ضمان Données", "個人情報 ضمان Données"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRow(t *testing.T) {
	if got, want := Row("a", Text("b|c")), "| a | b\\|c |\n"; got != want {
		t.Errorf("Row = %q, want %q", got, want)
	}
}
