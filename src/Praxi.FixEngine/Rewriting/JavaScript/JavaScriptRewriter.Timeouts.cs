using System.Globalization;
using System.Text.RegularExpressions;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Rewriting.JavaScript;

internal sealed partial class JavaScriptRewriter
{
    private static readonly HashSet<string> TimeoutCalls = ["setTimeout", "setDefaultTimeout", "setDefaultNavigationTimeout", "waitForTimeout"];

    /// <summary>A numeric timeout in the source: where its value is written, and the token that holds it.</summary>
    private sealed record TimeoutSite(int Token, JsValue Value, string What);

    private static RewriteResult Timeouts(JsResolver resolver, JsDocument doc, FixInstruction instruction)
    {
        if (instruction.NewMs is not { } newMs || newMs <= 0)
        {
            return RewriteResult.ManualReview("the instruction has no new timeout");
        }

        var configKey = ConfigKey(instruction.Evidence);
        if (configKey is not null || IsConfig(doc.Path))
        {
            return ConfigTimeout(resolver, doc, instruction, newMs, configKey);
        }

        if (instruction.Line is not { } line)
        {
            return RewriteResult.NotFound($"{instruction.File}: the instruction has no line and no config_key");
        }

        var where = $"{instruction.File}:{line}";
        var all = TimeoutSitesNear(resolver, doc, line);
        var onLine = all.Where(s => doc.LineOfToken(s.Token) == line).ToList();
        var candidates = onLine.Count > 0 ? onLine : all;
        if (instruction.OldMs is { } oldMs)
        {
            var matching = candidates.Where(s => Ms(s.Value) == oldMs).ToList();
            if (matching.Count == 0 && onLine.Count > 0)
            {
                matching = [.. all.Where(s => Ms(s.Value) == oldMs)];
            }

            if (matching.Count == 0)
            {
                if (all.Any(s => Ms(s.Value) == newMs))
                {
                    return RewriteResult.NoChange($"{where} already waits {newMs} ms");
                }

                if (all.FirstOrDefault(s => s.Value.Kind == JsValueKind.Manual) is { } manual)
                {
                    return RewriteResult.ManualReview($"{where}: {manual.What}: {manual.Value.Reason}");
                }

                return RewriteResult.NotFound($"{where}: no explicit timeout of {oldMs} ms (found: {(all.Count == 0 ? "none" : string.Join(", ", all.Select(s => s.What + "=" + (Ms(s.Value)?.ToString(CultureInfo.InvariantCulture) ?? "?"))))})");
            }

            candidates = matching;
        }

        if (candidates.Count == 0)
        {
            return RewriteResult.NotFound($"{where}: no explicit timeout");
        }

        var offset = doc.OffsetOf(line, instruction.Column ?? 1);
        var chosen = candidates.OrderBy(s => Math.Abs(doc[s.Token].Start - offset)).First();
        return TimeoutEdit(resolver, doc, instruction, chosen, newMs, line);
    }

    private static RewriteResult TimeoutEdit(JsResolver resolver, JsDocument doc, FixInstruction instruction, TimeoutSite chosen, int newMs, int line)
    {
        if (chosen.Value.Kind == JsValueKind.Manual)
        {
            return RewriteResult.ManualReview($"{instruction.File}:{line}: {chosen.What}: {chosen.Value.Reason}");
        }

        if (chosen.Value.Site is not { Kind: LiteralKind.Number } site)
        {
            return RewriteResult.ManualReview($"{instruction.File}:{line}: {chosen.What} is not a number literal");
        }

        if (Ms(chosen.Value) == newMs)
        {
            return RewriteResult.NoChange($"{instruction.File}:{line} already says {newMs} ms");
        }

        var followed = !ReferenceEquals(site.Document, doc) || site.First != chosen.Token;
        var usages = followed ? JsUsages.Find(resolver, chosen.Value.Symbol, instruction.File, line) : [];
        var edits = chosen.Value.MoreSites.Prepend(site).Select(s => new TextEdit(
            s.Document.Path, s.Start, s.End - s.Start, JsLiteral.Number(newMs, s.Raw), s.Line, instruction.Kind.ToName(),
            followed ? $"{instruction.File}:{line}" : null, usages.Count == 0 ? null : usages)).ToList();
        return RewriteResult.Edited(edits);
    }

