namespace Manuals.Core.Images;

/// <summary>An image the viewer may see (<see cref="ImageService.FindViewableAsync"/>), and whether a manual uses it yet.</summary>
public sealed record ViewableImage(StoredImage Image, ImageAccess Access);
