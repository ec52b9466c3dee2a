namespace Manuals.Core.Images;

/// <summary>Why an uploaded file was refused. The web layer turns each reason into a message for the writer.</summary>
public enum ImageRefusal
{
    /// <summary>The file has no bytes.</summary>
    Empty,

    /// <summary>The file is larger than <see cref="ImageLimits.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>
    /// The file does not start with the signature of PNG, JPEG, GIF or WebP (SVG, HTML, BMP, TIFF, PDF, text …), or it is
    /// a kind of JPEG that browsers do not display (lossless, hierarchical or arithmetic-coded).
    /// </summary>
    UnsupportedFormat,

    /// <summary>
    /// The file starts like a supported image but its structure is broken: it is truncated, a length or checksum is
    /// wrong, a required part is missing, or a part appears where the format does not allow it.
    /// </summary>
    Corrupt,

    /// <summary>
    /// The image is complete but more bytes follow its end (after PNG's IEND, JPEG's EOI, GIF's trailer or beyond
    /// WebP's RIFF size). Such files are typically polyglots: an image that is also HTML, a script or a ZIP archive.
    /// </summary>
    TrailingData,

    /// <summary>The header declares a width or height of zero.</summary>
    InvalidDimensions,

    /// <summary>The header declares more than <see cref="ImageLimits.MaxPixels"/> pixels (for animations: in some frame).</summary>
    TooManyPixels,
}
