using System.Text;
using System.Text.Json;

namespace Praxi.FixEngine.Evidence;

/// <summary>
/// Parses Playwright's ARIA snapshots (docs/evidence.md#aria-snapshots): the yaml-like tree of
/// <c>error-context.md</c>'s <c># Page snapshot</c>, or of a received element under <c># Error details</c>. Lines that
/// do not follow the grammar are counted and skipped, never fatal: the file is evidence, not input to validate.
/// </summary>
internal static class AriaSnapshotParser
{
    private const int MaxDepth = 256;

    /// <summary>The <c># Page snapshot</c> of an <c>error-context.md</c>, or null when the file has none.</summary>
    public static AriaSnapshot? ParseErrorContext(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var heading = Array.FindIndex(lines, l => l.TrimEnd() == "# Page snapshot");
        if (heading < 0)
        {
            return null;
        }

        var blocks = YamlBlocks(lines, heading + 1, stopAtHeading: true);
        return blocks.Count == 0 ? null : Parse(blocks[0]);
    }

    /// <summary>The ARIA snapshots of received elements under <c># Error details</c> (present when the matcher captured one).</summary>
    public static IReadOnlyList<AriaSnapshot> ParseErrorDetails(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var heading = Array.FindIndex(lines, l => l.TrimEnd() == "# Error details");
        return heading < 0 ? [] : [.. YamlBlocks(lines, heading + 1, stopAtHeading: true).Select(Parse)];
    }

    /// <summary>Parses the lines of one ARIA snapshot.</summary>
    public static AriaSnapshot Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var roots = new List<Builder>();
        var stack = new Stack<(int Depth, Builder Node)>();
        var skipped = 0;

        foreach (var raw in yaml.ReplaceLineEndings("\n").Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var indent = raw.Length - raw.TrimStart(' ').Length;
            var rest = raw[indent..].TrimEnd();
            var depth = indent / 2;
            if (!rest.StartsWith("- ", StringComparison.Ordinal) || depth > MaxDepth || !TrySplitEntry(rest[2..], out var key, out var value))
            {
                skipped++;
                continue;
            }

            while (stack.Count > 0 && stack.Peek().Depth >= depth)
            {
                stack.Pop();
            }

            var parent = stack.Count > 0 ? stack.Peek().Node : null;
            if (key.StartsWith('/'))
            {
                if (parent is null)
                {
                    skipped++;
                }
                else
                {
                    parent.Props[key[1..]] = value ?? string.Empty;
                }

                continue;
            }

            var node = ParseKey(key);
            node.Text = value;
            (parent?.Children ?? roots).Add(node);
            stack.Push((depth, node));
        }

