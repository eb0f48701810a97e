using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Healing;

/// <summary>
/// One target of relocation data with its answer known: every candidate's property similarities, measured once,
/// so that weights can be fitted and tried without measuring again.
/// </summary>
internal sealed class RelocationCase
{
    public RelocationCase(string group, ElementProps target, RelocationPage page, string answerId)
    {
        Group = group;
        var features = new SimilarityRelocator.TargetFeatures(target);
        Similarity = new double[page.Candidates.Count][];
        Present = new int[page.Candidates.Count];
        Answer = -1;
        for (var i = 0; i < page.Candidates.Count; i++)
        {
            Similarity[i] = new double[RelocationProperties.Count];
            Present[i] = features.Measure(page.Candidates[i], page, Similarity[i]);
            if (page.Candidates[i].Id == answerId)
            {
                Answer = i;
            }
        }
    }

    /// <summary>What folds group by (the site): no group is in both the fitting and the scoring part.</summary>
    public string Group { get; }

    public double[][] Similarity { get; }

    public int[] Present { get; }

    /// <summary>The answer's index among the candidates, or −1 when the pool lacks it.</summary>
    public int Answer { get; }

    public int Pool => Similarity.Length;

    public double Score(int candidate, IReadOnlyList<double> weights) =>
        SimilarityRelocator.Combine(Similarity[candidate], Present[candidate], weights).Score;

    /// <summary>The best and the runner-up candidate under <paramref name="weights"/> (ties keep the pool's order).</summary>
    public (int Best, double BestScore, double RunnerUp, double? Identity) Rank(IReadOnlyList<double> weights)
    {
        int best = -1;
        double bestScore = double.NegativeInfinity, second = 0;
        for (var i = 0; i < Pool; i++)
        {
            var s = Score(i, weights);
            if (s > bestScore)
            {
                second = best < 0 ? 0 : bestScore;
                best = i;
                bestScore = s;
            }
            else if (s > second)
            {
                second = s;
            }
        }

        return best < 0 ? (-1, 0, 0, null) : (best, bestScore, second, SimilarityRelocator.Combine(Similarity[best], Present[best], weights).Identity);
    }
}

/// <summary>
/// Fits a <see cref="RelocationModel"/> on relocation cases: property weights by pairwise ranking (the answer against
/// the candidates that compete with it most, a logistic loss on score differences, full-batch Adam on log-weights
/// with a pull toward the paper's weights; deterministic), then a logistic calibration of "the best is the target"
/// on predictions for sites held out of the fit, and the largest risk that keeps held-out wrong answers under
/// <see cref="WrongBudget"/>.
/// </summary>
internal static class RelocationTrainer
{
    /// <summary>The share of held-out targets the chosen risk may answer wrongly.</summary>
    public const double WrongBudget = 0.005;

    private const int Negatives = 40;
    private const int Iterations = 300;
    private const double LearningRate = 0.03;
    private const double Sharpness = 25;
    private const double Pull = 0.02;
    private const int CalibrationFolds = 5;

    public static RelocationModel Train(IReadOnlyList<RelocationCase> cases, IReadOnlyList<string> datasets, CancellationToken cancellationToken)
    {
        var usable = cases.Where(c => c.Answer >= 0 && c.Pool > 0).ToList();
        var groups = usable.Select(c => c.Group).Distinct(StringComparer.Ordinal).ToList();
        if (groups.Count < 2)
        {
            throw new FixEngineException("relocation training needs targets from at least two sites, to calibrate on sites it did not fit.");
        }

        var folds = Math.Min(CalibrationFolds, groups.Count);
        var foldOf = GroupFolds.Assign([.. usable.Select(c => c.Group)], folds);
        var held = new List<(double[] Z, bool Right, double Best, double? Identity)>();
        for (var f = 0; f < folds; f++)
        {
            var weights = FitWeights([.. usable.Where((_, i) => foldOf[i] != f)], cancellationToken);
            foreach (var c in usable.Where((_, i) => foldOf[i] == f))
            {
                held.Add(Decision(c, weights));
            }
        }

        var calibration = FitCalibration(held);
        var risk = ChooseRisk(held, calibration, usable.Count);
        var final = FitWeights(usable, cancellationToken);
        return new RelocationModel(final, calibration, risk, new RelocationTraining
        {
            Targets = usable.Count,
            Sites = groups.Count,
            Datasets = [.. datasets],
        });
    }

