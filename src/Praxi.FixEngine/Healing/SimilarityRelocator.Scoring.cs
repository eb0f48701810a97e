using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Healing;

internal static partial class SimilarityRelocator
{
    // What the same words earn when they are found in another property of the candidate (an id 'add-to-cart'
    // against a test id, a name or the text "Add to cart"): good evidence, but an id and a text that agree may
    // still belong to different elements (a 'cart' link and a "Cart" heading), so less than the same property.
    // An identifier is read against the candidate's text only when the target has no text of its own (a
    // fingerprint inferred from '#add-to-cart'); otherwise the texts are compared directly, and reading the id
    // as text too would count the same words twice.
    private const double CrossPropertyCredit = 0.8;

    // Geometry compares within one extraction only. Two boxes this far apart (CSS px) are not the same place;
    // a redesign moves elements by tens of pixels, not by screens.
    private const double FarApartPx = 250;

    /// <summary>The weighted mean of the properties that count, and the same over the ones that name the element.</summary>
    internal static (double Score, double? Identity) Combine(ReadOnlySpan<double> similarity, int present, IReadOnlyList<double> weights)
    {
        double sum = 0, total = 0, namingSum = 0, namingTotal = 0;
        for (var i = 0; i < RelocationProperties.Count; i++)
        {
            if ((present & (1 << i)) == 0)
            {
                continue;
            }

            var w = weights[i];
            sum += w * similarity[i];
            total += w;
            if (RelocationProperties.Names((RelocationProperty)i))
            {
                namingSum += w * similarity[i];
                namingTotal += w;
            }
        }

        return (total == 0 ? 0 : sum / total, namingTotal == 0 ? null : namingSum / namingTotal);
    }

    /// <summary>The tag in lower case, or null when unknown (<c>*</c> or empty: a fingerprint inferred from a locator).</summary>
    internal static string? KnownTag(string? tag) => PropertySimilarity.Lower(tag) is { } t && t != "*" ? t : null;

    /// <summary>The target's properties, normalised once, and the comparison of one candidate against them.</summary>
    internal sealed class TargetFeatures
    {
        private readonly ElementProps _target;
        private readonly string? _tag;
        private readonly (ElementWords Words, string Raw)? _testId;
        private readonly (ElementWords Words, string Raw)? _id;
        private readonly (ElementWords Words, string Raw)? _name;
        private readonly string? _role;
        private readonly string? _type;
        private readonly ElementWords? _text;
        private readonly ElementWords? _accessibleName;
        private readonly bool _namesAgainstText;
        private readonly ElementWords? _around;
        private readonly ElementWords? _classes;
        private readonly string[]? _href;
        private readonly string[]? _xpath;
        private readonly string[]? _idxpath;

        public TargetFeatures(ElementProps target)
        {
            _target = target;
            _tag = KnownTag(target.Tag);
            _testId = NameOf(target.TestId);
            _id = NameOf(target.Id);
            _name = NameOf(target.Name);
            _role = PropertySimilarity.Lower(target.Role);
            _type = PropertySimilarity.Lower(target.Type);
            _text = ElementWords.FromText(target.SeenText);

            // The accessible name counts only when it says something the visible text does not (a label, an
            // aria-label, an alt): for a button or a link it is the text, and counting it would weigh the same
            // words twice.
            var accessible = ElementWords.FromText(target.AccessibleName ?? target.AriaLabel ?? target.Label);
            _accessibleName = accessible is not null && (_text is null || !accessible.SameWords(_text)) ? accessible : null;
            _namesAgainstText = _text is null && _accessibleName is null;
            _around = ElementWords.FromText(target.AroundText);
            _classes = ElementWords.FromName(target.Class);
            _href = PropertySimilarity.HrefSteps(target.Href);
            _xpath = target.XPath is null ? null : PropertySimilarity.PathSteps(target.XPath);
            _idxpath = target.IdXPath is null ? null : PropertySimilarity.PathSteps(target.IdXPath);
        }

        /// <summary>
        /// The weighted mean similarity over the properties the target has, between 0 and 1. A candidate that lacks
        /// a property the target has scores 0 on it; geometry counts only when both sides were measured. Also the
        /// same mean over the properties that name the element (test id, id, name, text, accessible name, link
        /// target), null when the target has none of them.
        /// </summary>
        public (double Score, double? Identity) Score(CandidateFeatures c, RelocationPage page, RelocationModel model)
        {
            Span<double> similarity = stackalloc double[RelocationProperties.Count];
            var present = Measure(c, page, similarity);
            return Combine(similarity, present, model.Weights);
        }

