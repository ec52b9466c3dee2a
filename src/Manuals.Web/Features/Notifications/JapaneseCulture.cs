using System.Globalization;

namespace Manuals.Web.Features.Notifications;

/// <summary>
/// E-mail and chat messages are written in Japanese whatever the request or the background thread's culture is:
/// <c>using (JapaneseCulture.Use())</c> sets ja-JP for the block and puts the previous culture back.
/// </summary>
public sealed class JapaneseCulture : IDisposable
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("ja-JP");

    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private JapaneseCulture()
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = Culture;
    }

    public static JapaneseCulture Use() => new();

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
