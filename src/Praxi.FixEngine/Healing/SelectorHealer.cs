using System.Globalization;
using AngleSharp.Dom;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Healing.Dom;
using Praxi.FixEngine.Healing.Fingerprints;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing;

/// <summary>
/// The healing stage: for each <c>replace_selector</c> / <c>narrow_selector</c> instruction of an analysis, finds the
/// element the test meant in the page as it was when the test failed, writes a verified unique locator for it (in the
/// author's form when it can say it), and fills the instruction's <c>new</c>; or abstains and says why. It never
/// guesses: an element that is gone or ambiguous leaves the instruction without <c>new</c>, and the fix agent then
/// sends it to manual review. The page is the failing call's DOM snapshot from a trace, else a DOM dump, else — weaker
/// evidence, said so in the outcome — the ARIA page snapshot of Playwright's <c>error-context.md</c> (docs/healing.md).
/// </summary>
/// <example>
/// <code>
/// var report = await new FailureAnalyzer().AnalyzeAsync("artifacts/");
/// var heal = await new SelectorHealer().HealAsync(report, "artifacts/", ".praxi/baseline.json");
/// var fix = await new FixAgent().PlanAsync(FixInput.From(report with { FixAgentInstructions = heal.Instructions }), "/src/shop");
/// </code>
/// </example>
public sealed partial class SelectorHealer
{
    // The most a heal may claim, by where the target's fingerprint came from: a baseline fingerprint saw the element
    // itself; a locator-inferred one knows one or two of its properties.
    private const double BaselineCeiling = 0.97;
    private const double TraceCeiling = 0.95;
    private const double MatchesCeiling = 0.8;
    private const double LocatorCeiling = 0.85;

    private readonly SelectorPreferences _preferences;
    private readonly FingerprintOptions _fingerprints;
    private readonly DomQueryContext _context;

    /// <summary>Creates a healer.</summary>
    /// <param name="options">How the project writes locators (<c>praxi.json</c> → <c>selectors</c>), or null for the defaults.</param>
    /// <exception cref="FixEngineException">The options are invalid.</exception>
    public SelectorHealer(SelectorOptions? options = null)
    {
        options ??= new SelectorOptions();
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new FixEngineException($"Invalid selector options: {string.Join("; ", problems)}.");
        }

