using System.Text;
using Praxi.FixEngine.Patching;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Tests.Patching;

/// <summary>Every diff is checked by the real thing: <c>git apply --check</c>, then <c>git apply</c>, then the bytes.</summary>
public sealed class UnifiedDiffTests
{
    private static readonly UTF8Encoding Utf8 = new(false);

    [Fact]
    public void Create_LfChangeInTheMiddle_GitAppliesItByteExact()
    {
        var before = Lines(10, "\n");
        var after = before.Replace("line 5\n", "line five\n", StringComparison.Ordinal);

        var patch = RoundTrip(("e2e/a.spec.ts", before, after));

        patch.Should().Contain("@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n");
    }

    [Fact]
    public void Create_CrlfFile_KeepsTheCarriageReturnInEveryLine()
    {
        var before = Lines(8, "\r\n");
        var after = before.Replace("line 4\r\n", "line four\r\n", StringComparison.Ordinal);

        var patch = RoundTrip(("tests/LoginTests.cs", before, after));

        patch.Should().Contain("-line 4\r\n+line four\r\n").And.Contain(" line 3\r\n");
    }

    [Fact]
    public void Create_MixedLineEndingsAndALoneCarriageReturn_StayByteExact()
    {
        var before = "a\r\nb\nc\rstill c\nd\r\ne\n";
        var after = "a\r\nb\nC\rstill c\nd\r\ne\n";

        RoundTrip(("e2e/mixed.spec.ts", before, after));
    }

    [Fact]
    public void Create_NoFinalNewlineChangeOnTheLastLine_MarksBothSides()
    {
        var before = Lines(5, "\n").TrimEnd('\n');
        var after = before.Replace("line 5", "line five", StringComparison.Ordinal);

        var patch = RoundTrip(("e2e/a.spec.ts", before, after));

        patch.Should().EndWith("-line 5\n\\ No newline at end of file\n+line five\n\\ No newline at end of file\n");
    }

    [Fact]
    public void Create_NoFinalNewlineChangeElsewhere_KeepsTheMarkerOnTheContextLine()
    {
        var before = Lines(5, "\n").TrimEnd('\n');
        var after = before.Replace("line 3", "line three", StringComparison.Ordinal);

        var patch = RoundTrip(("e2e/a.spec.ts", before, after));

        patch.Should().EndWith(" line 5\n\\ No newline at end of file\n");
    }

    [Fact]
    public void Create_FinalNewlineAdded_GitAppliesIt()
    {
        var before = Lines(4, "\n").TrimEnd('\n');

        var patch = RoundTrip(("e2e/a.spec.ts", before, before + "\n"));

        patch.Should().EndWith("-line 4\n\\ No newline at end of file\n+line 4\n");
    }

    [Fact]
    public void Create_FinalNewlineRemoved_GitAppliesIt()
    {
        var before = Lines(4, "\n");

        var patch = RoundTrip(("e2e/a.spec.ts", before, before.TrimEnd('\n')));

        patch.Should().EndWith("-line 4\n+line 4\n\\ No newline at end of file\n");
    }

    [Fact]
    public void Create_CrlfWithoutFinalNewline_GitAppliesIt()
    {
        var before = Lines(4, "\r\n")[..^2];
        var after = before.Replace("line 4", "line four", StringComparison.Ordinal);

        RoundTrip(("tests/LoginTests.cs", before, after));
    }

    [Fact]
    public void Create_BomFileChangeOnTheFirstLine_KeepsTheBomInTheLine()
    {
        var before = "using Xunit;\nnamespace Shop.Tests;\n";
        var after = "using Xunit; // healed\nnamespace Shop.Tests;\n";

        var patch = RoundTrip(("tests/LoginTests.cs", before, after, true));

        patch.Should().Contain("-\uFEFFusing Xunit;\n+\uFEFFusing Xunit; // healed\n");
    }

    [Fact]
    public void Create_BomFileChangeFarFromTheTop_KeepsTheBomBytes()
    {
        var before = Lines(12, "\r\n");
        var after = before.Replace("line 11", "line eleven", StringComparison.Ordinal);

        RoundTrip(("tests/LoginTests.cs", before, after, true));
    }

    [Fact]
    public void Create_ChangesFarApart_MakesSeveralHunks()
    {
        var before = Lines(40, "\n");
        var after = before.Replace("line 2\n", "line two\n", StringComparison.Ordinal).Replace("line 20\n", "line twenty\n", StringComparison.Ordinal).Replace("line 39\n", "line 39b\n", StringComparison.Ordinal);

        RoundTrip(("e2e/long.spec.ts", before, after));

        var diff = UnifiedDiff.Create("e2e/long.spec.ts", before, after);
        diff.Hunks.Should().HaveCount(3);
        diff.Hunks.Select(h => (h.OldStart, h.OldCount, h.NewStart, h.NewCount)).Should().Equal((1, 5, 1, 5), (17, 7, 17, 7), (36, 5, 36, 5));
        diff.ChangedLines.Should().Be(3);
    }

    [Fact]
    public void Create_ChangesSixLinesApart_ShareOneHunkAsInGit()
    {
        var before = Lines(20, "\n");
        var after = before.Replace("line 5\n", "line five\n", StringComparison.Ordinal).Replace("line 12\n", "line twelve\n", StringComparison.Ordinal);

        RoundTrip(("e2e/a.spec.ts", before, after));

        UnifiedDiff.Create("e2e/a.spec.ts", before, after).Hunks.Should().ContainSingle();
    }

