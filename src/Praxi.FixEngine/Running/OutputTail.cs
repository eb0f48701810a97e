using System.Text;

namespace Praxi.FixEngine.Running;

/// <summary>
/// The last lines a process printed, capped by line count and by characters (a long line is cut in the middle), with
/// the values of secret-looking environment variables replaced by <c>***</c>. Thread-safe: stdout and stderr feed it.
/// </summary>
internal sealed class OutputTail(int maxLines = OutputTail.DefaultLines, int maxChars = OutputTail.DefaultChars, IReadOnlyList<string>? secrets = null)
{
    /// <summary>Lines kept by default.</summary>
    public const int DefaultLines = 40;

    /// <summary>Characters kept by default.</summary>
    public const int DefaultChars = 8 * 1024;

    private const int MaxLineChars = 2000;
    private readonly Queue<string> _lines = new();
    private readonly IReadOnlyList<string> _secrets = secrets ?? [];
    private readonly Lock _gate = new();
    private int _chars;
    private long _dropped;

    /// <summary>Adds one line.</summary>
    public void Add(string line)
    {
        if (line.Length > MaxLineChars)
        {
            line = string.Concat(line.AsSpan(0, MaxLineChars / 2), " … ", line.AsSpan(line.Length - (MaxLineChars / 2)));
        }

        foreach (var secret in _secrets)
        {
            line = line.Replace(secret, "***", StringComparison.Ordinal);
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            _chars += line.Length + 1;
            while (_lines.Count > maxLines || (_chars > maxChars && _lines.Count > 1))
            {
                _chars -= _lines.Dequeue().Length + 1;
                _dropped++;
            }
        }
    }

    /// <summary>The kept lines joined with <c>\n</c>, behind a marker when earlier lines were dropped.</summary>
    public override string ToString()
    {
        lock (_gate)
        {
            var text = new StringBuilder();
            if (_dropped > 0)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"[… {_dropped} earlier line(s) not kept]\n");
            }

            return text.AppendJoin('\n', _lines).ToString();
        }
    }

    /// <summary>
    /// Values of the current environment's secret-looking variables (names with TOKEN, SECRET, PASSWORD, KEY, PAT,
    /// CREDENTIAL), at least 6 characters long: what a tail must never show.
    /// </summary>
    public static IReadOnlyList<string> SecretsOf(IReadOnlyDictionary<string, string>? extra = null)
    {
        string[] markers = ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "APIKEY", "API_KEY", "_KEY", "_PAT", "CREDENTIAL"];
        var values = new List<string>();
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            Consider((string)e.Key, e.Value as string);
        }

        foreach (var (k, v) in extra ?? new Dictionary<string, string>())
        {
            Consider(k, v);
        }

        return [.. values.Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];

        void Consider(string name, string? value)
        {
            if (value is { Length: >= 6 } && markers.Any(m => name.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                values.Add(value);
            }
        }
    }
}
