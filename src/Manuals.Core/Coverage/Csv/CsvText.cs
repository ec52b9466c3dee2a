using System.Text;

namespace Manuals.Core.Coverage.Csv;

/// <summary>
/// Turns an uploaded file's bytes into text. Excel in Japan saves CSV as Shift_JIS (「CSV (コンマ区切り)」) or as UTF-8
/// (「CSV UTF-8」, with a BOM), so both are read: valid UTF-8 is UTF-8, anything else must be valid Shift_JIS.
/// UTF-16 (「Unicode テキスト」) and binary files are refused with a reason instead of being read as garbage.
/// </summary>
public static class CsvText
{
    public const string Utf8 = "UTF-8";
    public const string ShiftJis = "Shift_JIS";

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> StrictShiftJis = new(() =>
    {
        // Code pages ship with .NET but are off until a provider is registered; registering twice is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>UTF-8 with a BOM, so Excel opens exported files with the Japanese intact.</summary>
    public static Encoding ExportEncoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The text and the encoding it was read in, or an error code (<c>Empty</c>, <c>EncodingUnsupported</c>).</summary>
    public static (string? Text, string Encoding, string? ErrorCode) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return (null, "", "Empty");
        }

        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] || bytes.Contains((byte)0))
        {
            return (null, "", "EncodingUnsupported");
        }

        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            bytes = bytes[3..];
        }

        var (text, encoding) = TryDecode(StrictUtf8, bytes) is { } utf8
            ? (utf8, Utf8)
            : (TryDecode(StrictShiftJis.Value, bytes), ShiftJis);
        if (text is null || text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            return (null, "", "EncodingUnsupported");
        }

        return (text, encoding, null);
    }

    private static string? TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
