namespace Manuals.Core.Images;

/// <summary>The image formats the server accepts. Each is recognised by its own signature and structure, never by a
/// file name or a declared content type.</summary>
public enum ImageFormat
{
    /// <summary>PNG, including animated PNG (APNG).</summary>
    Png,

    /// <summary>Baseline, extended sequential or progressive JPEG (JFIF or Adobe).</summary>
    Jpeg,

    /// <summary>GIF87a or GIF89a, including animated GIF.</summary>
    Gif,

    /// <summary>WebP, lossy or lossless, simple or extended (animation, alpha, ICC profile).</summary>
    WebP,
}