        /// <summary>Each property's similarity (0–1) into <paramref name="similarity"/>; the bits of the properties that count.</summary>
        public int Measure(CandidateFeatures c, RelocationPage page, Span<double> similarity)
        {
            var present = 0;

            if (_tag is not null)
            {
                Set(similarity, ref present, RelocationProperty.Tag, string.Equals(_tag, c.Tag, StringComparison.Ordinal) ? 1 : 0);
            }

            if (_testId is { } testId)
            {
                Set(
                    similarity,
                    ref present,
                    RelocationProperty.TestId,
                    Max(
                        Names(testId, c.TestId, page),
                        CrossPropertyCredit * Names(testId, c.ElementId, page),
                        CrossPropertyCredit * Names(testId, c.FormName, page),
                        CrossPropertyCredit * InText(testId, c, page, _namesAgainstText)));
            }

            if (_id is { } id)
            {
                Set(
                    similarity,
                    ref present,
                    RelocationProperty.Id,
                    Max(
                        Names(id, c.ElementId, page),
                        CrossPropertyCredit * Names(id, c.TestId, page),
                        CrossPropertyCredit * Names(id, c.FormName, page),
                        CrossPropertyCredit * InText(id, c, page, _namesAgainstText)));
            }

            if (_name is { } name)
            {
                Set(
                    similarity,
                    ref present,
                    RelocationProperty.Name,
                    Max(
                        Names(name, c.FormName, page),
                        CrossPropertyCredit * Names(name, c.ElementId, page),
                        CrossPropertyCredit * Names(name, c.TestId, page)));
            }

            if (_role is not null)
            {
                Set(similarity, ref present, RelocationProperty.Role, string.Equals(_role, c.Role, StringComparison.Ordinal) ? 1 : 0);
            }

            if (_type is not null)
            {
                Set(similarity, ref present, RelocationProperty.Type, string.Equals(_type, c.Type, StringComparison.Ordinal) ? 1 : 0);
            }

            if (_text is not null)
            {
                var own = PropertySimilarity.Words(_text, c.Text, page.TextWords, fuzzy: true);
                Set(similarity, ref present, RelocationProperty.Text, own == 1 ? 1 : Math.Max(own, CrossPropertyCredit * BestAccessible(_text, c, page, withText: false)));
            }

            if (_accessibleName is not null)
            {
                Set(similarity, ref present, RelocationProperty.AccessibleName, BestAccessible(_accessibleName, c, page, withText: true));
            }

            if (_around is not null)
            {
                Set(similarity, ref present, RelocationProperty.Around, PropertySimilarity.Words(_around, c.Around, page.AroundWords, fuzzy: false));
            }

            if (_classes is not null)
            {
                Set(similarity, ref present, RelocationProperty.Classes, PropertySimilarity.Words(_classes, c.Classes, page.ClassWords, fuzzy: false));
            }

            if (_href is not null)
            {
                Set(similarity, ref present, RelocationProperty.Href, PropertySimilarity.Href(_href, c.Href));
            }

            if (_xpath is not null)
            {
                Set(similarity, ref present, RelocationProperty.XPath, c.XPath is null ? 0 : PropertySimilarity.Steps(_xpath, c.XPath));
            }

            if (_idxpath is not null)
            {
                Set(similarity, ref present, RelocationProperty.IdXPath, c.IdXPath is null ? 0 : PropertySimilarity.Steps(_idxpath, c.IdXPath));
            }

            AddGeometry(c.Props, similarity, ref present);
            return present;
        }

        // Geometry only where both sides were measured: a missing box says which extractor ran, not where the
        // element is (the relocation dataset's warning), so it neither helps nor hurts.
        private void AddGeometry(ElementProps c, Span<double> similarity, ref int present)
        {
            if (_target is { X: { } tx, Y: { } ty } && c is { X: { } cx, Y: { } cy })
            {
                var distance = Math.Sqrt(Math.Pow(tx - cx, 2) + Math.Pow(ty - cy, 2));
                Set(similarity, ref present, RelocationProperty.Position, Math.Max(0, 1 - (distance / FarApartPx)));
            }

            if (_target.Area is { } ta && c.Area is { } ca)
            {
                Set(similarity, ref present, RelocationProperty.Area, PropertySimilarity.Ratio(ta, ca));
            }

            if (_target.Shape is { } ts && c.Shape is { } cs)
            {
                Set(similarity, ref present, RelocationProperty.Shape, PropertySimilarity.Ratio(ts, cs));
            }

            if (_target.IsButton is { } tb && c.IsButton is { } cb)
            {
                Set(similarity, ref present, RelocationProperty.IsButton, tb == cb ? 1 : 0);
            }
        }

        private static void Set(Span<double> similarity, ref int present, RelocationProperty property, double value)
        {
            similarity[(int)property] = value;
            present |= 1 << (int)property;
        }

        private static double Names((ElementWords Words, string Raw) a, (ElementWords Words, string Raw)? b, RelocationPage page) =>
            b is { } other ? PropertySimilarity.Names(a.Words, a.Raw, other.Words, other.Raw, page.NameWords) : 0;

        private static double InText((ElementWords Words, string Raw) name, CandidateFeatures c, RelocationPage page, bool enabled)
        {
            if (!enabled)
            {
                return 0;
            }

            var best = PropertySimilarity.NameInText(name.Words, c.Text, page.TextWords);
            foreach (var accessible in c.AccessibleNames)
            {
                best = Math.Max(best, PropertySimilarity.NameInText(name.Words, accessible, page.TextWords));
            }

            return best;
        }

        /// <summary>
        /// The target's words against the candidate's accessible name, aria-label and label, whichever agrees most;
        /// with <paramref name="withText"/>, a candidate that has none of them is compared by its visible text, which
        /// is the accessible name of most named elements.
        /// </summary>
        private static double BestAccessible(ElementWords words, CandidateFeatures c, RelocationPage page, bool withText)
        {
            if (c.AccessibleNames.Count == 0)
            {
                return withText ? PropertySimilarity.Words(words, c.Text, page.TextWords, fuzzy: true) : 0;
            }

            var best = 0.0;
            foreach (var accessible in c.AccessibleNames)
            {
                best = Math.Max(best, PropertySimilarity.Words(words, accessible, page.TextWords, fuzzy: true));
            }

            return best;
        }

        private static double Max(double a, double b, double c, double d = 0) => Math.Max(Math.Max(a, b), Math.Max(c, d));

        private static (ElementWords Words, string Raw)? NameOf(string? value) =>
            PropertySimilarity.Lower(value) is { } raw && ElementWords.FromName(value) is { } words ? (words, raw) : null;
    }
}