    [Fact]
    public void Create_InsertionsAndDeletionsAtBothEnds_GitAppliesThem()
    {
        var before = Lines(6, "\n");
        var after = "header\n" + before.Replace("line 1\n", string.Empty, StringComparison.Ordinal).Replace("line 6\n", "line 6\nfooter 1\nfooter 2\n", StringComparison.Ordinal);

        RoundTrip(("e2e/a.spec.ts", before, after));
    }

    [Fact]
    public void Create_EmptyFileGetsContent_GitAppliesIt()
    {
        var patch = RoundTrip(("e2e/empty.spec.ts", string.Empty, "export {};\n"));

        patch.Should().Contain("@@ -0,0 +1 @@\n+export {};\n");
    }

    [Fact]
    public void Render_SeveralFiles_OnePatchMatchingTheApprovedText()
    {
        var spec = "import { test } from '@playwright/test';\n\ntest('a', async ({ page }) => {\n  await page.locator('#login-btn').click();\n});\n";
        var cs = "public static class Selectors\r\n{\r\n    public const string Login = \"#login-btn\";\r\n}\r\n";

        var patch = RoundTrip(
            ("e2e/login.spec.ts", spec, spec.Replace("'#login-btn'", "'[data-testid=\"sign-in\"]'", StringComparison.Ordinal), false),
            ("tests/Shop.Tests/Selectors.cs", cs, cs.Replace("\"#login-btn\"", "\"[data-testid=sign-in]\"", StringComparison.Ordinal), true));

        Approvals.Verify(patch.Replace("\r", "<CR>", StringComparison.Ordinal).Replace("\uFEFF", "<BOM>", StringComparison.Ordinal), "UnifiedDiffTests.SeveralFiles");
    }

    [Theory]
    [InlineData("e2e/with space.spec.ts")]
    [InlineData("e2e/über.spec.ts")]
    [InlineData("e2e/odd\"quote.spec.ts")]
    [InlineData("e2e/back\\slash.spec.ts")]
    public void Render_UnusualFileNames_GitFindsTheFile(string path)
    {
        var before = Lines(3, "\n");

        RoundTrip((path, before, before.Replace("line 2", "line two", StringComparison.Ordinal)));
    }

    [Fact]
    public void Create_NoChange_IsAnEmptyDiff()
    {
        var text = Lines(5, "\r\n");

        var diff = UnifiedDiff.Create("e2e/a.spec.ts", text, text, hasBom: true);

        diff.Hunks.Should().BeEmpty();
        UnifiedDiff.Render([diff]).Should().BeEmpty();
        UnifiedDiff.Render([]).Should().BeEmpty();
    }

    [Fact]
    public void Create_RandomEditsOfRandomFiles_GitAlwaysReproducesTheNewBytes()
    {
        var random = new Random(20240611);
        var pieces = new[] { "a", "b", "expect(x);", "  ", "\t", "é", "\r\n", "\n", "\n", "\r" };
        for (var round = 0; round < 12; round++)
        {
            var before = string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => pieces[random.Next(pieces.Length)]));
            var after = before;
            for (var e = 0; e < random.Next(1, 5); e++)
            {
                var start = random.Next(0, after.Length + 1);
                var length = random.Next(0, Math.Min(6, after.Length - start) + 1);
                after = after[..start] + string.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => pieces[random.Next(pieces.Length)])) + after[(start + length)..];
            }

            RoundTrip(("e2e/r.spec.ts", before, after, round % 3 == 0));
        }
    }

    private static string Lines(int count, string newline) => string.Concat(Enumerable.Range(1, count).Select(i => $"line {i}{newline}"));

    private static string RoundTrip(params (string Path, string Before, string After)[] files) =>
        RoundTrip([.. files.Select(f => (f.Path, f.Before, f.After, false))]);

    /// <summary>Commits the old bytes in a fresh git repository, applies the patch with git, compares the new bytes.</summary>
    private static string RoundTrip(params (string Path, string Before, string After, bool Bom)[] files)
    {
        using var repo = TestRepo.Create();
        foreach (var f in files)
        {
            repo.WithBytes(f.Path, Encode(f.Before, f.Bom));
        }

        repo.Commit();
        var diffs = files.Select(f =>
        {
            var source = SourceText.Decode(f.Path, repo.Bytes(f.Path));
            return UnifiedDiff.Create(f.Path, source.Text, f.After, source.HasBom);
        });
        var patch = UnifiedDiff.Render(diffs);
        if (files.All(f => f.Before == f.After))
        {
            patch.Should().BeEmpty();
            return patch;
        }

        var check = repo.Apply(patch, check: true);
        check.Code.Should().Be(0, $"git apply --check must accept the patch: {check.Error}\n{patch}");
        var apply = repo.Apply(patch, check: false);
        apply.Code.Should().Be(0, apply.Error);
        foreach (var f in files)
        {
            repo.Bytes(f.Path).Should().Equal(Encode(f.After, f.Bom), $"git must reproduce {f.Path} byte for byte\n{patch}");
        }

        return patch;
    }

    private static byte[] Encode(string text, bool bom) => bom ? [0xEF, 0xBB, 0xBF, .. Utf8.GetBytes(text)] : Utf8.GetBytes(text);
}
