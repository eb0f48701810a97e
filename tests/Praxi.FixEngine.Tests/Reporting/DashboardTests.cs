using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Praxi.FixEngine.Reporting;

namespace Praxi.FixEngine.Tests.Reporting;

public sealed class DashboardTests
{
    [Fact]
    public void RenderHtml_ThreeRunsAndAnUnreadableOne_CountsMatchTheInputs()
    {
        var runs = ThreeRuns();

        var html = Dashboard.RenderHtml(runs, "Nightly");

        var doc = Parse(html);
        doc.Title.Should().Be("Nightly");
        doc.QuerySelectorAll("tr.run-row").Select(r => r.QuerySelector("a")!.TextContent).Should().Equal("patched", "self-healed", "withheld", "empty");
        doc.QuerySelectorAll("article.run").Should().HaveCount(4);
        doc.QuerySelectorAll("tr.run-row .chip").Select(c => c.TextContent).Should().Equal("patch offered", "healed", "patch withheld", "unreadable");
        doc.QuerySelectorAll("article.run h2 .chip").Should().HaveCount(4);
        var patched = doc.GetElementById("run-1")!;
        patched.QuerySelectorAll("tr.test-row").Should().HaveCount(2);
        patched.QuerySelectorAll(".diff .dl.add").Select(l => l.TextContent).Should().Equal("+  add = '#add-to-basket';");
        patched.QuerySelectorAll(".diff .dl.del").Select(l => l.TextContent).Should().Equal("-  add = '#add-to-cart';");
        patched.QuerySelectorAll(".diff .dl.file").Should().HaveCount(3);
        patched.QuerySelector("tr.edit-row td.before")!.TextContent.Should().Be("'#add-to-cart'");
        patched.QuerySelector("tr.edit-row td.after")!.TextContent.Should().Be("'#add-to-basket'");
        patched.QuerySelectorAll("tr.heal-row").Should().HaveCount(2);
        patched.QuerySelectorAll("tr.heal-row")[1].TextContent.Should().Contain("abstained: nothing similar enough");
        patched.QuerySelectorAll("tr.guardrail-row").Should().HaveCount(2);
        patched.QuerySelectorAll("tr.check-row").Should().HaveCount(2);
        var healed = doc.GetElementById("run-2")!;
        healed.QuerySelectorAll("tr.test-row").Should().HaveCount(3);
        healed.QuerySelectorAll("tr.action-row").Should().ContainSingle().Which.TextContent.Should().Contain("dotnet run -- seed").And.Contain("1.2 s");
        healed.QuerySelectorAll("tr.verdict-row td.verdict").Select(v => v.TextContent).Should().Equal("healed", "flaky", "flaky");
        doc.GetElementById("run-3")!.QuerySelectorAll(".diff.rejected .dl.add").Should().ContainSingle();
        doc.GetElementById("run-4")!.QuerySelector(".unreadable")!.TextContent.Should().StartWith("unreadable: holds none of analysis.json");
    }

    [Fact]
    public void RenderHtml_Trends_OneBarPerRunAndTypeWithTextLabels()
    {
        var runs = ThreeRuns();

        var doc = Parse(Dashboard.RenderHtml(runs));

        var byType = doc.QuerySelector("#failures-by-type svg")!;
        byType.GetAttribute("role").Should().Be("img");
        byType.QuerySelectorAll("rect.bar title").Select(t => t.TextContent).Should().Equal(
            "patched: 2 selector_not_found", "self-healed: 2 database", "self-healed: 1 timeout", "withheld: 1 selector_not_found");
        byType.QuerySelectorAll("text.value").Select(t => t.TextContent).Should().Contain(["2", "3", "1", "0"]);
        var rate = doc.QuerySelector("#heal-success svg")!;
        rate.QuerySelectorAll("rect.bar title").Select(t => t.TextContent).Should().Equal("patched: 50%", "self-healed: 100%");
        rate.QuerySelectorAll("text.value").Select(t => t.TextContent).Should().Contain("n/a");
        doc.QuerySelectorAll("#flaky rect.bar title").Select(t => t.TextContent).Should().Equal("self-healed: 2");
        doc.QuerySelectorAll("#trends svg > title").Should().HaveCount(3);
    }

    [Fact]
    public void RenderHtml_AnyRuns_SelfContainedWithAStrictCspAndOneHashedScript()
    {
        var doc = Parse(Dashboard.RenderHtml(ThreeRuns()));

        var csp = doc.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content");
        csp.Should().StartWith("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-");
        doc.QuerySelectorAll("script").Should().ContainSingle().Which.TextContent.Should().Be(DashboardPage.FilterScript);
        doc.QuerySelectorAll("script[src], link, iframe, object, embed, img, base, form").Should().BeEmpty();
        doc.All.SelectMany(e => e.Attributes).Where(a => a.Name is "href" or "src" or "action" or "xlink:href")
            .Select(a => a.Value).Should().OnlyContain(v => v.StartsWith('#'));
        doc.QuerySelector("nav#filter")!.HasAttribute("hidden").Should().BeTrue("the filter needs JavaScript, so it starts hidden");
    }

