namespace Manuals.Core.Images;

/// <summary>Why an uploaded file was refused. The web layer turns each reason into a message for the writer.</summary>
public enum ImageRefusal
{
    /// <summary>The file has no bytes.</summary>
    Empty,

    /// <summary>The file is larger than <see cref="ImageLimits.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>The file is not a PNG, JPEG, GIF or WebP image (SVG, HTML, BMP, TIFF, PDF, text …).</summary>
    UnsupportedFormat,

    /// <summary>The decoder could not read the file: its structure is broken.</summary>
    Corrupt,

    /// <summary>The file stops before the image's end (a download or copy that did not finish).</summary>
    Truncated,

    /// <summary>The header declares a width or height of zero.</summary>
    InvalidDimensions,

    /// <summary>
    /// The header declares more than <see cref="ImageLimits.MaxPixels"/> pixels, or decoding needed more than
    /// <see cref="ImageLimits.MaxDecodedBytes"/> (an animation with very many frames).
    /// </summary>
    TooManyPixels,

    /// <summary>Decoding and encoding took longer than <see cref="ImageLimits.ProcessingTimeout"/>.</summary>
    TooSlow,

    /// <summary>
    /// An animated WebP on a server where ImageMagick, which decodes WebP animations here (ImageSharp 2.x cannot), does
    /// not load: its native library is shipped for x64 Linux and Windows only. An animated GIF works everywhere.
    /// </summary>
    AnimatedWebP,

    /// <summary>A redaction whose areas all lie outside the picture: nothing would be hidden.</summary>
    NothingToRedact,
}