    /// <summary>What the calibration reads for one case under some weights, and whether the best is the answer.</summary>
    public static (double[] Z, bool Right, double Best, double? Identity) Decision(RelocationCase c, IReadOnlyList<double> weights)
    {
        var (best, score, runnerUp, identity) = c.Rank(weights);
        var z = new double[RelocationModel.CalibrationSize - 1];
        RelocationModel.DecisionFeatures(score, runnerUp, identity, c.Pool, z);
        return (z, best == c.Answer, score, identity);
    }

    public static double[] FitWeights(IReadOnlyList<RelocationCase> cases, CancellationToken cancellationToken)
    {
        var prior = RelocationModel.Similo.Weights.Select(w => Math.Log(w)).ToArray();
        var theta = (double[])prior.Clone();
        var m = new double[theta.Length];
        var v = new double[theta.Length];
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        var negatives = new int[cases.Count][];
        var weights = prior.Select(t => Math.Exp(t)).ToArray();
        Span<double> gradA = stackalloc double[RelocationProperties.Count];
        Span<double> gradC = stackalloc double[RelocationProperties.Count];
        for (var step = 1; step <= Iterations; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (step % 100 == 1)
            {
                for (var k = 0; k < cases.Count; k++)
                {
                    negatives[k] = Hardest(cases[k], weights);
                }
            }

            var grad = new double[theta.Length];
            for (var k = 0; k < cases.Count; k++)
            {
                var c = cases[k];
                if (negatives[k].Length == 0)
                {
                    continue;
                }

                var sa = Gradient(c, c.Answer, weights, gradA);
                foreach (var n in negatives[k])
                {
                    var sn = Gradient(c, n, weights, gradC);

                    // d/dθ softplus(−β (sa − sn)) = −β σ(−β (sa − sn)) (dsa − dsn)
                    var factor = -Sharpness / (1 + Math.Exp(Sharpness * (sa - sn))) / negatives[k].Length / cases.Count;
                    for (var i = 0; i < grad.Length; i++)
                    {
                        grad[i] += factor * (gradA[i] - gradC[i]);
                    }
                }
            }

            for (var i = 0; i < theta.Length; i++)
            {
                var g = grad[i] + (Pull * (theta[i] - prior[i]));
                m[i] = (beta1 * m[i]) + ((1 - beta1) * g);
                v[i] = (beta2 * v[i]) + ((1 - beta2) * g * g);
                var mh = m[i] / (1 - Math.Pow(beta1, step));
                var vh = v[i] / (1 - Math.Pow(beta2, step));
                theta[i] -= LearningRate * mh / (Math.Sqrt(vh) + eps);
                weights[i] = Math.Exp(theta[i]);
            }
        }

        // Scale invariant: keep the paper's total so weights read on the same scale.
        var scale = RelocationModel.Similo.Weights.Sum() / weights.Sum();
        return [.. weights.Select(w => w * scale)];
    }

    // The score of one candidate and its gradient with respect to the log-weights.
    private static double Gradient(RelocationCase c, int candidate, double[] weights, Span<double> grad)
    {
        var s = c.Similarity[candidate];
        var present = c.Present[candidate];
        double sum = 0, total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if ((present & (1 << i)) != 0)
            {
                sum += weights[i] * s[i];
                total += weights[i];
            }
        }

        var score = total == 0 ? 0 : sum / total;
        for (var i = 0; i < weights.Length; i++)
        {
            grad[i] = total == 0 || (present & (1 << i)) == 0 ? 0 : weights[i] * (s[i] - score) / total;
        }

