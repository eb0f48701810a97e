namespace Praxi.FixEngine.Healing.Evaluation;

/// <summary>The names the report uses for <see cref="RelocationMutation"/>.</summary>
public static class RelocationMutationNames
{
    /// <summary>The mutation's name in reports: <c>id-renamed</c>, <c>class-renamed</c>, … <c>removed</c>.</summary>
    /// <param name="mutation">The mutation.</param>
    /// <returns>Its kebab-case name.</returns>
    public static string Name(this RelocationMutation mutation) => mutation switch
    {
        RelocationMutation.IdRenamed => "id-renamed",
        RelocationMutation.ClassRenamed => "class-renamed",
        RelocationMutation.WrapperAdded => "wrapper-added",
        RelocationMutation.SiblingInserted => "sibling-inserted",
        RelocationMutation.TextReworded => "text-reworded",
        RelocationMutation.Moved => "moved",
        RelocationMutation.Removed => "removed",
        _ => throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null),
    };
}
