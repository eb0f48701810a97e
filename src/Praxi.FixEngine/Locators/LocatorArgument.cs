namespace Praxi.FixEngine.Locators;

/// <summary>What the first argument of a locator method is.</summary>
internal enum LocatorArgument
{
    /// <summary>No argument: <c>first()</c>, <c>last()</c>, <c>contentFrame()</c> (properties in .NET).</summary>
    None,

    /// <summary>A selector string: <c>locator('#x')</c>, <c>frameLocator('iframe')</c>.</summary>
    Selector,

    /// <summary>A text, test id or attribute value (string or regex): <c>getByText('Save')</c>.</summary>
    Text,

    /// <summary>An ARIA role, then options: <c>getByRole('button', { name })</c>.</summary>
    Role,

    /// <summary>An index: <c>nth(2)</c>.</summary>
    Index,

    /// <summary>An options object: <c>filter({ hasText })</c>.</summary>
    Options,

    /// <summary>Another locator: <c>and(…)</c>, <c>or(…)</c>.</summary>
    Locator,
}
