using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Locators;

/// <summary>One Playwright locator method as each binding spells it.</summary>
/// <param name="Call">The method.</param>
/// <param name="JavaScript">JavaScript/TypeScript and Java (<c>getByRole</c>); Python writes it in snake_case (<c>get_by_role</c>).</param>
/// <param name="DotNet">.NET (<c>GetByRole</c>); a method without arguments is a property there (<c>First</c>).</param>
/// <param name="Argument">What its first argument is.</param>
/// <param name="Kind">The <see cref="LocatorSpec.By"/> of a <c>getBy</c> method; null for the others.</param>
/// <param name="Aliases">Other tools' names for the same call that logs print (Testing Library, Cypress, the DOM).</param>
internal sealed record LocatorMethod(LocatorCall Call, string JavaScript, string DotNet, LocatorArgument Argument, LocatorKind? Kind, IReadOnlyList<string> Aliases);
