using System.Xml;
using System.Xml.XPath;
using AngleSharp.Dom;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>
/// An <see cref="XPathNavigator"/> over an AngleSharp tree, so <c>System.Xml.XPath</c> evaluates XPath 1.0 on a
/// rebuilt page as a browser's <c>document.evaluate</c> would: HTML elements are in no namespace (an unprefixed
/// <c>//button</c> finds them; SVG and MathML keep their namespace, as in a browser), the doctype is not a node,
/// <c>&lt;template&gt;</c> content is not in the tree. The position is the node plus its index among its parent's
/// children, because AngleSharp's sibling links scan the parent's child list.
/// </summary>
internal sealed class DomXPathNavigator : XPathNavigator
{
    private const string HtmlNamespace = "http://www.w3.org/1999/xhtml";

    private readonly XmlNameTable _names;
    private INode _node;
    private int _index;
    private int _attribute;

    public DomXPathNavigator(INode node)
        : this(node, new NameTable(), -2, -1)
    {
    }

    private DomXPathNavigator(INode node, XmlNameTable names, int index, int attribute)
    {
        _node = node;
        _names = names;
        _index = index;
        _attribute = attribute;
    }

    public override XmlNameTable NameTable => _names;

    public override object UnderlyingObject => _attribute >= 0 ? ((IElement)_node).Attributes[_attribute]! : _node;

    public override XPathNodeType NodeType => _attribute >= 0
        ? XPathNodeType.Attribute
        : _node switch
        {
            IDocument or IDocumentFragment => XPathNodeType.Root,
            IElement => XPathNodeType.Element,
            IText => XPathNodeType.Text,
            IComment => XPathNodeType.Comment,
            IProcessingInstruction => XPathNodeType.ProcessingInstruction,
            _ => XPathNodeType.Text,
        };

    public override string LocalName => _names.Add(_attribute >= 0
        ? Attribute.LocalName
        : _node switch
        {
            IElement element => element.LocalName,
            IProcessingInstruction pi => pi.Target,
            _ => string.Empty,
        });

    public override string Name => _names.Add(_attribute >= 0
        ? Attribute.Name
        : _node switch
        {
            IElement element when IsHtml(element) || element.Prefix is null => element.LocalName,
            IElement element => element.Prefix + ":" + element.LocalName,
            IProcessingInstruction pi => pi.Target,
            _ => string.Empty,
        });

    public override string NamespaceURI => _names.Add(_attribute >= 0
        ? Attribute.NamespaceUri ?? string.Empty
        : _node is IElement element && !IsHtml(element) ? element.NamespaceUri ?? string.Empty : string.Empty);

    public override string Prefix => _names.Add(_attribute >= 0
        ? Attribute.Prefix ?? string.Empty
        : _node is IElement element && !IsHtml(element) ? element.Prefix ?? string.Empty : string.Empty);

    public override string BaseURI => string.Empty;

    public override bool IsEmptyElement => _attribute < 0 && _node is IElement && _node.ChildNodes.Length == 0;

    public override string Value => _attribute >= 0
        ? Attribute.Value
        : _node switch
        {
            IDocument document => document.DocumentElement?.TextContent ?? string.Empty,
            ICharacterData data => data.Data,
            _ => _node.TextContent ?? string.Empty,
        };

    private IAttr Attribute => ((IElement)_node).Attributes[_attribute]!;

    public override XPathNavigator Clone() => new DomXPathNavigator(_node, _names, _index, _attribute);

    public override bool IsSamePosition(XPathNavigator other) =>
        other is DomXPathNavigator dom && ReferenceEquals(dom._node, _node) && dom._attribute == _attribute;

    public override bool MoveTo(XPathNavigator other)
    {
        if (other is not DomXPathNavigator dom || !ReferenceEquals(dom._names, _names))
        {
            return false;
        }

        _node = dom._node;
        _index = dom._index;
        _attribute = dom._attribute;
        return true;
    }

    public override bool MoveToFirstAttribute()
    {
        if (_attribute >= 0 || _node is not IElement element || element.Attributes.Length == 0)
        {
            return false;
        }

        _attribute = 0;
        return true;
    }

    public override bool MoveToNextAttribute()
    {
        if (_attribute < 0 || _attribute + 1 >= ((IElement)_node).Attributes.Length)
        {
            return false;
        }

        _attribute++;
        return true;
    }

