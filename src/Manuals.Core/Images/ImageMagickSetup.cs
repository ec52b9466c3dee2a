using ImageMagick;
using ImageMagick.Configuration;

namespace Manuals.Core.Images;

/// <summary>
/// ImageMagick (Magick.NET), set up once for the one job it has here, animated WebP. A security policy allows the WebP
/// coder and nothing else (no SVG, no MSL, no delegates to other programs, no <c>@file</c> paths), and its resources are
/// capped for the whole process: at most <see cref="ImageLimits.MaxConcurrentDecodes"/> × <see cref="ImageLimits.MaxDecodedBytes"/>
/// of pixels in memory, never any on disk (over the limit a read fails rather than spilling to a temporary file), one
/// thread, and frame sizes and counts far above what <see cref="WebpAnimation"/> lets through.
/// </summary>
public static class ImageMagickSetup
{
    private const string Policy = """
        <policymap>
          <policy domain="delegate" rights="none" pattern="*" />
          <policy domain="path" rights="none" pattern="@*" />
          <policy domain="coder" rights="none" pattern="*" />
          <policy domain="coder" rights="read|write" pattern="WEBP" />
        </policymap>
        """;

    private static readonly Lazy<bool> Ready = new(Initialize);

    /// <summary>
    /// Whether ImageMagick is ready; false where its native library does not load (Magick.NET-Q8-x64 carries it for
    /// x64 Linux and Windows only), and then animated WebP is refused with its own message.
    /// </summary>
    public static bool IsAvailable => Ready.Value;

    private static bool Initialize()
    {
        try
        {
            var configuration = ConfigurationFiles.Default;
            configuration.Policy.Data = Policy;
            // Written to a new folder of its own under the temporary directory (never a fixed name another local user
            // could prepare), from which ImageMagick reads its configuration.
            MagickNET.Initialize(configuration);
            ResourceLimits.Memory = (ulong)(ImageLimits.MaxConcurrentDecodes * ImageLimits.MaxDecodedBytes);
            ResourceLimits.Disk = 0;
            ResourceLimits.Thread = 1;
            ResourceLimits.Width = 16384;
            ResourceLimits.Height = 16384;
            ResourceLimits.ListLength = 10_000;
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException or TypeInitializationException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
