using AngleSharp.Dom;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Dom;

namespace Praxi.FixEngine.Tests.Healing.Dom;

public sealed class SelectorEngineTests
{
    private static IDocument Dom(string html) => DomLoader.Parse(html);

    private static IEnumerable<string> Ids(IReadOnlyList<IElement> elements) => elements.Select(e => e.Id ?? e.LocalName);

    private static IEnumerable<string> Query(string html, string selector, DomQueryContext? context = null) =>
        Ids(SelectorEngine.Query(Dom(html), selector, context));

    [Theory]
    [InlineData("internal:role=button[name=\"sign in\"i]", new[] { "a", "b" })]
    [InlineData("internal:role=button[name=\"Sign in\"s]", new[] { "b" })]
    [InlineData("internal:role=button[name=/^sign\\s+in now/i]", new[] { "a" })]
    [InlineData("internal:role=button", new[] { "a", "b", "c" })]
    [InlineData("internal:role=button[include-hidden=true][name=\"sign in\"i]", new[] { "a", "b", "h" })]
    [InlineData("role=button[name=\"Sign in\"]", new[] { "b" })]
    [InlineData("internal:role=link", new string[0])]
    public void Query_Role_MatchesNameSubstringExactRegexAndSkipsHidden(string selector, string[] expected)
    {
        const string Html = """
            <button id=a>Sign   In now</button><button id=b>Sign in</button><button id=c>Cancel</button>
            <button id=h hidden>Sign in</button><a id=n>no href</a>
            """;

        Query(Html, selector).Should().Equal(expected);
    }

    [Fact]
    public void Query_Role_InheritsVisibilityAndAriaHiddenFromAncestors()
    {
        const string Html = """
            <div style="visibility:hidden"><button id=v style="visibility: visible">A</button><button id=x>B</button></div>
            <section aria-hidden="true"><div><button id=y>C</button></div></section><button id=z>D</button>
            """;

        Query(Html, "internal:role=button").Should().Equal("v", "z");
        Query(Html, "internal:role=button[include-hidden]").Should().Equal("v", "x", "y", "z");
    }

    [Theory]
    [InlineData("internal:role=heading[level=2]", new[] { "h2" })]
    [InlineData("internal:role=checkbox[checked=true]", new[] { "c1" })]
    [InlineData("internal:role=checkbox[checked=false]", new[] { "c2" })]
    [InlineData("internal:role=button[disabled=true]", new[] { "d" })]
    [InlineData("internal:role=button[pressed=true]", new[] { "p" })]
    [InlineData("internal:role=button[expanded=false]", new[] { "p" })]
    [InlineData("internal:role=option[selected=true]", new[] { "o2" })]
    public void Query_RoleStates_FilterOnTheState(string selector, string[] expected)
    {
        const string Html = """
            <h1 id=h1>A</h1><h2 id=h2>B</h2>
            <input id=c1 type=checkbox checked><input id=c2 type=checkbox>
            <button id=d disabled>D</button><button id=p aria-pressed=true aria-expanded=false>P</button>
            <select><option id=o1>x</option><option id=o2 selected>y</option></select>
            """;

        Query(Html, selector).Should().Equal(expected);
    }

    [Theory]
    [InlineData("internal:text=\"ready\"i", new[] { "b" })]
    [InlineData("internal:text=\"status: ready\"i", new[] { "p" })]
    [InlineData("internal:text=\"Status:\"s", new string[0])]
    [InlineData("internal:text=\"Status: ready\"s", new[] { "p" })]
    [InlineData("internal:text=/Sign In now/", new string[0])]
    [InlineData("internal:text=/Sign\\s+In now/", new[] { "s" })]
    [InlineData("text=sign in", new[] { "s" })]
    [InlineData("\"Sign   In now\"", new[] { "s" })]
    [InlineData("internal:text=\"hidden one\"i", new[] { "hid" })]
    public void Query_Text_ReturnsInnermostMatchesHiddenIncluded(string selector, string[] expected)
    {
        const string Html = """
            <p id=p>Status: <b id=b>ready</b></p><span id=s>Sign   In now</span>
            <button id=hid hidden>Hidden one</button><script>ready()</script>
            """;

        Query(Html, selector).Should().Equal(expected);
    }