        _preferences = options.ToPreferences();
        _fingerprints = FingerprintOptions.For(_preferences.TestIdAttributes);
        _context = DomQueryContext.Default with { TestIdAttribute = _preferences.TestIdAttributes[0] };
    }

    /// <summary>Heals the selector instructions of an analysis with the evidence under the artifacts folder it was made from.</summary>
    /// <param name="report">The analysis.</param>
    /// <param name="artifactsPath">The folder (or file) that was analysed.</param>
    /// <param name="baselinePath">A baseline store written by <c>praxi baseline record</c>, or null for none; a missing file is an empty store.</param>
    /// <param name="cancellationToken">Cancels between instructions.</param>
    /// <returns>One outcome per selector instruction and the instructions with <c>new</c> filled in where healed.</returns>
    /// <exception cref="FixEngineException">The baseline store cannot be read.</exception>
    public async Task<HealReport> HealAsync(AnalysisReport report, string artifactsPath, string? baselinePath = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(artifactsPath);
        var baseline = baselinePath is null
            ? BaselineStore.Empty
            : await BaselineStore.LoadAsync(baselinePath, cancellationToken).ConfigureAwait(false);
        return await Task.Run(() => Heal(report, artifactsPath, baseline, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Heals with a baseline already loaded.</summary>
    internal HealReport Heal(AnalysisReport report, string artifactsPath, BaselineStore baseline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(artifactsPath);
        ArgumentNullException.ThrowIfNull(baseline);
        var evidence = new EvidenceLocator(artifactsPath);
        var pages = new PageCache(evidence, _context);
        var instructions = (report.FixAgentInstructions ?? []).ToList();
        var outcomes = new List<HealOutcome>();
        for (var i = 0; i < instructions.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var instruction = instructions[i];
            if (instruction.Kind is not (FixKind.ReplaceSelector or FixKind.NarrowSelector) || instruction.Old is null)
            {
                continue;
            }

            var outcome = HealOne(i, instruction, report, baseline, evidence, pages);
            outcomes.Add(outcome);
            if (outcome.New is not null)
            {
                instructions[i] = instruction with
                {
                    New = outcome.New,
                    Confidence = Math.Round(Math.Min(instruction.Confidence, 1) * outcome.Confidence, 3),
                    Evidence = $"{instruction.Evidence}; healed: {outcome.Reason}",
                };
            }
        }

        return new HealReport { RunId = report.RunId, Outcomes = outcomes, Instructions = instructions };
    }

    private HealOutcome HealOne(int index, FixInstruction instruction, AnalysisReport report, BaselineStore baseline, EvidenceLocator evidence, PageCache pages)
    {
        var old = instruction.Old!;

        // Every failed test that stopped at this call can lend its evidence; the instruction's own test first.
        var failures = report.Classification.Failures
            .Where(f => f.Test == instruction.Test || (f.File == instruction.File && f.Line == instruction.Line && SameLocator(f.Locator, old)))
            .OrderBy(f => f.Test == instruction.Test ? 0 : 1)
            .ToList();
        Page? page = null;
        FailureReport? failure = null;
        foreach (var f in failures)
        {
            if (evidence.Find(f) is { } found && pages.Get(found) is { } p)
            {
                (page, failure) = (p, f);
                break;
            }
        }

        if (page is null || failure is null)
        {
            // No DOM anywhere: an error-context.md page snapshot is the evidence of last resort.
            foreach (var f in failures)
            {
                if (evidence.Find(f) is { } found && pages.GetAria(found) is { } aria)
                {
                    return HealOnAria(index, instruction.Kind, old, f.Test, aria, baseline);
                }
            }

            // A trace that was found but could not be read says why first (a format too old or too new, with the version).
            var problem = failures.Select(evidence.Find).OfType<FailureEvidence>().Select(pages.Problem).FirstOrDefault(p => p is not null);
            return new HealOutcome
            {
                Instruction = index,
                Kind = instruction.Kind,
                Test = instruction.Test,
                Old = old,
                Status = HealStatus.NoEvidence,
                Confidence = 0,
                Reason = failures.Count == 0
                    ? "no failed test in the analysis belongs to this instruction"
                    : problem ?? "no trace, DOM dump or error-context.md page snapshot was found for " + string.Join(", ", failures.Select(f => f.Test).Take(3)),
            };
        }

        return HealOnPage(index, instruction.Kind, old, failure.Test, page, baseline);
    }

    /// <summary>An outcome that heals nothing (confidence 0): the abstentions of a heal on a DOM and on an ARIA snapshot alike.</summary>
    private static HealOutcome Abstention(
        int index, FixKind kind, LocatorSpec old, string test, HealStatus status, string reason, HealEvidence? ev, IReadOnlyList<HealCandidate>? candidates) => new()
    {
        Instruction = index,
        Kind = kind,
        Test = test,
        Old = old,
        Status = status,
        Confidence = 0,
        Reason = reason,
        Evidence = ev,
        Candidates = candidates ?? [],
    };

    /// <summary>A page read from a DOM already parsed (a dump), with this healer's test-id attribute.</summary>
    internal Page PageOf(IDocument document, string source) => Page.FromDocument(source, document, _context);

    /// <summary>Heals one locator on the page its test failed on: the part of healing that reads no files (the benchmark times it alone).</summary>
    internal HealOutcome HealOnPage(int index, FixKind kind, LocatorSpec old, string test, Page page, BaselineStore baseline)
    {
        HealOutcome Abstain(HealStatus status, string reason, HealEvidence? ev = null, IReadOnlyList<HealCandidate>? candidates = null) =>
            Abstention(index, kind, old, test, status, reason, ev, candidates);

        IReadOnlyList<IElement> matches;
        try
        {
            matches = SelectorEngine.Query(page.Document, old, page.Context);
        }
        catch (FixEngineException ex)
        {
            return Abstain(HealStatus.Unsupported, $"the locator cannot be evaluated offline: {ex.Message}");
        }

        if (kind == FixKind.ReplaceSelector && matches.Count > 0)
        {
            var visible = matches.Count(m => !AriaSemantics.IsHidden(m));
            return Abstain(HealStatus.StillMatches, string.Create(CultureInfo.InvariantCulture,
                $"{Describe(old)} matches {matches.Count} element(s) ({visible} visible) in {page.Snapshot}: the element did not go, so this is not a selector to heal (timing, visibility or state)"));
        }

        if (kind == FixKind.NarrowSelector && matches.Count < 2)
        {
            return Abstain(HealStatus.StillMatches, string.Create(CultureInfo.InvariantCulture,
                $"{Describe(old)} matches {matches.Count} element(s) in {page.Snapshot}, not several: nothing to narrow"));
        }

        if (kind == FixKind.ReplaceSelector && EntersFrame(old))
        {
            // The candidates are the top document's elements and a generated locator names no frame: a heal would
            // point the test at an element outside the frame it meant.
            return Abstain(HealStatus.Unsupported, $"{Describe(old)} enters an iframe; healing an element inside a frame is not supported (the candidates would come from the top document)");
        }

        var (target, source) = Fingerprint(baseline, test, old, page);
        var pool = kind == FixKind.NarrowSelector
            ? MatchesOf(page, matches)
            : page.Candidates(_fingerprints);
        var result = SimilarityRelocator.Relocate(target, [.. pool.Select(c => new RelocationCandidate(c.Props.XPath!, c.Props))]);
        var byId = pool.ToDictionary(c => c.Props.XPath!, StringComparer.Ordinal);
        var top = result.Top.Select(t => new HealCandidate(Describe(byId[t.Id].Element), Math.Round(t.Score, 3), t.Id)).ToList();
        var ev = new HealEvidence { Source = page.Source, Snapshot = page.Snapshot, Fingerprint = source };

        IElement? chosen = result.ChosenId is { } id ? byId[id].Element : null;
        var why = string.Empty;
        if (chosen is null && kind == FixKind.NarrowSelector && source == "locator")
        {
            // The locator cannot tell its own matches apart; the test's recent steps can.
            (chosen, why) = NearRecentSteps(matches, page);
        }

        if (chosen is null)
        {
            var status = result.Outcome == RelocationOutcome.Ambiguous || kind == FixKind.NarrowSelector ? HealStatus.Ambiguous : HealStatus.ElementGone;
            var close = Math.Max(2, top.Count(c => top.Count > 0 && !SimilarityRelocator.ClearWinner(top[0].Score, c.Score)));
            var reason = status == HealStatus.Ambiguous
                ? $"{close} candidates are about equally similar to the {source} fingerprint of {Describe(old)}; healing would be a guess"
                : $"nothing in {page.Snapshot} is similar enough to the {source} fingerprint of {Describe(old)} (best {(top.Count > 0 ? top[0].Score.ToString("0.00", CultureInfo.InvariantCulture) : "none")}): the element looks removed";
            return Abstain(status, reason, ev, top);
        }

        var generated = kind == FixKind.NarrowSelector
            ? LocatorNarrower.Narrow(old, chosen, page.Document, page.Context)
            : LocatorGenerator.Generate(chosen, page.Document, _preferences, old, page.Context);
        if (generated.Count == 0)
        {
            return Abstain(HealStatus.NoLocator, $"found {Describe(chosen)} but no locator matches it alone", ev, top);
        }

        var pick = generated.FirstOrDefault(g => !g.Fragile) ?? generated[0];
        var props = ElementFingerprints.FromElement(chosen, _fingerprints);
        var score = result.ChosenId is null ? 0.5 : result.Top[0].Score;
        var margin = result.ChosenId is null ? 0 : result.Top.Count > 1 ? result.Top[0].Score - result.Top[1].Score : score;
        var confidence = Confidence(source, score, margin, pick.Fragile);
        var matched = Matched(target, props);
        return new HealOutcome
        {
            Instruction = index,
            Kind = kind,
            Test = test,
            Old = old,
            Status = HealStatus.Healed,
            New = pick.Spec,
            Strategy = pick.Strategy,
            Fragile = pick.Fragile,
            Confidence = confidence,
            Reason = why.Length > 0
                ? $"{Describe(old)} → {Describe(pick.Spec)}: {why}; {pick.Why}"
                : string.Create(CultureInfo.InvariantCulture, $"{Describe(old)} → {Describe(pick.Spec)}: {Describe(chosen)} matches the {source} fingerprint ({(matched.Count > 0 ? string.Join(", ", matched) + "; " : string.Empty)}score {score:0.00}, runner-up {score - margin:0.00}); {pick.Why}"),
            Evidence = ev with { Matched = matched, Alternatives = [.. generated.Where(g => !ReferenceEquals(g, pick)).Select(g => g.Spec).Take(4)] },
            Candidates = top,
        };
    }

    /// <summary>
    /// The strict-mode matches as candidates, fingerprinted with the page's shared index (one walk of the page, not one
    /// per match: a grid of a thousand "Add to cart" buttons would otherwise cost a thousand walks).
    /// </summary>
    private List<DomCandidate> MatchesOf(Page page, IReadOnlyList<IElement> matches)
    {
        var byElement = new Dictionary<IElement, DomCandidate>(ReferenceEqualityComparer.Instance);
        foreach (var candidate in page.Candidates(_fingerprints))
        {
            byElement[candidate.Element] = candidate;
        }

        return [.. matches.Select(m => byElement.TryGetValue(m, out var c) ? c : new DomCandidate(m, ElementFingerprints.FromElement(m, _fingerprints)))];
    }

    /// <summary>The target's fingerprint: the baseline's, else an earlier passing call's in the same trace, else the locator's own.</summary>
    private (ElementProps Props, string Source) Fingerprint(BaselineStore baseline, string test, LocatorSpec old, Page page)
    {
        if (baseline.Find(test, old) is { } entry)
        {
            return (entry.Fingerprint, "baseline");
        }

        if (page.EarlierTarget(old) is { } earlier)
        {
            return (ElementFingerprints.FromElement(earlier, _fingerprints), "trace");
        }

        return (ElementFingerprints.FromLocator(old, _preferences).Props, "locator");
    }

    /// <summary>
    /// Among a strict-mode locator's matches, the one that sits with what the test touched just before (the fields it
    /// filled before clicking submit) — when exactly one is clearly closer. Nearness is the depth of the lowest common
    /// ancestor with the previous steps' targets; a difference of less than two levels decides nothing.
    /// </summary>
    private static (IElement? Element, string Why) NearRecentSteps(IReadOnlyList<IElement> matches, Page page)
    {
        var recent = page.RecentTargets();
        if (recent.Count == 0)
        {
            return (null, string.Empty);
        }

        var depths = matches.Select(m => (Element: m, Depth: recent.Max(r => CommonDepth(m, r)))).OrderByDescending(x => x.Depth).ToList();
        if (depths.Count > 1 && depths[0].Depth - depths[1].Depth >= 2)
        {
            return (depths[0].Element, $"of its {matches.Count} matches, {Describe(depths[0].Element)} is the one inside the part of the page the test's previous steps worked in");
        }

        return (null, string.Empty);
    }

    private static int CommonDepth(IElement a, IElement b)
    {
        var ancestors = new HashSet<INode>(ReferenceEqualityComparer.Instance);
        for (INode? n = a; n is not null; n = n.Parent)
        {
            ancestors.Add(n);
        }

        for (INode? n = b; n is not null; n = n.Parent)
        {
            if (ancestors.Contains(n))
            {
                var depth = 0;
                for (var m = n.Parent; m is not null; m = m.Parent)
                {
                    depth++;
                }

                return depth;
            }
        }

        return 0;
    }

    private static double Confidence(string source, double score, double margin, bool fragile)
    {
        var c = Math.Min(Ceiling(source), 0.45 + (score * 0.35) + Math.Min(margin, 0.4));
        return Math.Round(fragile ? c * 0.7 : c, 3);
    }

    private static double Ceiling(string source) => source switch
    {
        "baseline" => BaselineCeiling,
        "trace" => TraceCeiling,
        "matches" => MatchesCeiling,
        _ => LocatorCeiling,
    };

    private static List<string> Matched(ElementProps target, ElementProps found)
    {
        var list = new List<string>();
        void Check(string name, string? a, string? b)
        {
            if (a is not null && b is not null && string.Equals(AriaSemantics.Normalize(a), AriaSemantics.Normalize(b), StringComparison.OrdinalIgnoreCase))
            {
                list.Add(name);
            }
        }

        // A fingerprint from '#id' or an ARIA snapshot has no tag ('*'): nothing to match.
        Check("tag", SimilarityRelocator.KnownTag(target.Tag), SimilarityRelocator.KnownTag(found.Tag));
        Check("id", target.Id, found.Id);
        Check("test_id", target.TestId, found.TestId);
        Check("role", target.Role, found.Role);
        Check("name", target.AccessibleName, found.AccessibleName);
        Check("text", target.SeenText, found.SeenText);
        Check("class", target.Class, found.Class);
        Check("name_attr", target.Name, found.Name);
        Check("placeholder", target.Placeholder, found.Placeholder);
        Check("href", target.Href, found.Href);
        Check("neighbours", target.AroundText, found.AroundText);
        return list;
    }

    private static bool EntersFrame(LocatorSpec spec) =>
        SelectorChain.Split(PlaywrightSelectors.Print(spec)).Contains(PlaywrightSelectors.EnterFrame);

    private static bool SameLocator(string? printed, LocatorSpec old) =>
        LocatorExpression.TryParse(printed, out var spec) && PlaywrightSelectors.Print(spec) == PlaywrightSelectors.Print(old);

    internal static string Describe(LocatorSpec spec) => PlaywrightSelectors.Print(spec);

    /// <summary>A short description of an element for a reviewer: tag, identifying attributes, the start of its text.</summary>
    internal static string Describe(IElement e)
    {
        var sb = new System.Text.StringBuilder("<").Append(e.LocalName);
        foreach (var name in (string[])["id", "data-testid", "name", "type", "role", "aria-label", "class", "href", "placeholder"])
        {
            if (e.GetAttribute(name) is { Length: > 0 } value)
            {
                sb.Append(' ').Append(name).Append("=\"").Append(value.Length > 40 ? value[..40] + "…" : value).Append('"');
            }
        }

        sb.Append('>');
        var text = AriaSemantics.Normalize(e.TextContent);
        sb.Append(text.Length > 50 ? text[..50] + "…" : text);
        return sb.ToString();
    }
}
