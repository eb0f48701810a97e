using AngleSharp.Dom;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Dom;
using Praxi.FixEngine.Healing.Fingerprints;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing;

/// <summary>
/// The page a test failed on, as its evidence shows it: the failing call's snapshot from its trace (with the calls
/// before it), else its DOM dump. Parsed once; candidates fingerprinted once.
/// </summary>
internal sealed class Page
{
    private readonly TraceEvidence? _trace;
    private readonly Dictionary<string, IDocument?> _frames = new(StringComparer.Ordinal);
    private IReadOnlyList<DomCandidate>? _candidates;

    private Page(string source, string snapshot, IDocument document, TraceEvidence? trace, DomQueryContext context)
    {
        Source = source;
        Snapshot = snapshot;
        Document = document;
        _trace = trace;
        Context = context with { FrameResolver = ResolveFrame };
    }

    /// <summary>The evidence file, relative to the artifacts.</summary>
    public string Source { get; }

    /// <summary>Which DOM: <c>trace &lt;callId&gt; &lt;phase&gt;</c> or <c>dom dump</c>.</summary>
    public string Snapshot { get; }

    /// <summary>The failure-time DOM.</summary>
    public IDocument Document { get; }

    /// <summary>How locators are evaluated on it (frames resolved from the trace).</summary>
    public DomQueryContext Context { get; }

    /// <summary>Reads the best evidence of a folder: the trace's failing call, else the DOM dump; null when neither gives a DOM.</summary>
    /// <param name="evidence">The failure's files.</param>
    /// <param name="fullPath">Maps a file of the evidence to its full path.</param>
    /// <param name="context">How selectors are evaluated.</param>
    /// <param name="traceProblem">Why the trace could not be read (its format and the Playwright that wrote it), or null.</param>
    public static Page? Load(FailureEvidence evidence, Func<string, string> fullPath, DomQueryContext context, out string? traceProblem)
    {
        traceProblem = null;
        if (evidence.Trace is not null && ReadTrace(fullPath(evidence.Trace), out traceProblem) is { } trace)
        {
            if (trace.FailingCall is { } call)
            {
                foreach (var phase in (string[])[SnapshotPhase.After, SnapshotPhase.Action, SnapshotPhase.Before])
                {
                    if (trace.Snapshot(call.CallId, phase) is { } html)
                    {
                        return new Page(evidence.Trace, $"trace {call.CallId} {phase}", DomLoader.Parse(html), trace, context);
                    }
                }
            }
        }

        return evidence.Dom is null ? null : new Page(evidence.Dom, "dom dump", DomLoader.Load(fullPath(evidence.Dom)), null, context);
    }

    /// <summary>A page from a DOM already parsed, as a dump is read (no trace behind it).</summary>
    public static Page FromDocument(string source, IDocument document, DomQueryContext context) => new(source, "dom dump", document, null, context);

    /// <summary>A damaged trace is no evidence, but the folder's DOM dump may still be.</summary>
    private static TraceEvidence? ReadTrace(string path, out string? problem)
    {
        try
        {
            problem = null;
            return TraceReader.Read(path);
        }
        catch (FixEngineException ex)
        {
            problem = ex.Message;
            return null;
        }
    }

    /// <summary>Every element worth scoring, fingerprinted.</summary>
    public IReadOnlyList<DomCandidate> Candidates(FingerprintOptions options) => _candidates ??= ElementFingerprints.Candidates(Document, options);

    /// <summary>
    /// The element an earlier, passing call of the same test resolved with the same locator (the test used it before
    /// the page changed under it): the one element marked as its target in that call's snapshot.
    /// </summary>
    public IElement? EarlierTarget(LocatorSpec locator)
    {
        if (_trace is null)
        {
            return null;
        }

        var key = PlaywrightSelectors.Print(locator);
        foreach (var call in _trace.PassingCalls.Reverse())
        {
            if (call.Selector is null || !LocatorExpression.TryParseSelector(call.Selector, out var spec) || PlaywrightSelectors.Print(spec) != key)
            {
                continue;
            }

            if (MarkedTarget(call.CallId) is { } element)
            {
                return element;
            }
        }

        return null;
    }

