namespace Manuals.Core.Images;

/// <summary>Stored images no manual revision or template uses: how many, and their bytes with their smaller widths.</summary>
public sealed record UnusedImages(int Count, long Bytes);
