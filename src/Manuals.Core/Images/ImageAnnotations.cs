using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Manuals.Core.Images;

/// <summary>What an annotation draws on a screenshot.</summary>
public enum AnnotationKind
{
    /// <summary>A box around something (X, Y, Width, Height).</summary>
    Box,

    /// <summary>An arrow from (X, Y) to (X + Width, Y + Height), its head at the end.</summary>
    Arrow,

    /// <summary>A numbered circle (①②③) centred on (X, Y); <see cref="ImageAnnotation.Text"/> is the number.</summary>
    Number,

    /// <summary>A short label whose text starts at (X, Y), its baseline.</summary>
    Label,
}

/// <summary>One mark on a screenshot, in the picture's own pixels.</summary>
public sealed record ImageAnnotation(AnnotationKind Kind, string Color, int X, int Y, int Width, int Height, string Text);

/// <summary>
/// Boxes, arrows, numbered markers and labels drawn over a screenshot. They are data beside the picture, not pixels in
/// it: written in the image address's fragment, <c>![…](/images/&lt;sha256&gt;#ann=1600x900;box:red:80:370:480:100;…)</c>,
/// which every Markdown viewer ignores (the picture still shows), and drawn by the renderer as an SVG overlay that scales
/// with the picture on the page, in step mode and in print (<see cref="ToSvg"/>).
/// </summary>
public sealed record ImageAnnotations(int Width, int Height, IReadOnlyList<ImageAnnotation> Items)
{
    // Labels are Japanese: written as they are, with only what HTML needs escaped.
    private static readonly HtmlEncoder LabelEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The fragment's key: <c>#ann=…</c>.</summary>
    public const string FragmentKey = "ann=";

    /// <summary>The most marks on one picture.</summary>
    public const int MaxItems = 60;

    /// <summary>The longest label.</summary>
    public const int MaxLabelLength = 40;

