using System.Globalization;
using Manuals.Core.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Manuals.Benchmarks;

/// <summary>
/// The upload pipeline's time per image (issue #15): a 1920 × 1080 screenshot-like picture (flat areas, fine text-like
/// stripes, a noisy photo area) as PNG and as JPEG, through <see cref="ImageProcessor.ProcessAsync"/>; prints the median
/// and 95th percentile of each step (decode → strip → encode → sizes) over the measured runs.
/// </summary>
internal static class ImageBench
{
    public const string Usage = "usage: dotnet run -c Release --project bench/Manuals.Benchmarks -- images [--runs N] [--warmup N]";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Option(args, "--runs", 40);
        var warmup = Option(args, "--warmup", 5);
        if (runs <= 0 || warmup < 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var processor = new ImageProcessor();
        using var picture = Screenshot();
        Console.WriteLine($"Upload pipeline, 1920 × 1080, {runs} runs after {warmup} warm-up, {Environment.ProcessorCount} cores");
        Console.WriteLine("format  bytes in   bytes out  decode p50/p95   strip p50/p95    encode p50/p95   sizes p50/p95    total p50/p95");
        foreach (var (name, data) in new[] { ("PNG", Encode(picture, new PngEncoder())), ("JPEG", Encode(picture, new JpegEncoder { Quality = 92 })) })
        {
            var timings = new List<ImageTimings>();
            var stored = 0;
            for (var i = 0; i < warmup + runs; i++)
            {
                var result = await processor.ProcessAsync(data, CancellationToken.None);
                if (!result.IsAccepted || result.Timings is null)
                {
                    Console.Error.WriteLine($"{name}: refused ({result.Refusal})");
                    return 1;
                }

                stored = result.Image.Data.Length;
                if (i >= warmup)
                {
                    timings.Add(result.Timings);
                }
            }

            string Column(Func<ImageTimings, TimeSpan> step) => $"{Ms(timings, step, 0.5),6} / {Ms(timings, step, 0.95),-6}";
            Console.WriteLine(
                $"{name,-6}  {data.Length,9}  {stored,9}  {Column(t => t.Decode)}  {Column(t => t.Clean)}  {Column(t => t.Encode)}  {Column(t => t.Sizes)}  {Column(t => t.Total)}");
        }

        Console.WriteLine("(milliseconds)");
        return 0;
    }

    private static string Ms(List<ImageTimings> timings, Func<ImageTimings, TimeSpan> step, double quantile)
    {
        var sorted = timings.Select(step).Order().ToList();
        var value = sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
        return value.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static byte[] Encode(Image image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }

    /// <summary>A screen: light window, a header bar, rows of thin dark "text" strokes, a noisy photo in a corner.</summary>
    private static Image<Rgba32> Screenshot()
    {
        var image = new Image<Rgba32>(1920, 1080, new Rgba32(246, 248, 250));
        var random = new Random(15);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    if (y < 64)
                    {
                        row[x] = new Rgba32(29, 78, 137);
                    }
                    else if (x > 1400 && y > 700)
                    {
                        row[x] = new Rgba32((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                    }
                    else if (y % 28 < 14 && x % 9 < 5 && (x / 90 + y / 28) % 5 != 0 && x > 80 && x < 1300)
                    {
                        row[x] = new Rgba32(40, 44, 52);
                    }
                }
            }
        });
        return image;
    }
}