    [Theory]
    [InlineData("internal:label=\"full name\"i", new[] { "name" })]
    [InlineData("internal:label=\"Email\"s", new[] { "email" })]
    [InlineData("internal:label=\"Search\"i", new[] { "search" })]
    [InlineData("internal:label=\"billing\"i", new[] { "addr" })]
    [InlineData("internal:label=\"Billing address\"i", new string[0])]
    [InlineData("internal:label=/^Card/", new[] { "card" })]
    public void Query_Label_UsesLabelledByAriaLabelAndLabels(string selector, string[] expected)
    {
        const string Html = """
            <label for=name>Full   name</label><input id=name>
            <label>Email <input id=email></label>
            <input id=search aria-label="Search the shop">
            <span id=l1>Billing</span><span id=l2>address</span><input id=addr aria-labelledby="l1 l2">
            <label>Card number<input id=card></label>
            """;

        Query(Html, selector).Should().Equal(expected);
    }

    [Theory]
    [InlineData("internal:attr=[placeholder=\"you@\"i]", new[] { "e" })]
    [InlineData("internal:attr=[placeholder=\"you@example.com\"s]", new[] { "e" })]
    [InlineData("internal:attr=[placeholder=\"YOU@EXAMPLE.COM\"s]", new string[0])]
    [InlineData("internal:attr=[alt=\"logo\"i]", new[] { "logo" })]
    [InlineData("internal:attr=[title=\"Go home\"s]", new[] { "home" })]
    [InlineData("internal:testid=[data-testid=\"card\"s]", new[] { "c1" })]
    [InlineData("internal:testid=[data-testid=/car/]", new[] { "c1", "c2" })]
    [InlineData("internal:testid=[data-qa=\"card\"s]", new[] { "q" })]
    [InlineData("data-testid=card", new[] { "c1" })]
    [InlineData("id=home", new[] { "home" })]
    public void Query_AttributeEngines_MatchRawValues(string selector, string[] expected)
    {
        const string Html = """
            <input id=e placeholder="you@example.com"><img id=logo alt="Company logo"><a id=home href=/ title="Go home">h</a>
            <div id=c1 data-testid=card></div><div id=c2 data-testid=cards></div><div id=q data-qa=card></div>
            """;

        Query(Html, selector).Should().Equal(expected);
    }

    [Fact]
    public void Query_TestIdSpec_UsesTheConfiguredAttribute()
    {
        var dom = Dom("<div id=a data-testid=card></div><div id=b data-qa=card></div>");
        var spec = new LocatorSpec { By = LocatorKind.TestId, Value = "card" };

        Ids(SelectorEngine.Query(dom, spec)).Should().Equal("a");
        Ids(SelectorEngine.Query(dom, spec, new DomQueryContext { TestIdAttribute = "data-qa" })).Should().Equal("b");
    }

    [Theory]
    [InlineData("//button[normalize-space()='Save all']", new[] { "save" })]
    [InlineData("//button[normalize-space(.)='Save all']", new[] { "save" })]
    [InlineData("//li[text()='Two']", new[] { "two" })]
    [InlineData("//*[@id='list']/li[contains(., 'T')]", new[] { "two", "three" })]
    [InlineData("(//li)[last()]", new[] { "three" })]
    [InlineData("//li[@data-x][1]", new[] { "one" })]
    [InlineData("xpath=//ul//li[2]", new[] { "two" })]
    [InlineData("//li[@id='two']/following-sibling::li", new[] { "three" })]
    [InlineData("//li[@id='three']/preceding-sibling::li", new[] { "one", "two" })]
    [InlineData("//ul[@id='list'] >> .. ", new[] { "main" })]
    [InlineData("//svg", new string[0])]
    [InlineData("//*[local-name()='svg']", new[] { "icon" })]
    public void Query_XPath_EvaluatesXPathOneOverTheDom(string selector, string[] expected)
    {
        const string Html = """
            <main id=main><button id=save>  Save
              all </button><ul id=list><li id=one data-x>One</li><li id=two>Two</li><li id=three>Three</li></ul>
            <svg id=icon></svg></main>
            """;

        Query(Html, selector).Should().Equal(expected);
    }

