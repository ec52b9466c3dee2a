using System.Diagnostics.CodeAnalysis;

namespace Manuals.Core.Images;

/// <summary>The outcome of <see cref="ImageProcessor.ProcessAsync"/>: the image to store, or why the file was refused.</summary>
public sealed class ImageProcessingResult
{
    private ImageProcessingResult(ProcessedImage? image, ImageRefusal? refusal, ImageTimings? timings)
    {
        Image = image;
        Refusal = refusal;
        Timings = timings;
    }

    /// <summary>How long each step took, for an accepted image (the benchmark prints them).</summary>
    public ImageTimings? Timings { get; }

    /// <summary>The image to store; <see langword="null"/> when refused.</summary>
    public ProcessedImage? Image { get; }

    /// <summary>Why the file was refused; <see langword="null"/> when accepted.</summary>
    public ImageRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Image))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAccepted => Image is not null;

    public static ImageProcessingResult Accepted(ProcessedImage image, ImageTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new ImageProcessingResult(image, null, timings);
    }

    public static ImageProcessingResult Refused(ImageRefusal refusal) => new(null, refusal, null);
}

/// <summary>The steps of processing one image: decoding, turning upright and stripping, encoding, the smaller widths.</summary>
public sealed record ImageTimings(TimeSpan Decode, TimeSpan Clean, TimeSpan Encode, TimeSpan Sizes)
{
    public TimeSpan Total => Decode + Clean + Encode + Sizes;
}
