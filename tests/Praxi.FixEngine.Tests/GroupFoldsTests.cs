namespace Praxi.FixEngine.Tests;

public sealed class GroupFoldsTests
{
    [Fact]
    public void Assign_ManyGroups_PutsEachGroupInOneFoldAndBalancesTheFolds()
    {
        var groups = Enumerable.Range(0, 100).Select(i => $"g{i % 37}").ToList();

        var folds = GroupFolds.Assign(groups, 5);

        groups.Select((g, i) => (g, f: folds[i])).GroupBy(x => x.g).Should().OnlyContain(g => g.Select(x => x.f).Distinct().Count() == 1);
        var sizes = folds.GroupBy(f => f).Select(g => g.Count()).ToList();
        sizes.Should().HaveCount(5);
        (sizes.Max() - sizes.Min()).Should().BeLessThanOrEqualTo(3);
        GroupFolds.Assign(groups, 5).Should().Equal(folds);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Assign_FoldsOutsideTwoToGroupCount_FailsWithAClearMessage(int folds)
    {
        var act = () => GroupFolds.Assign(["a", "b", "c", "a"], folds);

        act.Should().Throw<FixEngineException>().WithMessage("*between 2 and 3*");
    }
}
