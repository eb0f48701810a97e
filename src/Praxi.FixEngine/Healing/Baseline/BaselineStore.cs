using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Healing.Baseline;

/// <summary>
/// The baseline: one JSON file (<c>praxi-baseline/1</c>, docs/baseline.md) of element fingerprints recorded from
/// passing runs, keyed by test and normalised locator. Immutable: <see cref="Merge"/> gives a new store.
/// </summary>
internal sealed class BaselineStore
{
    /// <summary>The format this reader and writer speak.</summary>
    public const string Format = "praxi-baseline/1";

    /// <summary>A store file larger than this is refused.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, List<BaselineEntry>> _byLocator;

    private BaselineStore(IEnumerable<BaselineEntry> entries)
    {
        Entries = [.. entries.OrderBy(e => e.Locator, StringComparer.Ordinal).ThenBy(e => e.Test, StringComparer.Ordinal)];
        _byLocator = Entries.GroupBy(e => e.Locator, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>A store with no entries.</summary>
    public static BaselineStore Empty { get; } = new([]);

    /// <summary>Every entry, sorted by locator, then test.</summary>
    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>Reads the store at <paramref name="path"/>; a missing file is an empty store.</summary>
    /// <exception cref="FixEngineException">The file is too large, not JSON, or not <c>praxi-baseline/1</c>.</exception>
    public static async Task<BaselineStore> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Empty;
        }

        string text;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                throw new FixEngineException($"The baseline {path} has {length} bytes, more than the {MaxBytes} allowed; record a smaller set of tests or split the store.");
            }

            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FixEngineException($"Cannot read the baseline {path}: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Reads a store from its JSON text; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="FixEngineException">The text is not JSON or not <c>praxi-baseline/1</c>.</exception>
    public static BaselineStore Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxBytes)
        {
            throw new FixEngineException($"The baseline {source} is larger than {MaxBytes} bytes; record a smaller set of tests or split the store.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new FixEngineException($"The baseline {source} is not valid JSON (line {(ex.LineNumber ?? 0) + 1}); record it again with 'praxi baseline record'.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var format = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (format != Format)
            {
                throw new FixEngineException($"The baseline {source} has format '{format ?? "(none)"}', not '{Format}'; record it again with 'praxi baseline record'.");
            }

            var entries = new List<BaselineEntry>();
            if (root.TryGetProperty("entries", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    throw new FixEngineException($"The baseline {source} has an 'entries' that is not an array.");
                }

                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    entries.Add(ReadEntry(item, source, i++));
                }
            }

            return new BaselineStore(entries);
        }
    }

    /// <summary>
    /// The store with <paramref name="recorded"/> added: an entry replaces the one of the same test and locator when
    /// it is as new or newer; among the new entries, a later one replaces an earlier one of the same key.
    /// </summary>
    public BaselineStore Merge(IEnumerable<BaselineEntry> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var byKey = new Dictionary<(string?, string), BaselineEntry>();
        foreach (var entry in Entries)
        {
            byKey[(entry.Test, entry.Locator)] = entry;
        }

        foreach (var entry in recorded)
        {
            if (!byKey.TryGetValue((entry.Test, entry.Locator), out var old) || entry.RecordedAt >= old.RecordedAt)
            {
                byKey[(entry.Test, entry.Locator)] = entry;
            }
        }

        return new BaselineStore(byKey.Values);
    }

    /// <summary>
    /// The fingerprint recorded for <paramref name="locator"/> in <paramref name="test"/> (names compared by
    /// <see cref="BaselineKeys.SameTest"/>); when that test has none, or no test is given, the locator's entry from any
    /// test, provided all tests that recorded it saw the same element; else null.
    /// </summary>
    public BaselineEntry? Find(string? test, LocatorSpec locator)
    {
        ArgumentNullException.ThrowIfNull(locator);
        return FindKey(test, BaselineKeys.Of(locator));
    }

    /// <summary>As <see cref="Find(string?, LocatorSpec)"/>, for a Playwright selector string.</summary>
    public BaselineEntry? Find(string? test, string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return FindKey(test, BaselineKeys.Normalize(selector));
    }

    private BaselineEntry? FindKey(string? test, string key)
    {
        if (!_byLocator.TryGetValue(key, out var entries))
        {
            return null;
        }

        if (test is not null)
        {
            if (entries.FirstOrDefault(e => string.Equals(e.Test, test, StringComparison.Ordinal)) is { } exact)
            {
                return exact;
            }

            var same = entries.Where(e => BaselineKeys.SameTest(e.Test, test)).ToList();
            if (same.Count > 0)
            {
                return Agreeing(same);
            }

            // A trace saved under a name of its own was recorded under that name (AddsAProduct_chromium_linux_…).
            var named = entries.Select(e => (Entry: e, Score: BaselineKeys.TraceNameScore(e.Test, test))).Where(s => s.Score > 0).ToList();
            if (named.Count > 0)
            {
                var top = named.Max(s => s.Score);
                return Agreeing([.. named.Where(s => s.Score == top).Select(s => s.Entry)]);
            }
        }

        return Agreeing(entries);
    }

    /// <summary>The newest entry when all of them describe the same element, else null.</summary>
    private static BaselineEntry? Agreeing(List<BaselineEntry> entries)
    {
        var first = entries[0].Fingerprint;
        return entries.All(e => SameElement(e.Fingerprint, first)) ? entries.MaxBy(e => e.RecordedAt) : null;
    }

    // What names an element; texts around it, its value and its place may differ between two pages that show it.
    private static bool SameElement(ElementProps a, ElementProps b) =>
        a.Tag == b.Tag && a.Id == b.Id && a.Name == b.Name && a.TestId == b.TestId && a.Role == b.Role
        && a.AccessibleName == b.AccessibleName && a.Text == b.Text && a.Type == b.Type;

    /// <summary>The store as its JSON file holds it.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteStartArray("entries");
            foreach (var entry in Entries)
            {
                writer.WriteStartObject();
                if (entry.Test is null)
                {
                    writer.WriteNull("test");
                }
                else
                {
                    writer.WriteString("test", entry.Test);
                }

                writer.WriteString("locator", entry.Locator);
                writer.WritePropertyName("fingerprint");
                FingerprintJson.Write(writer, entry.Fingerprint);
                writer.WriteStartObject("source");
                writer.WriteString("kind", entry.Source.Kind);
                writer.WriteString("file", entry.Source.File);
                if (entry.Source.Call is not null)
                {
                    writer.WriteString("call", entry.Source.Call);
                }

                writer.WriteEndObject();
                writer.WriteString("recorded_at", entry.RecordedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes the store whole or not at all: a temp file beside <paramref name="path"/>, then a rename.</summary>
    public Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return AtomicFiles.WriteAllTextAsync(path, ToJson(), cancellationToken);
    }

    private static BaselineEntry ReadEntry(JsonElement item, string source, int index)
    {
        string Problem(string what) => $"The baseline {source}: entry {index} {what}; fix or delete it, or record the store again.";

        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new FixEngineException(Problem("is not an object"));
        }

        var locator = item.TryGetProperty("locator", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
        if (string.IsNullOrWhiteSpace(locator))
        {
            throw new FixEngineException(Problem("has no 'locator'"));
        }

        var fingerprint = item.TryGetProperty("fingerprint", out var fp) ? FingerprintJson.Read(fp) : null;
        if (fingerprint is null)
        {
            throw new FixEngineException(Problem("has no 'fingerprint' with a 'tag'"));
        }

        var test = item.TryGetProperty("test", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var recordedAt = DateTimeOffset.MinValue;
        if (item.TryGetProperty("recorded_at", out var r)
            && (r.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(r.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out recordedAt)))
        {
            throw new FixEngineException(Problem("has a 'recorded_at' that is not an ISO-8601 time"));
        }

        var kind = "trace";
        var file = string.Empty;
        string? call = null;
        if (item.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.Object)
        {
            kind = s.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() ?? kind : kind;
            file = s.TryGetProperty("file", out var fl) && fl.ValueKind == JsonValueKind.String ? fl.GetString() ?? file : file;
            call = s.TryGetProperty("call", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        }

        // Keys written by an older normaliser still find their entries.
        return new BaselineEntry(test, BaselineKeys.Normalize(locator), fingerprint, new BaselineSource(kind, file, call), recordedAt);
    }
}
