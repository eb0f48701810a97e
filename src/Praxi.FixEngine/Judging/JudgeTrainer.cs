using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Judging;

/// <summary>Settings of <see cref="JudgeTrainer"/>.</summary>
public sealed record JudgeTrainerSettings
{
    /// <summary>The L2 penalty on the weights (the loss is a class-balanced mean). <value>The default is 0.0003.</value></summary>
    public double L2 { get; init; } = 0.0003;

    /// <summary>A word feature is kept when it occurs in this many source projects. <value>The default is 2.</value></summary>
    public int MinGroups { get; init; } = 2;

    /// <summary>Gradient steps. <value>The default is 600.</value></summary>
    public int Iterations { get; init; } = 600;

    /// <summary>Adam's step size. <value>The default is 0.05.</value></summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Grouped folds whose held-out predictions fit the temperature. <value>The default is 5.</value></summary>
    public int CalibrationFolds { get; init; } = 5;

    /// <summary>Below this calibrated probability the judge answers <c>unknown</c>. <value>The default is 0.25.</value></summary>
    public double AbstainBelow { get; init; } = 0.25;
}

/// <summary>
/// Fits a <see cref="JudgeModel"/>: class-balanced multinomial logistic regression with an L2 penalty by full-batch
/// Adam (deterministic: no sampling, fixed steps), then a temperature fitted on held-out
/// predictions of grouped folds.
/// </summary>
public static class JudgeTrainer
{
    /// <summary>Trains on every example.</summary>
    /// <param name="examples">Labelled runs.</param>
    /// <param name="settings">Settings, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels training.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FixEngineException">Too few examples, types or groups to train and calibrate.</exception>
    public static JudgeModel Train(IReadOnlyList<JudgeExample> examples, JudgeTrainerSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        settings ??= new JudgeTrainerSettings();
        var types = examples.Select(e => e.Label).Where(t => t != ErrorType.Unknown).Distinct().Order().ToList();
        if (types.Count < 2)
        {
            throw new FixEngineException($"training needs labelled runs of at least two types; got {types.Count}.");
        }

        var groups = examples.Select(e => e.Group).Distinct(StringComparer.Ordinal).Count();
        var folds = Math.Min(settings.CalibrationFolds, groups);
        if (folds < 2)
        {
            throw new FixEngineException("training needs runs from at least two source projects to calibrate its confidence.");
        }

        var features = examples.Select(e => JudgeFeatures.Extract(e.Input)).ToList();
        var foldOf = GroupFolds.Assign([.. examples.Select(e => e.Group)], folds);
        var heldOut = new double[examples.Count][];
        for (var f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, examples.Count).Where(i => foldOf[i] != f).ToList();
            var inner = Fit([.. train.Select(i => examples[i])], [.. train.Select(i => features[i])], types, settings, 1, cancellationToken);
            foreach (var i in Enumerable.Range(0, examples.Count).Where(i => foldOf[i] == f))
            {
                heldOut[i] = Project(inner.Logits(features[i]), inner.Types, types);
            }
        }