        return score;
    }

    private static int[] Hardest(RelocationCase c, double[] weights) =>
        [.. Enumerable.Range(0, c.Pool).Where(i => i != c.Answer)
            .Select(i => (Index: i, Score: c.Score(i, weights)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index)
            .Take(Negatives).Select(x => x.Index)];

    /// <summary>Logistic regression of "the best is the answer" on the decision features (Newton steps, small L2).</summary>
    public static double[] FitCalibration(IReadOnlyList<(double[] Z, bool Right, double Best, double? Identity)> held)
    {
        var n = RelocationModel.CalibrationSize;
        var beta = new double[n];
        const double l2 = 0.01;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var g = new double[n];
            var h = new double[n, n];
            foreach (var (z, right, _, _) in held)
            {
                var x = Row(z);
                var p = Sigmoid(Dot(beta, x));
                for (var i = 0; i < n; i++)
                {
                    g[i] += (p - (right ? 1 : 0)) * x[i];
                    for (var j = 0; j < n; j++)
                    {
                        h[i, j] += p * (1 - p) * x[i] * x[j];
                    }
                }
            }

            for (var i = 1; i < n; i++)
            {
                g[i] += l2 * beta[i];
                h[i, i] += l2;
            }

            h[0, 0] += 1e-9;
            var step = Solve(h, g);
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                beta[i] -= step[i];
                change = Math.Max(change, Math.Abs(step[i]));
            }

            if (change < 1e-9)
            {
                break;
            }
        }

        return beta;
    }

    /// <summary>
    /// The largest risk whose answers on held-out sites are wrong for at most <see cref="WrongBudget"/> of the
    /// targets (the threshold and the identity floor apply as in the relocator).
    /// </summary>
    public static double ChooseRisk(IReadOnlyList<(double[] Z, bool Right, double Best, double? Identity)> held, double[] calibration, int targets)
    {
        var answerable = held.Where(h => h.Best >= SimilarityRelocator.Threshold && (h.Identity is not { } id || id > SimilarityRelocator.IdentityFloor))
            .Select(h => (Risk: 1 - Sigmoid(Dot(calibration, Row(h.Z))), h.Right))
            .OrderBy(h => h.Risk).ToList();
        var budget = WrongBudget * targets;
        var wrong = 0;
        var chosen = 0.0;
        for (var i = 0; i < answerable.Count; i++)
        {
            wrong += answerable[i].Right ? 0 : 1;
            if (wrong > budget)
            {
                break;
            }

            // Answer everything up to here: the risk sits halfway to the next case, so ties are not split by rounding.
            chosen = i + 1 < answerable.Count ? (answerable[i].Risk + answerable[i + 1].Risk) / 2 : answerable[i].Risk;
        }

        return Math.Clamp(chosen, 0, 0.5);
    }

    /// <summary>Held-out answered/wrong shares as the accepted risk moves (the curve <c>praxi bench relocate --folds</c> prints).</summary>
    public static IReadOnlyList<(double Risk, int Answered, int Wrong)> Curve(IReadOnlyList<(double Risk, bool Right)> held, IReadOnlyList<double> risks) =>
        [.. risks.Select(r => (r, held.Count(h => h.Risk <= r), held.Count(h => h.Risk <= r && !h.Right)))];

    private static double[] Row(double[] z)
    {
        var x = new double[z.Length + 1];
        x[0] = 1;
        Array.Copy(z, 0, x, 1, z.Length);
        return x;
    }

    private static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }

            for (var k = 0; k < n; k++)
            {
                (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
            }

            (x[col], x[pivot]) = (x[pivot], x[col]);
            var d = m[col, col];
            if (Math.Abs(d) < 1e-12)
            {
                continue;
            }

            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var f = m[r, col] / d;
                for (var k = 0; k < n; k++)
                {
                    m[r, k] -= f * m[col, k];
                }

                x[r] -= f * x[col];
            }
        }

        for (var i = 0; i < n; i++)
        {
            x[i] = Math.Abs(m[i, i]) < 1e-12 ? 0 : x[i] / m[i, i];
        }

        return x;
    }
}