    [Fact]
    public void Query_XPathUnderAnElement_IsRelativeToIt()
    {
        const string Html = "<div id=a><span id=s1></span></div><div id=b><span id=s2></span></div>";

        Query(Html, "#b >> //span").Should().Equal("s2");
    }

    [Fact]
    public void Query_Css_PiercesRenderedOpenShadowRoots()
    {
        const string Html = """
            <x-card id=host><template __playwright_shadow_root_="open"><button id=inner class=buy>Buy</button><slot></slot></template><span id=light>light</span></x-card>
            <button id=outer class=buy>Outer</button>
            """;

        Query(Html, "x-card button").Should().Equal("inner");
        Query(Html, ".buy").Should().Equal("inner", "outer");
        Query(Html, "#host > button").Should().Equal("inner");
        Query(Html, "css:light=.buy").Should().Equal("outer");
        Query(Html, "internal:role=button[name=\"buy\"i]").Should().Equal("inner");
        Query(Html, "internal:text=\"Buy\"s").Should().Equal("inner");
        Query(Html, "#host >> .buy").Should().Equal("inner");
    }

    [Fact]
    public void Query_EnterFrame_ContinuesInTheResolvedDocument()
    {
        var main = Dom("<iframe id=pay src=\"/snapshot/frame@2\"></iframe><label>Card number <input id=outside></label>");
        var frame = Dom("<label>Card number <input id=inside></label>");
        var context = new DomQueryContext
        {
            FrameResolver = DomQueryContext.SnapshotFrames(new Dictionary<string, IDocument> { ["frame@2"] = frame }),
        };
        const string Selector = "iframe >> internal:control=enter-frame >> internal:label=\"Card number\"i";

        Ids(SelectorEngine.Query(main, Selector, context)).Should().Equal("inside");
        SelectorEngine.Query(main, Selector).Should().BeEmpty();
    }

    [Fact]
    public void Query_Chain_ScopesEachPartAndDeduplicatesInDocumentOrder()
    {
        const string Html = """
            <div id=outer><div id=inner><span id=s1>a</span></div><span id=s2>b</span></div><span id=s3>c</span>
            <form id=f><button id=b1>Go</button></form><button id=b2>Go</button>
            """;

        Query(Html, "div >> span").Should().Equal("s1", "s2");
        Query(Html, "form >> internal:role=button[name=\"Go\"i]").Should().Equal("b1");
        Query(Html, "form#f >> internal:role=button").Should().Equal("b1");
    }

    [Theory]
    [InlineData("li >> nth=0", new[] { "one" })]
    [InlineData("li >> nth=-1", new[] { "three" })]
    [InlineData("li >> nth=5", new string[0])]
    [InlineData("li >> internal:has-text=\"tw\"i", new[] { "two" })]
    [InlineData("li >> internal:has-not-text=\"tw\"i", new[] { "one", "three" })]
    [InlineData("li >> internal:has=\"b\"", new[] { "three" })]
    [InlineData("li >> internal:has-not=\"b\"", new[] { "one", "two" })]
    [InlineData("li >> internal:and=\"#two\"", new[] { "two" })]
    [InlineData("#three >> internal:or=\"#one\"", new[] { "one", "three" })]
    [InlineData("li >> visible=true", new[] { "one", "three" })]
    [InlineData("li:has-text(\"Thr\")", new[] { "three" })]
    [InlineData("li:visible", new[] { "one", "three" })]
    [InlineData("ul :text(\"Bold\")", new[] { "bold" })]
    public void Query_FiltersAndNth_NarrowTheMatches(string selector, string[] expected)
    {
        const string Html = "<ul><li id=one>One</li><li id=two style='display:none'>Two</li><li id=three><b id=bold>Bold</b> Three</li></ul>";

        Query(Html, selector).Should().Equal(expected);
    }

