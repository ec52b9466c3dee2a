using System.Diagnostics.CodeAnalysis;

namespace Manuals.Core.Images;

/// <summary>The outcome of <see cref="ImageInspector.Inspect"/>: either an accepted image or the reason for refusing it.</summary>
public sealed class ImageInspectionResult
{
    private static readonly ImageInspectionResult[] RefusedResults =
        Enum.GetValues<ImageRefusal>().Order().Select(r => new ImageInspectionResult(null, r)).ToArray();

    private ImageInspectionResult(InspectedImage? image, ImageRefusal? refusal)
    {
        Image = image;
        Refusal = refusal;
    }

    /// <summary>The accepted image, stripped of metadata; <see langword="null"/> when the file was refused.</summary>
    public InspectedImage? Image { get; }

    /// <summary>Why the file was refused; <see langword="null"/> when it was accepted.</summary>
    public ImageRefusal? Refusal { get; }

    /// <summary>Whether the file was accepted (then <see cref="Image"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(Image))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAccepted => Image is not null;

    /// <summary>An accepted image.</summary>
    public static ImageInspectionResult Accepted(InspectedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new ImageInspectionResult(image, null);
    }

    /// <summary>A refused file. The results are shared instances, so refusing allocates nothing.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="refusal"/> is not a defined value.</exception>
    public static ImageInspectionResult Refused(ImageRefusal refusal) =>
        (int)refusal >= 0 && (int)refusal < RefusedResults.Length
            ? RefusedResults[(int)refusal]
            : throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null);
}