    private static long? Ms(JsValue value) =>
        value.Site is { Kind: LiteralKind.Number } site ? JsLiteral.ParseNumber(site.Value) : null;

    /// <summary>
    /// Timeouts in the statements that cover the line: <c>{ timeout: N }</c> options, <c>test.setTimeout(N)</c>,
    /// <c>page.setDefaultTimeout(N)</c>, <c>page.waitForTimeout(N)</c>. A callback body is searched only when the
    /// failing line is the callback's own line (a test's <c>test.setTimeout</c>).
    /// </summary>
    private static List<TimeoutSite> TimeoutSitesNear(JsResolver resolver, JsDocument doc, int line)
    {
        var from = doc.TokenAt(doc.OffsetOf(Math.Max(1, line - 30), 1));
        var seen = new HashSet<int>();
        var result = new List<TimeoutSite>();
        foreach (var chain in CallChain.All(doc, from))
        {
            if (doc.LineOfToken(chain.First) > line)
            {
                break;
            }

            if (doc.LineOf(doc[chain.Last].End) < line)
            {
                continue;
            }

            for (var i = chain.First; i <= chain.Last; i++)
            {
                // Inside a callback that does not start on the failing line: not this statement's timeout.
                if ((doc.Is(i, "=>") || doc.IsName(i, "function")) && doc.LineOfToken(i) != line)
                {
                    var body = i + 1;
                    while (body <= chain.Last && !doc.Is(body, "{"))
                    {
                        body++;
                    }

                    if (body <= chain.Last && doc.Match(body) > i && !(doc.LineOfToken(body) <= line && doc.LineOf(doc[doc.Match(body)].End) >= line && !AnyChainStartsOn(doc, line, body)))
                    {
                        i = doc.Match(body);
                        continue;
                    }
                }

                if (!seen.Add(i))
                {
                    continue;
                }

                if (doc.IsName(i, "timeout") && doc.Is(i + 1, ":") && doc.Is(doc.Parent(i), "{"))
                {
                    var end = JsSyntax.ExpressionEnd(doc, i + 2);
                    result.Add(new TimeoutSite(i + 2, resolver.Resolve(doc, i + 2, end), "timeout option"));
                }
                else if (doc.IsName(i) && TimeoutCalls.Contains(doc[i].Text) && JsSyntax.AfterDot(doc, i) && doc.Is(i + 1, "("))
                {
                    var args = JsSyntax.Arguments(doc, i + 1);
                    if (args.Count >= 1)
                    {
                        result.Add(new TimeoutSite(args[0].First, resolver.Resolve(doc, args[0].First, args[0].Last), doc[i].Text + "()"));
                    }
                }
            }
        }

        return result;
    }

    private static bool AnyChainStartsOn(JsDocument doc, int line, int body)
    {
        // True when the failing line holds a statement of its own inside the callback body.
        for (var i = body + 1; i < doc.Match(body); i++)
        {
            if (doc.LineOfToken(i) == line && doc.Parent(i) == body)
            {
                return true;
            }
        }

        return false;
    }

    // ---- playwright.config ----------------------------------------------------------------------------------

