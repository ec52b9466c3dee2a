namespace Manuals.Web.Shared.Resources;

/// <summary>
/// Marker for the UI text in <c>SharedResource.ja.resx</c> (default) and <c>SharedResource.en.resx</c>. Views inject
/// <c>IStringLocalizer&lt;SharedResource&gt;</c>; keys are dotted names such as <c>Manuals.Edit.Save</c>.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be a non-static class.
public sealed class SharedResource
#pragma warning restore CA1052
{
    private SharedResource()
    {
    }
}