    public override bool MoveToFirstNamespace(XPathNamespaceScope namespaceScope) => false;

    public override bool MoveToNextNamespace(XPathNamespaceScope namespaceScope) => false;

    public override bool MoveToFirstChild()
    {
        if (_attribute >= 0)
        {
            return false;
        }

        var children = _node.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (IsVisible(children[i]))
            {
                _node = children[i];
                _index = i;
                return true;
            }
        }

        return false;
    }

    public override bool MoveToNext()
    {
        if (_attribute >= 0 || _node.Parent is not { } parent)
        {
            return false;
        }

        var siblings = parent.ChildNodes;
        for (var i = IndexInParent(parent) + 1; i < siblings.Length; i++)
        {
            if (IsVisible(siblings[i]))
            {
                _node = siblings[i];
                _index = i;
                return true;
            }
        }

        return false;
    }

    public override bool MoveToPrevious()
    {
        if (_attribute >= 0 || _node.Parent is not { } parent)
        {
            return false;
        }

        var siblings = parent.ChildNodes;
        for (var i = IndexInParent(parent) - 1; i >= 0; i--)
        {
            if (IsVisible(siblings[i]))
            {
                _node = siblings[i];
                _index = i;
                return true;
            }
        }

        return false;
    }

    public override bool MoveToParent()
    {
        if (_attribute >= 0)
        {
            _attribute = -1;
            return true;
        }

        if (_node.Parent is not { } parent)
        {
            return false;
        }

        _node = parent;
        _index = -2;
        return true;
    }

    public override void MoveToRoot()
    {
        _attribute = -1;
        while (_node.Parent is { } parent)
        {
            _node = parent;
        }

        _index = -2;
    }

    public override bool MoveToId(string id)
    {
        var root = _node;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        var target = root switch
        {
            IDocument document => document.GetElementById(id),
            IDocumentFragment fragment => fragment.GetElementById(id),
            _ => null,
        };
        if (target is null)
        {
            return false;
        }

        _node = target;
        _index = -2;
        _attribute = -1;
        return true;
    }

    public override XmlNodeOrder ComparePosition(XPathNavigator? nav)
    {
        if (nav is not DomXPathNavigator other)
        {
            return XmlNodeOrder.Unknown;
        }

        if (IsSamePosition(other))
        {
            return XmlNodeOrder.Same;
        }

        var mine = Path(this);
        var theirs = Path(other);
        if (!ReferenceEquals(mine[0].Node, theirs[0].Node))
        {
            return XmlNodeOrder.Unknown;
        }

        var depth = 1;
        while (depth < mine.Count && depth < theirs.Count && ReferenceEquals(mine[depth].Node, theirs[depth].Node))
        {
            depth++;
        }

        // One is an ancestor of (or the element owning) the other: the ancestor comes first.
        if (depth == mine.Count)
        {
            return XmlNodeOrder.Before;
        }

        if (depth == theirs.Count)
        {
            return XmlNodeOrder.After;
        }

        return mine[depth].Order < theirs[depth].Order ? XmlNodeOrder.Before : XmlNodeOrder.After;
    }

    /// <summary>Root-first path; attributes sort before children of their element, in attribute order.</summary>
    private static List<(object Node, int Order)> Path(DomXPathNavigator navigator)
    {
        var path = new List<(object Node, int Order)>();
        if (navigator._attribute >= 0)
        {
            path.Add((((IElement)navigator._node).Attributes[navigator._attribute]!, navigator._attribute - 100_000));
        }

        INode node = navigator._node;
        var index = navigator._index;
        while (node.Parent is { } parent)
        {
            path.Add((node, index >= 0 ? index : IndexOf(parent, node)));
            node = parent;
            index = -2;
        }

        path.Add((node, 0));
        path.Reverse();
        return path;
    }

    private int IndexInParent(INode parent)
    {
        if (_index < 0)
        {
            _index = IndexOf(parent, _node);
        }

        return _index;
    }

    private static int IndexOf(INode parent, INode child)
    {
        var children = parent.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (ReferenceEquals(children[i], child))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsVisible(INode node) => node is IElement or IText or IComment or IProcessingInstruction;

    private static bool IsHtml(IElement element) => element.NamespaceUri is null or HtmlNamespace;
}
