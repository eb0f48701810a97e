namespace Praxi.FixEngine.Contracts;

/// <summary>What a fix instruction asks the fix agent to change (<c>kind</c> in analysis.json and heal.json).</summary>
public enum FixKind
{
    /// <summary><c>replace_selector</c>: the locator finds nothing; write the one the healer found.</summary>
    ReplaceSelector,

    /// <summary><c>narrow_selector</c>: the locator finds several elements; narrow it to the intended one.</summary>
    NarrowSelector,

    /// <summary><c>raise_timeout</c>: the call ran out of time; raise its timeout.</summary>
    RaiseTimeout,

    /// <summary><c>replace_hard_wait</c>: a fixed sleep; wait for the condition instead.</summary>
    ReplaceHardWait,
}
