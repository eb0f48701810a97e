using AngleSharp.Dom;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Dom;

namespace Praxi.FixEngine.Tests.Healing.Dom;

public sealed class AriaSemanticsTests
{
    private static IElement Element(string html, string selector = "#t") =>
        DomLoader.Parse(html).QuerySelector(selector) ?? throw new InvalidOperationException("no " + selector);

    [Theory]
    [InlineData("<a id=t href='/x'>x</a>", "link")]
    [InlineData("<a id=t>x</a>", null)]
    [InlineData("<button id=t>x</button>", "button")]
    [InlineData("<input id=t>", "textbox")]
    [InlineData("<input id=t type=email>", "textbox")]
    [InlineData("<input id=t type=password>", "textbox")]
    [InlineData("<input id=t type=bogus>", "textbox")]
    [InlineData("<input id=t type=search>", "searchbox")]
    [InlineData("<input id=t list=l><datalist id=l></datalist>", "combobox")]
    [InlineData("<input id=t type=checkbox>", "checkbox")]
    [InlineData("<input id=t type=radio>", "radio")]
    [InlineData("<input id=t type=submit>", "button")]
    [InlineData("<input id=t type=image>", "button")]
    [InlineData("<input id=t type=file>", "button")]
    [InlineData("<input id=t type=range>", "slider")]
    [InlineData("<input id=t type=number>", "spinbutton")]
    [InlineData("<input id=t type=hidden>", null)]
    [InlineData("<textarea id=t></textarea>", "textbox")]
    [InlineData("<select id=t></select>", "combobox")]
    [InlineData("<select id=t multiple></select>", "listbox")]
    [InlineData("<select id=t size=4></select>", "listbox")]
    [InlineData("<h2 id=t>x</h2>", "heading")]
    [InlineData("<img id=t src=a.png alt=''>", "presentation")]
    [InlineData("<img id=t src=a.png alt='Logo'>", "img")]
    [InlineData("<ul id=t></ul>", "list")]
    [InlineData("<ol><li id=t>x</li></ol>", "listitem")]
    [InlineData("<nav id=t></nav>", "navigation")]
    [InlineData("<main id=t></main>", "main")]
    [InlineData("<header id=t></header>", "banner")]
    [InlineData("<article><header id=t></header></article>", null)]
    [InlineData("<footer id=t></footer>", "contentinfo")]
    [InlineData("<main><footer id=t></footer></main>", null)]
    [InlineData("<section id=t></section>", null)]
    [InlineData("<section id=t aria-label='News'></section>", "region")]
    [InlineData("<form id=t></form>", null)]
    [InlineData("<form id=t aria-label='Checkout'></form>", "form")]
    [InlineData("<p id=t>x</p>", "paragraph")]
    [InlineData("<table><tr><td id=t>x</td></tr></table>", "cell")]
    [InlineData("<table><tr><th id=t>x</th></tr></table>", "columnheader")]
    [InlineData("<fieldset id=t></fieldset>", "group")]
    [InlineData("<hr id=t>", "separator")]
    [InlineData("<progress id=t></progress>", "progressbar")]
    [InlineData("<dialog id=t open></dialog>", "dialog")]
    [InlineData("<div id=t>x</div>", null)]
    [InlineData("<div id=t role='bogus tab'>x</div>", "tab")]
    [InlineData("<button id=t role='presentation'>x</button>", "button")]
    [InlineData("<ul role=none><li id=t>x</li></ul>", "none")]
    public void Role_Element_IsThePlaywrightRole(string html, string? expected)
    {
        var sut = Element(html);

        AriaSemantics.Role(sut).Should().Be(expected);
    }

    [Theory]
    [InlineData("<span id=a>Billing</span><span id=b>address</span><input id=t aria-labelledby='a b' aria-label='no'>", "Billing address")]
    [InlineData("<button id=t aria-label='Log in'>→</button>", "Log in")]
    [InlineData("<input id=t type=submit value=Send>", "Send")]
    [InlineData("<input id=t type=submit>", "Submit")]
    [InlineData("<label for=t>Full   name</label><input id=t placeholder='Jane'>", "Full name")]
    [InlineData("<label>Email <input id=t></label>", "Email")]
    [InlineData("<input id=t title='Email field' placeholder='Email'>", "Email field")]
    [InlineData("<input id=t placeholder='Email'>", "Email")]
    [InlineData("<input id=t type=checkbox placeholder='Email'>", "")]
    [InlineData("<img id=t alt='Company logo' title='x'>", "Company logo")]
    [InlineData("<button id=t title='Tooltip only'></button>", "Tooltip only")]
    [InlineData("<button id=t>Pay <input value=42> now</button>", "Pay 42 now")]
    [InlineData("<button id=t>Pay <input value=1 __playwright_value_=42> now</button>", "Pay 42 now")]
    [InlineData("<button id=t>Sign<span> in</span><span hidden> secret</span><span aria-hidden=true>!</span></button>", "Sign in")]
    [InlineData("<button id=t><div>Save</div><div>all</div></button>", "Save all")]
    [InlineData("<a id=t href=/x>Sign\u200b in\u00ad now</a>", "Sign in now")]
    [InlineData("<fieldset id=t><legend>Shipping</legend><input></fieldset>", "Shipping")]
    [InlineData("<h1 id=t>Welcome <img alt='to'> Acme</h1>", "Welcome to Acme")]
    [InlineData("<p id=t title='x'>Para</p>", "")]
    [InlineData("<div id=t title='Box'>x</div>", "Box")]
    [InlineData("<span id=h hidden>Hidden label</span><button id=t aria-labelledby=h>x</button>", "Hidden label")]
    public void AccessibleName_Element_FollowsTheNameOrder(string html, string expected)
    {
        var sut = Element(html);

        AriaSemantics.AccessibleName(sut).Should().Be(expected);
    }

