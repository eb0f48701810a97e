using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Healing.Evaluation;

namespace Praxi.FixEngine.Tests.Healing.Evaluation;

public sealed class RelocationMutationEvaluatorTests : IDisposable
{
    private const string TinyPage = """
        <!DOCTYPE html>
        <html><body>
          <header><nav><a href="/" class="nav-link">Home</a> <a href="/products" class="nav-link">Products</a> <a href="/about" class="nav-link">About us</a></nav></header>
          <main>
            <h1>Canvas bags</h1>
            <p class="lead">Hand-made tote bags from organic cotton.</p>
            <label for="qty">Quantity</label><input id="qty" name="quantity" type="number">
            <button id="add-to-cart" class="btn btn-primary" data-testid="add-to-cart">Add to cart</button>
          </main>
          <footer><p>Small print and returns policy</p></footer>
        </body></html>
        """;

    private readonly TempFolder _temp = TempFolder.Create("mutate");

    public RelocationMutationEvaluatorTests() => File.WriteAllText(Path.Combine(_temp.Path, "tiny.html"), TinyPage);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Run_TinyPage_EveryMutationIsTriedAndEveryCaseCountedOnce()
    {
        var report = RelocationMutationEvaluator.Evaluate([_temp.Path], seed: 1, cancellationToken: CancellationToken.None);

        report.Pages.Should().Be(1);
        report.Targets.Should().BeInRange(6, RelocationMutationEvaluator.TargetsPerPage);
        report.Cases.Select(c => c.Mutation).Distinct().Should().BeEquivalentTo(Enum.GetValues<RelocationMutation>());
        report.Cases.Should().OnlyContain(c => (c.Correct ? 1 : 0) + (c.Wrong ? 1 : 0) + (c.Abstained ? 1 : 0) == 1);
        report.Cases.Where(c => c.Mutation == RelocationMutation.Removed).Should().OnlyContain(c => c.Truth == null);
        report.Cases.Where(c => c.Mutation != RelocationMutation.Removed).Should().OnlyContain(c => c.Truth != null);
    }

    [Fact]
    public void Run_TinyPage_FindsTheButtonAfterEachMutationAndAbstainsWhenItIsRemoved()
    {
        var report = RelocationMutationEvaluator.Evaluate([_temp.Path], seed: 1, cancellationToken: CancellationToken.None);

        var button = report.Cases.Where(c => c.Target.EndsWith("/button[1]", StringComparison.Ordinal)).ToArray();
        button.Should().NotBeEmpty();
        button.Should().OnlyContain(c => c.Correct, because: "a button with a unique text, id and test id is easy to find, and its removal leaves nothing like it");
    }

    [Fact]
    public void Run_SameSeed_SameCasesAndOutcomes()
    {
        var first = RelocationMutationEvaluator.Evaluate([_temp.Path], seed: 7, cancellationToken: CancellationToken.None);
        var second = RelocationMutationEvaluator.Evaluate([_temp.Path], seed: 7, cancellationToken: CancellationToken.None);

        second.Cases.Select(Key).Should().Equal(first.Cases.Select(Key));
    }

    [Fact]
    public void Run_FolderWithoutPages_Throws()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_temp.Path, "empty")).FullName;

        var act = () => RelocationMutationEvaluator.Evaluate([empty], seed: 1, cancellationToken: CancellationToken.None);

        act.Should().Throw<FixEngineException>().WithMessage("No *.html file under*");
    }

    [Fact]
    public void Case_RemovedElementButTheRelocatorChose_IsWrongNotAbstained()
    {
        var chose = new RelocationMutationCase("p", "/t", RelocationMutation.Removed, null, new RelocationResult(RelocationOutcome.Found, "/other", []));
        var abstained = new RelocationMutationCase("p", "/t", RelocationMutation.Removed, null, new RelocationResult(RelocationOutcome.ElementGone, null, []));
        var missed = new RelocationMutationCase("p", "/t", RelocationMutation.Moved, "/t2", new RelocationResult(RelocationOutcome.Ambiguous, null, []));

        (chose.Correct, chose.Wrong, chose.Abstained).Should().Be((false, true, false));
        (abstained.Correct, abstained.Wrong, abstained.Abstained).Should().Be((true, false, false));
        (missed.Correct, missed.Wrong, missed.Abstained).Should().Be((false, false, true));
    }

    private static string Key(RelocationMutationCase c) => $"{c.Target}|{c.Mutation}|{c.Truth}|{c.Result.ChosenId}|{c.Result.Outcome}";
}
