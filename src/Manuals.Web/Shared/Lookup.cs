namespace Manuals.Web.Shared;

/// <summary>A page model, or why there is none: the thing does not exist, or the viewer may not see it.</summary>
public sealed record Lookup<T>(T? Value, LookupStatus Status)
    where T : class;
