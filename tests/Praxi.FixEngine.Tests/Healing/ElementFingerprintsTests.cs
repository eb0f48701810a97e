using AngleSharp.Dom;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Tests.Healing;

public sealed class ElementFingerprintsTests
{
    private static IElement Element(string html, string css) => DomLoader.Parse(html).QuerySelector(css)!;

    [Fact]
    public void FromElement_FormControl_ReadsAttributesAccessibilityAndLiveValue()
    {
        var html = """
            <html><body><form id="buy"><label for="qty">Quantity</label>
            <input id="qty" class="field  wide" name="quantity" type="number" value="1" __playwright_value_="2"
                   placeholder="How many" title="Items" aria-label="Item count" data-qa="qty-input" __playwright_target__="">
            </form></body></html>
            """;

        var sut = ElementFingerprints.FromElement(Element(html, "#qty"));

        sut.Tag.Should().Be("INPUT");
        sut.Id.Should().Be("qty");
        sut.Class.Should().Be("field wide");
        sut.Name.Should().Be("quantity");
        sut.Type.Should().Be("number");
        sut.Value.Should().Be("2", "the snapshot's live value wins over the attribute");
        sut.Placeholder.Should().Be("How many");
        sut.Title.Should().Be("Items");
        sut.AriaLabel.Should().Be("Item count");
        sut.TestId.Should().Be("qty-input");
        sut.Label.Should().Be("Quantity");
        sut.Role.Should().Be("spinbutton");
        sut.AccessibleName.Should().Be("Item count");
        sut.Hidden.Should().BeFalse();
        sut.XPath.Should().Be("/html[1]/body[1]/form[1]/input[1]");
        sut.IdXPath.Should().Be("//*[@id='qty']");
    }

    [Fact]
    public void FromElement_Button_TextIsNormalisedAndTheNameComesFromIt()
    {
        var sut = ElementFingerprints.FromElement(Element("<body><button class=primary>\n  Add   to <b>cart</b>\n</button></body>", "button"));

        sut.Tag.Should().Be("BUTTON");
        sut.Text.Should().Be("Add to cart");
        sut.VisibleText.Should().Be("Add to cart");
        sut.Type.Should().Be("submit", "a button without a type submits, as the DOM property says");
        sut.Role.Should().Be("button");
        sut.AccessibleName.Should().Be("Add to cart");
        sut.Href.Should().BeNull();
        sut.Id.Should().BeNull();
    }

    [Fact]
    public void FromElement_Paths_CountSameTagSiblingsAndStartAtTheNearestId()
    {
        var html = """
            <body><div>a</div><p>p</p><div id="main"><span>x</span><section><button>One</button><button>Two</button></section></div></body>
            """;

        var sut = ElementFingerprints.FromElement(DomLoader.Parse(html).QuerySelectorAll("button")[1]);

        sut.XPath.Should().Be("/html[1]/body[1]/div[2]/section[1]/button[2]");
        sut.IdXPath.Should().Be("//*[@id='main']/section[1]/button[2]");
    }

    [Fact]
    public void FromElement_NoIdAbove_IdXPathIsTheAbsolutePath()
    {
        var sut = ElementFingerprints.FromElement(Element("<body><main><a href='/cart'>Cart</a></main></body>", "a"));

        sut.IdXPath.Should().Be("/html[1]/body[1]/main[1]/a[1]");
        sut.Href.Should().Be("/cart");
        sut.Role.Should().Be("link");
    }

    [Fact]
    public void FromElement_HiddenDescendant_CountsForTextButNotVisibleText()
    {
        var sut = ElementFingerprints.FromElement(Element("<body><a id=c>Cart <span style='display:none'>(empty)</span><span hidden>secret</span> 2</a></body>", "#c"));

        sut.Text.Should().Be("Cart (empty)secret 2");
        sut.VisibleText.Should().Be("Cart 2");
    }

