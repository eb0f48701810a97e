using System.Globalization;

namespace Praxi.FixEngine.Reporting;

/// <summary>
/// The trends across runs, oldest first, as inline SVG: failures by type (stacked bars), heal success rate, flaky tests.
/// Every chart has a title and every bar a &lt;title&gt; and a text label, so the numbers read without colour or hover.
/// </summary>
internal static class TrendCharts
{
    private const int Height = 210;
    private const int Top = 20;
    private const int Bottom = 80;
    private const int Left = 34;
    private const int BarWidth = 34;
    private const int Gap = 14;

    private static readonly string[] Palette =
        ["#0969da", "#cf222e", "#9a6700", "#8250df", "#1a7f37", "#bf3989", "#0a7ea4", "#bc4c00", "#57606a", "#6e7781"];

    /// <summary>Writes the trend section.</summary>
    public static void Write(HtmlWriter w, IReadOnlyList<RunOutputs> runs)
    {
        w.Markup("<section id=\"trends\"><h2>Trends</h2><div class=\"charts\">");
        FailuresByType(w, runs);
        var rates = runs.Select(HealRate).ToList();
        Bars(w, "heal-success", "Heal success rate per run (%)", runs,
            [.. rates.Select(r => r is { } v ? v * 100 : (double?)null)], 100, v => v is { } x ? x.ToString("0", CultureInfo.InvariantCulture) + "%" : "n/a", "#1a7f37");
        var flaky = runs.Select(r => (double?)FlakyTests(r)).ToList();
        Bars(w, "flaky", "Flaky tests per run", runs, flaky, Math.Max(1, flaky.Max() ?? 1), v => HtmlWriter.Number(v ?? 0), "#9a6700");
        w.Markup("</div></section>\n");
    }

    /// <summary>The share of heal attempts that healed: selector heals plus self-heal rerun verdicts (healed or flaky); null when none ran.</summary>
    internal static double? HealRate(RunOutputs run)
    {
        var outcomes = run.Heal.Arr("outcomes");
        var verdicts = run.Verdicts;
        var total = outcomes.Count + verdicts.Count;
        if (total == 0)
        {
            return null;
        }

        var healed = outcomes.Count(o => o.Str("status") == "healed") + verdicts.Count(v => v.Str("verdict") is "healed" or "flaky");
        return (double)healed / total;
    }

    /// <summary>The distinct tests self-heal found flaky (passed on a pure rerun).</summary>
    internal static int FlakyTests(RunOutputs run) =>
        run.Verdicts.Where(v => v.Str("verdict") == "flaky").Select(v => v.Str("test")).Distinct(StringComparer.Ordinal).Count();

    private static void FailuresByType(HtmlWriter w, IReadOnlyList<RunOutputs> runs)
    {
        var counts = runs.Select(r => r.Failures.GroupBy(f => f.Str("error_type") ?? "unknown", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)).ToList();
        var types = counts.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var max = Math.Max(1, counts.Select(c => c.Values.Sum()).DefaultIfEmpty(0).Max());
        var width = Left + runs.Count * (BarWidth + Gap) + Gap;
        var plot = Height - Top - Bottom;
        Svg(w, "failures-by-type", "Failed tests by type per run", width, Height + 18 * ((types.Count + 2) / 3));
        Axis(w, width, max.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < runs.Count; i++)
        {
            var x = Left + Gap + i * (BarWidth + Gap);
            var y = (double)(Height - Bottom);
            foreach (var type in types)
            {
                if (!counts[i].TryGetValue(type, out var n))
                {
                    continue;
                }

                var h = (double)n / max * plot;
                y -= h;
                w.Open("rect", "bar", ("x", Num(x)), ("y", Num(y)), ("width", Num(BarWidth)), ("height", Num(h)), ("fill", Palette[types.IndexOf(type) % Palette.Length]))
                    .Element("title", null, $"{runs[i].Name}: {n} {type}").Close("rect");
            }

            var total = counts[i].Values.Sum();
            Label(w, x + BarWidth / 2.0, y - 4, total.ToString(CultureInfo.InvariantCulture));
            RunLabel(w, x, runs[i]);
        }

        for (var t = 0; t < types.Count; t++)
        {
            var lx = 8 + (t % 3) * Math.Max(120, (width - 8) / 3);
            var ly = Height + 4 + (t / 3) * 18;
            w.Open("rect", "legend", ("x", Num(lx)), ("y", Num(ly)), ("width", "10"), ("height", "10"), ("fill", Palette[t % Palette.Length])).Close("rect");
            w.Open("text", null, ("x", Num(lx + 14)), ("y", Num(ly + 9))).Text(types[t]).Close("text");
        }

        w.Markup("</svg></figure>");
    }

