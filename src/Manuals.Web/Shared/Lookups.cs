namespace Manuals.Web.Shared;

/// <summary>Creates <see cref="Lookup{T}"/> values.</summary>
public static class Lookups
{
    public static Lookup<T> Found<T>(T value)
        where T : class => new(value, LookupStatus.Found);

    public static Lookup<T> NotFound<T>()
        where T : class => new(null, LookupStatus.NotFound);

    public static Lookup<T> Forbidden<T>()
        where T : class => new(null, LookupStatus.Forbidden);
}