    [Theory]
    [InlineData("<button id=t hidden>x</button>", true)]
    [InlineData("<div aria-hidden=true><button id=t>x</button></div>", true)]
    [InlineData("<div style='display: none'><button id=t>x</button></div>", true)]
    [InlineData("<div style='visibility:hidden'><button id=t>x</button></div>", true)]
    [InlineData("<div style='visibility:hidden'><button id=t style='visibility: visible'>x</button></div>", false)]
    [InlineData("<button id=t hidden style='display:block'>x</button>", false)]
    [InlineData("<input id=t type=hidden>", true)]
    [InlineData("<details><div id=t>x</div></details>", true)]
    [InlineData("<details><summary id=t>x</summary></details>", false)]
    [InlineData("<details open><div id=t>x</div></details>", false)]
    [InlineData("<select style='visibility:hidden'><option id=t>x</option></select>", false)]
    [InlineData("<button id=t>x</button>", false)]
    public void IsHidden_Element_JudgesFromAttributesAndInlineStyles(string html, bool expected)
    {
        var sut = Element(html);

        AriaSemantics.IsHidden(sut).Should().Be(expected);
    }

    [Fact]
    public void IsHidden_ScriptHeadAndTemplate_AreHidden()
    {
        var dom = DomLoader.Parse("<html><head><title>T</title></head><body><template id=tp><b>x</b></template><script id=s>1</script></body></html>");

        AriaSemantics.IsHidden(dom.QuerySelector("title")!).Should().BeTrue();
        AriaSemantics.IsHidden(dom.QuerySelector("#tp")!).Should().BeTrue();
        AriaSemantics.IsHidden(dom.QuerySelector("#s")!).Should().BeTrue();
    }

    [Fact]
    public void LabelText_ForAndWrappingLabels_AreJoinedInDocumentOrder()
    {
        var sut = Element("<label for=t>Card</label><label>number <input id=t></label><label for=other>no</label>");

        AriaSemantics.LabelText(sut).Should().Be("Card number");
        AriaSemantics.LabelText(Element("<label>x</label><div id=t></div>")).Should().BeNull();
    }

    [Theory]
    [InlineData("  Sign \n\t In\u200b now\u00ad ", "Sign In now")]
    [InlineData("", "")]
    [InlineData("\u00a0a\u00a0\u00a0b", "a b")]
    public void Normalize_Text_CollapsesWhitespaceAndDropsInvisibles(string input, string expected) =>
        AriaSemantics.Normalize(input).Should().Be(expected);

    [Fact]
    public void States_SnapshotMarkers_WinOverAttributes()
    {
        var dom = DomLoader.Parse("""
            <input id=c type=checkbox checked __playwright_checked_=false>
            <select><option id=o1 selected __playwright_selected_=false>a</option><option id=o2 __playwright_selected_=true>b</option></select>
            <button id=p aria-pressed=true aria-expanded=false>p</button>
            <fieldset disabled><legend><input id=inLegend></legend><input id=d></fieldset>
            <h2 id=h aria-level=4>h</h2><div id=al role=heading aria-level=3>x</div>
            """);

        AriaSemantics.Checked(dom.QuerySelector("#c")!).Should().Be("false");
        AriaSemantics.Selected(dom.QuerySelector("#o1")!).Should().BeFalse();
        AriaSemantics.Selected(dom.QuerySelector("#o2")!).Should().BeTrue();
        AriaSemantics.Pressed(dom.QuerySelector("#p")!).Should().Be("true");
        AriaSemantics.Expanded(dom.QuerySelector("#p")!).Should().BeFalse();
        AriaSemantics.Disabled(dom.QuerySelector("#d")!).Should().BeTrue();
        AriaSemantics.Disabled(dom.QuerySelector("#inLegend")!).Should().BeFalse();
        AriaSemantics.Level(dom.QuerySelector("#h")!).Should().Be(2);
        AriaSemantics.Level(dom.QuerySelector("#al")!).Should().Be(3);
    }

    [Fact]
    public void Semantics_InsideRenderedShadowRoot_SeeTheHost()
    {
        var dom = DomLoader.Parse("""
            <div aria-hidden=true><x-card><template __playwright_shadow_root_="open"><button id=inner>Buy</button></template></x-card></div>
            <x-pay><template __playwright_shadow_root_="open"><button id=pay>Pay <slot></slot></button></template>now</x-pay>
            """);
        var fragmentButton = dom.QuerySelectorAll("template").Select(t => ((AngleSharp.Html.Dom.IHtmlTemplateElement)t).Content.QuerySelector("button")!).ToList();

        AriaSemantics.IsHidden(fragmentButton[0]).Should().BeTrue();
        AriaSemantics.IsHidden(fragmentButton[1]).Should().BeFalse();
        AriaSemantics.AccessibleName(fragmentButton[1]).Should().Be("Pay now");
    }
}
