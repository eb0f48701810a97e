using System.Text.Json;
using System.Text.Json.Serialization;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Judging;

/// <summary>
/// A multinomial logistic regression over the features of <see cref="JudgeFeatures"/>, with a temperature fitted on
/// held-out folds so that its probabilities mean what they say, and a line below which it answers <c>unknown</c>.
/// Stored as a versioned JSON weights file; the library embeds one trained on labelled real failures.
/// </summary>
public sealed class JudgeModel
{
    /// <summary>The <c>format</c> of a weights file.</summary>
    public const string FormatName = "praxi-judge";

    /// <summary>The weights-file version this library reads and writes.</summary>
    public const int FormatVersion = 1;

    private static readonly Lazy<JudgeModel> Embedded = new(LoadEmbedded);

    private readonly ErrorType[] _types;
    private readonly Dictionary<string, double[]> _weights;
    private readonly double[] _bias;

    internal JudgeModel(IReadOnlyList<ErrorType> types, IReadOnlyDictionary<string, double[]> weights, IReadOnlyList<double> bias, double temperature, double abstainBelow, JudgeTraining training)
    {
        _types = [.. types];
        _weights = new Dictionary<string, double[]>(weights, StringComparer.Ordinal);
        _bias = [.. bias];
        Temperature = temperature;
        AbstainBelow = abstainBelow;
        Training = training;
    }

    /// <summary>The model the library ships (embedded <c>Judging/judge.json</c>).</summary>
    public static JudgeModel BuiltIn => Embedded.Value;

    /// <summary>The types the model can answer, in weight order.</summary>
    public IReadOnlyList<ErrorType> Types => _types;

    /// <summary>Logits are divided by this before the softmax (fitted on held-out predictions).</summary>
    public double Temperature { get; }

    /// <summary>Below this probability the judge answers <c>unknown</c> and gives its guess as the runner-up.</summary>
    public double AbstainBelow { get; }

    /// <summary>What the model was trained on and how.</summary>
    public JudgeTraining Training { get; }

    /// <summary>Features with a weight.</summary>
    public int FeatureCount => _weights.Count;

