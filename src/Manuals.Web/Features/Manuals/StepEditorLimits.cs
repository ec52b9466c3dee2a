namespace Manuals.Web.Features.Manuals;

public static class StepEditorLimits
{
    /// <summary>
    /// Form values the manual form may post: the step editor posts four per step card and a few per section, so a
    /// long manual goes past ASP.NET Core's default of 1,024.
    /// </summary>
    public const int FormValueCount = 20_000;
}
