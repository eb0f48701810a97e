using System.Net;
using System.Text.RegularExpressions;

namespace Praxi.FixEngine.Tests.Docs;

/// <summary>A C# example from the documentation: a fenced <c>csharp</c> block of a page, or an XML doc <c>&lt;example&gt;&lt;code&gt;</c> of the library.</summary>
/// <param name="Where">The page or source file and the line the example starts on.</param>
/// <param name="Code">The example's code.</param>
public sealed partial record DocExample(string Where, string Code)
{
    public override string ToString() => Where;

    /// <summary>Every example of the repository's pages (README.md, docs/*.md) and of the library's XML docs.</summary>
    public static IReadOnlyList<DocExample> All(string repoRoot)
    {
        var examples = new List<DocExample>();
        var pages = Directory.EnumerateFiles(Path.Combine(repoRoot, "docs"), "*.md", SearchOption.AllDirectories).Append(Path.Combine(repoRoot, "README.md"));
        foreach (var page in pages.Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(page);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() is not ("```csharp" or "```cs" or "```c#"))
                {
                    continue;
                }

                var start = i + 1;
                var end = Array.FindIndex(lines, start, l => l.Trim() == "```");
                examples.Add(new DocExample($"{Path.GetRelativePath(repoRoot, page)}:{start + 1}", string.Join('\n', lines[start..end])));
                i = end;
            }
        }

        foreach (var source in Directory.EnumerateFiles(Path.Combine(repoRoot, "src", "Praxi.FixEngine"), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(source);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != "/// <code>" || i == 0 || lines[i - 1].Trim() != "/// <example>")
                {
                    continue;
                }

                var start = i + 1;
                var end = Array.FindIndex(lines, start, l => l.Trim() == "/// </code>");
                var code = string.Join('\n', lines[start..end].Select(l => DocLine().Replace(l, string.Empty)));
                examples.Add(new DocExample($"{Path.GetRelativePath(repoRoot, source)}:{start + 1}", WebUtility.HtmlDecode(code)));
                i = end;
            }
        }

        return examples;
    }

    [GeneratedRegex(@"^\s*/// ?")]
    private static partial Regex DocLine();
}