    /// <summary>Reads a weights file.</summary>
    /// <param name="path">The file written by <c>praxi train</c>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FixEngineException">The file is missing or is not a weights file this version reads.</exception>
    public static JudgeModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FixEngineException($"model '{path}' does not exist: train one with 'praxi train <corpus> --out {path}'.");
        }

        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Judges one run.</summary>
    /// <param name="input">The run's evidence.</param>
    /// <returns>The verdict, with the lines that weigh most toward it.</returns>
    public JudgeVerdict Judge(JudgeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var p = Softmax(Logits(JudgeFeatures.Extract(input)), Temperature);
        var order = Enumerable.Range(0, p.Length).OrderByDescending(i => p[i]).ThenBy(i => (int)_types[i]).ToArray();
        var best = order[0];
        var next = order.Length > 1 ? order[1] : best;
        var evidence = Explain(input, best);
        return p[best] < AbstainBelow
            ? new JudgeVerdict(ErrorType.Unknown, Math.Round(p[best], 3), _types[best], Math.Round(p[best], 3), evidence)
            : new JudgeVerdict(_types[best], Math.Round(p[best], 3), _types[next], Math.Round(p[next], 3), evidence);
    }

    /// <summary>Writes the weights file atomically: the old file stays whole until the new one is complete.</summary>
    /// <param name="path">Where to write.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public Task SaveAsync(string path, CancellationToken cancellationToken = default) =>
        AtomicFiles.WriteAllTextAsync(path, ToJson(), cancellationToken);

    /// <summary>The weights file's text: stable for the same model (sorted features, fixed rounding).</summary>
    /// <returns>JSON.</returns>
    public string ToJson()
    {
        var file = new WeightsFile
        {
            Format = FormatName,
            Version = FormatVersion,
            Training = Training,
            Types = [.. _types.Select(t => t.ToName())],
            Temperature = Math.Round(Temperature, 6),
            AbstainBelow = AbstainBelow,
            Bias = [.. _bias.Select(Round)],
            Weights = new SortedDictionary<string, double[]>(_weights.ToDictionary(kv => kv.Key, kv => kv.Value.Select(Round).ToArray()), StringComparer.Ordinal),
        };
        return JsonSerializer.Serialize(file, WeightsFiles.Writing(indented: false)) + "\n";
    }

    /// <summary>Raw scores per type (before the temperature).</summary>
    internal double[] Logits(IReadOnlyDictionary<string, double> features)
    {
        var z = (double[])_bias.Clone();
        foreach (var (name, x) in features)
        {
            if (_weights.TryGetValue(name, out var w))
            {
                for (var k = 0; k < z.Length; k++)
                {
                    z[k] += x * w[k];
                }
            }
        }

        return z;
    }

    internal static double[] Softmax(double[] logits, double temperature)
    {
        var max = logits.Max() / temperature;
        var p = logits.Select(z => Math.Exp((z / temperature) - max)).ToArray();
        var sum = p.Sum();
        for (var k = 0; k < p.Length; k++)
        {
            p[k] /= sum;
        }

        return p;
    }

    /// <summary>The lines whose words pull hardest toward type index <paramref name="k"/> against the others.</summary>
    private List<EvidenceLine> Explain(JudgeInput input, int k)
    {
        var scored = new List<(EvidenceLine Line, double Score, int Order)>();
        var order = 0;
        foreach (var line in input.Lines.Take(JudgeFeatures.MaxLines))
        {
            var score = 0d;
            foreach (var f in JudgeFeatures.LineFeatures(line.Text).Distinct(StringComparer.Ordinal))
            {
                if (_weights.TryGetValue(f, out var w))
                {
                    score += w[k] - w.Average();
                }
            }

            if (score > 0)
            {
                scored.Add((line, score, order++));
            }
        }

        return [.. scored.OrderByDescending(s => s.Score).ThenBy(s => s.Order).Select(s => s.Line).DistinctBy(l => l.Text.Trim()).Take(5)];
    }

    private static double Round(double value) => Math.Round(value, 5);

    private static JudgeModel LoadEmbedded() => WeightsFiles.Embedded("Praxi.FixEngine.Judging.judge.json", Read);

    private static JudgeModel Read(Stream stream, string where)
    {
        var file = WeightsFiles.Deserialize<WeightsFile>(stream, "model", where);

        if (file is null || file.Format != FormatName)
        {
            throw new FixEngineException($"model '{where}' is not a Praxi judge weights file (format must be \"{FormatName}\").");
        }

        if (file.Version != FormatVersion)
        {
            throw new FixEngineException($"model '{where}' has version {file.Version}; this Praxi reads version {FormatVersion}: retrain it with 'praxi train'.");
        }

        var types = new List<ErrorType>();
        foreach (var name in file.Types ?? [])
        {
            types.Add(ErrorTypes.TryParse(name, out var t) && t != ErrorType.Unknown
                ? t
                : throw new FixEngineException($"model '{where}' names type '{name}', which is not an error type."));
        }

        if (types.Count < 2 || types.Distinct().Count() != types.Count)
        {
            throw new FixEngineException($"model '{where}' must name at least two distinct types.");
        }

        var bias = file.Bias ?? [];
        var weights = file.Weights ?? new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        if (bias.Length != types.Count || weights.Any(w => w.Value is null || w.Value.Length != types.Count))
        {
            var bad = weights.FirstOrDefault(w => w.Value is null || w.Value.Length != types.Count).Key ?? "bias";
            throw new FixEngineException($"model '{where}': '{bad}' must have one weight per type ({types.Count}).");
        }

        if (!bias.All(double.IsFinite) || !weights.Values.All(w => w.All(double.IsFinite)))
        {
            throw new FixEngineException($"model '{where}' holds a weight that is not a finite number.");
        }

        if (!double.IsFinite(file.Temperature) || file.Temperature <= 0 || file.AbstainBelow is < 0 or > 1 || double.IsNaN(file.AbstainBelow))
        {
            throw new FixEngineException($"model '{where}': temperature must be > 0 and abstain_below in [0, 1].");
        }

        return new JudgeModel(types, weights, bias, file.Temperature, file.AbstainBelow, file.Training ?? new JudgeTraining());
    }

    private sealed record WeightsFile
    {
        [JsonPropertyName("format")]
        public string? Format { get; init; }

        [JsonPropertyName("version")]
        public int Version { get; init; }

        [JsonPropertyName("training")]
        public JudgeTraining? Training { get; init; }

        [JsonPropertyName("types")]
        public string[]? Types { get; init; }

        [JsonPropertyName("temperature")]
        public double Temperature { get; init; }

        [JsonPropertyName("abstain_below")]
        public double AbstainBelow { get; init; }

        [JsonPropertyName("bias")]
        public double[]? Bias { get; init; }

        [JsonPropertyName("weights")]
        public SortedDictionary<string, double[]>? Weights { get; init; }
    }
}

/// <summary>How a model was trained, kept in its weights file.</summary>
public sealed record JudgeTraining
{
    /// <summary>Labelled runs it was fitted on.</summary>
    [JsonPropertyName("examples")]
    public int Examples { get; init; }

    /// <summary>Distinct source projects among them.</summary>
    [JsonPropertyName("groups")]
    public int Groups { get; init; }

    /// <summary>Examples per type.</summary>
    [JsonPropertyName("per_type")]
    public IReadOnlyDictionary<string, int> PerType { get; init; } = new Dictionary<string, int>();

    /// <summary>The L2 penalty.</summary>
    [JsonPropertyName("l2")]
    public double L2 { get; init; }

    /// <summary>A word feature is kept when it occurs in at least this many source projects.</summary>
    [JsonPropertyName("min_groups")]
    public int MinGroups { get; init; }

    /// <summary>Grouped folds the temperature was fitted on.</summary>
    [JsonPropertyName("calibration_folds")]
    public int CalibrationFolds { get; init; }
}
