namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>The form of one locator call.</summary>
internal enum LocatorStepKind
{
    /// <summary><c>locator('css')</c>, <c>$('css')</c>: a selector string that can be chained on.</summary>
    Selector,

    /// <summary>A page-level call taking a selector string (<c>page.click('#x')</c>, <c>waitForSelector</c>): the string is all there is.</summary>
    Action,

    /// <summary><c>frameLocator('iframe')</c>.</summary>
    Frame,

    /// <summary><c>getByRole</c>, <c>getByTestId</c>, <c>getByText</c>…: the locator kind is <see cref="LocatorStep.By"/>.</summary>
    GetBy,

    /// <summary><c>first()</c>, <c>last()</c>, <c>nth(i)</c>.</summary>
    Nth,

    /// <summary><c>filter({ hasText })</c>.</summary>
    Filter,

    /// <summary>Anything else on a locator (<c>and</c>, <c>or</c>, <c>filter({ has })</c>): kept, never edited.</summary>
    Other,
}
