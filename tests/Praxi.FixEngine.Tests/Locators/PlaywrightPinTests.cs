using AngleSharp.Dom;
using Microsoft.Playwright;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Dom;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Tests.Locators;

/// <summary>
/// Pins the locator language to the real Playwright, on pages of the sample app (PraxiShop DOM dumps under
/// samples/artifacts) in the system Chromium: the elements a selector matches (our <see cref="SelectorEngine"/>
/// against <c>page.Locator(s)</c>), what a selector means once read into a <see cref="LocatorSpec"/> and printed back,
/// and the selector strings Playwright itself builds for <c>GetByRole</c>, <c>GetByText</c>, <c>First</c>… compared
/// with ours.
/// </summary>
public sealed partial class PlaywrightPinTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>The cart page, with a closed confirmation dialog.</summary>
    private static readonly string Cart = SamplePage("removed-element", "test-results", "catalogue-adds-a-product-to-the-cart-chromium");

    /// <summary>The checkout page: labelled fields, two "Place order" buttons.</summary>
    private static readonly string Checkout = SamplePage("duplicated-element", "test-results", "checkout-places-an-order-chromium");

    /// <summary>
    /// Texts the shop does not write but the splitter and the quoting must handle: quotes inside text, <c>&gt;&gt;</c>
    /// inside an attribute value, ids and classes that need CSS escapes. Appended to both pages.
    /// </summary>
    private const string Extras = """
        <section id="pin-extras">
          <p id="its">it's <button id="its-button">OK</button></p>
          <p id="say">say "hi" <button id="say-button">Hi</button></p>
          <span id="arrows" data-note="a >> b">a &gt;&gt; b</span>
          <i id="a.b">dotted id</i>
          <i id="colon" class="c:d">colon class</i>
          <span id="back">back\slash</span>
          <a id="shop-link" href="/products">Shop all products</a>
        </section>
        """;

    /// <summary>Selectors in every engine and form the stages read or write.</summary>
    private static readonly string[] CartSelectors =
    [
        "#cart-table",
        "button",
        "css=button.remove-item",
        "[data-testid=\"cart-total\"]",
        "[data-note=\"a >> b\"]",
        "#a\\.b",
        ".c\\:d",
        "text=Remove",
        "text=\"Remove\"",
        "'Remove item'",
        "text=it's",
        "text=it's >> button",
        "text=\"it's\" >> button",
        "text=say \"hi\" >> button",
        "internal:text=\"say \\\"hi\\\"\"i",
        "internal:text=\"back\\\\slash\"s",
        "internal:text=\"remove\"i",
        "internal:text=\"Remove\"s",
        "internal:text=\"Remove\"",
        "internal:text=\"dotted\\nid\"i",
        "internal:text=/canvas\\s+tote/i",
        "internal:role=button[name=\"Remove Canvas Tote\"i]",
        "internal:role=button[name=\"remove\"i]",
        "internal:role=button[name=\"Remove\"s]",
        "internal:role=button[name=\"Remove Canvas Tote\"]",
        "internal:role=button[name=\"remove canvas tote\"]",
        "role=button[name=\"remove canvas tote\"i]",
        "role=button[name=\"remove\"i]",
        "internal:role=button[include-hidden=true][name=\"Remove item\"i]",
        "internal:role=link",
        "internal:role=link[name=\"shop\"i]",
        "internal:role=row >> nth=1",
        "internal:role=heading[level=1]",
        "internal:role=dialog",
        "table >> internal:role=button",
        "tr >> internal:has-text=\"canvas\"i >> button",
        "tr.cart-row >> internal:has-not-text=\"tote\"i",
        "internal:testid=[data-testid=\"cart-total\"s]",
        "internal:testid=[data-testid=\"remove\"i]",
        "internal:testid=[data-testid=\"cart-total\"]",
        "internal:attr=[aria-label=\"Remove Canvas Tote\"s]",
        "internal:attr=[aria-label=\"remove canvas\"i]",
        "internal:attr=[aria-label=\"Remove Canvas\"]",
        "dialog >> internal:has=\"strong\"",
        "td >> internal:has=\"a\"",
        "button >> internal:and=\"[data-testid=remove-item]\"",
        "#cancel-remove >> internal:or=\"#remove-sku\"",
        "button >> nth=-1",
        "button >> nth=0",
        "//button[@data-sku='canvas-tote']",
        "xpath=//td[contains(., 'Canvas')]",
        "(//a)[2]",
        "[aria-label=\"Remove Canvas Tote\"] >> ..",
        "button:has-text(\"Remove\")",
        "button:text-is(\"Remove\")",
        "id=cart-table",
        "data-testid=cart-total",
        "internal:role=button[name=\"x",
        "nth=first",
        "internal:has=div",
    ];

    /// <summary>
    /// Where our engine knowingly answers otherwise than Playwright, pinned so that a change shows: selector → (ours,
    /// Playwright's).
    /// </summary>
    private static readonly Dictionary<string, (string Ours, string Playwright)> KnownDifferences = new(StringComparer.Ordinal)
    {
        // Playwright reads a non-numeric nth as NaN and matches nothing; we refuse the selector as malformed, so the
        // healer says what is wrong instead of healing a locator that can never match.
        ["nth=first"] = ("(invalid selector)", "(none)"),
    };

    private static readonly string[] CheckoutSelectors =
    [
        "internal:label=\"Full name\"i",
        "internal:label=\"email\"s",
        "internal:label=\"Email\"s",
        "internal:role=textbox[name=\"City\"i]",
        "internal:role=button[name=\"Place order\"i]",
        "internal:role=button[name=\"Place order\"i] >> nth=1",
        ".sticky-summary >> internal:role=button",
        "internal:role=complementary[name=\"Order summary\"i] >> internal:text=\"€9.90\"i",
        "fieldset >> internal:role=textbox >> nth=2",
        "form >> internal:has-text=\"Street address\"i >> internal:role=button",
        "internal:attr=[autocomplete=\"postal-code\"s]",
        "internal:role=group[name=\"Shipping address\"i]",
    ];

    [Fact]
    public async Task Query_SelectorTable_MatchesWhatPlaywrightMatches()
    {
        var mismatches = await MismatchesAsync(async (document, page, selector) =>
        {
            var ours = Ours(document, selector);
            var theirs = await TheirsAsync(page, document, selector);
            var expected = KnownDifferences.TryGetValue(selector, out var known) ? known : (theirs, theirs);
            return (ours, theirs) == expected ? null : $"{selector}\n    ours:       {ours}\n    playwright: {theirs}";
        });

        mismatches.Should().BeEmpty("our engine must match the elements Playwright matches:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public async Task ParseThenPrint_SelectorTable_KeepsWhatPlaywrightMatches()
    {
        // What the analysis stores (LocatorExpression reads the selector a log or a trace holds) and the rewriters and
        // the baseline print back must select what the original selects.
        var mismatches = await MismatchesAsync(async (document, page, selector) =>
        {
            if (!LocatorExpression.TryParseSelector(selector, out var spec))
            {
                return $"{selector}: not read";
            }

            var printed = PlaywrightSelectors.Print(spec);
            var original = await TheirsAsync(page, document, selector);
            var again = await TheirsAsync(page, document, printed);
            return original == again ? null : $"{selector} → {spec.By.ToName()} {spec.Value ?? spec.Role} → {printed}\n    original: {original}\n    printed:  {again}";
        });

        mismatches.Should().BeEmpty("a selector read into a spec and printed back must select the same elements:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Print_SpecTable_IsTheSelectorPlaywrightSends()
    {
        var page = await chromium.PageAsync(Cart);
        (LocatorSpec Spec, ILocator Playwright)[] table =
        [
            (Role("button", "Sign in"), page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })),
            (Role("button", "Sign in", exact: true), page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })),
            (new LocatorSpec { By = LocatorKind.Role, Role = "navigation" }, page.GetByRole(AriaRole.Navigation)),
            (Role("link", "Say \"hi\" \\ bye"), page.GetByRole(AriaRole.Link, new() { Name = "Say \"hi\" \\ bye" })),
            (Role("button", "it's"), page.GetByRole(AriaRole.Button, new() { Name = "it's" })),
            (Spec(LocatorKind.TestId, "cart-total"), page.GetByTestId("cart-total")),
            (Spec(LocatorKind.TestId, "say \"hi\""), page.GetByTestId("say \"hi\"")),
            (Spec(LocatorKind.Text, "Remove", exact: false), page.GetByText("Remove")),
            (Spec(LocatorKind.Text, "Remove", exact: true), page.GetByText("Remove", new() { Exact = true })),
            (Spec(LocatorKind.Text, "say \"hi\" \\ bye"), page.GetByText("say \"hi\" \\ bye")),
            (Spec(LocatorKind.Text, "it's"), page.GetByText("it's")),
            (Spec(LocatorKind.Text, "a >> b"), page.GetByText("a >> b")),
            (Spec(LocatorKind.Text, "Café · €9.90"), page.GetByText("Café · €9.90")),
            (Spec(LocatorKind.Text, "two\nlines"), page.GetByText("two\nlines")),
            (Spec(LocatorKind.Label, "Full name"), page.GetByLabel("Full name")),
            (Spec(LocatorKind.Label, "Full name", exact: true), page.GetByLabel("Full name", new() { Exact = true })),
            (Spec(LocatorKind.Placeholder, "you@example.com"), page.GetByPlaceholder("you@example.com")),
            (Spec(LocatorKind.Title, "Go home", exact: true), page.GetByTitle("Go home", new() { Exact = true })),
            (Spec(LocatorKind.AltText, "logo"), page.GetByAltText("logo")),
            (Spec(LocatorKind.LinkText, "Products", exact: true), page.GetByRole(AriaRole.Link, new() { Name = "Products", Exact = true })),
            (Spec(LocatorKind.LinkText, "Prod", exact: false), page.GetByRole(AriaRole.Link, new() { Name = "Prod" })),
            (Spec(LocatorKind.Css, "#cart-table"), page.Locator("#cart-table")),
            (Spec(LocatorKind.Css, "tr.cart-row > td"), page.Locator("tr.cart-row > td")),
            (Spec(LocatorKind.XPath, "//button[@type='submit']"), page.Locator("//button[@type='submit']")),
            (Spec(LocatorKind.XPath, "(//a)[2]"), page.Locator("(//a)[2]")),
            (Spec(LocatorKind.Selector, "form >> internal:role=button"), page.Locator("form").GetByRole(AriaRole.Button)),
        ];

        var sent = await ChromiumFixture.SentSelectorsAsync(page, table.Select(row => row.Playwright));

        // Ours is the JavaScript binding's spelling; the .NET binding leaves out the "s" of an exact attribute value.
        table.Select(row => PlaywrightSelectors.Print(row.Spec)).Should().Equal(sent.Select(JavaScriptSpelling));
        sent.Select(s => LocatorExpression.TryParseSelector(s, out var read) ? PlaywrightSelectors.Print(read) : "not read: " + s)
            .Should().Equal(table.Select(row => PlaywrightSelectors.Print(row.Spec)), "what a .NET trace records reads back as the spec");
    }

    [Fact]
    public async Task TryParse_DotNetExpressionTable_IsTheSelectorPlaywrightSends()
    {
        var page = await chromium.PageAsync(Cart);
        (string Expression, ILocator Playwright)[] table =
        [
            ("page.GetByRole(AriaRole.Button, new() { Name = \"Sign in\" })", page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })),
            ("page.GetByRole(AriaRole.Heading, new() { Level = 2 })", page.GetByRole(AriaRole.Heading, new() { Level = 2 })),
            ("page.GetByRole(AriaRole.Checkbox, new() { Checked = true, Name = \"Gift\" })", page.GetByRole(AriaRole.Checkbox, new() { Checked = true, Name = "Gift" })),
            ("page.GetByRole(AriaRole.Button, new() { Name = \"Bold\", Pressed = true })", page.GetByRole(AriaRole.Button, new() { Name = "Bold", Pressed = true })),
            ("page.GetByTestId(\"cart-total\")", page.GetByTestId("cart-total")),
            ("page.GetByText(\"it's\", new() { Exact = true })", page.GetByText("it's", new() { Exact = true })),
            ("page.Locator(\"li\", new() { HasText = \"Canvas Tote\" })", page.Locator("li", new() { HasText = "Canvas Tote" })),
            ("page.Locator(\"tr\").Filter(new() { HasText = \"Tote\" })", page.Locator("tr").Filter(new() { HasText = "Tote" })),
            ("page.Locator(\"tr\").First", page.Locator("tr").First),
            ("page.Locator(\"tr\").Last", page.Locator("tr").Last),
            ("page.Locator(\"tr\").Nth(2)", page.Locator("tr").Nth(2)),
            ("page.Locator(\"form\").GetByRole(AriaRole.Button, new() { Name = \"Remove item\" })", page.Locator("form").GetByRole(AriaRole.Button, new() { Name = "Remove item" })),
            ("page.FrameLocator(\"#payment\").GetByLabel(\"Card number\")", page.FrameLocator("#payment").GetByLabel("Card number")),
            ("page.Locator(\"#payment\").ContentFrame.GetByLabel(\"Card number\")", page.Locator("#payment").ContentFrame.GetByLabel("Card number")),
        ];

        var sent = (await ChromiumFixture.SentSelectorsAsync(page, table.Select(row => row.Playwright))).Select(JavaScriptSpelling).ToList();

        table.Select(row => Read(row.Expression)).Should().Equal(sent, "our reading of the expression as written");
        table.Select(row => Read(row.Playwright.ToString()!)).Should().Equal(sent, "our reading of the expression as Playwright prints it in messages");
    }

    [Fact]
    public async Task Query_SeleniumSpecs_MatchWhatTheirPrintedSelectorMatches()
    {
        // Selenium's strategies have no Playwright engine; the printer stands in CSS or a link role for them. Our engine
        // evaluates the spec with Selenium's semantics, Playwright the printed selector.
        var html = Cart;
        var document = DomLoader.Parse(html);
        var page = await chromium.PageAsync(html);
        LocatorSpec[] specs =
        [
            Spec(LocatorKind.Id, "cart-table"),
            Spec(LocatorKind.Id, "a.b"),
            Spec(LocatorKind.Name, "sku"),
            Spec(LocatorKind.Class, "remove-item"),
            Spec(LocatorKind.Class, "c:d"),
            Spec(LocatorKind.LinkText, "Products", exact: true),
            Spec(LocatorKind.LinkText, "Shop all", exact: false),
        ];
        var mismatches = new List<string>();
        foreach (var spec in specs)
        {
            var printed = PlaywrightSelectors.Print(spec);
            var ours = Describe(document, () => SelectorEngine.Query(document, spec));
            var theirs = await TheirsAsync(page, document, printed);
            if (ours != theirs)
            {
                mismatches.Add($"{spec.By.ToName()} {spec.Value} → {printed}\n    ours:       {ours}\n    playwright: {theirs}");
            }
        }

        mismatches.Should().BeEmpty(string.Join("\n", mismatches));
    }

    /// <summary>Runs <paramref name="check"/> on every selector of both tables against its page; the problems it reports.</summary>
    private async Task<List<string>> MismatchesAsync(Func<IDocument, IPage, string, Task<string?>> check)
    {
        var mismatches = new List<string>();
        foreach (var (html, selectors) in new[] { (Cart, CartSelectors), (Checkout, CheckoutSelectors) })
        {
            var document = DomLoader.Parse(html);
            var page = await chromium.PageAsync(html);
            foreach (var selector in selectors)
            {
                if (await check(document, page, selector) is { } mismatch)
                {
                    mismatches.Add(mismatch);
                }
            }
        }

        return mismatches;
    }

    private static string Read(string expression) =>
        LocatorExpression.TryParse(expression, out var spec) ? PlaywrightSelectors.Print(spec) : "not read: " + expression;

    /// <summary>
    /// The selector as the JavaScript binding writes it: the .NET binding leaves out the <c>s</c> of an exact attribute
    /// value (<c>[name="Save"]</c>, which Playwright's attribute parser reads as case-sensitive just the same) and
    /// writes <c>frameLocator</c>'s part with a second space before the next <c>&gt;&gt;</c> (parts are trimmed).
    /// </summary>
    private static string JavaScriptSpelling(string selector) =>
        SelectorChain.Join(SelectorChain.Split(selector)
            .Select(part => part.StartsWith("internal:", StringComparison.Ordinal) ? ExactAttributeWithoutFlag().Replace(part, "\"s]") : part));

    private static LocatorSpec Role(string role, string name, bool exact = false) => new() { By = LocatorKind.Role, Role = role, Name = name, Exact = exact };

    private static LocatorSpec Spec(LocatorKind by, string value, bool? exact = null) => new() { By = by, Value = value, Exact = exact };

    private static string SamplePage(params string[] parts)
    {
        var path = Path.Combine([RepositoryRoot.Path, "samples", "artifacts", .. parts, "dom.html"]);
        var html = File.ReadAllText(path);
        var end = html.LastIndexOf("</body>", StringComparison.Ordinal);
        end.Should().BePositive($"{path} is a page dump with a body");
        return html[..end] + Extras + html[end..];
    }

    private static string Ours(IDocument document, string selector) =>
        Describe(document, () => SelectorEngine.Query(document, selector));

    private static string Describe(IDocument document, Func<IReadOnlyList<IElement>> query)
    {
        try
        {
            var all = document.QuerySelectorAll("*").ToList();
            return Describe(document, query().Select(e => all.IndexOf(e)));
        }
        catch (FixEngineException)
        {
            return "(invalid selector)";
        }
    }

    private static async Task<string> TheirsAsync(IPage page, IDocument document, string selector)
    {
        try
        {
            var indexes = await page.Locator(selector).EvaluateAllAsync<int[]>(
                "elements => elements.map(e => Array.prototype.indexOf.call(document.querySelectorAll('*'), e))");
            return Describe(document, indexes);
        }
        catch (PlaywrightException ex) when (ex.Message.Contains("selector", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("parsing", StringComparison.OrdinalIgnoreCase))
        {
            return "(invalid selector)";
        }
    }

    /// <summary>Elements by their index in document order, written <c>button#id.class</c> so a difference reads.</summary>
    private static string Describe(IDocument document, IEnumerable<int> indexes)
    {
        var all = document.QuerySelectorAll("*").ToList();
        var names = indexes.Select(i => i < 0 || i >= all.Count ? $"?{i}" : Name(all[i], i)).ToList();
        return names.Count == 0 ? "(none)" : string.Join(", ", names);
    }

    private static string Name(IElement element, int index) =>
        element.LocalName
        + (string.IsNullOrEmpty(element.Id) ? string.Empty : "#" + element.Id)
        + string.Concat(element.ClassList.Select(c => "." + c))
        + $"@{index}";

    [System.Text.RegularExpressions.GeneratedRegex("""(?<!\\)"\]""")]
    private static partial System.Text.RegularExpressions.Regex ExactAttributeWithoutFlag();
}