        return new AriaSnapshot([.. roots.Select(r => r.Freeze())], skipped);
    }

    private static List<string> YamlBlocks(string[] lines, int start, bool stopAtHeading)
    {
        var blocks = new List<string>();
        for (var i = start; i < lines.Length; i++)
        {
            if (stopAtHeading && lines[i].StartsWith("# ", StringComparison.Ordinal))
            {
                break;
            }

            if (lines[i].TrimEnd() != "```yaml")
            {
                continue;
            }

            var block = new StringBuilder();
            for (i++; i < lines.Length && lines[i].TrimEnd() != "```"; i++)
            {
                block.Append(lines[i]).Append('\n');
            }

            blocks.Add(block.ToString());
        }

        return blocks;
    }

    // "key", "key:" or "key: value", where the key may be single- or double-quoted as a whole and a colon inside
    // the key's own "name" does not end it.
    private static bool TrySplitEntry(string entry, out string key, out string? value)
    {
        value = null;
        string remainder;
        if (entry.StartsWith('\''))
        {
            if (!TryReadSingleQuoted(entry, out key, out var end))
            {
                return false;
            }

            remainder = entry[end..];
        }
        else if (entry.StartsWith('"'))
        {
            if (!TryReadDoubleQuoted(entry, 0, out key, out var end))
            {
                return false;
            }

            remainder = entry[end..];
        }
        else
        {
            var split = FindKeyEnd(entry);
            key = entry[..split];
            remainder = entry[split..];
        }

        key = key.Trim();
        remainder = remainder.Trim();
        if (remainder.Length == 0)
        {
            return key.Length > 0;
        }

        if (remainder[0] != ':')
        {
            return false;
        }

        var raw = remainder[1..].Trim();
        value = raw.Length == 0 ? null : DecodeValue(raw);
        return key.Length > 0;
    }

    private static int FindKeyEnd(string entry)
    {
        var inQuote = false;
        for (var i = 0; i < entry.Length; i++)
        {
            var c = entry[i];
            if (inQuote)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuote = false;
                }
            }
            else if (c == '"')
            {
                inQuote = true;
            }
            else if (c == ':' && (i + 1 == entry.Length || entry[i + 1] == ' '))
            {
                return i;
            }
        }

        return entry.Length;
    }

    private static string DecodeValue(string raw)
    {
        if (raw.StartsWith('"') && TryReadDoubleQuoted(raw, 0, out var d, out _))
        {
            return d;
        }

        if (raw.StartsWith('\'') && TryReadSingleQuoted(raw, out var s, out _))
        {
            return s;
        }

        return raw;
    }

    private static Builder ParseKey(string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        var node = new Builder(space < 0 ? key : key[..space]);
        var i = space < 0 ? key.Length : space;

        while (i < key.Length && key[i] == ' ')
        {
            i++;
        }

        if (i < key.Length && key[i] == '"' && TryReadDoubleQuoted(key, i, out var name, out var end))
        {
            node.Name = name;
            i = end;
        }
        else if (i < key.Length && key[i] == '/')
        {
            var stop = key.IndexOf(" [", i, StringComparison.Ordinal);
            stop = stop < 0 ? key.Length : stop;
            node.Name = key[i..stop];
            i = stop;
        }

        while (i < key.Length)
        {
            while (i < key.Length && key[i] == ' ')
            {
                i++;
            }

            if (i >= key.Length || key[i] != '[')
            {
                break;
            }

            var close = key.IndexOf(']', i);
            if (close < 0)
            {
                break;
            }

            var flag = key[(i + 1)..close];
            var eq = flag.IndexOf('=', StringComparison.Ordinal);
            var (flagName, flagValue) = eq < 0 ? (flag, "true") : (flag[..eq], flag[(eq + 1)..]);
            if (flagName == "ref")
            {
                node.Ref = flagValue;
            }
            else if (flagName.Length > 0)
            {
                node.Flags[flagName] = flagValue;
            }

            i = close + 1;
        }

        return node;
    }

    private static bool TryReadSingleQuoted(string text, out string value, out int end)
    {
        var sb = new StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] != '\'')
            {
                sb.Append(text[i]);
            }
            else if (i + 1 < text.Length && text[i + 1] == '\'')
            {
                sb.Append('\'');
                i++;
            }
            else
            {
                value = sb.ToString();
                end = i + 1;
                return true;
            }
        }

        value = string.Empty;
        end = text.Length;
        return false;
    }

    private static bool TryReadDoubleQuoted(string text, int start, out string value, out int end)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                end = i + 1;
                try
                {
                    value = JsonSerializer.Deserialize<string>(text.AsSpan(start, end - start)) ?? string.Empty;
                }
                catch (JsonException)
                {
                    value = text[(start + 1)..i];
                }

                return true;
            }
        }

        value = string.Empty;
        end = text.Length;
        return false;
    }

    private sealed class Builder(string role)
    {
        public string Role { get; } = role;

        public string? Name { get; set; }

        public string? Ref { get; set; }

        public string? Text { get; set; }

        public Dictionary<string, string> Flags { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Props { get; } = new(StringComparer.Ordinal);

        public List<Builder> Children { get; } = [];

        public AriaNode Freeze() => new(Role, Name, Flags.AsReadOnly(), Ref, Text, Props.AsReadOnly(), [.. Children.Select(c => c.Freeze())]);
    }
}
