using System.Text.RegularExpressions;

namespace Praxi.FixEngine.Cli.Tests.Shipping;

/// <summary>Every relative link in README.md and docs/*.md points at a file or folder that exists.</summary>
public sealed partial class DocsLinkTests
{
    [Fact]
    public void Docs_RelativeLinks_PointAtExistingFiles()
    {
        var pages = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md").Append(Path.Combine(RepositoryRoot.Path, "README.md"));

        var broken = pages.SelectMany(page => BrokenLinks(page).Select(link => $"{Path.GetRelativePath(RepositoryRoot.Path, page)} → {link}")).ToList();

        string.Join('\n', broken).Should().BeEmpty("every relative link must point at a file in the repository");
    }

    [Fact]
    public void Index_LinksEveryPage()
    {
        var index = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "index.md"));
        var linked = Links(index).Select(l => Path.GetFileName(l.Split('#')[0])).ToHashSet(StringComparer.Ordinal);

        var pages = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md").Select(Path.GetFileName).Where(p => p != "index.md");

        pages.Should().OnlyContain(p => linked.Contains(p!), "docs/index.md is the way into every page");
    }

    private static IEnumerable<string> BrokenLinks(string page)
    {
        var dir = Path.GetDirectoryName(page)!;
        foreach (var link in Links(File.ReadAllText(page)))
        {
            var target = link.Split('#')[0];
            if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var path = Path.GetFullPath(Path.Combine(dir, Uri.UnescapeDataString(target)));
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                yield return link;
            }
        }
    }

    /// <summary>Markdown link targets outside code blocks and code spans: <c>[text](target)</c> and <c>[text](target "title")</c>.</summary>
    private static IEnumerable<string> Links(string markdown)
    {
        var prose = CodeBlock().Replace(markdown, string.Empty);
        prose = CodeSpan().Replace(prose, string.Empty);
        return LinkTarget().Matches(prose).Select(m => m.Groups["target"].Value);
    }

    [GeneratedRegex(@"^(```|~~~).*?^\1", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("`[^`\n]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex LinkTarget();
}
