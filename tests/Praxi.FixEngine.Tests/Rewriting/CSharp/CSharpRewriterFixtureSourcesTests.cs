using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Rewriting;
using Praxi.FixEngine.Rewriting.CSharp;

namespace Praxi.FixEngine.Tests.Rewriting.CSharp;

/// <summary>
/// End to end on real runs: the instructions the analyzer derives from the recorded .NET TRX fixtures (absolute
/// build-machine paths, a line and no column) rewrite the very sources that produced them.
/// </summary>
public sealed class CSharpRewriterFixtureSourcesTests
{
    [Theory]
    [InlineData("playwright-dotnet", 3)]
    [InlineData("selenium-dotnet", 3)]
    public void Rewrite_InstructionsFromRecordedRuns_EditTheirSourcesOnce(string suite, int expectedInstructions)
    {
        var root = TestPaths.NewTempDir();
        var sources = Path.Combine(TestPaths.RepoRoot, "tests", "fixture-sources", suite);
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
            var secondRoot = TestPaths.NewTempDir();
            CopyTree(root, secondRoot);
            File.WriteAllText(Path.Combine(secondRoot, edit.File), output, new UTF8Encoding(false));
            var second = sut.Rewrite(new RewriteRequest(new SourceRepository(secondRoot), healed, SelectorPreferences.Default), CancellationToken.None);
            second.Status.Should().Be(RewriteStatus.NoChange, $"{instruction.Test}: {second.Reason}");
        }
    }

    private static LocatorSpec Healed(LocatorSpec old) => old.By switch
    {
        "role" => old with { Name = old.Name + " now" },
        "xpath" => old with { Value = "//button[@type='submit']" },
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