    private static void Bars(HtmlWriter w, string id, string title, IReadOnlyList<RunOutputs> runs, List<double?> values, double max, Func<double?, string> label, string colour)
    {
        var width = Left + runs.Count * (BarWidth + Gap) + Gap;
        var plot = Height - Top - Bottom;
        Svg(w, id, title, width, Height);
        Axis(w, width, label(max));
        for (var i = 0; i < runs.Count; i++)
        {
            var x = Left + Gap + i * (BarWidth + Gap);
            var y = (double)(Height - Bottom);
            if (values[i] is > 0 and var v)
            {
                var h = v / max * plot;
                y -= h;
                w.Open("rect", "bar", ("x", Num(x)), ("y", Num(y)), ("width", Num(BarWidth)), ("height", Num(h)), ("fill", colour))
                    .Element("title", null, $"{runs[i].Name}: {label(v)}").Close("rect");
            }

            Label(w, x + BarWidth / 2.0, y - 4, label(values[i]));
            RunLabel(w, x, runs[i]);
        }

        w.Markup("</svg></figure>");
    }

    private static void Svg(HtmlWriter w, string id, string title, int width, int height) =>
        w.Open("figure", "chart", ("id", id)).Element("figcaption", null, title)
            .Open("svg", null, ("xmlns", "http://www.w3.org/2000/svg"), ("role", "img"), ("aria-labelledby", id + "-title"),
                ("width", Num(width)), ("height", Num(height)), ("viewBox", $"0 0 {Num(width)} {Num(height)}"))
            .Open("title", null, ("id", id + "-title")).Text(title).Close("title");

    private static void Axis(HtmlWriter w, int width, string maxLabel)
    {
        w.Open("line", null, ("x1", Num(Left)), ("y1", Num(Height - Bottom)), ("x2", Num(width - 4)), ("y2", Num(Height - Bottom)), ("stroke", "#8c959f")).Close("line")
            .Open("line", null, ("x1", Num(Left)), ("y1", Num(Top)), ("x2", Num(Left)), ("y2", Num(Height - Bottom)), ("stroke", "#8c959f")).Close("line");
        Label(w, Left - 16, Top + 4, maxLabel);
        Label(w, Left - 8, Height - Bottom, "0");
    }

    private static void Label(HtmlWriter w, double x, double y, string text) =>
        w.Open("text", "value", ("x", Num(x)), ("y", Num(y)), ("text-anchor", "middle")).Text(text).Close("text");

    private static void RunLabel(HtmlWriter w, int x, RunOutputs run)
    {
        var name = run.Name.Length > 16 ? run.Name[..15] + "…" : run.Name;
        var lx = x + BarWidth / 2.0 + 4;
        var ly = Height - Bottom + 12;
        w.Open("text", "run-label", ("x", Num(lx)), ("y", Num(ly)), ("text-anchor", "end"), ("transform", $"rotate(-40 {Num(lx)} {Num(ly)})"))
            .Element("title", null, run.Name).Text(name).Close("text");
    }

    private static string Num(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
