namespace Manuals.Web.Features.Images;

/// <summary>The body of <c>POST /images/{sha256}/redact</c>: the style (<c>pixelate</c> or <c>blur</c>) and the areas.</summary>
public sealed class RedactionRequest
{
    public string? Style { get; set; }

    public List<RedactionRequestArea?>? Areas { get; set; }

    /// <summary>Whether the editor has no other use of the unredacted picture, so it may be deleted at once.</summary>
    public bool Forget { get; set; }
}

/// <summary>One area to hide, in the picture's pixels.</summary>
public sealed class RedactionRequestArea
{
    public int X { get; set; }

    public int Y { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }
}