    [Fact]
    public void FromElement_TableCells_AreSeparateWordsInVisibleTextOnly()
    {
        var sut = ElementFingerprints.FromElement(Element("<body><table><tr id=r><th>Product</th><th>Price</th></tr></table></body>", "#r"));

        sut.Text.Should().Be("ProductPrice", "text is textContent");
        sut.VisibleText.Should().Be("Product Price", "visible text reads cells apart, as innerText does");
    }

    [Fact]
    public void FromElement_HiddenElement_IsHiddenWithNoVisibleText()
    {
        var sut = ElementFingerprints.FromElement(Element("<body><div hidden><button id=b>Undo</button></div></body>", "#b"));

        sut.Hidden.Should().BeTrue();
        sut.Text.Should().Be("Undo");
        sut.VisibleText.Should().BeNull();
    }

    [Fact]
    public void FromElement_LongText_IsCapped()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 100));

        var sut = ElementFingerprints.FromElement(Element($"<body><p>{words}</p></body>", "p"));

        sut.Text!.Length.Should().BeLessThanOrEqualTo(200).And.BeGreaterThan(190);
        sut.Text.Should().StartWith("word word");
    }

    [Fact]
    public void FromElement_ScriptAndStyle_AreNotText()
    {
        var sut = ElementFingerprints.FromElement(Element("<body><div id=d>Hi<style>.x{}</style><script>var a</script> there</div></body>", "#d"));

        sut.Text.Should().Be("Hi there");
    }

    [Fact]
    public void FromElement_PasswordAndHiddenInputs_KeepNoValue()
    {
        var doc = DomLoader.Parse("<body><input id=p type=password __playwright_value_='hunter2'><input id=t type=hidden name=csrf value='token123'></body>");

        ElementFingerprints.FromElement(doc.QuerySelector("#p")!).Value.Should().BeNull();
        ElementFingerprints.FromElement(doc.QuerySelector("#t")!).Value.Should().BeNull();
    }

    [Fact]
    public void FromElement_TestIdAttributes_FirstConfiguredOneWins()
    {
        var element = Element("<body><button data-cy='cy-buy' data-automation='auto-buy'>Buy</button></body>", "button");

        ElementFingerprints.FromElement(element).TestId.Should().Be("cy-buy");
        ElementFingerprints.FromElement(element, FingerprintOptions.For(["data-automation"])).TestId.Should().Be("auto-buy");
    }

    [Fact]
    public void FromElement_TraceMarkers_AreNotClassesOrValues()
    {
        var sut = ElementFingerprints.FromElement(Element("<body><div id=d class='card __playwright_x' __playwright_target__='call@3'>Card</div></body>", "#d"));

        sut.Class.Should().Be("card");
        sut.Value.Should().BeNull();
    }

    [Fact]
    public void FromElement_Neighbours_TakeTheLabelBeforeAndTheTextAfter()
    {
        var html = """
            <body><form><div><label for=e>Email address</label></div><div><input id=e></div><p>We never share it.</p></form></body>
            """;

        var sut = ElementFingerprints.FromElement(Element(html, "#e"));

        sut.NeighborText.Should().Be("Email address We never share it.");
    }

    [Fact]
    public void FromElement_SectionHeading_DescribesItsElementsButNotTheNextSection()
    {
        var html = """
            <body>
              <section><h2>Shipping address</h2><div><div><input id=a></div></div></section>
              <section><div><div><input id=b></div></div></section>
            </body>
            """;
        var doc = DomLoader.Parse(html);

        var first = ElementFingerprints.FromElement(doc.QuerySelector("#a")!);
        var second = ElementFingerprints.FromElement(doc.QuerySelector("#b")!);

        first.NeighborText.Should().Be("Shipping address");
        second.NeighborText.Should().BeNull();
    }

    [Fact]
    public void FromElement_ListItems_TakeTheirOwnHeading()
    {
        var html = """
            <body><ul>
              <li><h3>Canvas Tote</h3><span>$20</span><button id=one>Add</button></li>
              <li><h3>Linen Shirt</h3><span>$45</span><button id=two>Add</button></li>
            </ul></body>
            """;

        var sut = ElementFingerprints.FromElement(Element(html, "#two"));

        sut.NeighborText.Should().Be("Linen Shirt $45");
    }

    [Fact]
    public void FromElement_NeighbourText_IsShort()
    {
        var before = string.Join(' ', Enumerable.Range(1, 30).Select(i => "b" + i));
        var after = string.Join(' ', Enumerable.Range(1, 30).Select(i => "a" + i));

        var sut = ElementFingerprints.FromElement(Element($"<body><p>{before}</p><button>Go</button><p>{after}</p></body>", "button"));

        var words = sut.NeighborText!.Split(' ');
        words.Should().HaveCount(20);
        words[0].Should().Be("b21");
        words[9].Should().Be("b30");
        words[10].Should().Be("a1");
    }

    [Fact]
    public void FromElement_InsideOpenShadowRoot_PathRunsThroughTheHost()
    {
        var html = """
            <body><div id=app><shop-cart><template __playwright_shadow_root_="open"><span>Total</span><button class=pay>Pay now</button></template></shop-cart></div></body>
            """;
        var doc = DomLoader.Parse(html);
        var button = ElementFingerprints.Candidates(doc).Single(c => c.Props.Tag == "BUTTON");

        var sut = ElementFingerprints.FromElement(button.Element);

        sut.XPath.Should().Be("/html[1]/body[1]/div[1]/shop-cart[1]/button[1]");
        sut.IdXPath.Should().Be("//*[@id='app']/shop-cart[1]/button[1]");
        sut.Text.Should().Be("Pay now");
        sut.NeighborText.Should().Be("Total");
        sut.AccessibleName.Should().Be("Pay now");
        ElementFingerprints.FromElement(doc.QuerySelector("shop-cart")!).Text.Should().Be("TotalPay now");
    }

    [Fact]
    public void Candidates_Page_ListsScorableElementsInDocumentOrder()
    {
        var html = """
            <html><head><title>Shop</title><meta charset=utf-8><style>p{}</style></head>
            <body><header><a href="/">Home</a></header><script>x()</script><br>
            <template><button>Never rendered</button></template>
            <main><p>Hi<br>there</p><svg><path d="M0"/></svg></main></body></html>
            """;

        var sut = ElementFingerprints.Candidates(DomLoader.Parse(html));

        sut.Select(c => c.Props.Tag).Should().Equal("HEADER", "A", "MAIN", "P", "svg");
        sut.Select(c => c.Props.XPath).Should().OnlyHaveUniqueItems();
        sut[4].Props.XPath.Should().Be("/html[1]/body[1]/main[1]/*[local-name() = \"svg\"][1]");
    }

    [Fact]
    public void Candidates_EachProps_EqualFromElement()
    {
        var doc = DomLoader.Parse("<body><nav><a href=/a>A</a><a href=/b>B</a></nav><form><label>Name <input name=n></label><button>Send</button></form></body>");

        var sut = ElementFingerprints.Candidates(doc);

        sut.Should().HaveCount(7);
        sut.Should().AllSatisfy(c => c.Props.Should().Be(ElementFingerprints.FromElement(c.Element)));
        sut.Select(c => c.Props.XPath).Should().OnlyHaveUniqueItems("the relocator names candidates by their XPath");
    }

    [Fact]
    public void MarkedTargets_Snapshot_FindsTheMarkedElementsOnly()
    {
        var doc = DomLoader.Parse("<body><button __playwright_target__='call@9'>Yes</button><button>No</button></body>");

        var sut = ElementFingerprints.MarkedTargets(doc);

        sut.Should().ContainSingle().Which.Props.Text.Should().Be("Yes");
    }

    [Fact]
    public void FromElement_ElementInsideATemplate_IsRefused()
    {
        var template = (AngleSharp.Html.Dom.IHtmlTemplateElement)Element("<body><template><b>x</b></template></body>", "template");

        var act = () => ElementFingerprints.FromElement(template.Content.FirstElementChild!);

        act.Should().Throw<ArgumentException>();
    }
}
