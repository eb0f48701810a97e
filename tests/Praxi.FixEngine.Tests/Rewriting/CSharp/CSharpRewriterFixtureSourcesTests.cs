using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Rewriting;
using Praxi.FixEngine.Rewriting.CSharp;

namespace Praxi.FixEngine.Tests.Rewriting.CSharp;

/// <summary>
/// End to end on real runs: the instructions the analyzer derives from the recorded .NET TRX fixtures (absolute
/// build-machine paths, a line and no column) rewrite the very sources that produced them.
/// </summary>
public sealed class CSharpRewriterFixtureSourcesTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("playwright-dotnet", 3)]
    [InlineData("selenium-dotnet", 3)]
    public void Rewrite_InstructionsFromRecordedRuns_EditTheirSourcesOnce(string suite, int expectedInstructions)
    {
        var root = _temp.Subfolder();
        var sources = Path.Combine(RepositoryRoot.Path, "tests", "fixture-sources", suite);
        foreach (var file in Directory.EnumerateFiles(sources).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            Directory.CreateDirectory(Path.Combine(root, suite));
            File.Copy(file, Path.Combine(root, suite, Path.GetFileName(file)));
        }

        var instructions = new FailureAnalyzer().Analyze(TestPaths.Fixtures(suite, "results.trx")).FixAgentInstructions;
        var sut = new CSharpRewriter();

        instructions.Should().HaveCount(expectedInstructions);
        foreach (var instruction in instructions)
        {
            var healed = instruction with { New = Healed(instruction.Old!) };
            var result = sut.Rewrite(new RewriteRequest(new SourceRepository(root), healed, SelectorPreferences.Default), CancellationToken.None);

            result.Status.Should().Be(RewriteStatus.Edited, $"{instruction.Test}: {result.Reason}");
            var edit = result.Edits.Should().ContainSingle().Subject;
            edit.File.Should().StartWith(suite + "/");
            edit.Line.Should().Be(instruction.Line);
            edit.FollowedFrom.Should().BeNull();

            var path = Path.Combine(root, edit.File);
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(path));
            var output = text.Remove(edit.Start, edit.Length).Insert(edit.Start, edit.NewText);
            CSharpSyntaxTree.ParseText(output).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
            var secondRoot = _temp.Subfolder();
            CopyTree(root, secondRoot);
            File.WriteAllText(Path.Combine(secondRoot, edit.File), output, new UTF8Encoding(false));
            var second = sut.Rewrite(new RewriteRequest(new SourceRepository(secondRoot), healed, SelectorPreferences.Default), CancellationToken.None);
            second.Status.Should().Be(RewriteStatus.NoChange, $"{instruction.Test}: {second.Reason}");
        }
    }

    [Theory]
    [InlineData("playwright-dotnet")]
    [InlineData("selenium-dotnet")]
    public void Rewrite_EveryLiteralLocatorInTheSources_ChangesOnlyThatLiteral(string suite)
    {
        var root = _temp.Subfolder();
        CopyTree(Path.Combine(RepositoryRoot.Path, "tests", "fixture-sources", suite), Path.Combine(root, suite));
        var sut = new CSharpRewriter();
        var checkedLiterals = 0;

        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, suite), "*.cs"))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            var tree = CSharpSyntaxTree.ParseText(text);
            foreach (var literal in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax>()
                         .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)))
            {
                if (LocatorOf(literal) is not { } old)
                {
                    continue;
                }

                var position = tree.GetLineSpan(literal.Span).StartLinePosition;
                var instruction = new FixInstruction
                {
                    Kind = FixKind.ReplaceSelector,
                    File = relative,
                    Line = position.Line + 1,
                    Column = position.Character + 1,
                    Old = old,
                    New = old with { Value = old.Value is null ? null : old.Value + "x", Name = old.Name is null ? null : old.Name + "x" },
                    Confidence = 1,
                    Evidence = "sweep",
                };

                var result = sut.Rewrite(new RewriteRequest(new SourceRepository(root), instruction, SelectorPreferences.Default), CancellationToken.None);

                result.Status.Should().Be(RewriteStatus.Edited, $"{relative}:{position.Line + 1} {literal}: {result.Reason}");
                var edit = result.Edits.Should().ContainSingle().Subject;
                (edit.Start, edit.Length).Should().Be((literal.SpanStart, literal.Span.Length), $"only {literal} changes");
                checkedLiterals++;
            }
        }

        checkedLiterals.Should().BeGreaterThan(2);
    }

    /// <summary>The locator a string literal is the value of, when it is the selector/text argument of a locator call.</summary>
    private static LocatorSpec? LocatorOf(Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal)
    {
        var call = literal.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>();
        if (call?.Expression is not Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax member || call.ArgumentList.Arguments.Count == 0)
        {
            return null;
        }

        var value = literal.Token.ValueText;
        var firstArgument = call.ArgumentList.Arguments[0].Expression == literal;
        return member.Name.Identifier.ValueText switch
        {
            "Locator" when firstArgument => new LocatorSpec { By = LocatorKind.Css, Value = value },
            "GetByTestId" when firstArgument => new LocatorSpec { By = LocatorKind.TestId, Value = value },
            "GetByText" or "GetByLabel" when firstArgument => new LocatorSpec { By = member.Name.Identifier.ValueText == "GetByText" ? LocatorKind.Text : LocatorKind.Label, Value = value },
            "GetByRole" when !firstArgument && literal.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax { Left: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax { Identifier.ValueText: "Name" } }
                && call.ArgumentList.Arguments[0].Expression is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax role =>
                new LocatorSpec { By = LocatorKind.Role, Role = role.Name.Identifier.ValueText.ToLowerInvariant(), Name = value },
            "Id" or "CssSelector" or "XPath" or "Name" or "ClassName" when firstArgument && member.Expression.ToString() == "By" => member.Name.Identifier.ValueText switch
            {
                "Id" => new LocatorSpec { By = LocatorKind.Id, Value = value },
                "CssSelector" => new LocatorSpec { By = LocatorKind.Css, Value = value },
                "XPath" => new LocatorSpec { By = LocatorKind.XPath, Value = value },
                "Name" => new LocatorSpec { By = LocatorKind.Name, Value = value },
                _ => new LocatorSpec { By = LocatorKind.Class, Value = value },
            },
            _ => null,
        };
    }

    private static LocatorSpec Healed(LocatorSpec old) => old.By switch
    {
        LocatorKind.Role => old with { Name = old.Name + " now" },
        LocatorKind.XPath => old with { Value = "//button[@type='submit']" },
        _ => old with { Value = old.Value + "-healed" },
    };

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