    private static bool IsConfig(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.StartsWith("playwright", StringComparison.OrdinalIgnoreCase) && name.Contains(".config.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><c>config_key=expect.timeout</c> (or <c>config_key: use.actionTimeout</c>) in the instruction's evidence.</summary>
    private static string? ConfigKey(string? evidence)
    {
        var m = evidence is null ? Match.Empty : ConfigKeyPattern().Match(evidence);
        return m.Success ? m.Groups["key"].Value : null;
    }

    private static RewriteResult ConfigTimeout(JsResolver resolver, JsDocument doc, FixInstruction instruction, int newMs, string? configKey)
    {
        var keys = new List<(string Path, int Key, int First, int Last)>();
        for (var i = 0; i < doc.Count; i++)
        {
            if (doc[i].Kind is JsTokenKind.Name or JsTokenKind.String && doc.Is(i + 1, ":") && doc.Is(doc.Parent(i), "{")
                && doc[i].Value is "timeout" or "actionTimeout" or "navigationTimeout")
            {
                keys.Add((KeyPath(doc, i), i, i + 2, JsSyntax.ExpressionEnd(doc, i + 2)));
            }
        }

        var wanted = keys.Where(k => configKey is null
            ? k.Path is "timeout" or "expect.timeout" || k.Path.EndsWith("actionTimeout", StringComparison.Ordinal) || k.Path.EndsWith("navigationTimeout", StringComparison.Ordinal)
            : k.Path == configKey || k.Path.EndsWith("." + configKey, StringComparison.Ordinal) && configKey != "timeout").ToList();
        if (instruction.Line is { } line)
        {
            wanted = [.. wanted.Where(k => doc.LineOfToken(k.Key) == line)];
        }

        var sites = wanted.Select(k => (k.Path, Site: new TimeoutSite(k.First, resolver.Resolve(doc, k.First, k.Last), k.Path))).ToList();
        if (instruction.OldMs is { } oldMs)
        {
            var matching = sites.Where(s => Ms(s.Site.Value) == oldMs).ToList();
            if (matching.Count == 0)
            {
                if (sites.Any(s => Ms(s.Site.Value) == newMs))
                {
                    return RewriteResult.NoChange($"{instruction.File}: {configKey ?? "a timeout key"} is already {newMs} ms");
                }

                if (sites.FirstOrDefault(s => s.Site.Value.Kind == JsValueKind.Manual) is { Site: not null } manual)
                {
                    return RewriteResult.ManualReview($"{instruction.File}: {manual.Path}: {manual.Site.Value.Reason}");
                }

                return RewriteResult.NotFound($"{instruction.File}: no config key {configKey ?? "timeout"} with {oldMs} ms (adding keys is left to a person)");
            }

            sites = matching;
        }

        if (sites.Count == 0)
        {
            return RewriteResult.NotFound($"{instruction.File}: no config key {configKey ?? "timeout"}");
        }

        if (sites.Count > 1)
        {
            return RewriteResult.ManualReview($"{instruction.File}: several config keys match ({string.Join(", ", sites.Select(s => s.Path))}); name one with config_key=");
        }

        return TimeoutEdit(resolver, doc, instruction, sites[0].Site, newMs, doc.LineOfToken(sites[0].Site.Token));
    }

    /// <summary><c>use.actionTimeout</c>, <c>expect.timeout</c>, <c>projects.use.navigationTimeout</c> (arrays are skipped).</summary>
    private static string KeyPath(JsDocument doc, int key)
    {
        var path = new List<string> { doc[key].Value };
        for (var open = doc.Parent(key); open >= 0; open = doc.Parent(open))
        {
            if (doc.Is(open, "{") && doc.Is(open - 1, ":") && doc[open - 2].Kind is JsTokenKind.Name or JsTokenKind.String)
            {
                path.Insert(0, doc[open - 2].Value);
            }
            else if (doc.Is(open, "[") && doc.Is(open - 1, ":") && doc[open - 2].Kind is JsTokenKind.Name or JsTokenKind.String)
            {
                path.Insert(0, doc[open - 2].Value);
            }
        }

        return string.Join('.', path);
    }

    [GeneratedRegex(@"config_key\s*[=:]\s*[""']?(?<key>[A-Za-z_][\w.]*)")]
    private static partial Regex ConfigKeyPattern();
}
