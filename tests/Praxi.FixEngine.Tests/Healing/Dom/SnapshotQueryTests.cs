using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Dom;

namespace Praxi.FixEngine.Tests.Healing.Dom;

/// <summary>
/// Checks the engine against Playwright itself: a call's snapshot marks the elements its selector resolved to
/// (<c>__playwright_target__</c>), so querying the call's selector on that snapshot must give exactly those.
/// </summary>
public sealed class SnapshotQueryTests
{
    private static readonly string[] Phases = [SnapshotPhase.Before, SnapshotPhase.Action, SnapshotPhase.After];

    [Fact]
    public void Query_CallSelectorsInTheSampleTraces_ReturnTheElementsPlaywrightTargeted()
    {
        var root = Path.Combine(RepositoryRoot.Path, "samples", "artifacts");
        var mismatches = new List<string>();
        var selectors = new HashSet<string>(StringComparer.Ordinal);
        var checkedSnapshots = 0;

        foreach (var trace in Directory.EnumerateFiles(root, "trace.zip", SearchOption.AllDirectories))
        {
            var evidence = TraceReader.Read(trace);
            foreach (var call in evidence.Calls.Where(c => !string.IsNullOrEmpty(c.Selector)))
            {
                foreach (var phase in Phases)
                {
                    var html = evidence.Snapshot(call.CallId, phase);
                    if (html is null)
                    {
                        continue;
                    }

                    var dom = DomLoader.Parse(html);
                    var targets = dom.QuerySelectorAll("[__playwright_target__]").ToList();
                    if (targets.Count == 0)
                    {
                        continue;
                    }

                    var found = SelectorEngine.Query(dom, call.Selector!);
                    if (!found.SequenceEqual(targets))
                    {
                        mismatches.Add($"{Path.GetRelativePath(root, trace)}: {call.Method} {call.Selector} ({phase}) gave {found.Count}, Playwright {targets.Count}");
                    }

                    selectors.Add(call.Selector!);
                    checkedSnapshots++;
                }
            }
        }

        mismatches.Should().BeEmpty();
        checkedSnapshots.Should().BeGreaterThan(20);
        selectors.Should().Contain(s => s.StartsWith("internal:role=", StringComparison.Ordinal))
            .And.Contain(s => s.StartsWith("internal:label=", StringComparison.Ordinal));
    }
}
