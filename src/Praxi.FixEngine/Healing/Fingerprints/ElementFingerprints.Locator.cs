using System.Text.RegularExpressions;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing.Fingerprints;

internal static partial class ElementFingerprints
{
    /// <summary>The <see cref="ElementProps.Tag"/> of a fingerprint whose locator names no tag.</summary>
    public const string AnyTag = "*";

    // Chain parts that narrow the part before them rather than name an element of their own.
    private static readonly string[] Modifiers =
    [
        "nth=", "visible=", "internal:has-text=", "internal:has-not-text=", "internal:has=", "internal:has-not=",
        "internal:and=", "internal:or=",
    ];

    // Tags a browser reports in lower case (SVG); every other known tag is reported upper case.
    private static readonly HashSet<string> SvgTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "svg", "path", "g", "circle", "rect", "line", "polyline", "polygon", "ellipse", "use", "symbol", "defs", "tspan",
    };

    /// <summary>
    /// What a locator tells about its element, without a page: the id of <c>#add-to-cart</c>, the tag and class of
    /// <c>button.primary</c>, the role and name of <c>getByRole</c>, the text of an XPath predicate. For a chain, the
    /// last part that names an element is read and the parts before it become the scope.
    /// </summary>
    public static LocatorFingerprint FromLocator(LocatorSpec spec, SelectorPreferences? preferences = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var testIds = FingerprintOptions.For(preferences?.TestIdAttributes).TestIdAttributes;
        var draft = new Draft();
        string? scope = null;
        if (spec.By == LocatorKind.Selector && spec.Value is { } chain)
        {
            var parts = SelectorChain.Split(chain).Where(p => p.Length > 0).ToList();
            var target = parts.FindLastIndex(p => !IsModifier(p));
            if (target < 0)
            {
                return draft.ToFingerprint(null, null);
            }

            if (target > 0)
            {
                scope = SelectorChain.Join(parts.Take(target));
            }

            foreach (var modifier in parts.Skip(target + 1))
            {
                if (SelectorParts.TryHasText(modifier, out var hasText))
                {
                    draft.HasText = hasText.Value;
                }
            }

            if (LocatorExpression.TryParseSelector(parts[target], out var part))
            {
                ReadSpec(part, draft, testIds);
            }
        }
        else
        {
            ReadSpec(spec, draft, testIds);
        }

        draft.Text ??= draft.HasText;
        return draft.ToFingerprint(scope, draft.AncestorPath);
    }

    private static bool IsModifier(string part) => Modifiers.Any(m => part.StartsWith(m, StringComparison.Ordinal));

    private static void ReadSpec(LocatorSpec spec, Draft draft, IReadOnlyList<string> testIds)
    {
        var value = spec.Value;
        switch (spec.By)
        {
            case LocatorKind.Css:
                ReadCss(value ?? string.Empty, draft, testIds);
                break;
            case LocatorKind.XPath:
                ReadXPath(value ?? string.Empty, draft, testIds);
                break;
            case LocatorKind.Id:
                draft.Id = value;
                break;
            case LocatorKind.Name:
                draft.Name = value;
                break;
            case LocatorKind.Class:
                draft.Class = value;
                break;
            case LocatorKind.LinkText:
                draft.Tag = "A";
                draft.Role = "link";
                draft.Text = value;
                draft.AccessibleName = value;
                break;
            case LocatorKind.TestId:
                draft.TestId = value;
                break;
            case LocatorKind.Text:
                draft.Text = value;
                break;
            case LocatorKind.Label:
                draft.Label = value;
                break;
            case LocatorKind.Placeholder:
                draft.Placeholder = value;
                break;
            case LocatorKind.Title:
                draft.Title = value;
                break;
            case LocatorKind.AltText:
                draft.Alt = value;
                break;
            case LocatorKind.Role:
                draft.Role = spec.Role;
                draft.AccessibleName = spec.Name;
                break;
            case LocatorKind.Selector:
                ReadEngine(value ?? string.Empty, draft, testIds);
                break;
            default:
                break;
        }
    }

    /// <summary>Engine parts the neutral spec cannot hold: a role with <c>level</c> or a regex name, a custom test-id attribute.</summary>
    private static void ReadEngine(string part, Draft draft, IReadOnlyList<string> testIds)
    {
        if (part.StartsWith("internal:role=", StringComparison.Ordinal) || part.StartsWith("role=", StringComparison.Ordinal))
        {
            var body = part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..];
            var bracket = body.IndexOf('[', StringComparison.Ordinal);
            draft.Role = (bracket < 0 ? body : body[..bracket]).Trim();
            for (var i = bracket; i >= 0 && i < body.Length;)
            {
                var close = SelectorText.SkipBalanced(body, i);
                if (close < 0)
                {
                    break;
                }

                ReadAttribute(body[(i + 1)..(close - 1)], draft, testIds, roleOptions: true);
                i = close;
            }

            return;
        }

        foreach (var engine in new[] { "internal:testid=", "internal:attr=" })
        {
            if (part.StartsWith(engine, StringComparison.Ordinal) && part.EndsWith(']'))
            {
                var isTestId = engine == "internal:testid=";
                var body = part[(engine.Length + 1)..^1];
                if (isTestId)
                {
                    ReadTestId(body, draft);
                }
                else
                {
                    ReadAttribute(body, draft, testIds, roleOptions: false);
                }

                return;
            }
        }
    }

    private static void ReadTestId(string body, Draft draft)
    {
        var eq = body.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0 && SelectorText.TryReadQuoted(body, eq + 1, backslashEscapes: true, out var value, out _))
        {
            draft.TestId = value;
        }
    }

    // ---- CSS ------------------------------------------------------------------------------------------------

    /// <summary>Reads the last compound of a CSS selector (the first of a list); the compounds before it become the ancestor path.</summary>
    private static void ReadCss(string selector, Draft draft, IReadOnlyList<string> testIds)
    {
        var first = SelectorText.SplitTopLevel(selector, ',')[0].Trim();
        var start = LastCompoundStart(first);
        var compound = first[start..];
        var ancestors = first[..start].Trim().TrimEnd('>', '+', '~').Trim();
        draft.AncestorPath = ancestors.Length > 0 ? ancestors : null;

        var i = 0;
        if (i < compound.Length && compound[i] == '*')
        {
            i++;
        }
        else
        {
            var tag = SelectorText.ReadIdent(compound, i, out var end);
            if (tag.Length > 0)
            {
                draft.Tag = ReportedTag(tag);
                i = end;
            }
        }

        var classes = new List<string>();
        while (i < compound.Length)
        {
            var c = compound[i];
            switch (c)
            {
                case '#':
                    draft.Id = SelectorText.ReadIdent(compound, i + 1, out i);
                    break;
                case '.':
                    classes.Add(SelectorText.ReadIdent(compound, i + 1, out i));
                    break;
                case '[':
                    {
                        var close = SelectorText.SkipBalanced(compound, i);
                        if (close < 0)
                        {
                            i = compound.Length;
                            break;
                        }

                        ReadAttribute(compound[(i + 1)..(close - 1)], draft, testIds, roleOptions: false, classes);
                        i = close;
                        break;
                    }

                case ':':
                    i = ReadPseudo(compound, i, draft);
                    break;
                default:
                    i++;
                    break;
            }
        }

        if (classes.Count > 0)
        {
            draft.Class = string.Join(' ', classes.Where(c => c.Length > 0));
        }
    }

    /// <summary>Where the last compound starts: after the last top-level combinator (space, <c>&gt;</c>, <c>+</c>, <c>~</c>).</summary>
    private static int LastCompoundStart(string selector)
    {
        var start = 0;
        SelectorText.Scan(selector, 0, (i, c, depth) =>
        {
            if (depth == 0 && c is ' ' or '>' or '+' or '~' or '\t' or '\n')
            {
                start = i + 1;
            }

            return false;
        });
        return start;
    }

    /// <summary>Playwright's text pseudo-classes give the text; the others (<c>:visible</c>, <c>:nth-child</c>) narrow nothing we keep.</summary>
    private static int ReadPseudo(string compound, int colon, Draft draft)
    {
        var i = colon + 1;
        if (i < compound.Length && compound[i] == ':')
        {
            i++;
        }

        var name = SelectorText.ReadIdent(compound, i, out i);
        if (i >= compound.Length || compound[i] != '(')
        {
            return i;
        }

        var close = SelectorText.SkipBalanced(compound, i);
        if (close < 0)
        {
            return compound.Length;
        }

        var argument = compound[(i + 1)..(close - 1)].Trim();
        if (name is "has-text" or "text" or "text-is"
            && SelectorText.TryReadQuoted(argument, 0, backslashEscapes: true, out var text, out var end) && end == argument.Length)
        {
            draft.Text = text;
        }

        return close;
    }

    /// <summary>
    /// One attribute condition (<c>name="q"</c>, <c>class~=primary</c>, <c>data-testid="x"s</c>); only equality (and
    /// <c>~=</c> for classes) sets a field, partial matches (<c>^=</c>, <c>*=</c>) name no value.
    /// </summary>
    private static void ReadAttribute(string body, Draft draft, IReadOnlyList<string> testIds, bool roleOptions, List<string>? classes = null)
    {
        var name = SelectorText.ReadIdent(body.TrimStart(), 0, out var i);
        var text = body.TrimStart();
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (name.Length == 0 || i >= text.Length)
        {
            return;
        }

        string op;
        if (text[i] == '=')
        {
            op = "=";
            i++;
        }
        else if (i + 1 < text.Length && text[i + 1] == '=')
        {
            op = text.Substring(i, 2);
            i += 2;
        }
        else
        {
            return;
        }

        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        string value;
        if (!SelectorText.TryReadQuoted(text, i, backslashEscapes: true, out value, out _))
        {
            if (i < text.Length && text[i] == '/')
            {
                return; // a regex
            }

            value = SelectorText.ReadIdent(text, i, out _);
        }

        if (op == "~=" && name.Equals("class", StringComparison.OrdinalIgnoreCase))
        {
            if (classes is not null)
            {
                classes.Add(value);
            }
            else
            {
                draft.Class = value;
            }

            return;
        }

        if (op != "=")
        {
            return;
        }

        if (roleOptions)
        {
            if (name == "name")
            {
                draft.AccessibleName = value;
            }
            else if (name == "level" && int.TryParse(value, out var level) && level is >= 1 and <= 6)
            {
                draft.Tag = "H" + value;
            }

            return;
        }

        SetAttribute(draft, name, value, testIds);
    }

    private static void SetAttribute(Draft draft, string name, string value, IReadOnlyList<string> testIds)
    {
        switch (name.ToLowerInvariant())
        {
            case "id":
                draft.Id = value;
                break;
            case "class":
                draft.Class = value;
                break;
            case "name":
                draft.Name = value;
                break;
            case "type":
                draft.Type = value;
                break;
            case "value":
                draft.Value = value;
                break;
            case "placeholder":
                draft.Placeholder = value;
                break;
            case "title":
                draft.Title = value;
                break;
            case "alt":
                draft.Alt = value;
                break;
            case "href":
                draft.Href = value;
                break;
            case "aria-label":
                draft.AriaLabel = value;
                break;
            case "role":
                draft.Role = value;
                break;
            case var n when testIds.Contains(n, StringComparer.OrdinalIgnoreCase):
                draft.TestId = value;
                break;
            default:
                break;
        }
    }

    private static string ReportedTag(string tag) => SvgTags.Contains(tag) ? tag.ToLowerInvariant() : tag.ToUpperInvariant();

    // ---- XPath ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Reads the last step of an XPath: its name test (the tag) and the predicates that name a value
    /// (<c>@id='x'</c>, <c>normalize-space()='Sign in'</c>, <c>contains(@class,'primary')</c>, <c>text()='x'</c>).
    /// </summary>
    private static void ReadXPath(string xpath, Draft draft, IReadOnlyList<string> testIds)
    {
        var path = xpath.Trim();
        if (path.StartsWith('('))
        {
            var close = SelectorText.SkipBalanced(path, 0);
            if (close > 0)
            {
                path = path[1..(close - 1)].Trim(); // (//a)[2]: the position narrows, the inner path names the element
            }
        }

        var steps = SelectorText.SplitTopLevel(path, '/');
        var last = steps.FindLastIndex(s => s.Trim().Length > 0);
        if (last < 0)
        {
            return;
        }

        var step = steps[last].Trim();
        var prefix = string.Join('/', steps.Take(last)).TrimEnd('/');
        draft.AncestorPath = prefix.Length > 0 ? prefix : null;

        var axis = step.IndexOf("::", StringComparison.Ordinal);
        if (axis >= 0 && (step.IndexOf('[', StringComparison.Ordinal) is var b && (b < 0 || axis < b)))
        {
            step = step[(axis + 2)..];
        }

        var bracket = step.IndexOf('[', StringComparison.Ordinal);
        var nameTest = (bracket < 0 ? step : step[..bracket]).Trim();
        if (nameTest.Length > 0 && nameTest != "*" && nameTest.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            draft.Tag = ReportedTag(nameTest);
        }

        for (var i = bracket; i >= 0 && i < step.Length;)
        {
            var close = SelectorText.SkipBalanced(step, i);
            if (close < 0)
            {
                break;
            }

            foreach (var condition in Regex.Split(step[(i + 1)..(close - 1)], @"\s+and\s+"))
            {
                ReadXPathCondition(condition.Trim(), draft, testIds);
            }

            i = close;
            while (i < step.Length && step[i] != '[')
            {
                i++;
            }
        }
    }

    private static void ReadXPathCondition(string condition, Draft draft, IReadOnlyList<string> testIds)
    {
        var equality = XPathEquality().Match(condition);
        if (equality.Success)
        {
            var value = equality.Groups["v"].Value;
            var subject = equality.Groups["subject"].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (subject.StartsWith('@'))
            {
                SetAttribute(draft, subject[1..], value, testIds);
            }
            else
            {
                draft.Text = value;
            }

            return;
        }

        var contains = XPathContains().Match(condition);
        if (contains.Success)
        {
            var value = contains.Groups["v"].Value;
            var subject = contains.Groups["subject"].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (subject == "@class")
            {
                draft.Class = value.Trim();
            }
            else if (!subject.StartsWith('@'))
            {
                draft.Text = value;
            }
        }
    }

    private const string XPathTextSubject = """(?<subject>@[\w:-]+|text\(\)|\.|string\(\s*\.?\s*\)|normalize-space\(\s*(?:\.|text\(\))?\s*\))""";

    [GeneratedRegex("^" + XPathTextSubject + """\s*=\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)')$""")]
    private static partial Regex XPathEquality();

    [GeneratedRegex("""^contains\(\s*""" + XPathTextSubject + """\s*,\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)')\s*\)$""")]
    private static partial Regex XPathContains();

    /// <summary>The fields a locator names, gathered before the record is built.</summary>
    private sealed class Draft
    {
        public string? Tag { get; set; }

        public string? Id { get; set; }

        public string? Class { get; set; }

        public string? Name { get; set; }

        public string? Type { get; set; }

        public string? Value { get; set; }

        public string? Placeholder { get; set; }

        public string? Title { get; set; }

        public string? Alt { get; set; }

        public string? Href { get; set; }

        public string? Text { get; set; }

        public string? HasText { get; set; }

        public string? Role { get; set; }

        public string? AccessibleName { get; set; }

        public string? TestId { get; set; }

        public string? AriaLabel { get; set; }

        public string? Label { get; set; }

        public string? AncestorPath { get; set; }

        public LocatorFingerprint ToFingerprint(string? scope, string? ancestorPath) => new(
            new ElementProps
            {
                Tag = Blank(Tag) ?? AnyTag,
                Id = Blank(Id),
                Class = Blank(Class),
                Name = Blank(Name),
                Type = Blank(Type),
                Value = Blank(Value),
                Placeholder = Blank(Placeholder),
                Title = Blank(Title),
                Alt = Blank(Alt),
                Href = Blank(Href),
                Text = Blank(Text),
                Role = Blank(Role),
                AccessibleName = Blank(AccessibleName),
                TestId = Blank(TestId),
                AriaLabel = Blank(AriaLabel),
                Label = Blank(Label),
            },
            scope,
            ancestorPath);

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
    }
}