        var temperature = FitTemperature(heldOut, [.. examples.Select(e => types.IndexOf(e.Label))]);
        return Fit(examples, features, types, settings, temperature, cancellationToken);
    }

    /// <summary>The held-out calibrated probabilities of a grouped cross-validation: each fold judged by a model trained (and calibrated) without it.</summary>
    /// <param name="examples">Labelled runs.</param>
    /// <param name="folds">Number of folds.</param>
    /// <param name="settings">Settings, or null for the defaults.</param>
    /// <param name="scoreOn">Optional: per example, another input to judge in its place (the same run in another form).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>Per example, the model of its fold and its verdict.</returns>
    public static IReadOnlyList<JudgeVerdict> CrossValidate(IReadOnlyList<JudgeExample> examples, int folds, JudgeTrainerSettings? settings = null, IReadOnlyList<JudgeInput>? scoreOn = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (scoreOn is not null && scoreOn.Count != examples.Count)
        {
            throw new ArgumentException("one input to score per example", nameof(scoreOn));
        }

        var foldOf = GroupFolds.Assign([.. examples.Select(e => e.Group)], folds);
        var verdicts = new JudgeVerdict[examples.Count];
        for (var f = 0; f < folds; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var train = Enumerable.Range(0, examples.Count).Where(i => foldOf[i] != f).Select(i => examples[i]).ToList();
            var model = Train(train, settings, cancellationToken);
            foreach (var i in Enumerable.Range(0, examples.Count).Where(i => foldOf[i] == f))
            {
                verdicts[i] = model.Judge(scoreOn is null ? examples[i].Input : scoreOn[i]);
            }
        }

        return verdicts;
    }

    private static JudgeModel Fit(IReadOnlyList<JudgeExample> examples, IReadOnlyList<Dictionary<string, double>> features, List<ErrorType> types, JudgeTrainerSettings settings, double temperature, CancellationToken cancellationToken)
    {
        var vocabulary = Vocabulary(examples, features, settings.MinGroups);
        var index = vocabulary.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var rows = features.Select(f => f.Where(kv => index.ContainsKey(kv.Key)).Select(kv => (Index: index[kv.Key], Value: kv.Value)).OrderBy(x => x.Index).ToArray()).ToList();
        var labels = examples.Select(e => types.Contains(e.Label) ? types.IndexOf(e.Label) : -1).ToArray();
        var k = types.Count;
        var d = vocabulary.Count;

        // Balanced: every type weighs the same in total, however many runs it has.
        var perType = new int[k];
        foreach (var y in labels.Where(y => y >= 0))
        {
            perType[y]++;
        }

        var sampleWeight = labels.Select(y => y < 0 ? 0 : 1d / (k * perType[y])).ToArray();
        var total = sampleWeight.Sum();
        for (var i = 0; i < sampleWeight.Length; i++)
        {
            sampleWeight[i] /= total;
        }

        // Adam on the full batch: per-weight steps suit features of very different scales (rule scores near 1,
        // word flags near 1/√words). Full batch and fixed steps keep it deterministic.
        var w = new double[(d + 1) * k];
        var m = new double[w.Length];
        var v = new double[w.Length];
        var grad = new double[w.Length];
        var logits = new double[k];
        const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        for (var iteration = 1; iteration <= settings.Iterations; iteration++)
        {
            if (iteration % 50 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Array.Clear(grad);
            for (var i = 0; i < rows.Count; i++)
            {
                if (labels[i] < 0)
                {
                    continue;
                }

                for (var c = 0; c < k; c++)
                {
                    logits[c] = w[(d * k) + c];
                }

                foreach (var (j, x) in rows[i])
                {
                    for (var c = 0; c < k; c++)
                    {
                        logits[c] += x * w[(j * k) + c];
                    }
                }

                var p = JudgeModel.Softmax(logits, 1);
                for (var c = 0; c < k; c++)
                {
                    var g = sampleWeight[i] * (p[c] - (c == labels[i] ? 1 : 0));
                    grad[(d * k) + c] += g;
                    foreach (var (j, x) in rows[i])
                    {
                        grad[(j * k) + c] += g * x;
                    }
                }
            }

            var correction1 = 1 - Math.Pow(beta1, iteration);
            var correction2 = 1 - Math.Pow(beta2, iteration);
            for (var q = 0; q < w.Length; q++)
            {
                // The bias is not penalised.
                var g = grad[q] + (q < d * k ? settings.L2 * w[q] : 0);
                m[q] = (beta1 * m[q]) + ((1 - beta1) * g);
                v[q] = (beta2 * v[q]) + ((1 - beta2) * g * g);
                w[q] -= settings.LearningRate * (m[q] / correction1) / (Math.Sqrt(v[q] / correction2) + epsilon);
            }
        }

        var weights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var j = 0; j < d; j++)
        {
            var row = new double[k];
            Array.Copy(w, j * k, row, 0, k);
            if (row.Any(v => Math.Abs(v) >= 1e-5))
            {
                weights[vocabulary[j]] = row;
            }
        }

        var bias = new double[k];
        Array.Copy(w, d * k, bias, 0, k);
        var training = new JudgeTraining
        {
            Examples = examples.Count,
            Groups = examples.Select(e => e.Group).Distinct(StringComparer.Ordinal).Count(),
            PerType = types.Select((type, c) => (type, c)).ToDictionary(x => x.type.ToName(), x => perType[x.c]),
            L2 = settings.L2,
            MinGroups = settings.MinGroups,
            CalibrationFolds = settings.CalibrationFolds,
        };
        return new JudgeModel(types, weights, bias, temperature, settings.AbstainBelow, training);
    }

    /// <summary>Rule, runner and format features always; a word feature when it occurs in enough projects to generalise.</summary>
    private static List<string> Vocabulary(IReadOnlyList<JudgeExample> examples, IReadOnlyList<Dictionary<string, double>> features, int minGroups)
    {
        var groupsOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < features.Count; i++)
        {
            foreach (var name in features[i].Keys)
            {
                if (!groupsOf.TryGetValue(name, out var set))
                {
                    groupsOf[name] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(examples[i].Group);
            }
        }

        return [.. groupsOf.Where(kv => !IsWord(kv.Key) || kv.Value.Count >= minGroups).Select(kv => kv.Key).Order(StringComparer.Ordinal)];
    }

    private static bool IsWord(string feature) => feature.StartsWith("w:", StringComparison.Ordinal) || feature.StartsWith("b:", StringComparison.Ordinal);

    /// <summary>Logits of a model over <paramref name="from"/> types laid out over <paramref name="to"/> (a type it never saw gets a very low score).</summary>
    private static double[] Project(double[] logits, IReadOnlyList<ErrorType> from, IReadOnlyList<ErrorType> to) =>
        [.. to.Select(t => from.Contains(t) ? logits[from.ToList().IndexOf(t)] : logits.Min() - 10)];

    /// <summary>The temperature minimising the held-out negative log-likelihood (golden-section search on its logarithm).</summary>
    private static double FitTemperature(double[][] logits, int[] labels)
    {
        double Nll(double logT)
        {
            var t = Math.Exp(logT);
            var sum = 0d;
            for (var i = 0; i < logits.Length; i++)
            {
                sum -= Math.Log(Math.Max(JudgeModel.Softmax(logits[i], t)[labels[i]], 1e-12));
            }

            return sum;
        }

        double lo = Math.Log(0.05), hi = Math.Log(20);
        var g = (Math.Sqrt(5) - 1) / 2;
        for (var i = 0; i < 80; i++)
        {
            var a = hi - (g * (hi - lo));
            var b = lo + (g * (hi - lo));
            if (Nll(a) <= Nll(b))
            {
                hi = b;
            }
            else
            {
                lo = a;
            }
        }

        return Math.Exp((lo + hi) / 2);
    }
}
