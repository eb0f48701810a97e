using System.Runtime.CompilerServices;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>
/// A flattened copy of a page whose rendered shadow roots are spliced into their hosts, so that plain CSS run on it
/// pierces open shadow roots the way Playwright's CSS engine does (<c>x-card button</c> finds a button in
/// <c>x-card</c>'s shadow root). Built once per document (only when it has shadow roots) and mapped back to the
/// original elements. Attributes whose names the DOM API refuses (<c>@click</c>) are left out of the copy.
/// </summary>
internal sealed class ComposedDocument
{
    private static readonly ConditionalWeakTable<IDocument, ComposedDocument> Cache = [];

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private readonly Dictionary<IElement, IElement> _toOriginal = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IElement, IElement> _toCopy = new(ReferenceEqualityComparer.Instance);

    private ComposedDocument(IDocument original)
    {
        Copy = Parser.ParseDocument(string.Empty);
        if (Copy.DocumentElement is { } placeholder)
        {
            Copy.RemoveChild(placeholder);
        }

        if (original.DocumentElement is { } root)
        {
            Copy.AppendChild(Clone(root));
        }
    }

    public IDocument Copy { get; }

    public static ComposedDocument For(IDocument document) => Cache.GetValue(document, d => new ComposedDocument(d));

    /// <summary>The copy of an original element; null for one the copy does not hold.</summary>
    public IElement? CopyOf(IElement original) => _toCopy.GetValueOrDefault(original);

    /// <summary>The original of a copied element.</summary>
    public IElement? OriginalOf(IElement copy) => _toOriginal.GetValueOrDefault(copy);

    private IElement Clone(IElement original)
    {
        var copy = CreateElement(original);
        _toOriginal[copy] = original;
        _toCopy[original] = copy;
        foreach (var attribute in original.Attributes)
        {
            try
            {
                if (attribute.NamespaceUri is null)
                {
                    copy.SetAttribute(attribute.Name, attribute.Value);
                }
                else
                {
                    copy.SetAttribute(attribute.NamespaceUri, attribute.Name, attribute.Value);
                }
            }
            catch (DomException)
            {
                // A name the DOM API refuses; CSS could not select it by that name anyway.
            }
        }

        AppendChildren(copy, original);
        return copy;
    }

    private void AppendChildren(IElement copy, INode original)
    {
        var children = original.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            switch (children[i])
            {
                case IElement element when ComposedTree.IsShadowTemplate(element):
                    AppendChildren(copy, ((IHtmlTemplateElement)element).Content);
                    break;
                case IElement element:
                    copy.AppendChild(Clone(element));
                    break;
                case IText text:
                    copy.AppendChild(Copy.CreateTextNode(text.Data));
                    break;
            }
        }
    }

    private IElement CreateElement(IElement original)
    {
        try
        {
            return original.NamespaceUri is null or "http://www.w3.org/1999/xhtml"
                ? Copy.CreateElement(original.LocalName)
                : Copy.CreateElement(original.NamespaceUri, original.Prefix is null ? original.LocalName : original.Prefix + ":" + original.LocalName);
        }
        catch (DomException)
        {
            return Copy.CreateElement("x-unnamed");
        }
    }
}
