using System.Text.Json;
using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Healing;

/// <summary>
/// How the relocator weighs the properties it compares, and when it answers: a weight per property (learned by
/// pairwise ranking on relocation data, <see cref="RelocationTrainer"/>) and a calibration that turns what the
/// ranking knows (best score, gap to the runner-up, how much of the target's name survives, pool size) into the
/// probability that the best candidate is the target. The relocator abstains when that probability leaves more
/// risk of a wrong heal than <see cref="MaxRisk"/>. Stored as a versioned JSON weights file; the library embeds
/// one. <see cref="Similo"/> is the hand-set form (the paper's weights, fixed margins) kept for comparison.
/// </summary>
public sealed class RelocationModel
{
    /// <summary>The <c>format</c> of a weights file.</summary>
    public const string FormatName = "praxi-relocation-weights";

    /// <summary>The weights-file version this library reads and writes.</summary>
    public const int FormatVersion = 1;

    /// <summary>How many numbers the calibration has: an intercept and one per decision feature.</summary>
    internal const int CalibrationSize = 6;

    private static readonly Lazy<RelocationModel> Embedded = new(LoadEmbedded);

    private readonly double[] _weights;
    private readonly double[]? _calibration;

    internal RelocationModel(IReadOnlyList<double> weights, IReadOnlyList<double>? calibration, double maxRisk, RelocationTraining training)
    {
        _weights = [.. weights];
        _calibration = calibration is null ? null : [.. calibration];
        MaxRisk = maxRisk;
        Training = training;
    }

    /// <summary>The model the library ships (embedded <c>Healing/relocation.json</c>).</summary>
    public static RelocationModel BuiltIn => Embedded.Value;

    /// <summary>
    /// The hand-set model: the Similo paper's weights (properties that name the element 1.5, the ones that shift with
    /// every redesign 0.5, a test id 2.0) and no calibration, so that the fixed threshold and margins decide.
    /// </summary>
    public static RelocationModel Similo { get; } = new(SimiloWeights(), null, 0, new RelocationTraining());

    /// <summary>Each property's weight, in <see cref="RelocationProperty"/> order.</summary>
    internal IReadOnlyList<double> Weights => _weights;

    /// <summary>Whether the model decides by calibrated risk (else by the fixed margins).</summary>
    public bool Calibrated => _calibration is not null;

    /// <summary>The largest probability of a wrong answer the relocator accepts; above it, it abstains.</summary>
    public double MaxRisk { get; }

    /// <summary>What the model was trained on.</summary>
    public RelocationTraining Training { get; }

