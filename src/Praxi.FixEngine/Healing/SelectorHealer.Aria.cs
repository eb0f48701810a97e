using System.Globalization;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Healing.Dom;
using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Healing;

public sealed partial class SelectorHealer
{
    /// <summary>
    /// The most a heal from an ARIA page snapshot alone may claim. Such a page shows roles, names and texts only: the
    /// old locator's id, class or test id cannot be looked for in it (so an element that is still there under its old
    /// id cannot be told apart from one that went), the target's fingerprint loses everything but its words, and the
    /// snapshot was taken when the test's context closed, after the failure. So it stays one step (0.1) below the
    /// ceiling of a heal from a DOM with the same fingerprint source; docs/healing.md#aria-snapshot-evidence states it.
    /// </summary>
    internal const double AriaSnapshotCeilingStep = 0.1;

    // Words an identifier uses for the kind of element it names (checkout-btn, emailInput, terms-chk): on a DOM the
    // tag and classes say the same, on an ARIA snapshot only the role does, and no entry's name or text has them.
    private static readonly Dictionary<string, string> KindWords = new(StringComparer.Ordinal)
    {
        ["btn"] = "button", ["button"] = "button", ["link"] = "link", ["lnk"] = "link",
        ["input"] = "textbox", ["textbox"] = "textbox", ["txt"] = "textbox", ["field"] = "textbox",
        ["checkbox"] = "checkbox", ["chk"] = "checkbox", ["cb"] = "checkbox", ["radio"] = "radio",
        ["select"] = "combobox", ["dropdown"] = "combobox", ["combobox"] = "combobox", ["combo"] = "combobox",
    };

