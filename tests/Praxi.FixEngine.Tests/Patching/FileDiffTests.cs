using Praxi.FixEngine.Patching;

namespace Praxi.FixEngine.Tests.Patching;

public sealed class FileDiffTests
{
    private static readonly string Before = string.Concat(Enumerable.Range(1, 30).Select(i => $"line {i}\n"));

    [Fact]
    public void NewLineOf_LinesAboveBelowAndBetweenHunks_ShiftByTheLinesAddedAbove()
    {
        var after = Before.Replace("line 3\n", "line 3\ninserted a\ninserted b\n", StringComparison.Ordinal).Replace("line 20\n", string.Empty, StringComparison.Ordinal);
        var sut = UnifiedDiff.Create("a.spec.ts", Before, after);

        sut.Hunks.Should().HaveCount(2);
        sut.NewLineOf(2).Should().Be(2);
        sut.NewLineOf(3).Should().Be(3);
        sut.NewLineOf(4).Should().Be(6);
        sut.NewLineOf(12).Should().Be(14, "between the hunks only the insertion above counts");
        sut.NewLineOf(21).Should().Be(22, "two lines added above, one removed");
        sut.NewLineOf(30).Should().Be(31);
    }

    [Fact]
    public void NewLineOf_ReplacedLine_MapsToItsReplacement()
    {
        var after = Before.Replace("line 10\n", "// healed\nline ten\n", StringComparison.Ordinal);
        var sut = UnifiedDiff.Create("a.spec.ts", Before, after);

        sut.NewLineOf(10).Should().Be(10, "the first added line stands where the replaced one was");
        sut.NewLineOf(11).Should().Be(12);
    }

    [Fact]
    public void NewLineOf_RemovedLineWithoutReplacement_MapsToTheNextKeptLine()
    {
        var after = Before.Replace("line 10\n", string.Empty, StringComparison.Ordinal);
        var sut = UnifiedDiff.Create("a.spec.ts", Before, after);

        sut.NewLineOf(10).Should().Be(10);
        sut.NewLineOf(11).Should().Be(10);
    }

    [Fact]
    public void NewLineOf_NoHunks_IsTheSameLine()
    {
        var sut = UnifiedDiff.Create("a.spec.ts", Before, Before);

        sut.NewLineOf(7).Should().Be(7);
    }
}