    /// <summary>The strong colours marks come in, by name, as the editor offers them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Colors = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["red"] = "#d62828",
        ["orange"] = "#f77f00",
        ["blue"] = "#1d4ed8",
        ["green"] = "#15803d",
    };

    private static readonly Dictionary<string, AnnotationKind> Kinds = new(StringComparer.Ordinal)
    {
        ["box"] = AnnotationKind.Box,
        ["arrow"] = AnnotationKind.Arrow,
        ["num"] = AnnotationKind.Number,
        ["text"] = AnnotationKind.Label,
    };

    /// <summary>
    /// Splits an image address into its path and its marks: <c>/images/…#ann=…</c> gives the path and the marks; an address
    /// without a valid <c>#ann=</c> fragment gives itself and <see langword="null"/>. Marks are clipped to the picture;
    /// unknown kinds or colours, bad numbers and marks over <see cref="MaxItems"/> make the whole fragment invalid.
    /// </summary>
    public static (string Path, ImageAnnotations? Annotations) Split(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0 || !url.AsSpan(hash + 1).StartsWith(FragmentKey, StringComparison.Ordinal))
        {
            return (url, null);
        }

        return (url[..hash], Parse(url[(hash + 1 + FragmentKey.Length)..]));
    }

    /// <summary>The marks in a fragment's value (after <c>ann=</c>), or <see langword="null"/> when it is not valid.</summary>
    public static ImageAnnotations? Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split(';');
        var size = parts[0].Split('x');
        if (size.Length != 2 || !TryNumber(size[0], out var width) || !TryNumber(size[1], out var height) || width <= 0 || height <= 0
            || parts.Length - 1 > MaxItems)
        {
            return null;
        }

        var items = new List<ImageAnnotation>();
        foreach (var part in parts.Skip(1))
        {
            var fields = part.Split(':');
            if (fields.Length < 6 || !Kinds.TryGetValue(fields[0], out var kind) || !Colors.ContainsKey(fields[1])
                || !TryNumber(fields[2], out var x) || !TryNumber(fields[3], out var y))
            {
                return null;
            }

            x = Math.Clamp(x, 0, width);
            y = Math.Clamp(y, 0, height);
            switch (kind)
            {
                case AnnotationKind.Box or AnnotationKind.Arrow when fields.Length == 6 && TryNumber(fields[4], out var w) && TryNumber(fields[5], out var h):
                    w = kind == AnnotationKind.Box ? Math.Clamp(w, 0, width - x) : Math.Clamp(x + w, 0, width) - x;
                    h = kind == AnnotationKind.Box ? Math.Clamp(h, 0, height - y) : Math.Clamp(y + h, 0, height) - y;
                    items.Add(new ImageAnnotation(kind, fields[1], x, y, w, h, ""));
                    break;
                case AnnotationKind.Number when fields.Length == 6 && TryNumber(fields[5], out var number) && number is >= 1 and <= 99:
                    items.Add(new ImageAnnotation(kind, fields[1], x, y, 0, 0, number.ToString(CultureInfo.InvariantCulture)));
                    break;
                case AnnotationKind.Label when fields.Length == 6 && Decode(fields[5]) is { Length: > 0 and <= MaxLabelLength } text:
                    items.Add(new ImageAnnotation(kind, fields[1], x, y, 0, 0, text));
                    break;
                default:
                    return null;
            }
        }

        return new ImageAnnotations(width, height, items);
    }

    /// <summary>The fragment value, as <see cref="Parse"/> reads it (and the editor writes it).</summary>
    public string ToFragmentValue()
    {
        var builder = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{Width}x{Height}");
        foreach (var item in Items)
        {
            var name = Kinds.First(k => k.Value == item.Kind).Key;
            var last = item.Kind switch
            {
                AnnotationKind.Number => $"0:{item.Text}",
                AnnotationKind.Label => $"0:{Uri.EscapeDataString(item.Text)}",
                _ => string.Create(CultureInfo.InvariantCulture, $"{item.Width}:{item.Height}"),
            };
            builder.Append(CultureInfo.InvariantCulture, $";{name}:{item.Color}:{item.X}:{item.Y}:{last}");
        }

        return builder.ToString();
    }

    /// <summary>
    /// The marks as an SVG drawn over the picture (<c>viewBox</c> in the picture's pixels, so it scales with it). Lines
    /// and text grow with the picture's size, so marks read the same on a small and a large screenshot.
    /// </summary>
    public string ToSvg()
    {
        var unit = Math.Max(Width, Height) / 400.0;
        var stroke = Format(Math.Max(2, unit * 1.6));
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"annotated-image__marks\" viewBox=\"0 0 {Width} {Height}\" aria-hidden=\"true\" focusable=\"false\">");
        foreach (var item in Items)
        {
            var color = Colors[item.Color];
            switch (item.Kind)
            {
                case AnnotationKind.Box:
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<rect x=\"{item.X}\" y=\"{item.Y}\" width=\"{item.Width}\" height=\"{item.Height}\" rx=\"{Format(unit)}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{stroke}\"/>");
                    break;
                case AnnotationKind.Arrow:
                    svg.Append(Arrow(item, color, unit, stroke));
                    break;
                case AnnotationKind.Number:
                    var radius = Format(unit * 7);
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<circle cx=\"{item.X}\" cy=\"{item.Y}\" r=\"{radius}\" fill=\"{color}\" stroke=\"#fff\" stroke-width=\"{Format(unit)}\"/>");
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<text x=\"{item.X}\" y=\"{item.Y}\" fill=\"#fff\" font-size=\"{Format(unit * 9)}\" font-weight=\"700\" text-anchor=\"middle\" dominant-baseline=\"central\">{item.Text}</text>");
                    break;
                default:
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<text x=\"{item.X}\" y=\"{item.Y}\" fill=\"{color}\" font-size=\"{Format(unit * 8)}\" font-weight=\"700\" stroke=\"#fff\" stroke-width=\"{Format(unit * 1.5)}\" paint-order=\"stroke\">{LabelEncoder.Encode(item.Text)}</text>");
                    break;
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The marks' words for text output and search: numbers and labels in order.</summary>
    public string Words => string.Join(' ', Items.Where(i => i.Kind == AnnotationKind.Label).Select(i => i.Text));

    private static string Arrow(ImageAnnotation item, string color, double unit, string stroke)
    {
        var (x2, y2) = (item.X + item.Width, item.Y + item.Height);
        var length = Math.Max(1, Math.Sqrt((item.Width * (double)item.Width) + (item.Height * (double)item.Height)));
        var (dx, dy) = (item.Width / length, item.Height / length);
        var head = unit * 10;
        // The line stops where the head begins; the head is a triangle pointing along the arrow.
        var (bx, by) = (x2 - (dx * head), y2 - (dy * head));
        var (px, py) = (-dy * head * 0.55, dx * head * 0.55);
        return string.Create(CultureInfo.InvariantCulture,
            $"<line x1=\"{item.X}\" y1=\"{item.Y}\" x2=\"{Format(bx)}\" y2=\"{Format(by)}\" stroke=\"{color}\" stroke-width=\"{stroke}\" stroke-linecap=\"round\"/>"
            + $"<polygon points=\"{x2},{y2} {Format(bx + px)},{Format(by + py)} {Format(bx - px)},{Format(by - py)}\" fill=\"{color}\"/>");
    }

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value is >= -100_000 and <= 100_000;

    /// <summary>A label's percent-encoded UTF-8 text, or null when the escapes or the bytes are not valid.</summary>
    private static string? Decode(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
            else if (i + 2 < text.Length && byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                bytes.Add(value);
                i += 2;
            }
            else
            {
                return null;
            }
        }

        try
        {
            return StrictUtf8.GetString([.. bytes]).Trim();
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string Format(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
