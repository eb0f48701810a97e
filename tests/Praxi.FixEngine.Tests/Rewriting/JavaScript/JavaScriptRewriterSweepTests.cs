using System.Text.RegularExpressions;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Rewriting;
using Praxi.FixEngine.Rewriting.JavaScript;
using static Praxi.FixEngine.Tests.Rewriting.JavaScript.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.JavaScript;

/// <summary>
/// The repository's own Playwright suite (tests/fixture-sources/playwright-ts): every literal locator and every explicit
/// timeout in it is rewritten by an instruction built the way the analysis builds one, and only that span changes.
/// </summary>
public sealed partial class JavaScriptRewriterSweepTests
{
    private static readonly string Suite = Path.Combine(RepositoryRoot.Path, "tests", "fixture-sources", "playwright-ts");

    private static readonly string[] Files = ["tests/login.spec.ts", "tests/pages/login-page.ts", "playwright.config.ts"];

    public static TheoryData<string, int, int, string> Locators()
    {
        var data = new TheoryData<string, int, int, string>();
        foreach (var file in Files)
        {
            var lines = File.ReadAllLines(Path.Combine(Suite, file));
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match m in LocatorCall().Matches(lines[i]))
                {
                    data.Add(file, i + 1, m.Index + 1, m.Value);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Locators))]
    public void Rewrite_EveryLiteralLocator_ChangesOnlyItsLiteral(string file, int line, int column, string call)
    {
        LocatorExpression.TryParse(call, out var old).Should().BeTrue();
        var @new = old! with { Value = old.Value is null ? null : old.Value + "-healed", Name = old.Name is null ? null : old.Name + " healed" };
        var original = File.ReadAllText(Path.Combine(Suite, file));
        var literal = old.By == LocatorKind.Role ? old.Name! : old.Value!;
        var lineStart = Offset(original, line);
        var at = original.IndexOf("'" + literal + "'", lineStart + column - 1, StringComparison.Ordinal);
        var after = original[..at] + "[|'" + literal + (old.By == LocatorKind.Role ? " healed" : "-healed") + "'|]" + original[(at + literal.Length + 2)..];

        JsRewriteVerifier.Verify(
            Selector(file, line, column, old, @new),
            [.. Files.Select(f => f == file ? new RewriteFile(f, original, after) : new RewriteFile(f, File.ReadAllText(Path.Combine(Suite, f))))]);
    }

    public static TheoryData<string, int, int> Timeouts()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var file in Files)
        {
            var lines = File.ReadAllLines(Path.Combine(Suite, file));
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match m in TimeoutValue().Matches(lines[i]))
                {
                    data.Add(file, i + 1, int.Parse(m.Groups["n"].Value.Replace("_", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Timeouts))]
    public void Rewrite_EveryExplicitTimeout_ChangesOnlyItsNumber(string file, int line, int oldMs)
    {
        var original = File.ReadAllText(Path.Combine(Suite, file));
        var lineStart = Offset(original, line);
        var m = TimeoutValue().Match(original, lineStart);
        var number = m.Groups["n"];
        var newText = (oldMs * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (number.Value.Contains('_', StringComparison.Ordinal))
        {
            newText = (oldMs * 2).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(",", "_", StringComparison.Ordinal);
        }

        var after = original[..number.Index] + "[|" + newText + "|]" + original[(number.Index + number.Length)..];

        JsRewriteVerifier.Verify(
            Timeout(file, line, 1, oldMs, oldMs * 2),
            [.. Files.Select(f => f == file ? new RewriteFile(f, original, after) : new RewriteFile(f, File.ReadAllText(Path.Combine(Suite, f))))]);
    }

    [Fact]
    public void Rewrite_InstructionForAnotherLocator_LeavesEveryFileAlone()
    {
        var sut = new JavaScriptRewriter();
        var repository = new SourceRepository(Suite);

        foreach (var file in Files)
        {
            var result = sut.Rewrite(new RewriteRequest(repository, Selector(file, 1, 1, Css("#not-in-the-suite"), Css("#x")), SelectorPreferences.Default), CancellationToken.None);

            result.Status.Should().Be(RewriteStatus.NotFound);
            result.Edits.Should().BeEmpty();
        }
    }

    private static int Offset(string text, int line)
    {
        var offset = 0;
        for (var i = 1; i < line; i++)
        {
            offset = text.IndexOf('\n', offset) + 1;
        }

        return offset;
    }

    [GeneratedRegex(@"(?:locator|getByRole|getByText|getByTestId|getByLabel|getByPlaceholder)\('[^']*'(?:, \{ name: '[^']*' \})?\)")]
    private static partial Regex LocatorCall();

    [GeneratedRegex(@"(?:timeout: |setTimeout\()(?<n>[\d_]+)")]
    private static partial Regex TimeoutValue();
}