    /// <summary>
    /// Heals one locator on an ARIA page snapshot, the evidence of last resort: the same relocator, with the same
    /// threshold, identity floor and margins, over the snapshot's entries; the target's fingerprint reduced to what such
    /// a snapshot can show; only role, label, placeholder and text locators written.
    /// </summary>
    internal HealOutcome HealOnAria(int index, FixKind kind, LocatorSpec old, string test, AriaPage page, BaselineStore baseline)
    {
        HealOutcome Abstain(HealStatus status, string reason, HealEvidence? ev = null, IReadOnlyList<HealCandidate>? candidates = null) =>
            Abstention(index, kind, old, test, status, reason, ev, candidates);

        var where = $"the ARIA snapshot of {page.Source} (no trace snapshot or DOM dump)";
        if (kind == FixKind.NarrowSelector)
        {
            return Abstain(HealStatus.Unsupported, $"{Describe(old)} matched several elements; telling them apart needs the page's DOM, and the only evidence is {where}");
        }

        if (EntersFrame(old))
        {
            return Abstain(HealStatus.Unsupported, $"{Describe(old)} enters an iframe; healing an element inside a frame is not supported");
        }

        if (AriaQuery.Query(page, old) is { Count: > 0 } matches)
        {
            return Abstain(HealStatus.StillMatches, string.Create(CultureInfo.InvariantCulture,
                $"{Describe(old)} matches {matches.Count} element(s) in {where}: the element did not go, so this is not a selector to heal (timing, visibility or state)"));
        }

        var (fingerprint, source) = baseline.Find(test, old) is { } entry
            ? (entry.Fingerprint, "baseline")
            : (ElementFingerprints.FromLocator(old, _preferences).Props, "locator");
        var target = AriaTarget(fingerprint);
        var ev = new HealEvidence { Source = page.Source, Snapshot = AriaPage.SnapshotName, Fingerprint = source };
        if (target is null)
        {
            return Abstain(HealStatus.NoEvidence, $"the {source} fingerprint of {Describe(old)} names nothing an ARIA snapshot shows (no role, name, text, or words of an id, test id or name), and the only evidence is {where}", ev);
        }

        var pool = page.Candidates(_fingerprints);
        var result = SimilarityRelocator.Relocate(target, [.. pool.Select(c => new RelocationCandidate(c.Props.XPath!, c.Props))]);
        var byId = pool.ToDictionary(c => c.Props.XPath!, StringComparer.Ordinal);
        var top = result.Top.Select(t => new HealCandidate(byId[t.Id].Element.ToString(), Math.Round(t.Score, 3), t.Id)).ToList();
        if (result.ChosenId is not { } id)
        {
            var ambiguous = result.Outcome == RelocationOutcome.Ambiguous;
            var close = Math.Max(2, top.Count(c => top.Count > 0 && !SimilarityRelocator.ClearWinner(top[0].Score, c.Score)));
            return Abstain(
                ambiguous ? HealStatus.Ambiguous : HealStatus.ElementGone,
                ambiguous
                    ? $"{close} entries of {where} are about equally similar to the {source} fingerprint of {Describe(old)}; healing would be a guess"
                    : $"nothing in {where} is similar enough to the {source} fingerprint of {Describe(old)} (best {(top.Count > 0 ? top[0].Score.ToString("0.00", CultureInfo.InvariantCulture) : "none")}): the element looks removed",
                ev,
                top);
        }

        var chosen = byId[id];
        var generated = AriaLocatorGenerator.Generate(page, chosen.Element, _preferences, old);
        if (generated.Count == 0)
        {
            return Abstain(HealStatus.NoLocator, $"found {chosen.Element} in {where} but no role, label, placeholder or text locator matches it alone", ev, top);
        }

        var pick = generated[0];
        var score = result.Top[0].Score;
        var margin = result.Top.Count > 1 ? score - result.Top[1].Score : score;
        var confidence = Math.Round(Math.Min(Confidence(source, score, margin, pick.Fragile), Ceiling(source) - AriaSnapshotCeilingStep), 3);
        var matched = Matched(target, chosen.Props);
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
            Reason = string.Create(CultureInfo.InvariantCulture, $"{Describe(old)} → {Describe(pick.Spec)}: {chosen.Element} in {where} matches the {source} fingerprint ({(matched.Count > 0 ? string.Join(", ", matched) + "; " : string.Empty)}score {score:0.00}, runner-up {score - margin:0.00}); {pick.Why} An ARIA snapshot shows roles, names and texts only, so this heal is weaker evidence than one from a DOM"),
            Evidence = ev with { Matched = matched, Alternatives = [.. generated.Skip(1).Select(g => g.Spec).Take(4)] },
            Candidates = top,
        };
    }

    /// <summary>
    /// The target's fingerprint as an ARIA snapshot could show it: role (the tag's own role when the fingerprint has
    /// only a tag), accessible name, aria-label and label, text, value, placeholder, link target, neighbour words,
    /// hidden-ness. Ids, test ids and names are kept only when the fingerprint has no text or name of its own (a
    /// locator such as <c>#checkout-btn</c>): then the relocator reads their words against the entries' names and texts,
    /// less a first or last word that names the element's kind (<c>btn</c>, <c>input</c>, <c>chk</c>…), which becomes
    /// the role when the fingerprint has none.
    /// Tag, classes, paths and geometry go: no entry has them, so they would only lower every score alike. Null when
    /// nothing is left.
    /// </summary>
    internal static ElementProps? AriaTarget(ElementProps target)
    {
        var named = target.SeenText is not null || target.AccessibleName is not null || target.AriaLabel is not null || target.Label is not null;
        var (id, idRole) = named ? (null, null) : WithoutKindWord(target.Id);
        var (testId, testIdRole) = named ? (null, null) : WithoutKindWord(target.TestId);
        var (name, nameRole) = named ? (null, null) : WithoutKindWord(target.Name);
        var projected = new ElementProps
        {
            Tag = ElementFingerprints.AnyTag,
            Role = target.Role ?? RoleOfTag(target.Tag) ?? idRole ?? testIdRole ?? nameRole,
            AccessibleName = target.AccessibleName,
            AriaLabel = target.AriaLabel,
            Label = target.Label,
            Text = target.Text,
            VisibleText = target.VisibleText,
            Value = target.Value,
            Placeholder = target.Placeholder,
            Href = target.Href,
            NeighborText = target.NeighborText,
            NeighborTextAbove = target.NeighborTextAbove,
            NeighborTextBelow = target.NeighborTextBelow,
            NeighborTextLeft = target.NeighborTextLeft,
            NeighborTextRight = target.NeighborTextRight,
            Id = id,
            TestId = testId,
            Name = name,
            Hidden = target.Hidden,
        };
        var identifies = named || projected.Id is not null || projected.TestId is not null || projected.Name is not null || projected.Href is not null;
        return identifies ? projected : null;
    }

    /// <summary>
    /// An identifier without a last or first word that names the element's kind (<c>checkout-btn</c> → <c>checkout</c>
    /// and button), when other words remain; else as it is.
    /// </summary>
    private static (string? Value, string? Role) WithoutKindWord(string? identifier)
    {
        if (ElementWords.FromName(identifier) is not { Count: > 1 } words)
        {
            return (identifier, null);
        }

        foreach (var index in (int[])[words.Count - 1, 0])
        {
            if (KindWords.TryGetValue(words.Words[index], out var role))
            {
                return (string.Join('-', words.Words.Where((_, i) => i != index)), role);
            }
        }

        return (identifier, null);
    }

    /// <summary>The role an element of this tag has by itself (<c>BUTTON</c> → button, <c>H2</c> → heading), by the rules the DOM engine uses.</summary>
    private static string? RoleOfTag(string tag)
    {
        if (SimilarityRelocator.KnownTag(tag) is not { } known || !known.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var document = DomLoader.Parse($"<!DOCTYPE html><body><{known}></{known}></body>");
        return document.Body?.FirstElementChild is { } element && element.LocalName == known ? AriaSemantics.Role(element) : null;
    }
}
