namespace Praxi.FixEngine.Healing.Evaluation;

/// <summary>A change made to a copy of a page before the old element is looked for in it.</summary>
public enum RelocationMutation
{
    /// <summary>The id, name and test id are renamed as a refactor would (a word added, another spelling).</summary>
    IdRenamed,

    /// <summary>Every class is replaced by a generated one (a CSS-module or styled-components build).</summary>
    ClassRenamed,

    /// <summary>The element is wrapped in a new <c>div</c>.</summary>
    WrapperAdded,

    /// <summary>A copy of the element with other words (and no id) is inserted before it: a new list entry.</summary>
    SiblingInserted,

    /// <summary>One word of its text (or placeholder) is replaced, or a word added to a one-word text.</summary>
    TextReworded,

    /// <summary>The element is moved to the end of another container of the page.</summary>
    Moved,

    /// <summary>The element is removed: the only right answer is to abstain.</summary>
    Removed,
}