    [Fact]
    public void RenderHtml_HostileText_NothingExecutableAndTheTextShowsLiterally()
    {
        string[] payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' onmouseover='x", "</textarea><b>bold</b>", "javascript:alert(1)"];
        var hostile = string.Join(" ", payloads);
        using var run = RunFolder.Create("run ' onmouseover='x \"><img src=x onerror=alert(1)>")
            .Analysis("r<script>", "selector_not_found<b>", (hostile, "timeout\"><i>", "msg " + hostile))
            .Heal(hostile, "#a\"><img src=x>", "javascript:alert(1)")
            .Patch("r1", "PR " + hostile, "'" + hostile + "'", "'</textarea>'")
            .SelfHeal("r1", "failed", (hostile, "still_failing\"><script>alert(2)</script>"));

        var html = Dashboard.RenderHtml([RunOutputs.Load(run.Path)], "<script>alert(3)</script>");

        var doc = Parse(html);
        doc.QuerySelectorAll("script").Should().ContainSingle().Which.TextContent.Should().Be(DashboardPage.FilterScript);
        doc.QuerySelectorAll("img, textarea, b, i, iframe").Should().BeEmpty();
        doc.All.SelectMany(e => e.Attributes).Select(a => a.Name).Should().NotContain(n => n.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        doc.All.SelectMany(e => e.Attributes).Where(a => a.Name == "href").Select(a => a.Value).Should().OnlyContain(v => v.StartsWith("#run-", StringComparison.Ordinal));
        doc.All.Where(e => e.HasAttribute("id")).Select(e => e.Id).Should().OnlyContain(id => id!.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
        doc.All.Where(e => e.HasAttribute("class")).SelectMany(e => e.ClassList).Should().OnlyContain(c => c.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-' || ch == '_'));
        doc.Title.Should().Be("<script>alert(3)</script>");
        var text = doc.Body!.TextContent;
        foreach (var payload in payloads)
        {
            text.Should().Contain(payload);
        }

        doc.QuerySelector("tr.test-row td")!.TextContent.Should().Be(hostile);
        doc.QuerySelectorAll(".diff .dl.del").Should().ContainSingle().Which.TextContent.Should().Be("-  add = '" + hostile + "';");
    }

    [Fact]
    public void RenderSummary_HostileText_OneRowPerRunAndEveryValueQuoted()
    {
        using var hostile = RunFolder.Create("a|b `x` @octocat <img src=x>").Analysis("r", "type|with`tick @admin\nsecond line", ("t", "timeout", "m"));

        var sut = Dashboard.RenderSummary([RunOutputs.Load(hostile.Path), .. ThreeRuns()]);

        var rows = sut.Split('\n').Where(l => l.StartsWith('|')).ToList();
        rows.Should().HaveCount(2 + 5);
        rows.Should().OnlyContain(r => System.Text.RegularExpressions.Regex.Count(r, @"(?<!\\)\|") == 7, "a '|' from input must not add a column");
        var row = rows.Single(r => r.Contains("octocat", StringComparison.Ordinal));
        row.Should().Contain("``a\\|b `x` @octocat <img src=x>``").And.Contain("``type\\|with`tick @admin second line``");
        sut.Should().Contain("patch offered").And.Contain("self-heal healed").And.NotContain("](");
        sut.Split('\n').Length.Should().BeLessThan(20);
    }

    [Fact]
    public void RenderPrComment_PatchRuns_MarkerTableAndTheProposedTitles()
    {
        var sut = Dashboard.RenderPrComment(ThreeRuns());

        sut.Should().StartWith("<!-- praxi-dashboard -->\n### praxi dashboard — 4 run(s)");
        sut.Should().Contain("- `patched`: proposed patch `PR heal #add-to-cart` (risk `test-only`)")
            .And.Contain("- `withheld`: withheld patch `PR withheld`");
        sut.Split('\n').Length.Should().BeLessThan(25);
    }

    [Fact]
    public void RenderHtml_ProgressedValidation_OffersThePatchAndNamesTheNewFailure()
    {
        using var folder = RunFolder.Create("progressed")
            .Analysis("r5", "selector_not_found", ("cart", "selector_not_found", "TimeoutError: locator.click"))
            .Patch("r5", "PR heal #add", "'#add'", "'#add-item'", validation: "progressed");

        var doc = Parse(Dashboard.RenderHtml([RunOutputs.Load(folder.Path)], "Nightly"));

        doc.QuerySelector("tr.run-row .chip")!.TextContent.Should().Be("patch offered");
        var test = doc.QuerySelector("ul.validated-tests li")!;
        test.TextContent.Should().Be("cart: progressed at e2e/cart.spec.ts:6 — Error: table \"Items\" already exists (database)");
        test.QuerySelector("span.v-progressed").Should().NotBeNull();
    }

    internal static IReadOnlyList<RunOutputs> ThreeRuns()
    {
        using var patched = RunFolder.Create("patched")
            .Analysis("r1", "selector_not_found", ("cart › adds", "selector_not_found", "TimeoutError: locator.click"), ("cart › removes", "selector_not_found", "TimeoutError"))
            .Heal("cart › adds", "#add-to-cart", "#add-to-basket")
            .Patch("r1", "PR heal #add-to-cart", "'#add-to-cart'", "'#add-to-basket'")
            .Touch(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        using var healed = RunFolder.Create("self-healed")
            .Analysis("r2", "database", ("a", "database", "relation does not exist"), ("b", "database", "no rows"), ("c", "timeout", "Timeout 5000ms"))
            .SelfHeal("r2", "healed", ("a", "healed"), ("b", "flaky"), ("c", "flaky"))
            .Touch(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        using var withheld = RunFolder.Create("withheld")
            .Analysis("r3", "selector_not_found", ("x", "selector_not_found", "no element"))
            .Patch("r3", "PR withheld", "'#x'", "'#y'", validation: "failed", rejected: true)
            .Touch(new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc));
        using var empty = RunFolder.Create("empty").Touch(new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        Directory.SetLastWriteTimeUtc(empty.Path, new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc));

        // Given newest first: the page orders by time (the self-heal decision's time for the healed run: 2026-01-02).
        return [.. new[] { empty, withheld, healed, patched }.Select(f => RunOutputs.Load(f.Path))];
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
