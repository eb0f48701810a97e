using System.Diagnostics;
using AngleSharp.Dom;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Healing.Dom;
using Praxi.FixEngine.Healing.Fingerprints;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Bench.Heal;

/// <summary>
/// Times healing one failure on a generated page of a given size, beside parsing the same page in the same process:
/// the parse is what any reader of the DOM pays, so healing is reported as a multiple of it. Five cases on one page —
/// an id renamed (with the baseline's fingerprint, and with only the locator's), a button reworded, an element removed,
/// and a strict-mode violation among every card's "Add to cart" — each checked for the element it should find.
/// </summary>
internal static class HealBenchmark
{
    public const int DefaultSeed = 20261126;

    private const string Test = "catalogue.spec.ts › buys from the grid";

    /// <summary>One case: the locator that broke, whether a baseline saw its element, and what a right answer resolves to.</summary>
    private sealed record Case(string Name, FixKind Kind, LocatorSpec Old, bool Baseline, string? Expected);

    public static HealBenchReport Run(long bytes, int seed, RepeatPolicy repeat, CancellationToken cancellationToken)
    {
        var (oldHtml, newHtml, cards) = HealPageGenerator.Generate(bytes, seed);
        var target = HealPageGenerator.TargetCard(cards);
        var cases = new[]
        {
            new Case("renamed id, baseline", FixKind.ReplaceSelector, Css("#checkout-button"), true, "#proceed-to-checkout"),
            new Case("renamed id, locator only", FixKind.ReplaceSelector, Css("#checkout-button"), false, "#proceed-to-checkout"),
            new Case("reworded button, baseline", FixKind.ReplaceSelector, new LocatorSpec { By = LocatorKind.Role, Role = "button", Name = "Subscribe" }, true, "[data-testid=newsletter-submit]"),
            new Case("removed, baseline", FixKind.ReplaceSelector, Css("#promo-close"), true, null),
            new Case("strict mode, baseline", FixKind.NarrowSelector, new LocatorSpec { By = LocatorKind.Role, Role = "button", Name = "Add to cart" }, true, $"button[data-product={target}]"),
        };

        var healer = new SelectorHealer();
        var oldDocument = DomLoader.Parse(oldHtml);
        var baseline = BaselineStore.Empty.Merge(cases.Where(c => c.Baseline).Select(c => Entry(c, oldDocument, target)));

        // Warm both paths once so the first timed run is not the JIT's.
        _ = DomLoader.Parse(newHtml);
        var parseMs = Time(repeat, () => DomLoader.Parse(newHtml), cancellationToken);
        var document = DomLoader.Parse(newHtml);
        var results = new List<HealBenchCase>();
        foreach (var c in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var store = c.Baseline ? baseline : BaselineStore.Empty;
            var outcome = healer.HealOnPage(0, c.Kind, c.Old, Test, healer.PageOf(document, "bench.html"), store);
            var healMs = Time(repeat, () => healer.HealOnPage(0, c.Kind, c.Old, Test, healer.PageOf(document, "bench.html"), store), cancellationToken);
            results.Add(new HealBenchCase(c.Name, outcome.Status.ToName(), outcome.New is null ? null : LocatorExpression.ToSelector(outcome.New), Verdict(c, outcome, document, healer), healMs, healMs / parseMs));
        }

        return new HealBenchReport(newHtml.Length, cards, CountElements(document), parseMs, results, SelfProcess.LoadAverage());
    }

    private static LocatorSpec Css(string css) => new() { By = LocatorKind.Css, Value = css };

    private static BaselineEntry Entry(Case c, IDocument oldDocument, string target)
    {
        var matches = SelectorEngine.Query(oldDocument, c.Old);
        var element = c.Kind == FixKind.NarrowSelector
            ? matches.Single(m => m.GetAttribute("data-product") == target)
            : matches.Single();
        var props = ElementFingerprints.FromElement(element, FingerprintOptions.For(null));
        return new BaselineEntry(Test, BaselineKeys.Of(c.Old), props, new BaselineSource("generated", "bench-old.html", null), DateTimeOffset.UnixEpoch);
    }

    /// <summary><c>right</c>, <c>wrong</c> (healed to another element), <c>abstained</c> (when it should have healed) or <c>right-abstain</c>.</summary>
    private static string Verdict(Case c, HealOutcome outcome, IDocument document, SelectorHealer healer)
    {
        if (c.Expected is null)
        {
            return outcome.New is null ? "right-abstain" : "wrong";
        }

        if (outcome.New is null)
        {
            return "abstained";
        }

        var expected = document.QuerySelector(c.Expected);
        var found = SelectorEngine.Query(document, outcome.New, healer.PageOf(document, "bench.html").Context);
        return found.Count == 1 && ReferenceEquals(found[0], expected) ? "right" : "wrong";
    }

    private static double Time(RepeatPolicy repeat, Func<object> run, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        while (repeat.WantsMore(times))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            GC.KeepAlive(run());
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return RepeatPolicy.Median(times);
    }

    private static int CountElements(IDocument document) => document.All.Length;
}

/// <summary>One case's figures: what healing answered, whether that was right, its median time and its multiple of the parse.</summary>
internal sealed record HealBenchCase(string Name, string Status, string? New, string Verdict, double HealMs, double RatioToParse);

/// <summary>The page and the cases.</summary>
internal sealed record HealBenchReport(long Bytes, int Cards, int Elements, double ParseMs, IReadOnlyList<HealBenchCase> Cases, string? LoadAverage);
