namespace Manuals.Core.Images;

/// <summary>Whether a viewer may see a stored image (<see cref="ImageService.AccessAsync"/>), and whether a manual uses it yet.</summary>
public enum ImageAccess
{
    /// <summary>Unknown, or used only by manuals the viewer may not read: answered exactly like an unknown hash.</summary>
    Hidden,

    /// <summary>
    /// Uploaded but in no saved revision yet (a writer's draft): any signed-in user may see it, and it is not cached, so an
    /// unredacted screenshot hidden before saving does not stay in the browser.
    /// </summary>
    Unused,

    /// <summary>In a revision of a manual the viewer may read.</summary>
    Used,
}