    /// <summary>Reads a weights file.</summary>
    /// <param name="path">The file written by <c>praxi train</c>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FixEngineException">The file is missing or is not a weights file this version reads.</exception>
    public static RelocationModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FixEngineException($"relocation weights '{path}' do not exist.");
        }

        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Writes the weights file atomically: the old file stays whole until the new one is complete.</summary>
    /// <param name="path">Where to write.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public Task SaveAsync(string path, CancellationToken cancellationToken = default) =>
        AtomicFiles.WriteAllTextAsync(path, ToJson(), cancellationToken);

    /// <summary>The weights file's text: stable for the same model.</summary>
    /// <returns>JSON.</returns>
    public string ToJson()
    {
        var weights = new SortedDictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < RelocationProperties.Count; i++)
        {
            weights[RelocationProperties.Key((RelocationProperty)i)] = Math.Round(_weights[i], 5);
        }

        var file = new WeightsFile
        {
            Format = FormatName,
            Version = FormatVersion,
            Training = Training,
            Weights = weights,
            Calibration = _calibration?.Select(c => Math.Round(c, 5)).ToArray(),
            MaxRisk = MaxRisk,
        };
        return JsonSerializer.Serialize(file, WeightsFiles.Writing(indented: true)) + "\n";
    }

    /// <summary>
    /// The probability that the best candidate is the target, from what the ranking knows; null for an uncalibrated
    /// model.
    /// </summary>
    internal double? Confidence(double best, double runnerUp, double? identity, int pool)
    {
        if (_calibration is null)
        {
            return null;
        }

        Span<double> z = stackalloc double[CalibrationSize - 1];
        DecisionFeatures(best, runnerUp, identity, pool, z);
        var logit = _calibration[0];
        for (var i = 0; i < z.Length; i++)
        {
            logit += _calibration[i + 1] * z[i];
        }

        return 1 / (1 + Math.Exp(-logit));
    }

    /// <summary>
    /// What the calibration reads: the best score, its gap to the runner-up, how many times more of the target the
    /// runner-up misses (log), the share of the target's name the best keeps, and the pool's size (log).
    /// </summary>
    internal static void DecisionFeatures(double best, double runnerUp, double? identity, int pool, Span<double> z)
    {
        z[0] = best;
        z[1] = best - runnerUp;
        z[2] = Math.Log((1 - runnerUp + 0.02) / (1 - best + 0.02));
        z[3] = identity ?? best;
        z[4] = Math.Log(1 + pool) / 10;
    }

    private static double[] SimiloWeights()
    {
        const double strong = 1.5, weak = 0.5;
        var w = new double[RelocationProperties.Count];
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = (RelocationProperty)i switch
            {
                RelocationProperty.TestId => 2.0,
                RelocationProperty.Tag or RelocationProperty.Id or RelocationProperty.Name or RelocationProperty.Text
                    or RelocationProperty.AccessibleName or RelocationProperty.Around => strong,
                _ => weak,
            };
        }

        return w;
    }

    private static RelocationModel LoadEmbedded() => WeightsFiles.Embedded("Praxi.FixEngine.Healing.relocation.json", Read);

    private static RelocationModel Read(Stream stream, string where)
    {
        var file = WeightsFiles.Deserialize<WeightsFile>(stream, "relocation weights", where);

        if (file is null || file.Format != FormatName)
        {
            throw new FixEngineException($"'{where}' is not a Praxi relocation weights file (format must be \"{FormatName}\").");
        }

        if (file.Version != FormatVersion)
        {
            throw new FixEngineException($"relocation weights '{where}' have version {file.Version}; this Praxi reads version {FormatVersion}: retrain them with 'praxi train'.");
        }

        var given = file.Weights ?? new SortedDictionary<string, double>(StringComparer.Ordinal);
        var weights = new double[RelocationProperties.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            var key = RelocationProperties.Key((RelocationProperty)i);
            if (!given.TryGetValue(key, out var w))
            {
                throw new FixEngineException($"relocation weights '{where}' lack the property '{key}': they were made for another feature set; retrain them.");
            }

            weights[i] = double.IsFinite(w) && w >= 0 ? w : throw new FixEngineException($"relocation weights '{where}': '{key}' must be a finite number ≥ 0.");
        }

        var extra = given.Keys.FirstOrDefault(k => !Enumerable.Range(0, RelocationProperties.Count).Any(i => RelocationProperties.Key((RelocationProperty)i) == k));
        if (extra is not null)
        {
            throw new FixEngineException($"relocation weights '{where}' name the property '{extra}', which this Praxi does not compare: they were made for another feature set; retrain them.");
        }

        if (weights.Sum() <= 0)
        {
            throw new FixEngineException($"relocation weights '{where}' are all zero.");
        }

        if (file.Calibration is { } c && (c.Length != CalibrationSize || !c.All(double.IsFinite)))
        {
            throw new FixEngineException($"relocation weights '{where}': calibration must be {CalibrationSize} finite numbers.");
        }

        if (double.IsNaN(file.MaxRisk) || file.MaxRisk is < 0 or >= 1)
        {
            throw new FixEngineException($"relocation weights '{where}': max_risk must be in [0, 1).");
        }

        return new RelocationModel(weights, file.Calibration, file.MaxRisk, file.Training ?? new RelocationTraining());
    }

    private sealed record WeightsFile
    {
        [JsonPropertyName("format")]
        public string? Format { get; init; }

        [JsonPropertyName("version")]
        public int Version { get; init; }

        [JsonPropertyName("training")]
        public RelocationTraining? Training { get; init; }

        [JsonPropertyName("weights")]
        public SortedDictionary<string, double>? Weights { get; init; }

        [JsonPropertyName("calibration")]
        public double[]? Calibration { get; init; }

        [JsonPropertyName("max_risk")]
        public double MaxRisk { get; init; }
    }
}

/// <summary>What relocation weights were trained on, kept in the weights file.</summary>
public sealed record RelocationTraining
{
    /// <summary>Targets (old elements with their known answer) fitted on.</summary>
    [JsonPropertyName("targets")]
    public int Targets { get; init; }

    /// <summary>Distinct sites among them.</summary>
    [JsonPropertyName("sites")]
    public int Sites { get; init; }

    /// <summary>The datasets' names.</summary>
    [JsonPropertyName("datasets")]
    public IReadOnlyList<string> Datasets { get; init; } = [];
}
