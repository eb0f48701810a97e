using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Contracts;

/// <summary>
/// How a <see cref="LocatorSpec"/> finds its element: a Playwright locator (<c>getByRole</c>, <c>getByTestId</c>…),
/// a selector string, or a Selenium strategy. Serialised in snake_case (<c>test_id</c>, <c>link_text</c>, <c>xpath</c>).
/// </summary>
public enum LocatorKind
{
    /// <summary>A CSS selector (<c>#login</c>, <c>button.primary</c>).</summary>
    Css,

    /// <summary>A Playwright selector string the other kinds cannot hold (a chain, an engine part).</summary>
    Selector,

    /// <summary>An XPath expression.</summary>
    [JsonStringEnumMemberName("xpath")]
    XPath,

    /// <summary>Selenium's <c>By.id</c>: the <c>id</c> attribute equals the value.</summary>
    Id,

    /// <summary>Selenium's <c>By.name</c>: the <c>name</c> attribute equals the value.</summary>
    Name,

    /// <summary>Selenium's <c>By.className</c>: one class token.</summary>
    Class,

    /// <summary>Selenium's <c>By.linkText</c> (exact) or <c>By.partialLinkText</c> (<see cref="LocatorSpec.Exact"/> false).</summary>
    LinkText,

    /// <summary><c>getByTestId</c>.</summary>
    TestId,

    /// <summary><c>getByText</c>.</summary>
    Text,

    /// <summary><c>getByLabel</c>.</summary>
    Label,

    /// <summary><c>getByPlaceholder</c>.</summary>
    Placeholder,

    /// <summary><c>getByTitle</c>.</summary>
    Title,

    /// <summary><c>getByAltText</c>.</summary>
    AltText,

    /// <summary><c>getByRole</c>, with <see cref="LocatorSpec.Role"/> and <see cref="LocatorSpec.Name"/>.</summary>
    Role,
}