    [Theory]
    [InlineData("bogus=thing", "Unknown selector engine \"bogus\"")]
    [InlineData("div >>  >> span", "empty part")]
    [InlineData("internal:role=button[name=\"x\"i][sparkly=true]", "unknown attribute [sparkly]")]
    [InlineData("internal:role=button[name=\"x", "unterminated string")]
    [InlineData("internal:text=/(/", "not valid")]
    [InlineData("//div[", "cannot be evaluated")]
    [InlineData("xpath=count(//div)", "cannot be evaluated")]
    [InlineData("div[[", "not valid")]
    [InlineData("nth=first", "integer")]
    [InlineData("internal:has=div", "JSON-quoted")]
    [InlineData("div >> left-of=\"span\"", "rendered page")]
    public void Query_BadSelector_ThrowsAClearFixEngineException(string selector, string message)
    {
        var act = () => SelectorEngine.Query(Dom("<div></div>"), selector);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain(message);
    }

    [Theory]
    [InlineData(LocatorKind.Id, "save", null, new[] { "save" })]
    [InlineData(LocatorKind.Name, "q", null, new[] { "q" })]
    [InlineData(LocatorKind.Class, "primary", null, new[] { "save" })]
    [InlineData(LocatorKind.LinkText, "Pricing", true, new[] { "pricing" })]
    [InlineData(LocatorKind.LinkText, "Pric", true, new string[0])]
    [InlineData(LocatorKind.LinkText, "Pric", false, new[] { "pricing" })]
    [InlineData(LocatorKind.Css, "button.primary", null, new[] { "save" })]
    [InlineData(LocatorKind.XPath, "//input[@name='q']", null, new[] { "q" })]
    [InlineData(LocatorKind.Text, "save", false, new[] { "save" })]
    [InlineData(LocatorKind.Placeholder, "Search", false, new[] { "q" })]
    [InlineData(LocatorKind.Selector, "form >> button", null, new[] { "save" })]
    public void Query_Spec_CoversSeleniumAndPlaywrightForms(LocatorKind by, string value, bool? exact, string[] expected)
    {
        const string Html = """
            <form><input id=q name=q placeholder="Search"><button id=save class="btn primary">Save</button></form>
            <a id=pricing href=/pricing>  Pricing </a><a id=hiddenlink href=/x hidden>Pricing</a>
            """;

        Ids(SelectorEngine.Query(Dom(Html), new LocatorSpec { By = by, Value = value, Exact = exact })).Should().Equal(expected);
    }

    [Theory]
    [InlineData("//button[@id='go']")]
    [InlineData("(//button)[2]")]
    [InlineData("((//button))[2]")]
    public void Query_CssSpecHoldingAnXPath_IsReadAsPlaywrightReadsIt(string xpath)
    {
        var spec = new LocatorSpec { By = LocatorKind.Css, Value = xpath };

        Ids(SelectorEngine.Query(Dom("<button id=stop>Stop</button><button id=go>Go</button>"), spec)).Should().Equal("go");
    }

    [Fact]
    public void Query_RoleSpec_UsesTheAccessibleName()
    {
        var spec = new LocatorSpec { By = LocatorKind.Role, Role = "button", Name = "Save", Exact = true };

        Ids(SelectorEngine.Query(Dom("<button id=a>Save</button><button id=b>Save all</button>"), spec)).Should().Equal("a");
    }

    [Fact]
    public void Query_BadSpec_ThrowsAClearFixEngineException()
    {
        var dom = Dom("<div></div>");

        FluentActions.Invoking(() => SelectorEngine.Query(dom, new LocatorSpec { By = LocatorKind.Css }))
            .Should().Throw<FixEngineException>().WithMessage("*no value*");
        FluentActions.Invoking(() => SelectorEngine.Query(dom, new LocatorSpec { By = LocatorKind.Class, Value = "a b" }))
            .Should().Throw<FixEngineException>().WithMessage("*compound*");
        FluentActions.Invoking(() => SelectorEngine.Query(dom, new LocatorSpec { By = (LocatorKind)99, Value = "x" }))
            .Should().Throw<FixEngineException>().WithMessage("*Unknown locator strategy*");
    }

    [Fact]
    public void Query_ElementScope_SearchesBelowIt()
    {
        var dom = Dom("<section id=s><button id=in>Go</button></section><button id=out>Go</button>");

        Ids(SelectorEngine.Query(dom.GetElementById("s")!, "internal:role=button")).Should().Equal("in");
    }
}
