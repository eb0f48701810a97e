using Acornima;

namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>
/// A script as tokens: Acornima's tokenizer (which tracks regex and template context and accepts the token
/// shapes of TypeScript) plus bracket matching and line mapping. No syntax tree — the rewriter recognises the
/// few structures it needs (call chains, object literals, declarations, classes, imports) on the tokens.
/// </summary>
internal sealed class JsDocument
{
    private readonly int[] _match;
    private readonly int[] _parent;
    private readonly List<int> _lineStarts;

    private JsDocument(string path, string text, List<JsToken> tokens, int[] match, int[] parent)
    {
        Path = path;
        Text = text;
        Tokens = tokens;
        _match = match;
        _parent = parent;
        _lineStarts = [0];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>Repository-relative path.</summary>
    public string Path { get; }

    public string Text { get; }

    public IReadOnlyList<JsToken> Tokens { get; }

    public int Count => Tokens.Count;

    public JsToken this[int index] => Tokens[index];

    /// <summary>Tokenizes <paramref name="text"/>; null (with the tokenizer's message) when it is not valid script text.</summary>
    public static JsDocument? TryCreate(string path, string text, out string? error)
    {
        error = null;
        var tokens = new List<JsToken>();
        try
        {
            var options = new TokenizerOptions { EcmaVersion = EcmaVersion.Latest, AllowHashBang = true, Tolerant = false };
            var tokenizer = new Tokenizer(text, SourceType.Module, path, options);
            var context = new TokenizerContext();
            while (true)
            {
                var token = tokenizer.GetToken(in context);
                if (token.Kind == TokenKind.EOF)
                {
                    break;
                }

                var raw = text[token.Start..token.End];
                var (kind, value) = token.Kind switch
                {
                    TokenKind.StringLiteral => (JsTokenKind.String, token.StringValue ?? string.Empty),
                    TokenKind.Template => (JsTokenKind.TemplateText, token.TemplateValue?.Cooked ?? raw),
                    TokenKind.NumericLiteral or TokenKind.BigIntLiteral => (JsTokenKind.Number, raw),
                    TokenKind.RegExpLiteral => (JsTokenKind.Regex, raw),
                    TokenKind.Punctuator => (JsTokenKind.Punct, raw),
                    _ => (JsTokenKind.Name, raw),
                };
                tokens.Add(new JsToken(kind, token.Start, token.End, raw, value));
            }
        }
        catch (ParseErrorException ex)
        {
            error = ex.Message;
            return null;
        }

        var match = new int[tokens.Count];
        var parent = new int[tokens.Count];
        var stack = new Stack<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            match[i] = -1;
            parent[i] = stack.Count > 0 ? stack.Peek() : -1;
            var t = tokens[i];
            if (t.Kind != JsTokenKind.Punct)
            {
                continue;
            }

            switch (t.Text)
            {
                case "(" or "[" or "{" or "${":
                    stack.Push(i);
                    break;
                case ")" or "]" or "}":
                    if (stack.Count == 0 || !Pairs(tokens[stack.Peek()].Text, t.Text))
                    {
                        error = $"unbalanced '{t.Text}' at offset {t.Start}";
                        return null;
                    }

                    var open = stack.Pop();
                    match[open] = i;
                    match[i] = open;
                    parent[i] = stack.Count > 0 ? stack.Peek() : -1;
                    break;
            }
        }

        if (stack.Count > 0)
        {
            error = $"unclosed '{tokens[stack.Peek()].Text}' at offset {tokens[stack.Peek()].Start}";
            return null;
        }

        return new JsDocument(path, text, tokens, match, parent);
    }

    private static bool Pairs(string open, string close) => (open, close) switch
    {
        ("(", ")") or ("[", "]") or ("{", "}") or ("${", "}") => true,
        _ => false,
    };

    /// <summary>The index of the matching bracket of an opening or closing bracket token, or -1.</summary>
    public int Match(int index) => index >= 0 && index < _match.Length ? _match[index] : -1;

    /// <summary>The index of the innermost opening bracket that encloses the token, or -1 at top level.</summary>
    public int Parent(int index) => index >= 0 && index < _parent.Length ? _parent[index] : -1;

    public bool Is(int index, string punct) => index >= 0 && index < Tokens.Count && Tokens[index].IsPunct(punct);

    public bool IsName(int index) => index >= 0 && index < Tokens.Count && Tokens[index].Kind == JsTokenKind.Name;

    public bool IsName(int index, string name) => index >= 0 && index < Tokens.Count && Tokens[index].IsName(name);

    /// <summary>1-based line of an offset.</summary>
    public int LineOf(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        return index >= 0 ? index + 1 : ~index;
    }

    public int LineOfToken(int index) => LineOf(Tokens[index].Start);

    /// <summary>The offset of a 1-based line and column, clamped to the line.</summary>
    public int OffsetOf(int line, int column)
    {
        if (line < 1 || line > _lineStarts.Count)
        {
            return -1;
        }

        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Count ? _lineStarts[line] : Text.Length;
        return Math.Clamp(start + Math.Max(column, 1) - 1, start, end);
    }

    /// <summary>The first token that ends after <paramref name="offset"/> (the token at or after it), or Count.</summary>
    public int TokenAt(int offset)
    {
        int lo = 0, hi = Tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Tokens[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The source text from token <paramref name="first"/> to token <paramref name="last"/> inclusive.</summary>
    public string Source(int first, int last) => Text[Tokens[first].Start..Tokens[last].End];

    /// <summary>"path:line" of a token.</summary>
    public string Where(int index) => $"{Path}:{LineOfToken(index)}";

    /// <summary>True for TypeScript files (where the tokenizer is all there is; plain JS gets a full parse too).</summary>
    public bool IsTypeScript => IsTypeScriptPath(Path);

    public static bool IsTypeScriptPath(string path) =>
        path.EndsWith(".ts", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tsx", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".mts", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".cts", StringComparison.OrdinalIgnoreCase);
}