    /// <summary>The elements the last few passing calls acted on, found again in the failure-time DOM by their locators.</summary>
    public IReadOnlyList<IElement> RecentTargets(int calls = 3)
    {
        if (_trace is null)
        {
            return [];
        }

        var list = new List<IElement>();
        foreach (var call in _trace.PassingCalls.Reverse().Where(c => c.Selector is not null).Take(calls))
        {
            try
            {
                var found = SelectorEngine.Query(Document, call.Selector!, Context);
                if (found.Count == 1)
                {
                    list.Add(found[0]);
                }
            }
            catch (FixEngineException)
            {
                // An engine we cannot evaluate offline says nothing about nearness.
            }
        }

        return list;
    }

    private IElement? MarkedTarget(string callId)
    {
        foreach (var phase in (string[])[SnapshotPhase.Action, SnapshotPhase.After, SnapshotPhase.Before])
        {
            if (_trace!.Snapshot(callId, phase) is { } html)
            {
                var marked = DomLoader.Parse(html).QuerySelectorAll($"[{ElementFingerprints.TargetMarker}]");
                if (marked.Length == 1)
                {
                    return marked[0];
                }
            }
        }

        return null;
    }

    private IDocument? ResolveFrame(IElement frame)
    {
        if (_trace is null || frame.GetAttribute("src") is not { } src || !src.StartsWith("/snapshot/", StringComparison.Ordinal))
        {
            return null;
        }

        var frameId = src["/snapshot/".Length..];
        if (!_frames.TryGetValue(frameId, out var document))
        {
            var phaseCall = _trace.FailingCall;
            string? html = null;
            if (phaseCall is not null)
            {
                html = _trace.Snapshot(phaseCall.CallId, SnapshotPhase.After, frameId)
                    ?? _trace.Snapshot(phaseCall.CallId, SnapshotPhase.Action, frameId)
                    ?? _trace.Snapshot(phaseCall.CallId, SnapshotPhase.Before, frameId);
            }

            _frames[frameId] = document = html is null ? null : DomLoader.Parse(html);
        }

        return document;
    }
}

/// <summary>Pages by evidence (the same files), so tests that share a folder's evidence share one parse.</summary>
internal sealed class PageCache(EvidenceLocator locator, DomQueryContext context)
{
    private readonly Dictionary<FailureEvidence, Page?> _pages = [];
    private readonly Dictionary<FailureEvidence, AriaPage?> _ariaPages = [];
    private readonly Dictionary<FailureEvidence, string> _problems = [];

    public Page? Get(FailureEvidence evidence)
    {
        if (!_pages.TryGetValue(evidence, out var page))
        {
            string? problem;
            try
            {
                page = Page.Load(evidence, locator.FullPath, context, out problem);
            }
            catch (FixEngineException ex)
            {
                // A damaged trace or dump is no evidence; the instruction abstains with no_evidence, saying why.
                (page, problem) = (null, ex.Message);
            }

            _pages[evidence] = page;
            if (problem is not null)
            {
                _problems[evidence] = problem;
            }
        }

        return page;
    }

    /// <summary>Why the evidence's trace or dump could not be read (a trace format praxi does not read, a damaged file), once <see cref="Get"/> tried it.</summary>
    public string? Problem(FailureEvidence evidence) => _problems.GetValueOrDefault(evidence);

    /// <summary>The evidence's error-context.md page snapshot, read once; null when it has none or it cannot be read.</summary>
    public AriaPage? GetAria(FailureEvidence evidence)
    {
        if (!_ariaPages.TryGetValue(evidence, out var page))
        {
            try
            {
                page = AriaPage.Load(evidence, locator.FullPath);
            }
            catch (IOException)
            {
                page = null;
            }
            catch (UnauthorizedAccessException)
            {
                page = null;
            }

            _ariaPages[evidence] = page;
        }

        return page;
    }
}
