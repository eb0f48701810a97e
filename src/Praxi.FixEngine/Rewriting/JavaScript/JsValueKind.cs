namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>What an expression was resolved to.</summary>
internal enum JsValueKind
{
    /// <summary>A literal (possibly reached through declarations).</summary>
    Literal,

    /// <summary>A locator built by a chain of locator calls.</summary>
    Locator,

    /// <summary>An object literal (<c>{ save: '#save' }</c>).</summary>
    Object,

    /// <summary>An instance of a class declared in the project (<c>new LoginPage(page)</c>, a typed fixture).</summary>
    Instance,

    /// <summary>A module namespace (<c>import * as sel from './selectors'</c>).</summary>
    Module,

    /// <summary>Something the rewriter does not model (a page, a parameter without callers, a call result).</summary>
    Opaque,

    /// <summary>A value a person must look at (interpolation, computation, disagreeing callers, a package import).</summary>
    Manual,
}
